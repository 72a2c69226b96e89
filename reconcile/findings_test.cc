#include "reconcile/findings.h"

#include "gtest/gtest.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

TEST(FindingsTest, KindNamesRoundTrip) {
  for (int k = 1; k <= 8; ++k) {
    auto kind = static_cast<v1::FindingKind>(k);
    std::string name = FindingKindShortName(kind);
    EXPECT_EQ(FindingKindFromName(name), kind) << name;
  }
  EXPECT_EQ(FindingKindShortName(v1::FINDING_KIND_SCALE_SLIP), "scale_slip");
  EXPECT_EQ(FindingKindFromName("scale-slip"), v1::FINDING_KIND_SCALE_SLIP);
  EXPECT_EQ(FindingKindFromName("FINDING_KIND_ARITHMETIC"), v1::FINDING_KIND_ARITHMETIC);
  EXPECT_EQ(FindingKindFromName("nonsense"), std::nullopt);
  EXPECT_EQ(FindingKindFromName("unspecified"), std::nullopt);
}

TEST(FindingsTest, FormatAmounts) {
  struct Case {
    double value;
    const char* unit;
    const char* text;
  } cases[] = {
      {344e9, "CNY", "CNY 344 billion"}, {60, "percent", "60%"},
      {3, "percentage_point", "3 percentage points"}, {7, "nm", "7 nm"},
      {884250, "count", "884250"}, {2.38e9, "USD", "USD 2.38 billion"},
      {1.5e12, "USD", "USD 1.5 trillion"},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatAmount(c.value, c.unit), c.text);
  Interval open;
  open.low = 20e9;
  EXPECT_EQ(FormatInterval(open, "USD"), "at least USD 20 billion");
  EXPECT_EQ(FormatInterval(Interval{1, 2}, "percent"), "1% to 2%");
}

TEST(FindingsTest, IdsDependOnEvidenceTopicsDoNot) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> claims = {
      testing::MakeClaim({"a", "d1", "2024-01-01", "X", "revenue", 1e9, "USD",
                          v1::BOUND_KIND_EXACT, 1e8, "2024", "$1.0 billion"}),
      testing::MakeClaim({"b", "d2", "2024-01-01", "X", "revenue", 2e9, "USD",
                          v1::BOUND_KIND_EXACT, 1e8, "2024", "$2.0 billion"}),
      testing::MakeClaim({"c", "d3", "2024-01-01", "X", "revenue", 2e9, "USD",
                          v1::BOUND_KIND_EXACT, 1e8, "2024", "$2.0 billion"}),
  };
  std::vector<const v1::Claim*> pointers;
  for (const auto& c : claims) pointers.push_back(&c);
  std::vector<std::string> problems;
  SubjectAnalysis a = AnalyzeSubject("x|revenue", pointers, normalizer, &problems);
  v1::Finding two = MakeFinding(v1::FINDING_KIND_CONTRADICTION, v1::SEVERITY_HIGH, a, "2024",
                                {1, 0}, "e");
  v1::Finding same = MakeFinding(v1::FINDING_KIND_CONTRADICTION, v1::SEVERITY_HIGH, a,
                                 "2024", {0, 1}, "e");
  v1::Finding three = MakeFinding(v1::FINDING_KIND_CONTRADICTION, v1::SEVERITY_HIGH, a,
                                  "2024", {0, 1, 2}, "e");
  EXPECT_EQ(two.id(), same.id());
  EXPECT_NE(two.id(), three.id());
  EXPECT_EQ(two.topic(), three.topic());
  EXPECT_EQ(two.id().size(), 16u);
  ASSERT_EQ(two.claim_ids_size(), 2);
  EXPECT_EQ(two.claim_ids(0), "a");
  EXPECT_EQ(two.values_size(), 2);
  EXPECT_EQ(two.status(), v1::REVIEW_STATUS_OPEN);
  v1::Finding other_period = MakeFinding(v1::FINDING_KIND_CONTRADICTION, v1::SEVERITY_HIGH,
                                         a, "2023", {0, 1}, "e");
  EXPECT_NE(two.topic(), other_period.topic());
  std::string described = DescribeItem(a.items[0]);
  EXPECT_NE(described.find("\"$1.0 billion\" in \"d1\" (https://example.com/d1, published "
                           "2024-01-01)"),
            std::string::npos)
      << described;
}

}  // namespace
}  // namespace claimcheck
