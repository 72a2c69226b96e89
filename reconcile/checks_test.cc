#include "reconcile/checks.h"

#include <algorithm>

#include "gtest/gtest.h"
#include "reconcile/findings.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

using testing::ClaimSpec;
constexpr auto kExact = v1::BOUND_KIND_EXACT;
constexpr auto kAbout = v1::BOUND_KIND_APPROXIMATE;
constexpr auto kNearly = v1::BOUND_KIND_APPROXIMATE_BELOW;

ClaimSpec Fund(const char* id, const char* doc, const char* published, double value,
               const char* unit, v1::BoundKind bound, double precision, const char* period,
               const char* text) {
  return ClaimSpec{id, doc, published, "Big Fund III", "fund_size", value, unit, bound,
                   precision, period, text};
}

ClaimSpec Node(const char* id, const char* doc, const char* published, double nm,
               const char* period) {
  return ClaimSpec{id, doc, published, "SMIC", "process_node", nm, "nm", kExact, 1, period,
                   "nm"};
}

ClaimSpec Revenue(const char* id, const char* doc, const char* published, double value,
                  double precision, const char* period) {
  return ClaimSpec{id, doc, published, "SMIC", "revenue", value, "USD", kExact, precision,
                   period, "$"};
}

struct Case {
  const char* name;
  std::vector<ClaimSpec> claims;
  std::vector<v1::FindingKind> expected;  // sorted by enum value
};

std::vector<v1::FindingKind> RunChecks(const std::vector<ClaimSpec>& specs,
                                 std::vector<v1::Finding>* out) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> claims;
  for (const auto& s : specs) claims.push_back(testing::MakeClaim(s));
  std::vector<const v1::Claim*> pointers;
  for (const auto& c : claims) pointers.push_back(&c);
  std::vector<std::string> problems;
  SubjectAnalysis a = AnalyzeSubject("k", pointers, normalizer, &problems);
  std::vector<v1::Finding> findings;
  CheckAgreement(a, &findings);
  CheckUnits(a, &findings);
  CheckPeriods(a, &findings);
  CheckSingleSource(a, &findings);
  std::vector<v1::FindingKind> kinds;
  for (const auto& f : findings) {
    kinds.push_back(f.kind());
    EXPECT_FALSE(f.explanation().empty());
  }
  std::sort(kinds.begin(), kinds.end());
  if (out != nullptr) *out = findings;
  return kinds;
}

TEST(ChecksTest, Table) {
  const Case cases[] = {
      {"yuan_and_dollars_at_the_years_rate",
       {Fund("a", "d1", "2024-05-27", 344e9, "CNY", kExact, 1e9, "2024", "RMB 344 billion"),
        Fund("b", "d2", "2024-05-28", 47.5e9, "USD", kExact, 1e8, "2024", "$47.5 billion"),
        Fund("c", "d3", "2024-05-29", 344e9, "CNY", kExact, 1e9, "2024", "344bn yuan")},
       {}},
      {"47b_and_47.5_billion",
       {Fund("a", "d1", "2024-05-27", 47e9, "USD", kExact, 1e9, "2024", "$47b"),
        Fund("b", "d2", "2024-05-28", 47.5e9, "USD", kExact, 1e8, "2024", "$47.5 billion")},
       {}},
      {"nearly_and_almost",
       {{"a", "d1", "2023-09-03", "HBM", "demand_growth", 60, "percent", kNearly, 1, "2023",
         "nearly 60%"},
        {"b", "d2", "2023-09-04", "HBM", "demand_growth", 60, "percent", kNearly, 1, "2023",
         "almost 60%"}},
       {}},
      {"contradiction_same_year",
       {Fund("a", "d1", "2023-09-03", 204.2e9, "CNY", kExact, 1e8, "2019", "RMB 204.2 billion"),
        Fund("b", "d2", "2024-05-27", 204.2e9, "CNY", kAbout, 1e8, "2019", "about RMB 204.2"),
        Fund("c", "d3", "2025-11-05", 240e9, "CNY", kExact, 1e9, "2019", "RMB 240 billion")},
       {v1::FINDING_KIND_CONTRADICTION}},
      {"scale_slip_undated",
       {Fund("a", "d1", "2024-05-27", 344e9, "CNY", kExact, 1e9, "", "RMB 344 billion"),
        Fund("b", "d2", "2025-11-05", 344e9, "CNY", kExact, 1e9, "", "344bn yuan"),
        Fund("c", "d3", "2025-11-04", 344e6, "CNY", kExact, 1e6, "", "RMB 344 million")},
       {v1::FINDING_KIND_SCALE_SLIP}},
      {"undated_disagreement_is_a_contradiction",
       {Fund("a", "d1", "2024-05-27", 344e9, "CNY", kExact, 1e9, "", "RMB 344 billion"),
        Fund("b", "d2", "2025-11-04", 71e9, "CNY", kExact, 1e9, "", "RMB 71 billion"),
        Fund("c", "d3", "2025-11-05", 344e9, "CNY", kExact, 1e9, "", "344bn yuan")},
       {v1::FINDING_KIND_CONTRADICTION}},
      {"undated_values_years_apart_are_a_change",
       {Node("a", "d1", "2022-03-14", 14, ""), Node("b", "d2", "2023-09-03", 7, ""),
        Node("c", "d3", "2024-05-28", 7, "")},
       {}},
      {"stale_undated_repeat_of_old_value",
       {Node("a", "d1", "2022-03-14", 14, "2019"), Node("b", "d2", "2023-09-03", 7, "2022"),
        Node("c", "d2", "2023-09-03", 7, ""), Node("d", "d3", "2025-06-18", 14, "")},
       {v1::FINDING_KIND_STALE_FIGURE}},
      {"change_over_time_is_no_finding",
       {Node("a", "d1", "2014-01-01", 40, "2013"), Node("b", "d1", "2016-01-01", 28, "2015"),
        Node("c", "d2", "2020-01-01", 14, "2019"), Node("d", "d3", "2023-01-01", 7, "2022")},
       {}},
      {"half_year_figure_as_a_quarter",
       {Revenue("a", "wp", "2024-08-08", 3.65e9, 1e7, "2024-H1"),
        Revenue("b", "wire", "2024-08-09", 3.65e9, 1e7, "2024-Q2")},
       {v1::FINDING_KIND_PERIOD_MISMATCH}},
      {"quarter_inside_year_is_part_of",
       {Revenue("a", "d1", "2025-02-12", 8.03e9, 1e7, "2024"),
        Revenue("b", "d1", "2025-02-12", 2.21e9, 1e7, "2024-Q4"),
        Revenue("c", "d2", "2024-11-08", 2.17e9, 1e7, "2024-Q3")},
       {}},
      {"rates_over_nested_periods_are_not_period_mismatches",
       {{"a", "d1", "2024-11-08", "SMIC", "utilization", 90, "percent", kExact, 1, "2024-Q3",
         "90%"},
        {"b", "d2", "2025-02-12", "SMIC", "utilization", 90, "percent", kExact, 1, "2024",
         "90%"}},
       {}},
      {"forecast_is_not_compared_with_actual",
       {{"a", "d1", "2023-01-01", "HBM", "demand_growth", 60, "percent", kExact, 1, "2023",
         "60%", "", v1::HEDGE_FORECAST},
        {"b", "d2", "2024-02-01", "HBM", "demand_growth", 20, "percent", kExact, 1, "2023",
         "20%"}},
       {}},
      {"percent_against_percentage_points",
       {{"a", "d1", "2024-01-01", "X", "margin_change", 3, "percent", kExact, 1, "2024", "3%"},
        {"b", "d2", "2024-01-02", "X", "margin_change", 3, "percent", kExact, 1, "2024", "3%"},
        {"c", "d3", "2024-01-03", "X", "margin_change", 3, "percentage_point", kExact, 1,
         "2024", "3 percentage points"}},
       {v1::FINDING_KIND_UNIT_MISMATCH}},
      {"agreement_of_copies_is_one_source",
       {Revenue("a", "article", "2025-11-01", 3.2e9, 1e8, "2025-Q3"),
        {"b", "forum", "2025-11-02", "SMIC", "revenue", 3.2e9, "USD", kExact, 1e8, "2025-Q3",
         "$3.2 billion", "", v1::HEDGE_STATED, "a"}},
       {v1::FINDING_KIND_SINGLE_SOURCE}},
  };
  for (const auto& c : cases) {
    std::vector<v1::Finding> findings;
    std::vector<v1::FindingKind> kinds = RunChecks(c.claims, &findings);
    EXPECT_EQ(kinds, c.expected) << c.name << ": " << (findings.empty()
                                                         ? std::string("no findings")
                                                         : findings[0].explanation());
  }
}

TEST(ChecksTest, ContradictionExplanationNamesSourcesAndNumbers) {
  std::vector<v1::Finding> findings;
  RunChecks({Fund("a", "d1", "2023-09-03", 204.2e9, "CNY", kExact, 1e8, "2019", "RMB 204.2 billion"),
       Fund("b", "d2", "2025-11-05", 240e9, "CNY", kExact, 1e9, "2019", "RMB 240 billion"),
       Fund("c", "d3", "2024-05-27", 204.2e9, "CNY", kExact, 1e8, "2019", "RMB 204.2 billion")},
      &findings);
  ASSERT_EQ(findings.size(), 1u);
  const v1::Finding& f = findings[0];
  EXPECT_EQ(f.severity(), v1::SEVERITY_MEDIUM);  // 14.9% apart
  const std::string& e = f.explanation();
  for (const char* part : {"Big Fund III fund size (2019)", "\"RMB 240 billion\" in \"d2\"",
                           "published 2025-11-05", "2 independent sources",
                           "CNY 204.15 billion to CNY 204.25 billion"}) {
    EXPECT_NE(e.find(part), std::string::npos) << part << " not in: " << e;
  }
  EXPECT_EQ(f.claim_ids_size(), 3);
  EXPECT_EQ(f.values_size(), 3);
}

TEST(ChecksTest, ConversionIsShownInTheFinding) {
  std::vector<v1::Finding> findings;
  RunChecks({Fund("a", "d1", "2024-05-27", 344e9, "CNY", kExact, 1e9, "2024", "RMB 344 billion"),
       Fund("b", "d2", "2024-05-28", 344e9, "CNY", kExact, 1e9, "2024", "RMB 344 billion"),
       Fund("c", "d3", "2024-06-01", 30e9, "USD", kExact, 1e9, "2024", "$30 billion")},
      &findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].explanation().find("USD->CNY at 7.189 (2024 annual average"),
            std::string::npos)
      << findings[0].explanation();
  bool has_conversion = false;
  for (const auto& v : findings[0].values()) has_conversion |= !v.conversion().empty();
  EXPECT_TRUE(has_conversion);
}

}  // namespace
}  // namespace claimcheck
