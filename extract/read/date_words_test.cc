#include "extract/read/date_words.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace date_words {
namespace {

TEST(DateWordsTest, Tokenize) {
  const std::string line = "Posted Nov\t4th, 2025 \xE2\x80\x93 4:39pm";
  Tokens tokens;
  Tokenize(line, &tokens);
  struct Want {
    Token::Kind kind;
    const char* text;
  } want[] = {{Token::kWord, "Posted"}, {Token::kWord, "Nov"},  {Token::kNum, "4"},
              {Token::kWord, "th"},     {Token::kPunct, ","},   {Token::kNum, "2025"},
              {Token::kPunct, "\xE2\x80\x93"}, {Token::kNum, "4"}, {Token::kPunct, ":"},
              {Token::kNum, "39"},      {Token::kWord, "pm"}};
  ASSERT_EQ(tokens.size(), sizeof(want) / sizeof(want[0]));
  for (size_t k = 0; k < tokens.size(); ++k) {
    EXPECT_EQ(tokens[k].kind, want[k].kind) << k;
    EXPECT_EQ(tokens[k].text, want[k].text) << k;
    EXPECT_EQ(line.substr(tokens[k].begin, tokens[k].end - tokens[k].begin), want[k].text) << k;
  }
}

TEST(DateWordsTest, MonthsAndWeekdays) {
  struct Case {
    const char* word;
    unsigned month;
    int weekday;
  } cases[] = {
      {"January", 1, -1}, {"jan", 1, -1},  {"SEPT", 9, -1},    {"Sept", 9, -1},
      {"septe", 0, -1},   {"December", 12, -1}, {"Decembers", 0, -1}, {"Ma", 0, -1},
      {"May", 5, -1},     {"Tuesday", 0, 2}, {"tues", 0, 2},  {"Thurs", 0, 4},
      {"thu", 0, 4},      {"Sun", 0, 0},   {"Sunday", 0, 0},  {"Sundays", 0, -1},
      {"Posted", 0, -1},  {"4th", 0, -1},  {"", 0, -1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MonthNumber(c.word), c.month) << c.word;
    EXPECT_EQ(WeekdayNumber(c.word), c.weekday) << c.word;
    const uint32_t key = Prefix3(c.word);
    if (key != 0) {
      EXPECT_EQ(MonthNumberWithKey(c.word, key), c.month) << c.word;
      EXPECT_EQ(WeekdayNumberWithKey(c.word, key), c.weekday) << c.word;
    }
  }
  EXPECT_EQ(Prefix3("Nov"), Prefix3("nOV"));
  EXPECT_EQ(Prefix3("N0v"), 0u);
  EXPECT_TRUE(CanStartDate("Sept"));
  EXPECT_TRUE(CanStartDate("Saturday"));
  EXPECT_TRUE(CanStartDate("Yesterday"));
  EXPECT_TRUE(CanStartDate("an"));
  EXPECT_FALSE(CanStartDate("Posted"));
  EXPECT_FALSE(CanStartDate("on"));
  EXPECT_TRUE(EqualsAny("YESTERDAY", {"today", "yesterday"}));
  EXPECT_FALSE(EqualsAny("yesterdays", {"today", "yesterday"}));
}

}  // namespace
}  // namespace date_words
}  // namespace claimcheck
