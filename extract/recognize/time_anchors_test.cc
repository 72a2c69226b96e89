#include "extract/recognize/time_anchors.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
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

// The scan's cheap prefilter never hides an anchor: its first anchor is the first word
// start where TimeAnchorAt says yes.
TEST(TimeSearchStartTest, FindsTheFirstAnchorOfAWordByWordScan) {
  const char* const kTexts[] = {
      "Sales in 2024 rose", "It has a 12% share of Q3 sales", "3Q and 4q results",
      "the first half of the year", "H1 and h2, 1H and 2h", "FY24 and fy2025 and Feb 2",
      "in the past two Years", "the previous QUARTER", "over the last decade",
      "a record month", "as of May", "As\tof June", "ask of him", "Jan, Jun, Jul, Aug",
      "Sept. 3, Oct 1, Nov 4, Dec 5, Apr 6, Mar 7", "has had half", "more demand deals",
      "1999 and 2000", "12 and 21 and 100", "de dec Dec decade", "month Month MONTHS",
      "yes year yeah", "quota quarter", "Fe Feb February", "Ma May March Mar",
  };
  // Each text also after words of several lengths, so that its words fall at every place
  // of the sixteen-byte blocks the scan reads.
  std::vector<std::string> texts;
  for (const char* t : kTexts) {
    for (const char* before : {"", "a ", "abcdefghijklmn ", "abcdefghijklmno ",
                               "abcdefghijklmnop ", "abc_def,ghijklmnopq ", "x-y 'z' Yes "}) {
      texts.push_back(std::string(before) + t);
    }
  }
  for (const std::string& text : texts) {
    size_t expected = std::string::npos;
    for (size_t i = 0; i < text.size() && expected == std::string::npos; ++i) {
      const bool word = absl::ascii_isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_';
      const bool starts = i == 0 || !(absl::ascii_isalnum(static_cast<unsigned char>(text[i - 1])) ||
                                      text[i - 1] == '_');
      if (word && starts && TimeAnchorAt(text, i)) expected = i;
    }
    size_t anchor = 0;
    TimeSearchStart(text, 0, &anchor);
    EXPECT_EQ(anchor, expected) << text;
  }
}

// The search starts at most five words before the anchor, and never before `pos`.
TEST(TimeSearchStartTest, StartsAtMostFiveWordsBeforeTheAnchor) {
  const struct {
    const char* text;
    size_t pos;
    const char* start;  // the text from the expected start on
  } cases[] = {
      {"Sales grew over the past couple of years", 0, " over the past couple of years"},
      {"Sales grew strongly in the third fiscal quarter", 0, " strongly in the third fiscal quarter"},
      {"Profit, in 2024, rose", 0, " in 2024, rose"},
      {"Sales in 2024", 6, "in 2024"},
      {"Sales in 2024", 8, " 2024"},
  };
  for (const auto& c : cases) {
    size_t anchor = 0;
    const std::string text = c.text;
    const size_t start = TimeSearchStart(text, c.pos, &anchor);
    ASSERT_LE(start, text.size()) << c.text;
    EXPECT_EQ(text.substr(start), c.start) << c.text;
  }
}

TEST(TimeAnchorsTest, BlanksAreRe2s) {
  for (char c : std::string(" \t\n\f\r")) EXPECT_TRUE(IsRe2Blank(c));
  EXPECT_FALSE(IsRe2Blank('\v'));
  EXPECT_FALSE(IsRe2Blank('-'));
}

TEST(LowerWordSetTest, FindsWordsInAnyCase) {
  const LowerWordSet set("in|as of|Since|fiscal");
  struct {
    const char* word;
    bool in_set;
  } cases[] = {
      {"in", true},      {"IN", true},      {"as of", true}, {"As Of", true},
      {"since", true},   {"FISCAL", true},  {"as", false},   {"of", false},
      {"i", false},      {"inn", false},    {"", false},     {"fiscaI", false},
      {"1st", false},    {"\xC3\xADn", false},
  };
  for (const auto& c : cases) EXPECT_EQ(set.Contains(c.word), c.in_set) << c.word;
}

TEST(FirstTimeAnchorTest, AnchorsAndFoldingLetters) {
  bool folds = true;
  const std::string text = "Sales rose in the third quarter of 2024";
  EXPECT_EQ(FirstTimeAnchor(text, 0, &folds), text.find("quarter"));
  EXPECT_FALSE(folds);
  // From after the first anchor, the next one.
  EXPECT_EQ(FirstTimeAnchor(text, text.find("quarter") + 1, &folds), text.find("2024"));
  // No anchor left: the end of the text.
  EXPECT_EQ(FirstTimeAnchor(text, text.find("2024") + 1, &folds), text.size());
  EXPECT_FALSE(folds);
  // U+017F before any anchor: its place, with *folds set.
  const std::string folded = "Up \xC5\xBF" "ince 2020";
  EXPECT_EQ(FirstTimeAnchor(folded, 0, &folds), 3u);
  EXPECT_TRUE(folds);
  // A short text (under one scanning block) and a text whose anchor is in its last bytes.
  EXPECT_EQ(FirstTimeAnchor("in 2024", 0, &folds), 3u);
  const std::string tail = "The results were reported for Q3";
  EXPECT_EQ(FirstTimeAnchor(tail, 0, &folds), tail.size() - 2);
}

// FirstTimeAnchor scans 16 or 32 bytes at a time (32 with AVX2, where the processor has
// it), looking only at some bytes; a plain walk over every byte must find the same place.
size_t FirstTimeAnchorByBytes(const std::string& text, size_t pos, bool* folds) {
  auto word_byte = [](char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                                       c == '_'; };
  *folds = false;
  for (size_t i = pos; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xC5\xBF") == 0 || text.compare(i, 3, "\xE2\x84\xAA") == 0) {
      *folds = true;
      return i;
    }
    if (word_byte(text[i]) && (i == 0 || !word_byte(text[i - 1])) && TimeAnchorAt(text, i)) {
      return i;
    }
  }
  return text.size();
}

TEST(FirstTimeAnchorTest, SameAsAByteWalk) {
  // Pieces with anchors, near misses, folding letters and other non-ASCII bytes, joined
  // in many orders and lengths so that anchors fall at every place in the blocks.
  const std::vector<std::string> pieces = {
      "in 2024", " ", "  ", "the third quarter", "Q3", "3Q", "H1", "1H", "FY2025", "March",
      "march", "as of", "Sept.", "last year", "a year", "and", "more", "1234", "1999",
      "20", "q", "half", "decade", "months", "x_2020", "\xC5\xBF", "\xE2\x84\xAA",
      "\xE2\x80\x93", "\xC3\xA9t\xC3\xA9", "fy", "Jan", "Dec", ",", "-", "revenue",
      "of", "12", "4Q", "Nov 4", "ye", "yearly", "_", "Z"};
  uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t count = next() % 24;
    for (size_t k = 0; k < count; ++k) {
      text += pieces[next() % pieces.size()];
      if (next() % 3 == 0) text += ' ';
    }
    for (size_t pos = 0; pos <= text.size(); pos += 1 + next() % 5) {
      bool folds = false, want_folds = false;
      const size_t got = FirstTimeAnchor(text, pos, &folds);
      const size_t want = FirstTimeAnchorByBytes(text, pos, &want_folds);
      ASSERT_EQ(got, want) << "\"" << text << "\" from " << pos;
      ASSERT_EQ(folds, want_folds) << "\"" << text << "\" from " << pos;
    }
  }
}

}  // namespace
}  // namespace claimcheck
