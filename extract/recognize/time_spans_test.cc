#include "extract/recognize/time_spans.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct Case {
  const char* name;
  const char* text;  // the span is the whole text
  int result;        // 1 match, 0 no match, -1 ask RE2
  std::vector<std::string> groups;  // groups 1.. when result == 1 ("" = not set)
};

void Check(int (*read)(absl::string_view, size_t, size_t, re2::StringPiece*),
           const Case& c) {
  const absl::string_view text = c.text;
  re2::StringPiece g[8];
  const int r = read(text, 0, text.size(), g);
  ASSERT_EQ(r, c.result) << c.name;
  if (r != 1) return;
  EXPECT_EQ(std::string(g[0].data(), g[0].size()), c.text) << c.name;
  for (size_t k = 0; k < c.groups.size(); ++k) {
    EXPECT_EQ(std::string(g[k + 1].data(), g[k + 1].size()), c.groups[k])
        << c.name << " group " << k + 1;
  }
}

TEST(TimeSpansTest, Years) {
  const Case kCases[] = {
      {"bare", "2024", 1, {"", "2024"}},
      {"preposition", "in 2024", 1, {"in", "2024"}},
      {"as of", "As of 1999", 1, {"As of", "1999"}},
      {"not a preposition", "with 2024", 0, {}},
      {"not a year", "2124", 0, {}},
      {"non-ASCII", "in\xC2\xA0" "2024", -1, {}},
  };
  for (const Case& c : kCases) Check(ReadYearSpan, c);
}

TEST(TimeSpansTest, Quarters) {
  const Case kCases[] = {
      {"q digit", "Q3", 1, {"", "3", "", "", ""}},
      {"digit q", "4q", 1, {"", "", "4", "", ""}},
      {"with year", "in Q3 2025", 1, {"in", "3", "", "", "2025"}},
      {"ordinal", "the third quarter", 1, {"", "", "", "third", ""}},
      {"hyphen", "Fourth-quarter", 1, {"", "", "", "Fourth", ""}},
      {"fiscal quarter", "during the first fiscal quarter of fiscal year 2023", 1,
       {"during", "", "", "first", "2023"}},
      {"apostrophe year", "Q2 FY '24", 1, {"", "2", "", "", "'24"}},
      {"comma year", "2nd quarter, 2024", 1, {"", "", "", "2nd", "2024"}},
      {"as of", "as of the final quarter", 1, {"as of", "", "", "final", ""}},
      {"fifth", "the fifth quarter", 0, {}},
      {"q5", "Q5", 0, {}},
      {"quarter alone", "quarter", 0, {}},
      {"no year after of", "Q3 of", 0, {}},
      {"non-ASCII", "Q3\xE2\x80\xAF" "2025", -1, {}},
  };
  for (const Case& c : kCases) Check(ReadQuarterSpan, c);
}

TEST(TimeSpansTest, RelativePeriods) {
  const Case kCases[] = {
      {"last year", "last year", 1, {"last", "year"}},
      {"the previous quarter", "the previous quarter", 1, {"the previous", "quarter"}},
      {"blanks", "The  current\tmonth", 1, {"The  current", "month"}},
      {"fiscal year", "next fiscal year", 1, {"next", "fiscal year"}},
      {"plural", "last years", 0, {}},
      {"unknown direction", "coming year", 0, {}},
      {"no blank", "lastyear", 0, {}},
      {"non-ASCII", "last\xC2\xA0year", -1, {}},
  };
  for (const Case& c : kCases) Check(ReadRelativeSpan, c);
}

TEST(TimeSpansTest, Prepositions) {
  EXPECT_TRUE(IsTimePreposition("Throughout"));
  EXPECT_TRUE(IsTimePreposition("as of"));
  EXPECT_FALSE(IsTimePreposition("as"));
  EXPECT_FALSE(IsTimePreposition("with"));
}

}  // namespace
}  // namespace claimcheck
