#include "reconcile/timeline.h"

#include "gtest/gtest.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

using testing::ClaimSpec;

v1::Timeline Build(const std::vector<ClaimSpec>& specs) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> claims;
  for (const auto& s : specs) claims.push_back(testing::MakeClaim(s));
  std::vector<const v1::Claim*> pointers;
  for (const auto& c : claims) pointers.push_back(&c);
  std::vector<std::string> problems;
  return BuildTimeline(AnalyzeSubject("k", pointers, normalizer, &problems));
}

ClaimSpec Rev(const char* id, const char* doc, const char* published, double value,
              const char* period) {
  return ClaimSpec{id, doc, published, "SMIC", "revenue", value, "USD",
                   v1::BOUND_KIND_EXACT, 1e7, period, "$"};
}

TEST(TimelineTest, OrderedByPeriodWithChangeFromSameLength) {
  v1::Timeline t = Build({
      Rev("y24", "full-year", "2025-02-12", 8.03e9, "2024"),
      Rev("y23a", "results", "2024-02-08", 6.32e9, "2023"),
      Rev("y23b", "full-year", "2025-02-12", 6.32e9, "2023"),
      Rev("q4", "full-year", "2025-02-12", 2.21e9, "2024-Q4"),
      Rev("q3", "wp", "2024-11-08", 2.17e9, "2024-Q3"),
      Rev("y22", "teardown", "2023-09-03", 7.27e9, "2022"),
  });
  ASSERT_EQ(t.points_size(), 5);
  const char* order[] = {"y22", "y23a", "y24", "q3", "q4"};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(t.points(i).first_appearance_claim_id(), order[i]);
  EXPECT_EQ(t.subject().entity(), "SMIC");
  // 2022 has no predecessor; 2023 changes from 2022; 2024 from 2023; Q4 from Q3.
  EXPECT_FALSE(t.points(0).has_change());
  EXPECT_NEAR(t.points(1).change(), -0.95e9, 1);
  EXPECT_NEAR(t.points(1).change_percent(), -13.07, 0.01);
  EXPECT_NEAR(t.points(2).change_percent(), 27.06, 0.01);
  EXPECT_FALSE(t.points(3).has_change());  // the first quarter, not a change from 2024
  EXPECT_NEAR(t.points(4).change(), 0.04e9, 1);
  // 2023 is stated by two documents.
  EXPECT_EQ(t.points(1).claim_ids_size(), 2);
  EXPECT_EQ(t.points(1).document_ids_size(), 2);
  EXPECT_EQ(t.points(1).scope().start(), "2023-01-01");
  EXPECT_EQ(t.points(1).unit(), "USD");
}

TEST(TimelineTest, CopiesCountOnceAndUndatedIsAsOfPublication) {
  ClaimSpec original{"a", "article", "2024-05-27", "Big Fund III", "fund_size", 344e9, "CNY",
                     v1::BOUND_KIND_EXACT, 1e9, "", "RMB 344 billion"};
  ClaimSpec copy = original;
  copy.id = "b";
  copy.doc = "forum";
  copy.published = "2024-06-01";
  copy.quotes = "a";
  ClaimSpec hedged{"c", "x", "2024-06-02", "Big Fund III", "fund_size", 350e9, "CNY",
                   v1::BOUND_KIND_APPROXIMATE_BELOW, 1e9, "", "nearly RMB 350 billion"};
  v1::Timeline t = Build({original, copy, hedged});
  ASSERT_EQ(t.points_size(), 1);
  const v1::TimelinePoint& p = t.points(0);
  EXPECT_EQ(p.claim_ids_size(), 3);
  EXPECT_EQ(p.document_ids_size(), 2);  // article and x; the forum copies the article
  EXPECT_EQ(p.first_appearance_claim_id(), "a");
  EXPECT_EQ(p.scope().start(), "2024-05-27");
  EXPECT_TRUE(p.scope().inferred());
  EXPECT_EQ(p.value(), 344e9);  // as first written
  EXPECT_LE(p.low(), 344e9);
  EXPECT_GE(p.high(), 344e9);
}

TEST(TimelineTest, NoChangeBetweenValuesForOnePeriod) {
  v1::Timeline t = Build({
      Rev("q2", "a", "2025-08-01", 2.21e9, "2025-Q2"),
      Rev("q3a", "b", "2025-11-14", 2.38e9, "2025-Q3"),
      Rev("q3b", "forum", "2025-11-15", 3.2e9, "2025-Q3"),
  });
  ASSERT_EQ(t.points_size(), 3);
  EXPECT_NEAR(t.points(1).change(), 0.17e9, 1);
  EXPECT_NEAR(t.points(2).change(), 0.99e9, 1);  // from Q2, not from the other Q3 value
}

TEST(TimelineTest, EmptySubject) {
  EXPECT_EQ(Build({}).points_size(), 0);
}

}  // namespace
}  // namespace claimcheck
