#include "extract/read/text_normalizer.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(TextNormalizerTest, Table) {
  struct Case {
    const char* name;
    const char* in;
    const char* out;
  } cases[] = {
      {"CurlyQuotes", "China\xE2\x80\x99s \xE2\x80\x9C" "big\xE2\x80\x9D fund", "China's \"big\" fund"},
      {"Dashes", "2019\xE2\x80\x93" "2021 \xE2\x80\x94 up", "2019-2021 - up"},
      {"MinusSign", "\xE2\x88\x92" "5%", "-5%"},
      {"NonBreakingAndNarrowSpaces", "RMB\xC2\xA0" "450\xE2\x80\xAFmillion", "RMB 450 million"},
      {"WhitespaceRunsCollapse", "  a \n\n b\t c  ", "a b c"},
      {"EllipsisAndZeroWidth", "wait\xE2\x80\xA6\xE2\x80\x8Bgo", "wait...go"},
      {"ByteOrderMark", "\xEF\xBB\xBFtext", "text"},
      {"OtherUnicodeKept", "\xE4\xB8\xAD\xE5\x9B\xBD", "\xE4\xB8\xAD\xE5\x9B\xBD"},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeForMatching(c.in), c.out) << c.name;
}

TEST(TextNormalizerTest, MapLeadsBackToOriginal) {
  std::string text = "a  \xE2\x80\x99" "b";
  std::string out;
  OffsetMap map;
  NormalizeForMatching(text, &out, &map);
  ASSERT_EQ(out, "a 'b");
  EXPECT_EQ(map.ToSource(0), 0u);
  EXPECT_EQ(map.ToSource(1), 1u);
  EXPECT_EQ(map.ToSource(2), 3u);  // the ’
  EXPECT_EQ(map.ToSource(3), 6u);  // b
}

TEST(TextNormalizerTest, IdIgnoresTypographyButNotWords) {
  EXPECT_EQ(DocumentIdForText("China\xE2\x80\x99s fund\n"), DocumentIdForText("China's  fund"));
  EXPECT_NE(DocumentIdForText("China's fund"), DocumentIdForText("China's funds"));
  EXPECT_EQ(DocumentIdForText("x").size(), 16u);
  for (const char* text :
       {"", "x", "  a\xE2\x80\x94" "b\n\n c\xE2\x80\xA6 ", "China\xE2\x80\x99s fund grew"}) {
    EXPECT_EQ(DocumentIdForNormalizedText(NormalizeForMatching(text)), DocumentIdForText(text))
        << text;
  }
  // Written over a string that held something longer, the same id.
  std::string id = "a previous, longer id";
  DocumentIdForText("China\xE2\x80\x99s fund\n", &id);
  EXPECT_EQ(id, DocumentIdForText("China's  fund"));
  // Ids are stable across versions: these were computed by the first implementation.
  EXPECT_EQ(DocumentIdForText(""), "22d85fb801f1b909");
  EXPECT_EQ(DocumentIdForText("x"), "fb97311b0d314560");
  EXPECT_EQ(DocumentIdForText("China\xE2\x80\x99s fund\n"), "b337166c375ad506");
  EXPECT_EQ(DocumentIdForText("  Big Fund III committed RMB 450 million\n\nto Piotech \xE2\x80\x94 "
                              "in Q3 2025.  "),
            "4bbc1d66e15ce333");
}

}  // namespace
}  // namespace claimcheck
