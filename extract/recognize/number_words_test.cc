#include "extract/recognize/number_words.h"

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct Case {
  const char* text;
  double value;
  size_t length;  // bytes read
};

const Case kCases[] = {
    {"twenty-one", 21, 10},
    {"a dozen eggs", 12, 7},
    {"half a million", 5e5, 14},
    {"one and a half", 1.5, 14},
    {"two thirds", 2.0 / 3, 10},
    {"one hundred and sixteen", 116, 23},
    {"two hundred and two thousand", 202000, 28},
    {"two thousand and two hundred", 2200, 28},
    {"twenty-one trillion three hundred", 21e12 + 300, 33},
    {"fifty - two", 52, 11},
    {"three hundred and two dozens", 324, 28},
    {"two hundred point zero three", 200.03, 28},
    {"one over three", 1.0 / 3, 14},
    {"one hundred and thirty fifths", 26, 29},
    {"one hundred thirty fifths", 100.0 / 35, 25},
    {"three twenty-firsts", 3.0 / 21, 19},
    {"a hundred trillionths", 1e-10, 21},
    {"five and a half million", 5.5e6, 23},
    {"three lakh crore", 3e12, 16},
    {"minus five point five", -5.5, 21},
    {"a couple of decades", 2, 11},
};

TEST(NumberWordsTest, ParsesPhrases) {
  for (const Case& c : kCases) {
    std::optional<WordNumber> w = ParseNumberWords(c.text, 0);
    ASSERT_TRUE(w.has_value()) << c.text;
    EXPECT_NEAR(w->value, c.value, 1e-9 * std::max(1.0, std::abs(c.value))) << c.text;
    EXPECT_EQ(w->end, c.length) << c.text;
  }
}

TEST(NumberWordsTest, NoNumber) {
  for (const char* text : {"a", "an apple", "and", "the", "quarter"}) {
    EXPECT_FALSE(ParseNumberWords(text, 0).has_value()) << text;
  }
}

TEST(NumberWordsTest, DigitsContinueIntoWords) {
  std::string text = "3 hundred and 21";
  std::optional<WordNumber> w = ParseNumberWords(text, 1, 3.0);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->value, 321);
  EXPECT_EQ(w->end, text.size());
}

}  // namespace
}  // namespace claimcheck
