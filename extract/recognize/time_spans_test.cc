#include "extract/recognize/time_spans.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"

#include "extract/recognize/time_anchors.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

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

TEST(TimeSpansTest, Months) {
  const Case kCases[] = {
      {"bare", "March", 1, {"", "", "March", "", ""}},
      {"full date", "on May 24, 2024", 1, {"on", "", "May", "24", "2024"}},
      {"day first", "in 5 Sept. 2023", 1, {"in", "5", "Sept", "", "2023"}},
      {"ordinal day", "Nov 4th", 1, {"", "", "Nov", "4", ""}},
      {"as of", "As of June 2020", 1, {"As of", "", "June", "", "2020"}},
      {"dot", "Sept.", 1, {"", "", "Sept", "", ""}},
      {"lower case", "may 2024", 0, {}},
      {"three digits", "May 123", 0, {}},
      {"comma without blank", "May,2024", 0, {}},
      {"not a preposition", "with May 2024", 0, {}},
      {"non-ASCII", "May\xC2\xA0" "2024", -1, {}},
  };
  for (const Case& c : kCases) Check(ReadMonthSpan, c);
}

// ReadMonthSpan gives RE2's answer for every span from a word start to a word end (or a
// '.') of texts built from every part the pattern has, written right and wrong.
constexpr char kMonthPattern[] =
    "\\b(?:((?i:" CLAIMCHECK_TIME_PREPOSITIONS "|on))\\s+)?(?:(\\d{1,2})\\s+)?("
    CLAIMCHECK_MONTH_SPELLINGS ")\\b\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?"
    "(?:,?\\s+((?:19|20)\\d{2})\\b)?";

TEST(TimeSpansTest, MonthReaderAgreesWithRe2) {
  const std::string pattern = kMonthPattern;
  const re2::RE2 re(pattern);
  ASSERT_TRUE(re.ok()) << re.error();
  const char* leads[] = {"", "in ", "As of ", "as  of ", "ON ", "since\t", "with ", "throughout ",
                         "5 ", "in 24 ", "123 ", "x"};
  const char* months[] = {"May", "Sept", "Sep", "September", "march", "Jun", "Junes", "MAY"};
  const char* middles[] = {"", ".", ". ", " 4", " 24th", " 4th.", " 123", " 5x", "  31st",
                           " 3rd_", ". 7"};
  const char* tails[] = {"", ", 2024", " 2024", ",2024", " 1899", " 20245", " 2024x", ",  1999",
                         ". ", " and", "\xC2\xA0" "2024"};
  int matched = 0;
  int checked = 0;
  for (const char* lead : leads) {
    for (const char* month : months) {
      for (const char* middle : middles) {
        for (const char* tail : tails) {
          const std::string text = std::string("Up ") + lead + month + middle + tail + " ok";
          auto word = [&](size_t k) {
            return absl::ascii_isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_';
          };
          for (size_t b = 0; b < text.size(); ++b) {
            if (!word(b) || (b > 0 && word(b - 1))) continue;
            for (size_t e = b + 1; e <= text.size(); ++e) {
              if (!(word(e - 1) || text[e - 1] == '.')) continue;
              re2::StringPiece want[6];
              const bool re2_matches =
                  re.Match(text, b, e, re2::RE2::ANCHOR_BOTH, want, 6);
              re2::StringPiece got[6];
              const int r = ReadMonthSpan(text, b, e, got);
              ++checked;
              if (r < 0) continue;  // left to RE2
              ASSERT_EQ(r == 1, re2_matches) << text << " [" << b << ", " << e << ")";
              if (r != 1) continue;
              ++matched;
              for (int k = 0; k < 6; ++k) {
                EXPECT_EQ(got[k].data(), want[k].data()) << text << " group " << k;
                EXPECT_EQ(got[k].size(), want[k].size()) << text << " group " << k;
              }
            }
          }
        }
      }
    }
  }
  EXPECT_GT(matched, 1000);
  EXPECT_GT(checked, 100000);
}

// ReadMonthFrom gives RE2's longest match from every word start of the texts the month
// span test builds, with the groups the pattern gives for that span.
TEST(TimeSpansTest, MonthFromAgreesWithRe2) {
  const re2::RE2 groups_re(kMonthPattern);
  re2::RE2::Options longest_options;
  longest_options.set_longest_match(true);
  const re2::RE2 longest_re(kMonthPattern, longest_options);
  ASSERT_TRUE(longest_re.ok()) << longest_re.error();
  const char* leads[] = {"", "in ", "As of ", "as  of ", "ON ", "since\t", "with ", "throughout ",
                         "5 ", "in 24 ", "123 ", "x", "\xC5\xBFince ", "in\xC2\xA0"};
  const char* months[] = {"May", "Sept", "Sep", "September", "march", "Jun", "Junes", "MAY",
                          "May2024"};
  const char* middles[] = {"", ".", ". ", " 4", " 24th", " 4th.", " 123", " 5x", "  31st",
                           " 3rd_", ". 7", " 4TH", " 4\xC2\xA0"};
  const char* tails[] = {"", ", 2024", " 2024", ",2024", " 1899", " 20245", " 2024x", ",  1999",
                         ". ", " and", "\xC2\xA0" "2024", ", and"};
  int matched = 0;
  for (const char* lead : leads) {
    for (const char* month : months) {
      for (const char* middle : middles) {
        for (const char* tail : tails) {
          const std::string text = std::string("Up ") + lead + month + middle + tail + " ok";
          auto word = [&](size_t k) {
            return absl::ascii_isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_';
          };
          for (size_t b = 0; b < text.size(); ++b) {
            if (!word(b) || (b > 0 && word(b - 1))) continue;
            re2::StringPiece whole;
            const bool re2_matches =
                longest_re.Match(text, b, text.size(), re2::RE2::ANCHOR_START, &whole, 1);
            re2::StringPiece got[6];
            const int r = ReadMonthFrom(text, b, got);
            if (r < 0) continue;  // left to RE2
            ASSERT_EQ(r == 1, re2_matches) << text << " @" << b;
            if (r != 1) continue;
            ++matched;
            ASSERT_EQ(got[0].data(), whole.data()) << text << " @" << b;
            ASSERT_EQ(got[0].size(), whole.size()) << text << " @" << b;
            re2::StringPiece want[6];
            ASSERT_TRUE(groups_re.Match(text, b, b + whole.size(), re2::RE2::ANCHOR_BOTH, want, 6));
            for (int k = 1; k < 6; ++k) {
              EXPECT_EQ(got[k].data(), want[k].data()) << text << " @" << b << " group " << k;
              EXPECT_EQ(got[k].size(), want[k].size()) << text << " @" << b << " group " << k;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(matched, 2000);
}

// `read` (ReadQuarterFrom or ReadHalfFrom) gives RE2's longest match for `pattern` from
// every word start of texts built from every part the pattern has (`heads`, then years
// and what may follow), written right and wrong, with the groups the pattern gives for
// that span.
void CheckPartFromAgreesWithRe2(const std::string& pattern,
                                int (*read)(absl::string_view, size_t, re2::StringPiece*),
                                const std::vector<std::string>& heads) {
  const re2::RE2 groups_re(pattern);
  re2::RE2::Options longest_options;
  longest_options.set_longest_match(true);
  const re2::RE2 longest_re(pattern, longest_options);
  ASSERT_TRUE(groups_re.ok()) << groups_re.error();
  ASSERT_TRUE(longest_re.ok()) << longest_re.error();
  const char* leads[] = {"", "in ", "As of ", "as  of ", "THROUGHOUT ", "through\t", "with ",
                         "the ", "in the  ", "them ", "in2 ", "in\xC2\xA0", "the\xC2\xA0"};
  const char* tails[] = {"", " 2024", " of 2024", ", 2024", ",2024", " of fiscal 2023",
                         " fiscal year 2023", " FY24", " fy '24", " FY2025", "'24", " 20245",
                         " 2024x", " of", " offy2024", " of fy", " fiscal year", ", of 2024",
                         "2024", " 1899", "\xC5\xBF" "x", "\xE2\x80\x94" "2024",
                         "\xC2\xA0" "2024", " of\xC2\xA0" "2024", " fiscal\xE2\x80\x83" "2024"};
  const char* ends[] = {"", " results", ".", "_x", "\xC2\xA0"};
  int matched = 0;
  int checked = 0;
  for (const char* lead : leads) {
    for (const std::string& head : heads) {
      for (const char* tail : tails) {
        for (const char* end : ends) {
          const std::string text = std::string("Up ") + lead + head + tail + end;
          auto word = [&](size_t k) {
            return absl::ascii_isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_';
          };
          for (size_t b = 0; b < text.size(); ++b) {
            if (!word(b) || (b > 0 && word(b - 1))) continue;
            re2::StringPiece whole;
            const bool re2_matches =
                longest_re.Match(text, b, text.size(), re2::RE2::ANCHOR_START, &whole, 1);
            re2::StringPiece got[6];
            const int r = read(text, b, got);
            ++checked;
            if (r < 0) continue;  // left to RE2
            ASSERT_EQ(r == 1, re2_matches) << text << " @" << b;
            if (r != 1) continue;
            ++matched;
            ASSERT_EQ(got[0].data(), whole.data()) << text << " @" << b;
            ASSERT_EQ(got[0].size(), whole.size()) << text << " @" << b;
            re2::StringPiece want[6];
            const size_t e = b + whole.size();
            ASSERT_TRUE(groups_re.Match(text, b, e, re2::RE2::ANCHOR_BOTH, want, 6)) << text;
            for (int k = 1; k < 6; ++k) {
              EXPECT_EQ(got[k].data(), want[k].data()) << text << " @" << b << " group " << k;
              EXPECT_EQ(got[k].size(), want[k].size()) << text << " @" << b << " group " << k;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(matched, 1000);
  EXPECT_GT(checked, 10000);
}

// The year after a quarter or a half, as both patterns write it.
constexpr char kYearTail[] =
    "(?:(?:\\s+of|,)?\\s*(?:fy\\s*|fiscal\\s+(?:year\\s+)?)?('\\d{2}|(?:19|20)\\d{2}))?\\b";

TEST(TimeSpansTest, QuarterFromAgreesWithRe2) {
  CheckPartFromAgreesWithRe2(
      std::string("(?i)\\b(?:(" CLAIMCHECK_TIME_PREPOSITIONS
                  ")\\s+)?(?:the\\s+)?(?:q([1-4])|([1-4])q|(first|second|third|fourth|1st|2nd|"
                  "3rd|4th|final)[\\s-]+(?:fiscal\\s+|financial\\s+)?quarter)") +
          kYearTail,
      ReadQuarterFrom,
      {"Q3", "q4", "3Q", "Q5", "q31", "third quarter", "Fourth-quarter", "1st - quarter",
       "final fiscal quarter", "second financial  quarter", "first quarters",
       "third fiscal-quarter", "2nd quarterly", "first", "H1", "first half"});
}

TEST(TimeSpansTest, HalfFromAgreesWithRe2) {
  CheckPartFromAgreesWithRe2(
      std::string("(?i)\\b(?:(" CLAIMCHECK_TIME_PREPOSITIONS
                  ")\\s+)?(?:the\\s+)?(?:(?-i:H)([12])|([12])(?-i:H)|(first|second|1st|2nd)"
                  "[\\s-]+half)") +
          kYearTail,
      ReadHalfFrom,
      {"H1", "h2", "2H", "1h", "H3", "H12", "first half", "Second-half", "1st - half",
       "2nd fiscal half", "third half", "first halves", "second halfway", "first", "Q3",
       "SECOND  HALF"});
}

TEST(TimeSpansTest, Prepositions) {
  EXPECT_TRUE(IsTimePreposition("Throughout"));
  EXPECT_TRUE(IsTimePreposition("as of"));
  EXPECT_FALSE(IsTimePreposition("as"));
  EXPECT_FALSE(IsTimePreposition("with"));
}

}  // namespace
}  // namespace claimcheck
