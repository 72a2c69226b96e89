#include "extract/recognize/figure_scan.h"

#include <random>
#include <string>
#include <vector>

#include "extract/recognize/number_word_table.h"
#include "extract/recognize/number_words.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

bool IsLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The same test byte by byte, written from the header's contract.
size_t Reference(absl::string_view text, size_t pos) {
  for (size_t i = pos; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsDigit(c)) return i;
    if (c == '.' || c == '-' || c == 0xC2 || c == 0xE2) {
      if (MarkStartsFigure(text, i)) return i;
      continue;
    }
    if (!IsLetter(c)) continue;
    if (i > 0 && (IsLetter(text[i - 1]) || IsDigit(text[i - 1]))) continue;
    size_t e = i;
    while (e < text.size() && IsLetter(text[e])) ++e;
    if (WordMayStartFigure(text.data() + i, e - i)) return i;
  }
  return text.size();
}

size_t NextFigureCandidate(absl::string_view text, size_t pos, bool allow_avx2 = true) {
  FigureScanner scanner(text, allow_avx2);
  return scanner.Next(pos);
}

// Every candidate from every start, each asked of a fresh scanner and all of them of one
// scanner in increasing order (as the recognizer asks), compared with the reference;
// with the AVX2 windows (where the processor has them) and the portable ones.
void ExpectSameEverywhere(absl::string_view text) {
  for (bool allow_avx2 : {true, false}) {
    FigureScanner scanner(text, allow_avx2);
    for (size_t pos = 0; pos <= text.size(); ++pos) {
      const size_t expected = Reference(text, pos);
      ASSERT_EQ(NextFigureCandidate(text, pos, allow_avx2), expected)
          << "pos " << pos << " in \"" << text << "\" avx2 " << allow_avx2;
      ASSERT_EQ(scanner.Next(pos), expected)
          << "pos " << pos << " in \"" << text << "\" avx2 " << allow_avx2;
    }
    // Skipping from candidate to candidate, as the recognizer does.
    FigureScanner skipping(text, allow_avx2);
    for (size_t pos = skipping.Next(0); pos < text.size(); pos = skipping.Next(pos + 1)) {
      ASSERT_EQ(pos, Reference(text, pos)) << "in \"" << text << "\" avx2 " << allow_avx2;
    }
  }
}

TEST(WordMayStartFigureTest, NumberWordsAndPercentPass) {
  for (const char* w : {"twenty", "One", "a", "An", "half", "quarter", "minus", "negative",
                        "nought", "seventeen", "per", "percent", "Percents"}) {
    EXPECT_TRUE(WordMayStartFigure(w, std::string(w).size())) << w;
    EXPECT_TRUE(std::string(w).rfind("pe", 0) == 0 || std::string(w).rfind("Pe", 0) == 0 ||
                CanStartNumberWord(w))
        << w;
  }
}

// Every word the recognizer would start a number on passes, in any case.
TEST(WordMayStartFigureTest, EveryStartingNumberWordPasses) {
  for (const auto& [word, info] : number_word_table::Words()) {
    if (!CanStartNumberWord(word)) continue;
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(c & ~0x20);
    EXPECT_TRUE(WordMayStartFigure(word.data(), word.size())) << word;
    EXPECT_TRUE(WordMayStartFigure(upper.data(), upper.size())) << upper;
  }
}

TEST(WordMayStartFigureTest, CommonWordsFail) {
  // Some share a number word's first two letters and length and differ in the third
  // ("their"/"three", "have"/"half", "since"/"sixty").
  for (const char* w : {"the", "company", "revenue", "billion", "of", "in", "said", "x",
                        "their", "those", "have", "since", "first", "thread"}) {
    EXPECT_FALSE(WordMayStartFigure(w, std::string(w).size())) << w;
  }
}

struct Case {
  const char* name;
  const char* text;
  size_t pos;
  size_t expected;
};

const Case kCases[] = {
    {"Digit", "revenue rose 12%", 0, 13},
    {"NumberWord", "the fund has twenty partners", 0, 13},
    {"WordInsideWordSkipped", "Xtwenty and 5", 0, 12},
    {"WordAfterDigitSkipped", "3twenty", 1, 7},
    {"Article", "a dozen", 0, 0},
    {"PerCent", "rose per cent of 10", 0, 5},
    {"DotAndHyphen", "the .5 and -4", 0, 4},
    {"HyphenBlankDigit", "fell - 4 points", 0, 5},
    {"FullStopSkipped", "It rose. Then 4", 0, 14},
    {"DotAfterLetterSkipped", "v.5 and x", 0, 2},
    {"DashSkipped", "state-owned - and 7", 0, 18},
    {"HyphenAfterLetterSkipped", "COVID-19", 0, 6},
    {"VulgarFractionLead", "about \xC2\xBD of it", 0, 6},
    {"CurlyQuoteSkipped", "\xE2\x80\x9C" "five\xE2\x80\x9D", 0, 3},
    {"NonBreakingSpaceSkipped", "x\xC2\xA0" "5", 0, 3},
    {"OtherNonAsciiSkipped", "caf\xC3\xA9 t\xC3\xA9 zero", 0, 10},
    {"LetterAfterNonAsciiStartsWord", "\xC3\xA9two", 0, 2},
    {"Nothing", "the company said so", 0, 19},
    {"StartInsideWord", "seventy", 1, 7},
    {"PastEnd", "abc", 3, 3},
};

TEST(NextFigureCandidateTest, Cases) {
  for (const Case& c : kCases) {
    EXPECT_EQ(NextFigureCandidate(c.text, c.pos), c.expected) << c.name;
    EXPECT_EQ(NextFigureCandidate(c.text, c.pos, false), c.expected) << c.name;
  }
}

// Every word of the number table, in three cases, alone and between other words, at
// every offset around the 32- and 64-byte block edges: the first-two-letters filter
// lets each through wherever it stands.
TEST(NextFigureCandidateTest, EveryTableWordAtEveryOffset) {
  std::vector<std::string> words = {"per", "percent", "percents"};
  for (const auto& [word, info] : number_word_table::Words()) words.push_back(word);
  for (const std::string& lower : words) {
    std::string upper = lower, title = lower;
    for (char& c : upper) c = static_cast<char>(c & ~0x20);
    title[0] = static_cast<char>(title[0] & ~0x20);
    for (const std::string& w : {lower, upper, title}) {
      for (size_t shift : {0, 1, 30, 31, 32, 33, 62, 63, 64, 65, 70}) {
        ExpectSameEverywhere(std::string(shift, ' ') + w);
        ExpectSameEverywhere(std::string(shift, '.') + w + " x");
        ExpectSameEverywhere(std::string(shift, ' ') + w + "s" + std::string(80, ' '));
      }
    }
  }
}

TEST(NextFigureCandidateTest, WordsCrossingWindowsMatchReference) {
  // Words that run across the 16- and 64-byte boundaries, at every shift.
  std::string long_word(70, 'x');
  for (size_t shift = 0; shift < 70; ++shift) {
    std::string text = std::string(shift, ' ') + "twenty " + long_word + " seventy-one " +
                       std::string(shift % 5, 'q') + " per 3";
    ExpectSameEverywhere(text);
  }
}

TEST(NextFigureCandidateTest, RandomTextMatchesReference) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "the", "one", "a", "an", "dozen", "per", "percent", "twenty", "12", "3.5", "-", ".",
      " ", " ", " ", ",", "\xC2\xBD", "\xE2\x80\x93", "\xC3\xA9", "x9", "Half", "minus",
      "seventeen", "of", "revenue", "(", ")", "human", "zone", "oeuvre", "mla", "O", "A",
      "hal", "thirtY", "Sixt", "nought", "qua", "a1", "\t", "an", "on", "Per"};
  for (int round = 0; round < 600; ++round) {
    std::string text;
    const int count = static_cast<int>(rng() % 90);
    for (int k = 0; k < count; ++k) text += pieces[rng() % pieces.size()];
    ExpectSameEverywhere(text);
  }
}

}  // namespace
}  // namespace claimcheck
