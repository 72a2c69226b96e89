#include "extract/copy_detector.h"

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

TEST(CopyDetectorTest, LinksRepeatsToTheFirstAppearance) {
  CopyDetector copies;
  const char* context = "Having spent $200 billion to develop a chip industry, China is now embarking on a $56 billion";
  EXPECT_EQ(copies.FirstAppearance(context, Usd(56e9), "first"), "");
  // The same words with other spacing and quotes: a copy.
  EXPECT_EQ(copies.FirstAppearance("Having  spent $200 billion to develop a chip industry, "
                                   "China is now embarking on a $56 billion",
                                   Usd(56e9), "second"),
            "first");
  // Re-running the first claim is not a copy of itself.
  EXPECT_EQ(copies.FirstAppearance(context, Usd(56e9), "first"), "");
  // Another value in the same words is another figure.
  EXPECT_EQ(copies.FirstAppearance(context, Usd(57e9), "third"), "");
  // Short contexts are never linked.
  EXPECT_EQ(copies.FirstAppearance("Revenue was $5 billion", Usd(5e9), "a"), "");
  EXPECT_EQ(copies.FirstAppearance("Revenue was $5 billion", Usd(5e9), "b"), "");
}

TEST(CopyDetectorTest, StopsRememberingAtTheCap) {
  CopyDetector copies(1);
  EXPECT_EQ(copies.FirstAppearance("one two three four five six $1", Usd(1), "a"), "");
  EXPECT_EQ(copies.FirstAppearance("seven eight nine ten eleven twelve $2", Usd(2), "b"), "");
  EXPECT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies.FirstAppearance("seven eight nine ten eleven twelve $2", Usd(2), "c"), "");
}

}  // namespace
}  // namespace claimcheck
