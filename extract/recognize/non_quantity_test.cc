#include "extract/recognize/non_quantity.h"

#include <random>
#include <string>
#include <vector>

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
      {"call 555-12345", "555"},        {"version 1.2.3", "1"},    {"on 2023-09-03", "2023"},
      {"at 6.30 pm", "6"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    ParsedNumber n = At(text, c.number);
    size_t skip = 0;
    EXPECT_TRUE((*filter)->Reject(text, n, false, &skip)) << c.text;
    EXPECT_GT(skip, n.begin) << c.text;
  }
}

// What the header promises the recognizer, which skips parsing such digits: digits glued
// to a letter with no currency before them are rejected, the scan sent to TokenEnd.
TEST(NonQuantityTest, DigitsAfterALetterGoToTheTokenEnd) {
  auto filter = NonQuantityFilter::Create();
  ASSERT_TRUE(filter.ok()) << filter.status();
  struct { const char* text; const char* number; size_t token_end; } cases[] = {
      {"Nvidia's A100 chip", "100", 13}, {"in Q3 2024", "3", 5},
      {"the H20-X kit", "20", 9},        {"x1.5 million", "1.5", 4},
      {"mp3/mp4 files", "3", 7},         {"v2 3 hundred", "2", 2},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    ParsedNumber n = At(text, c.number);
    size_t skip = 0;
    EXPECT_TRUE((*filter)->Reject(text, n, false, &skip)) << c.text;
    EXPECT_EQ(skip, NonQuantityFilter::TokenEnd(text, n.begin)) << c.text;
    EXPECT_EQ(skip, c.token_end) << c.text;
  }
}

TEST(NonQuantityTest, KeepsAmounts) {
  auto filter = NonQuantityFilter::Create();
  ASSERT_TRUE(filter.ok()) << filter.status();
  struct { const char* text; const char* number; bool currency; } cases[] = {
      {"RMB450 million", "450", true}, {"rose 12% in", "12", false},
      {"about 1,200 staff", "1,200", false}, {"a 40nm line", "40", false},
      {"3.5 billion", "3.5", false}, {"10-20 units", "10", false}, {"3/4 of", "3", false},
      {"6.300 tonnes", "6.300", false},
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

// The hand-written shape reader must agree with the RE2 patterns it replaces on the hot
// path: random strings over the bytes the patterns look at, plus non-ASCII bytes.
TEST(NonQuantityTest, ShapesByHandAgreeWithRe2) {
  auto filter = NonQuantityFilter::Create();
  ASSERT_TRUE(filter.ok()) << filter.status();
  const std::vector<std::string> pieces = {
      "0", "1", "2", "4", "9", "0", "3", ":", ".", "/", "-", "'", " ", "\t", "\n", "s",
      "S", "t", "T", "h", "H", "n", "N", "d", "D", "r", "R", "a", "A", "p", "P", "m",
      "M", "x", ",", "\xC3\xA9", "\xFF", "\xE2\x80"};
  std::mt19937 random(20261123);
  int matched = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string w(1, static_cast<char>('0' + random() % 10));
    const int len = static_cast<int>(random() % 12);
    for (int k = 0; k < len; ++k) w += pieces[random() % pieces.size()];
    const bool want = (*filter)->MatchesShapeRe2(w);
    matched += want;
    ASSERT_EQ((*filter)->MatchesShape(w), want) << "\"" << w << "\"";
  }
  EXPECT_GT(matched, 1000);  // the sample reaches the shapes, not only their absence
  // MayHaveShape, which lets Reject skip MatchesShape, is false only where no shape
  // matches, and false for most of the sample. Its blank before "am"/"pm" is a space
  // only (as Reject has always read it): the sample has no other blank.
  int skipped = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string w(1, static_cast<char>('0' + random() % 10));
    const int len = static_cast<int>(random() % 12);
    for (int k = 0; k < len; ++k) {
      const std::string& piece = pieces[random() % pieces.size()];
      if (piece != "\t" && piece != "\n") w += piece;
    }
    if (!NonQuantityFilter::MayHaveShape(w, 0)) {
      ++skipped;
      ASSERT_FALSE((*filter)->MatchesShape(w)) << "\"" << w << "\"";
    }
  }
  EXPECT_GT(skipped, 50000);
  for (const char* w : {"10:42", "6pm", "2 p.m.", "6.30 AM", "5/17/2018", "1.2.3", "4th",
                        "1990s", "90s", "2020's", "555-1234", "12 apples", "3.5 bn"}) {
    EXPECT_EQ((*filter)->MatchesShape(w), (*filter)->MatchesShapeRe2(w)) << w;
  }
}

}  // namespace
}  // namespace claimcheck
