#include "extract/recognize/non_quantity.h"

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// Finds the number starting at the first digit of `needle` inside `text`.
ParsedNumber At(const std::string& text, const std::string& needle) {
  size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << needle;
  std::optional<ParsedNumber> n = ParseNumberAt(text, pos);
  EXPECT_TRUE(n.has_value()) << needle;
  return n.value_or(ParsedNumber());
}

TEST(NonQuantityTest, RejectsCodesTimesDatesAndIds) {
  auto filter = NonQuantityFilter::Create();
  ASSERT_TRUE(filter.ok()) << filter.status();
  struct { const char* text; const char* number; } cases[] = {
      {"Nvidia's A100", "100"},        {"at 10:42 PM", "10"},     {"at 6pm today", "6"},
      {"on 5/17/2018", "5"},           {"the 4th one", "4"},      {"the 1990s", "1990"},
      {"see https://x.com/a/3232572", "3232572"}, {"{\"author\":2580}", "2580"},
      {"1. First\n", "1"},             {"on Nov 4, 2025", "4"},   {"SCP-173", "173"},
      {"call 555-12345", "555"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    ParsedNumber n = At(text, c.number);
    size_t skip = 0;
    EXPECT_TRUE((*filter)->Reject(text, n, false, &skip)) << c.text;
    EXPECT_GT(skip, n.begin) << c.text;
  }
}

TEST(NonQuantityTest, KeepsAmounts) {
  auto filter = NonQuantityFilter::Create();
  ASSERT_TRUE(filter.ok()) << filter.status();
  struct { const char* text; const char* number; bool currency; } cases[] = {
      {"RMB450 million", "450", true}, {"rose 12% in", "12", false},
      {"about 1,200 staff", "1,200", false}, {"a 40nm line", "40", false},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    ParsedNumber n = At(text, c.number);
    size_t skip = 0;
    EXPECT_FALSE((*filter)->Reject(text, n, c.currency, &skip)) << c.text;
  }
}

TEST(NonQuantityTest, YearsNamesAndPronouns) {
  std::string text = "In 2023 the Mate 60 was the one that sold";
  EXPECT_TRUE(NonQuantityFilter::LooksLikeYear(text, At(text, "2023")));
  EXPECT_TRUE(NonQuantityFilter::FollowsName(text, At(text, "60")));
  std::optional<ParsedNumber> one = ParseNumberAt(text, text.find("one"));
  ASSERT_TRUE(one.has_value());
  EXPECT_TRUE(NonQuantityFilter::IsPronounOne(text, *one));
}

}  // namespace
}  // namespace claimcheck
