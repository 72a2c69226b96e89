#include "extract/recognize/hedge_words.h"

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(HedgeWordsTest, Before) {
  struct { const char* text; v1::BoundKind bound; const char* hedge; } cases[] = {
      {"about ", v1::BOUND_KIND_APPROXIMATE, "about"},
      {"nearly ", v1::BOUND_KIND_APPROXIMATE_BELOW, "nearly"},
      {"close to ", v1::BOUND_KIND_APPROXIMATE_BELOW, "close to"},
      {"no more than ", v1::BOUND_KIND_AT_MOST, "no more than"},
      {"more than ", v1::BOUND_KIND_AT_LEAST, "more than"},
      {"Up to ", v1::BOUND_KIND_AT_MOST, "Up to"},
      {"at least ", v1::BOUND_KIND_AT_LEAST, "at least"},
      {"exceeding ", v1::BOUND_KIND_AT_LEAST, "exceeding"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    std::optional<HedgeMatch> m = MatchHedgeBefore(text, text.size());
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->bound, c.bound) << c.text;
    EXPECT_EQ(text.substr(m->begin, m->end - m->begin), c.hedge);
  }
  EXPECT_FALSE(MatchHedgeBefore("handsome ", 9).has_value());  // "some" inside a word
  EXPECT_FALSE(MatchHedgeBefore("the ", 4).has_value());
}

TEST(HedgeWordsTest, After) {
  EXPECT_EQ(MatchHedgeAfter(" or more", 0)->bound, v1::BOUND_KIND_AT_LEAST);
  EXPECT_EQ(MatchHedgeAfter(" or so.", 0)->bound, v1::BOUND_KIND_APPROXIMATE);
  EXPECT_EQ(MatchHedgeAfter("+ units", 0)->bound, v1::BOUND_KIND_AT_LEAST);
  EXPECT_FALSE(MatchHedgeAfter(" or moreover", 0).has_value());
  size_t begin = 0;
  EXPECT_TRUE(PrecededByBetween("between 5", 8, &begin));
  EXPECT_EQ(begin, 0u);
}

}  // namespace
}  // namespace claimcheck
