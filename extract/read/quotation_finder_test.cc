#include "extract/read/quotation_finder.h"

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(QuotationFinderTest, RepeatedSentenceIsQuotationOfFirst) {
  std::string text =
      "SMIC reported revenue of $2.38 billion for the quarter. Fine.\n\n"
      "Reply here.\n\nSMIC reported revenue of $2.38 billion for the quarter.";
  auto found = FindRepeatedPassages(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].source_offset, 0u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin),
            "SMIC reported revenue of $2.38 billion for the quarter.");
}

TEST(QuotationFinderTest, TypographyDoesNotHideARepeat) {
  std::string text =
      "China\xE2\x80\x99s fund raised RMB 344 billion in May.\n\n"
      "China's fund raised RMB 344 billion in May.";
  EXPECT_EQ(FindRepeatedPassages(text).size(), 1u);
}

TEST(QuotationFinderTest, TruncatedPreviewAndFullArticleAreLinked) {
  std::string preview =
      "Having spent a great deal of money to develop a chip industry with little to show, the "
      "country is now embarking on a new";
  std::string full = preview + " plan led by a national champion.";
  std::string text = preview + "\n\nHeadline\n\n" + full + "\n\n" + preview + "\n\n" + full;
  auto found = FindRepeatedPassages(text);
  // The full article's first part repeats the preview; the second paste repeats both.
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].source_offset, 0u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), preview);
  EXPECT_EQ(found[1].end, text.size());
}

TEST(QuotationFinderTest, ShortAndDistinctSentencesAreNotQuotations) {
  EXPECT_TRUE(FindRepeatedPassages("Yes. Yes. Yes.").empty());
  EXPECT_TRUE(FindRepeatedPassages("Revenue rose in 2024. Revenue fell in 2023.").empty());
}

}  // namespace
}  // namespace claimcheck
