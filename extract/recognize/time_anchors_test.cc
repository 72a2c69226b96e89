#include "extract/recognize/time_anchors.h"

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(TimeAnchorsTest, AnchorsStartWords) {
  struct {
    const char* text;
    size_t at;
    bool anchor;
  } cases[] = {
      {"in 2024", 3, true},       {"Q3 results", 0, true},    {"3Q results", 0, true},
      {"H1 sales", 0, true},      {"FY2025", 0, true},        {"March sales", 0, true},
      {"march on", 0, false},     {"as of May", 0, true},     {"last year", 5, true},
      {"a year", 2, false},       {"and then", 0, false},     {"the third quarter", 10, true},
      {"more", 0, false},         {"1234 units", 0, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(TimeAnchorAt(c.text, c.at), c.anchor) << c.text << " @" << c.at;
  }
}

TEST(TimeSearchStartTest, StartsBeforeTheFirstAnchor) {
  size_t anchor = 0;
  const std::string text = "Revenue rose 5% in the third quarter.";
  const size_t start = TimeSearchStart(text, 0, &anchor);
  EXPECT_EQ(anchor, text.find("quarter"));
  EXPECT_LE(start, text.find("in the third"));
  // No anchor left: the end of the text.
  const std::string none = "Revenue rose 5% on strong demand.";
  EXPECT_EQ(TimeSearchStart(none, 0, &anchor), none.size());
  EXPECT_EQ(anchor, std::string::npos);
  // U+017F (which (?i) folds to 's') makes the scan give up and start at pos.
  const std::string folded = "x \xC5\xBF" "ince 2020";
  EXPECT_EQ(TimeSearchStart(folded, 0, &anchor), 0u);
}

TEST(TimeAnchorsTest, BlanksAreRe2s) {
  for (char c : std::string(" \t\n\f\r")) EXPECT_TRUE(IsRe2Blank(c));
  EXPECT_FALSE(IsRe2Blank('\v'));
  EXPECT_FALSE(IsRe2Blank('-'));
}

}  // namespace
}  // namespace claimcheck
