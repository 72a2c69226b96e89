#include "reconcile/arithmetic.h"

#include "gtest/gtest.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

using testing::ClaimSpec;

struct Case {
  const char* name;
  std::vector<ClaimSpec> growth;
  std::vector<ClaimSpec> level;
  int findings;
};

ClaimSpec Growth(const char* id, double pct, v1::BoundKind bound, const char* period,
                 const char* entity = "SMIC") {
  return ClaimSpec{id, "g-" + std::string(id), "2025-02-12", entity, "revenue_growth", pct,
                   "percent", bound, 1, period, "%"};
}

ClaimSpec Level(const char* id, double value, double precision, v1::BoundKind bound,
                const char* period, const char* entity = "SMIC") {
  return ClaimSpec{id, "l-" + std::string(id), "2025-02-12", entity, "revenue", value, "USD",
                   bound, precision, period, "$"};
}

SubjectAnalysis Analyze(const std::vector<v1::Claim>& claims, const Normalizer& n) {
  std::vector<const v1::Claim*> pointers;
  for (const auto& c : claims) pointers.push_back(&c);
  std::vector<std::string> problems;
  return AnalyzeSubject(claims.empty() ? "" : claims[0].subject().key(), pointers, n,
                        &problems);
}

TEST(ArithmeticTest, LevelSubjectKey) {
  v1::Subject s;
  s.set_entity("SMIC");
  s.set_metric("Revenue Growth");
  s.add_qualifiers()->set_value("Year on Year");
  EXPECT_EQ(LevelSubjectKey(s), "smic|revenue|year on year");
  s.set_metric("revenue");
  EXPECT_EQ(LevelSubjectKey(s), std::nullopt);
  s.set_metric("growth");
  EXPECT_EQ(LevelSubjectKey(s), std::nullopt);
}

TEST(ArithmeticTest, Table) {
  constexpr auto kExact = v1::BOUND_KIND_EXACT;
  constexpr auto kAbout = v1::BOUND_KIND_APPROXIMATE;
  const Case cases[] = {
      {"45_percent_does_not_fit",
       {Growth("g", 45, kExact, "2023..2024")},
       {Level("l23", 6.32e9, 1e7, kExact, "2023"), Level("l24", 8.03e9, 1e7, kExact, "2024")},
       1},
      {"27_percent_fits",
       {Growth("g", 27, kExact, "2023..2024"), Growth("h", 27, kAbout, "2023..2024")},
       {Level("l23", 6.32e9, 1e7, kExact, "2023"), Level("l24", 8.03e9, 1e7, kExact, "2024")},
       0},
      {"decline_fits",
       {Growth("g", -13, kExact, "2022..2023")},
       {Level("l22", 7.27e9, 1e7, kExact, "2022"), Level("l23", 6.32e9, 1e7, kExact, "2023")},
       0},
      {"121_percent_over_two_years_fits_about_1.04",
       {Growth("g", 121, kExact, "2019..2021", "Toolmakers")},
       {Level("l19", 1.04e9, 1e7, kAbout, "2019", "Toolmakers"),
        Level("l21", 2.3e9, 1e8, kExact, "2021", "Toolmakers")},
       0},
      {"121_percent_against_1.5",
       {Growth("g", 121, kExact, "2019..2021", "Toolmakers")},
       {Level("l19", 1.5e9, 1e8, kExact, "2019", "Toolmakers"),
        Level("l21", 2.3e9, 1e8, kExact, "2021", "Toolmakers")},
       1},
      {"quarters_year_on_year",
       {Growth("g", 34, kExact, "2023-Q3..2024-Q3")},
       {Level("q23", 1.62e9, 1e7, kExact, "2023-Q3"), Level("q24", 2.17e9, 1e7, kExact, "2024-Q3"),
        Level("y23", 6.32e9, 1e7, kExact, "2023")},
       0},
      {"missing_endpoint_is_no_check",
       {Growth("g", 45, kExact, "2023..2024")},
       {Level("l24", 8.03e9, 1e7, kExact, "2024")},
       0},
  };
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  for (const auto& c : cases) {
    std::vector<v1::Claim> growth;
    std::vector<v1::Claim> level;
    for (const auto& s : c.growth) growth.push_back(testing::MakeClaim(s));
    for (const auto& s : c.level) level.push_back(testing::MakeClaim(s));
    std::vector<v1::Finding> findings;
    CheckGrowth(Analyze(growth, normalizer), Analyze(level, normalizer), &findings);
    ASSERT_EQ(static_cast<int>(findings.size()), c.findings)
        << c.name << (findings.empty() ? "" : ": " + findings[0].explanation());
    for (const auto& f : findings) {
      EXPECT_EQ(f.kind(), v1::FINDING_KIND_ARITHMETIC);
      EXPECT_EQ(f.subject().metric(), "revenue_growth");
      EXPECT_EQ(f.claim_ids_size(), 3) << c.name;
    }
  }
}

TEST(ArithmeticTest, ExplanationGivesTheImpliedLevel) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  std::vector<v1::Claim> growth = {
      testing::MakeClaim(Growth("g", 45, v1::BOUND_KIND_EXACT, "2023..2024"))};
  std::vector<v1::Claim> level = {
      testing::MakeClaim(Level("l23", 6.32e9, 1e7, v1::BOUND_KIND_EXACT, "2023")),
      testing::MakeClaim(Level("l24", 8.03e9, 1e7, v1::BOUND_KIND_EXACT, "2024"))};
  std::vector<v1::Finding> findings;
  CheckGrowth(Analyze(growth, normalizer), Analyze(level, normalizer), &findings);
  ASSERT_EQ(findings.size(), 1u);
  const std::string& e = findings[0].explanation();
  EXPECT_NE(e.find("implies 2023 of about USD 5.53793 billion"), std::string::npos) << e;
  EXPECT_NE(e.find("which implies growth of 26."), std::string::npos) << e;
}

TEST(ArithmeticTest, PartsAgainstTotal) {
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  auto part = [](const char* id, const char* who, double value) {
    return ClaimSpec{id, std::string("p-") + id, "2024-05-27", "Big Fund III",
                     "capital_contribution", value, "CNY", v1::BOUND_KIND_EXACT, 1e9, "2024",
                     "RMB", who};
  };
  ClaimSpec total{"t", "t", "2024-05-27", "Big Fund III", "capital_contribution", 344e9, "CNY",
                  v1::BOUND_KIND_EXACT, 1e9, "2024", "RMB 344 billion"};
  struct Case {
    const char* name;
    std::vector<ClaimSpec> parts;
    int findings;
  } cases[] = {
      {"parts_within_total", {part("a", "Ministry of Finance", 60e9), part("b", "banks", 114e9)},
       0},
      {"parts_exceed_total", {part("a", "Ministry of Finance", 260e9), part("b", "banks", 114e9)},
       1},
      {"other_period_ignored",
       {part("a", "Ministry of Finance", 260e9),
        ClaimSpec{"b", "p-b", "2024-05-27", "Big Fund III", "capital_contribution", 300e9, "CNY",
                  v1::BOUND_KIND_EXACT, 1e9, "2023", "RMB", "banks"}},
       0},
  };
  std::vector<v1::Claim> total_claims = {testing::MakeClaim(total)};
  SubjectAnalysis total_analysis = Analyze(total_claims, normalizer);
  for (const auto& c : cases) {
    std::vector<std::vector<v1::Claim>> claims;
    for (const auto& spec : c.parts) claims.push_back({testing::MakeClaim(spec)});
    std::vector<SubjectAnalysis> analyses;
    for (const auto& group : claims) analyses.push_back(Analyze(group, normalizer));
    std::vector<const SubjectAnalysis*> parts;
    for (const auto& a : analyses) parts.push_back(&a);
    std::vector<v1::Finding> findings;
    CheckParts(total_analysis, parts, &findings);
    ASSERT_EQ(static_cast<int>(findings.size()), c.findings) << c.name;
    for (const auto& f : findings) {
      EXPECT_EQ(f.kind(), v1::FINDING_KIND_ARITHMETIC);
      EXPECT_NE(f.explanation().find("add up to at least CNY 373 billion"), std::string::npos)
          << f.explanation();
    }
  }
  EXPECT_EQ(TotalSubjectKey(testing::MakeClaim(part("a", "Ministry of Finance", 1)).subject()),
            "big fund iii|capital_contribution");
  EXPECT_EQ(TotalSubjectKey(total_claims[0].subject()), std::nullopt);
}

}  // namespace
}  // namespace claimcheck
