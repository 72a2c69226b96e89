#include "claims/entity_aliases.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(EntityAliasesTest, BuiltInNamesResolve) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  struct {
    const char* name;
    const char* want;
  } cases[] = {
      {"Semiconductor Manufacturing International Corp.", "SMIC"},
      {"semiconductor manufacturing international corporation", "SMIC"},
      {"SMIC", "SMIC"},
      {"SMIC's", "SMIC"},
      {"SMIC\xE2\x80\x99s", "SMIC"},
      {"ChangXin Memory Technologies", "CXMT"},
      {"Yangtze Memory Technologies Co., Ltd.", "YMTC"},
      {"the National Integrated Circuit Industry Investment Fund", "Big Fund"},
      {"Big Fund Phase III", "Big Fund III"},
      {"Big Fund II", "Big Fund II"},
      {"Taiwan Semiconductor Manufacturing Co.", "TSMC"},
      {"NVIDIA", "Nvidia"},
      {"Huawei Technologies", "Huawei"},
  };
  for (const auto& c : cases) {
    std::optional<std::string> got = aliases.Find(c.name);
    ASSERT_TRUE(got.has_value()) << c.name;
    EXPECT_EQ(*got, c.want) << c.name;
    const std::string* by_key = aliases.FindByKey(EntityAliases::LookupKey(c.name));
    ASSERT_NE(by_key, nullptr) << c.name;
    EXPECT_EQ(*by_key, c.want) << c.name;
  }
  EXPECT_FALSE(aliases.Find("Quliang Electronics").has_value());
  EXPECT_EQ(aliases.FindByKey(EntityAliases::LookupKey("Quliang Electronics")), nullptr);
}

TEST(EntityAliasesTest, CanonicalizeFallsBackToTheCleanedName) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  struct {
    const char* name;
    const char* want;
  } cases[] = {
      {"the Nikkei", "Nikkei"},
      {"Quliang Electronics", "Quliang Electronics"},
      {"  PengXinXu Technology's ", "PengXinXu Technology"},
      {"The Big Fund III", "Big Fund III"},
  };
  for (const auto& c : cases) EXPECT_EQ(aliases.Canonicalize(c.name), c.want) << c.name;
}

TEST(EntityAliasesTest, FileLinesAddAliasesAndOverrideBuiltIns) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  absl::Status s = aliases.AddFromText(
      "# my aliases\n"
      "\n"
      "Quliang = Quliang Electronics\n"
      "  Shanghai foundry   =   SMIC  \n"
      "Huawei = Huawei Technologies Co\n",
      "aliases.txt");
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(aliases.Canonicalize("quliang"), "Quliang Electronics");
  EXPECT_EQ(aliases.Canonicalize("Quliang Electronics"), "Quliang Electronics");
  EXPECT_EQ(aliases.Canonicalize("the Shanghai foundry"), "SMIC");
  EXPECT_EQ(aliases.Canonicalize("Huawei"), "Huawei Technologies Co");
}

TEST(EntityAliasesTest, BadLinesAreNamedAndGoodLinesKept) {
  struct {
    const char* text;
    const char* want_in_message;
  } cases[] = {
      {"good = Good Co\nno equals sign\n", "aliases.txt:2: expected 'Alias = Canonical Name'"},
      {"# c\n = SMIC\n", "aliases.txt:2: empty alias"},
      {"SMIC =\n", "aliases.txt:1: empty canonical name"},
      {"a = b = c\n", "aliases.txt:1: more than one '='"},
  };
  for (const auto& c : cases) {
    EntityAliases aliases;
    absl::Status s = aliases.AddFromText(c.text, "aliases.txt");
    EXPECT_FALSE(s.ok()) << c.text;
    EXPECT_NE(std::string(s.message()).find(c.want_in_message), std::string::npos)
        << s.message();
  }
  EntityAliases aliases;
  (void)aliases.AddFromText("good = Good Co\nbroken\n", "a.txt");
  EXPECT_EQ(aliases.Canonicalize("good"), "Good Co");
}

}  // namespace
}  // namespace claimcheck
