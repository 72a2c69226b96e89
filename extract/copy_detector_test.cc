#include "extract/copy_detector.h"

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

v1::Quantity Usd(double v) {
  v1::Quantity q;
  q.set_value(v);
  q.set_unit("USD");
  return q;
}

TEST(CopyDetectorTest, NormalizeForCopy) {
  struct {
    const char* in;
    const char* want;
    int words;
  } cases[] = {
      {"Having spent $200 billion", "having spent 200 billion", 4},
      {"SMIC\xE2\x80\x99s  best\nprocess", "smic s best process", 4},
      {"", "", 0},
  };
  for (const auto& c : cases) {
    int words = -1;
    EXPECT_EQ(NormalizeForCopy(c.in, &words), c.want) << c.in;
    EXPECT_EQ(words, c.words) << c.in;
  }
}

// The normal form byte by byte, as the header defines it: the reference for the
// word-at-a-time implementation.
std::string SlowNormalForm(const std::string& text, int* words) {
  std::string out;
  *words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool punctuation = c == 0xE2 && i + 2 < text.size() &&
                             static_cast<unsigned char>(text[i + 1]) == 0x80;
    const bool kept = !punctuation && (c >= 0x80 || std::isalnum(c));
    if (kept) {
      if (!in_word) {
        if (!out.empty()) out += ' ';
        ++*words;
      }
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    in_word = kept;
    i += punctuation ? 3 : 1;
  }
  return out;
}

TEST(CopyDetectorTest, NormalizeForCopyMatchesTheDefinitionOnRandomText) {
  // Pieces that matter: capitals, digits, separators, typographic punctuation (E2 80 xx),
  // the euro sign (E2 82 AC: letters), accented letters, a lone E2 near the end, and runs
  // of letters and digits longer than the eight bytes copied at a time.
  const std::vector<std::string> pieces = {
      "A", "z", "Q", "m", "0", "9", " ", ".", "-", "@", "[", "`", "{", "\n",
      "\xE2\x80\x9C", "\xE2\x80\x99", "\xE2\x82\xAC", "\xC3\xA9", "\xE2", "\x80",
      "Semiconductor", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "qwertyui"};
  std::mt19937 rng(7);
  for (int k = 0; k < 40000; ++k) {
    // Short texts (read byte by byte) and long ones (read in blocks of 16 but for the
    // last bytes).
    std::string text;
    const int length = static_cast<int>(rng() % (k % 2 == 0 ? 40 : 120));
    for (int j = 0; j < length; ++j) text += pieces[rng() % pieces.size()];
    int want_words = 0, words = -1;
    const std::string want = SlowNormalForm(text, &want_words);
    ASSERT_EQ(NormalizeForCopy(text, &words), want) << text;
    ASSERT_EQ(words, want_words) << text;
  }
}

TEST(CopyDetectorTest, LinksRepeatsToTheFirstAppearance) {
  CopyDetector copies;
  const std::string context = "Having spent $200 billion to develop a chip industry, China is now embarking on a $56 billion";
  EXPECT_EQ(copies.FirstAppearance(context, context.size(), Usd(56e9), "first"), "");
  // The same words with other spacing and quotes, and more after the figure: a copy.
  const std::string full = "Having  spent $200 billion to develop a chip industry, "
                           "China is now embarking on a $56 billion, Huawei-led move.";
  EXPECT_EQ(copies.FirstAppearance(full, full.find(", Huawei"), Usd(56e9), "second"), "first");
  // Re-running the first claim is not a copy of itself.
  EXPECT_EQ(copies.FirstAppearance(context, context.size(), Usd(56e9), "first"), "");
  // Another value in the same words is another figure.
  EXPECT_EQ(copies.FirstAppearance(context, context.size(), Usd(57e9), "third"), "");
  // A short prefix borrows words after the figure: a truncated paste still matches.
  const std::string snippet = "Having spent $200 billion to develop a chip industry with";
  const std::string whole = "Having spent $200 billion to develop a chip industry with little.";
  EXPECT_EQ(copies.FirstAppearance(snippet, 25, Usd(200e9), "s1"), "");
  EXPECT_EQ(copies.FirstAppearance(whole, 25, Usd(200e9), "s2"), "s1");
  // Sentences too short to tell are never linked.
  EXPECT_EQ(copies.FirstAppearance("Revenue was $5 billion", 22, Usd(5e9), "a"), "");
  EXPECT_EQ(copies.FirstAppearance("Revenue was $5 billion", 22, Usd(5e9), "b"), "");
}

TEST(CopyDetectorTest, CopiesTakeTheFirstAppearancePeriodAndQuotesStartAtAColon) {
  CopyDetector copies;
  v1::TimeScope original;
  original.set_start("2024-05-27");
  original.set_end("2024-05-28");
  original.set_inferred(true);
  const std::string article = "SMIC's revenue rose 45% in 2024 to $8.03 billion.";
  EXPECT_EQ(copies.FirstAppearance(article, article.find(" in 2024"), Usd(45), "a", &original), "");
  v1::TimeScope pasted;
  pasted.set_start("2025-11-14");
  pasted.set_inferred(true);
  const std::string reply = "Not bad for a company: SMIC's revenue rose 45% in 2024 to $8.03 billion.";
  EXPECT_EQ(copies.FirstAppearance(reply, reply.find(" in 2024"), Usd(45), "b", &pasted), "a");
  EXPECT_EQ(pasted.start(), "2024-05-27");
}

// The context starts after the last quotation mark before the figure, wherever it lies
// (far back or near, among other marks), and only a real U+201C counts: a 9C byte that
// ends another character (U+015C, C5 9C) does not.
TEST(CopyDetectorTest, ContextStartsAfterTheLastQuotationMark) {
  const std::string quoted = "the foundry said its quarterly revenue rose 45% in 2024";
  const size_t figure = quoted.find(" in 2024");
  struct {
    const char* name;
    std::string prefix;
    bool linked;
  } cases[] = {
      {"colon", "Not bad for a company: ", true},
      {"semicolon", "a long preamble that runs on; ", true},
      {"straight quote", "He wrote \"", true},
      {"curly quote", "He wrote \xE2\x80\x9C", true},
      {"marks far back", "x: y; \"z\" \xE2\x80\x9C", true},
      {"9C of another character", "\xC5\x9C ", false},
      {"words between the mark and the copy", "Reports: analysts think ", false},
  };
  for (const auto& c : cases) {
    CopyDetector copies;
    EXPECT_EQ(copies.FirstAppearance(quoted, figure, Usd(45), "first"), "") << c.name;
    const std::string copy = c.prefix + quoted;
    EXPECT_EQ(copies.FirstAppearance(copy, c.prefix.size() + figure, Usd(45), "copy"),
              c.linked ? "first" : "")
        << c.name;
  }
}

// Marks after the figure do not start the context, near the sentence's start too.
TEST(CopyDetectorTest, MarksAfterTheFigureDoNotCount) {
  CopyDetector copies;
  const std::string first = "Up 4% said the foundry in its quarterly report";
  const std::string copy = "Up 4%; said the foundry in its quarterly report";
  EXPECT_EQ(copies.FirstAppearance(first, 5, Usd(4), "first"), "");
  EXPECT_EQ(copies.FirstAppearance(copy, 5, Usd(4), "copy"), "first");
}

TEST(CopyDetectorTest, StopsRememberingAtTheCap) {
  CopyDetector copies(1);
  EXPECT_EQ(copies.FirstAppearance("one two three four five six $1", 30, Usd(1), "a"), "");
  EXPECT_EQ(copies.FirstAppearance("seven eight nine ten eleven twelve $2", 37, Usd(2), "b"), "");
  EXPECT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies.FirstAppearance("seven eight nine ten eleven twelve $2", 37, Usd(2), "c"), "");
}

}  // namespace
}  // namespace claimcheck
