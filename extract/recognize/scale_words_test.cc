#include "extract/recognize/scale_words.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(ScaleWordsTest, ScaleWords) {
  struct { const char* text; bool glued; double value; } cases[] = {
      {"bn yuan", false, 1e9}, {"k,", true, 1e3}, {"million", false, 1e6},
      {"M ", false, 1e6}, {"b", true, 1e9}, {"\xE4\xBA\xBF", true, 1e8}, {"mm", true, 0},
      {"b", false, 0}, {"bnx", false, 0}};
  for (const auto& c : cases) {
    size_t end = 0;
    EXPECT_EQ(MatchScaleWord(c.text, 0, c.glued, &end), c.value) << c.text;
  }
}

TEST(ScaleWordsTest, IntegerPlace) {
  EXPECT_EQ(IntegerPlace(300), 100);
  EXPECT_EQ(IntegerPlace(21), 1);
  EXPECT_EQ(IntegerPlace(2e6), 1e6);
  EXPECT_EQ(IntegerPlace(0.5), 0);
}

}  // namespace
}  // namespace claimcheck
