#include "reconcile/subject.h"

#include "gtest/gtest.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

using testing::ClaimSpec;
using testing::MakeClaim;

SubjectAnalysis Analyze(const std::vector<v1::Claim>& claims, const Normalizer& normalizer) {
  std::vector<const v1::Claim*> pointers;
  for (const auto& c : claims) pointers.push_back(&c);
  std::vector<std::string> problems;
  SubjectAnalysis a = AnalyzeSubject("k", pointers, normalizer, &problems);
  EXPECT_TRUE(problems.empty());
  return a;
}

TEST(SubjectTest, MajorityUnitAndCurrencyConversion) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> claims = {
      MakeClaim({"a", "d1", "2024-05-27", "Big Fund III", "fund_size", 344e9, "CNY",
                 v1::BOUND_KIND_EXACT, 1e9, "2024", "RMB 344 billion"}),
      MakeClaim({"b", "d2", "2024-05-28", "Big Fund III", "fund_size", 344e9, "CNY",
                 v1::BOUND_KIND_EXACT, 1e9, "2024", "344bn yuan"}),
      MakeClaim({"c", "d2", "2024-05-28", "Big Fund III", "fund_size", 47.5e9, "USD",
                 v1::BOUND_KIND_APPROXIMATE, 1e8, "2024", "about $47.5 billion"}),
  };
  SubjectAnalysis a = Analyze(claims, normalizer);
  EXPECT_EQ(a.unit, "CNY");
  ASSERT_EQ(a.items.size(), 3u);
  const Item& usd = a.items[2];
  EXPECT_EQ(usd.claim->id(), "c");
  EXPECT_TRUE(usd.in_subject_unit);
  EXPECT_NE(usd.norm.conversion.find("USD->CNY at 7.189 (2024 annual average"),
            std::string::npos);
  ASSERT_EQ(a.buckets.size(), 1u);
  EXPECT_EQ(a.buckets[0].clusters.size(), 1u);  // all agree
  EXPECT_EQ(a.buckets[0].clusters[0].sources, 2);  // d1, d2
}

TEST(SubjectTest, ClustersSplitDisagreement) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> claims = {
      MakeClaim({"a", "d1", "2023-09-03", "Big Fund II", "fund_size", 204.2e9, "CNY",
                 v1::BOUND_KIND_EXACT, 1e8, "2019", "RMB 204.2 billion"}),
      MakeClaim({"b", "d2", "2024-05-27", "Big Fund II", "fund_size", 204.2e9, "CNY",
                 v1::BOUND_KIND_APPROXIMATE, 1e8, "2019", "about RMB 204.2 billion"}),
      MakeClaim({"c", "d3", "2025-11-05", "Big Fund II", "fund_size", 240e9, "CNY",
                 v1::BOUND_KIND_EXACT, 1e9, "2019", "RMB 240 billion"}),
      MakeClaim({"d", "d3", "2025-11-05", "Big Fund II", "fund_size", 2e9, "CNY",
                 v1::BOUND_KIND_EXACT, 1e9, "2020", "RMB 2 billion"}),
  };
  SubjectAnalysis a = Analyze(claims, normalizer);
  ASSERT_EQ(a.buckets.size(), 2u);
  EXPECT_EQ(a.buckets[0].period.label, "2019");
  ASSERT_EQ(a.buckets[0].clusters.size(), 2u);
  EXPECT_EQ(a.buckets[0].clusters[0].members.size(), 2u);
  EXPECT_EQ(ReferenceCluster(a.buckets[0].clusters), 0u);
  EXPECT_EQ(a.buckets[1].period.label, "2020");
}

TEST(SubjectTest, QuotationsAndOneDocumentAreOneSource) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  ClaimSpec base{"a", "article", "2025-11-01", "SMIC", "revenue", 3.2e9, "USD",
                 v1::BOUND_KIND_EXACT, 1e8, "2025-Q3", "$3.2 billion"};
  ClaimSpec quote = base;
  quote.id = "b";
  quote.doc = "forum";
  quote.published = "2025-11-02";
  quote.quotes = "a";
  ClaimSpec same_doc = base;
  same_doc.id = "c";
  std::vector<v1::Claim> claims = {MakeClaim(base), MakeClaim(quote), MakeClaim(same_doc)};
  SubjectAnalysis a = Analyze(claims, normalizer);
  EXPECT_EQ(CountSources(a, {0, 1, 2}), 1);
}

TEST(SubjectTest, UnconvertibleUnitsKeepTheirOwnBucket) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> claims = {
      MakeClaim({"a", "d1", "2024-01-01", "X", "growth", 3, "percent", v1::BOUND_KIND_EXACT,
                 1, "2024", "3%"}),
      MakeClaim({"b", "d2", "2024-01-02", "X", "growth", 4, "percent", v1::BOUND_KIND_EXACT,
                 1, "2024", "4%"}),
      MakeClaim({"c", "d3", "2024-01-03", "X", "growth", 3, "percentage_point",
                 v1::BOUND_KIND_EXACT, 1, "2024", "3 percentage points"}),
  };
  SubjectAnalysis a = Analyze(claims, normalizer);
  EXPECT_EQ(a.unit, "percent");
  ASSERT_EQ(a.buckets.size(), 2u);
  EXPECT_FALSE(a.items[2].in_subject_unit);
  EXPECT_EQ(a.items[2].norm.unit, "percentage_point");
}

TEST(SubjectTest, ReusedAnalysisEqualsAFreshOne) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> large = {
      MakeClaim({"a", "d1", "2024-05-27", "Big Fund III", "fund_size", 344e9, "CNY",
                 v1::BOUND_KIND_EXACT, 1e9, "2024", "RMB 344 billion"}),
      MakeClaim({"b", "d2", "2024-05-28", "Big Fund III", "fund_size", 47.5e9, "USD",
                 v1::BOUND_KIND_APPROXIMATE, 1e8, "2024", "about $47.5 billion"}),
      MakeClaim({"c", "d3", "2025-11-05", "Big Fund III", "fund_size", 344e6, "CNY",
                 v1::BOUND_KIND_EXACT, 1e6, "", "RMB 344 million"}),
  };
  std::vector<v1::Claim> small = {
      MakeClaim({"x", "d9", "2025-02-12", "SMIC", "revenue", 8.03e9, "USD",
                 v1::BOUND_KIND_EXACT, 1e7, "2024", "$8.03 billion"}),
  };
  auto pointers = [](const std::vector<v1::Claim>& claims) {
    std::vector<const v1::Claim*> out;
    for (const auto& c : claims) out.push_back(&c);
    return out;
  };
  std::vector<std::string> problems;
  SubjectAnalysis reused;
  AnalyzeSubject("big", pointers(large), normalizer, &problems, &reused);
  EXPECT_EQ(reused.buckets.size(), 2u);
  AnalyzeSubject("smic", pointers(small), normalizer, &problems, &reused);
  SubjectAnalysis fresh = Analyze(small, normalizer);
  EXPECT_EQ(reused.key, "smic");
  EXPECT_EQ(reused.subject.entity(), "SMIC");
  EXPECT_EQ(reused.unit, fresh.unit);
  ASSERT_EQ(reused.items.size(), 1u);
  EXPECT_EQ(reused.items[0].claim->id(), "x");
  ASSERT_EQ(reused.buckets.size(), 1u);
  EXPECT_EQ(reused.buckets[0].members, fresh.buckets[0].members);
  EXPECT_EQ(reused.buckets[0].clusters.size(), 1u);
  AnalyzeSubject("none", {}, normalizer, &problems, &reused);
  EXPECT_TRUE(reused.items.empty());
  EXPECT_TRUE(reused.buckets.empty());
  EXPECT_TRUE(problems.empty());
}

}  // namespace
}  // namespace claimcheck
