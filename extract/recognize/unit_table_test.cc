#include "extract/recognize/unit_table.h"

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(UnitTableTest, MatchesLongestSpelling) {
  struct { const char* text; const char* canonical; const char* matched; } cases[] = {
      {"square meters of land", "m2", "square meters"},
      {"nm process", "nm", "nm"},
      {"MB of memory", "MB", "MB"},
      {"mb of bandwidth", "Mb", "mb"},
      {"per cent.", "percent", "per cent"},
      {"percentage points", "percentage_point", "percentage points"},
      {"US dollars", "USD", "US dollars"},
      {"yuan", "CNY", "yuan"},
      {"decades", "year", "decades"},
      {"km/h", "km/h", "km/h"},
      {"%,", "percent", "%"},
  };
  const UnitTable& table = UnitTable::Get();
  for (const auto& c : cases) {
    std::optional<UnitMatch> m = table.MatchAt(c.text, 0);
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->info->canonical, c.canonical) << c.text;
    EXPECT_EQ(std::string(c.text).substr(0, m->end), c.matched) << c.text;
  }
  EXPECT_FALSE(table.MatchAt("G network", 0).has_value());
  EXPECT_FALSE(table.MatchAt("people", 0).has_value());
}

TEST(UnitTableTest, CurrencyBefore) {
  struct { const char* text; size_t number; const char* canonical; size_t begin; } cases[] = {
      {"US$ 5", 4, "USD", 0},     {"hk $ 10", 5, "HKD", 0}, {"a $ 4", 4, "$", 2},
      {"RMB 450", 4, "CNY", 0},   {"RMB450", 3, "CNY", 0},  {"\xE2\x82\xAC" "2", 3, "EUR", 0},
      {"$20", 1, "$", 0},         {"N.Z.$ 7", 6, "NZD", 0}, {"about $5", 7, "$", 6},
      {"nzdx $5", 6, "$", 5},     {"s $ 4", 4, "$", 2},     {"S$4", 2, "SGD", 0},
  };
  for (const auto& c : cases) {
    std::optional<UnitMatch> m = UnitTable::Get().MatchCurrencyBefore(c.text, c.number);
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->info->canonical, c.canonical) << c.text;
    EXPECT_EQ(m->begin, c.begin) << c.text;
  }
  EXPECT_FALSE(UnitTable::Get().MatchCurrencyBefore("ALL 5", 4).has_value());
  EXPECT_FALSE(UnitTable::Get().MatchCurrencyBefore("Nvidia's A100", 10).has_value());
}

TEST(UnitTableTest, CountedNouns) {
  struct { const char* text; const char* noun; } cases[] = {
      {"initial partners", "partner"}, {"soccer fields", "soccer field"},
      {"people died", "person"},       {"companies", "company"},
      {"of the", ""},                  {"times", ""},
      {"Huawei", ""},
  };
  for (const auto& c : cases) {
    size_t end = 0;
    EXPECT_EQ(MatchCountedNoun(c.text, 0, false, /*names_ok=*/true, &end), c.noun) << c.text;
  }
}

TEST(UnitTableTest, PluralNamesAreCountedWhenAllowed) {
  // A lower-case plural after the name still wins: "Dallas residents" -> "resident".
  size_t e = 0;
  EXPECT_EQ(MatchCountedNoun("Dallas residents", 0, false, true, &e), "resident");
  struct {
    const char* text;
    const char* noun;  // with names_ok
  } cases[] = {
      {"iPhones in 2024", "iphone"}, {"GPUs last year", "gpu"}, {"Macs and", "mac"},
      {"EVs", "ev"},                 {"Teslas", "tesla"},       {"Press", ""},
      {"Paris", ""},                 {"Lexus", ""},             {"Huawei", ""},
      {"US", ""},                    {"SMIC", ""},
  };
  for (const auto& c : cases) {
    size_t end = 0;
    EXPECT_EQ(MatchCountedNoun(c.text, 0, false, /*names_ok=*/true, &end), c.noun) << c.text;
    if (*c.noun != '\0') {
      EXPECT_EQ(absl::string_view(c.text).substr(0, end).size(), std::string(c.noun).size() + 1)
          << c.text;
      EXPECT_EQ(MatchCountedNoun(c.text, 0, false, /*names_ok=*/false, &end), "") << c.text;
    }
  }
}

}  // namespace
}  // namespace claimcheck
