#include "extract/recognize/number_word_table.h"

#include "absl/strings/string_view.h"
#include "extract/recognize/number_words.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using number_word_table::AllWords;
using number_word_table::Tok;

TEST(NumberWordTableTest, LookupIgnoresCaseAndNeedsTheWholeWord) {
  for (absl::string_view w : {"seventeenths", "Hundred", "DOZEN", "twenty"}) {
    ASSERT_NE(AllWords().Find(w.data(), w.size()), nullptr) << w;
  }
  EXPECT_EQ(AllWords().Find("Hundred", 7)->info->kind, Tok::kHundred);
  EXPECT_EQ(AllWords().Find("hundreds", 7)->info->kind, Tok::kHundred);  // 7 bytes asked
  EXPECT_EQ(AllWords().Find("hund", 4), nullptr);
  EXPECT_EQ(AllWords().Find("", 0), nullptr);
  EXPECT_EQ(AllWords().Find("1st", 3), nullptr);
}

TEST(NumberWordTableTest, WordsThatFollowAnArticle) {
  for (const char* w : {"hundred", "Million", "dozen", "half", "quarter", "couple", "third"}) {
    EXPECT_TRUE(CanFollowArticle(w)) << w;
  }
  for (const char* w : {"one", "the", "company", ""}) EXPECT_FALSE(CanFollowArticle(w)) << w;
}

// MayStartNumberWord is a prefilter: it must never say no where CanStartNumberWord says yes.
TEST(NumberWordTableTest, FirstLetterPrefilterAgreesWithLookup) {
  for (const char* word : {"one", "Twelve", "ninety", "A", "an", "Half", "quarter",
                           "minus", "Negative", "nought", "zero", "Eight", "sixty"}) {
    ASSERT_TRUE(CanStartNumberWord(word)) << word;
    EXPECT_TRUE(MayStartNumberWord(static_cast<unsigned char>(word[0]))) << word;
  }
  for (int c : {int{'b'}, int{'C'}, int{'d'}, int{'w'}, int{'Y'}, int{'1'}, int{' '}, 0xC2}) {
    EXPECT_FALSE(MayStartNumberWord(static_cast<unsigned char>(c))) << c;
  }
}

// StartWordLengths is a prefilter too: every accepted word has its length bit set under
// its first two letters; words that share no such entry are refused, and so are bytes
// that are not letters.
TEST(NumberWordTableTest, TwoLetterPrefilterAgreesWithLookup) {
  for (const char* word : {"one", "Twelve", "ninety", "A", "an", "Half", "quarter",
                           "minus", "Negative", "nought", "zero", "Eight", "sixty", "TWO"}) {
    ASSERT_TRUE(CanStartNumberWord(word)) << word;
    const absl::string_view w = word;
    const unsigned char c1 = w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0;
    EXPECT_TRUE(StartWordLengths(static_cast<unsigned char>(w[0]), c1) >> w.size() & 1)
        << word;
  }
  for (const char* word : {"the", "The", "for", "next", "our", "says", "early", "at"}) {
    ASSERT_FALSE(CanStartNumberWord(word)) << word;
    const absl::string_view w = word;
    EXPECT_FALSE(StartWordLengths(static_cast<unsigned char>(w[0]),
                                  static_cast<unsigned char>(w[1])) >> w.size() & 1)
        << word;
  }
  EXPECT_EQ(StartWordLengths('1', 'a'), 0u);
  EXPECT_EQ(StartWordLengths('t', ' '), 0u);
  EXPECT_EQ(StartWordLengths('a', '{'), 0u);
}

}  // namespace
}  // namespace claimcheck
