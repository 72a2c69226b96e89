#include "reconcile/period.h"

#include <cstdint>
#include <optional>

#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// A claim with the period notation of claims/time_scope.h ("" = undated) published on
// `published` ("YYYY-MM-DD", "" = unknown).
v1::Claim MakeClaim(const char* period, const char* published, bool forecast = false) {
  v1::Claim claim;
  claim.set_id("c");
  if (*period) *claim.mutable_scope() = ParsePeriod(period).value();
  if (forecast) claim.mutable_scope()->set_kind(v1::SCOPE_KIND_FORECAST);
  if (*published) {
    absl::CivilDay day;
    EXPECT_TRUE(absl::ParseCivilTime(published, &day));
    claim.mutable_provenance()->mutable_published()->mutable_time()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(day, absl::UTCTimeZone())));
  }
  return claim;
}

ClaimPeriod P(const char* period, const char* published, bool forecast = false) {
  absl::Status problem;
  ClaimPeriod p = PeriodOf(MakeClaim(period, published, forecast), &problem);
  EXPECT_TRUE(problem.ok()) << problem;
  return p;
}

TEST(PeriodTest, SamePeriodRules) {
  struct Case {
    const char* name;
    ClaimPeriod a;
    ClaimPeriod b;
    bool same;
  } cases[] = {
      {"same_quarter", P("2025-Q3", "2025-11-04"), P("2025-Q3", "2025-10-01"), true},
      {"quarter_of_year", P("2025-Q3", ""), P("2025", ""), false},
      {"different_years", P("2020", ""), P("2021", ""), false},
      {"both_undated", P("", "2024-05-27"), P("", "2025-11-04"), true},
      {"undated_inside", P("", "2024-06-01"), P("2024", ""), true},
      {"undated_outside", P("", "2025-06-01"), P("2024", ""), false},
      {"undated_no_date", P("", ""), P("2024", ""), false},
      {"forecast_vs_actual", P("2023", "", true), P("2023", ""), false},
      {"forecast_vs_forecast", P("2023", "", true), P("2023", "", true), true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SamePeriod(c.a, c.b), c.same) << c.name;
    EXPECT_EQ(SamePeriod(c.b, c.a), c.same) << c.name;
  }
  EXPECT_TRUE(NestedOrOverlapping(P("2025-Q3", ""), P("2025", "")));
  EXPECT_FALSE(NestedOrOverlapping(P("2024-H1", ""), P("2024-Q3", "")));
  EXPECT_FALSE(NestedOrOverlapping(P("", "2025-01-01"), P("2025", "")));
}

TEST(PeriodTest, InferredScopeIsUndatedAndSortsByPublication) {
  v1::Claim claim = MakeClaim("2025-11-04", "2025-11-04");
  claim.mutable_scope()->set_inferred(true);
  ClaimPeriod p = PeriodOf(claim, nullptr);
  EXPECT_FALSE(p.stated());
  EXPECT_EQ(p.label, "undated");
  EXPECT_EQ(p.sort_day(), absl::CivilDay(2025, 11, 4));
  EXPECT_EQ(P("2025-Q3", "2025-11-04").sort_day(), absl::CivilDay(2025, 7, 1));
}

TEST(PeriodTest, BadScopeIsAProblemAndUndated) {
  v1::Claim claim = MakeClaim("", "");
  claim.set_id("abc");
  claim.mutable_scope()->set_start("2025-13-01");
  absl::Status problem;
  ClaimPeriod p = PeriodOf(claim, &problem);
  EXPECT_FALSE(p.stated());
  ASSERT_FALSE(problem.ok());
  EXPECT_NE(problem.message().find("claim abc"), std::string::npos) << problem;
}

TEST(PeriodTest, PublicationDayIsTheUtcDayAsAbslComputesIt) {
  // The arithmetic fast path against absl's time-zone conversion, around the epoch, day
  // boundaries, negative times and the limits of both paths.
  const int64_t kCases[] = {0,
                            1,
                            -1,
                            86399,
                            86400,
                            -86400,
                            -86401,
                            1420070400,
                            1732406399,
                            -62135596800,  // 0001-01-01
                            253402300799,  // 9999-12-31T23:59:59
                            int64_t{300000} * 366 * 86400 - 1,
                            int64_t{300000} * 366 * 86400,
                            -int64_t{300000} * 366 * 86400 + 1,
                            -int64_t{300000} * 366 * 86400,
                            int64_t{1} << 40};
  for (int64_t seconds : kCases) {
    v1::Provenance provenance;
    provenance.mutable_published()->mutable_time()->set_seconds(seconds);
    std::optional<absl::CivilDay> day = PublicationDay(provenance);
    ASSERT_TRUE(day.has_value()) << seconds;
    EXPECT_EQ(*day, absl::ToCivilDay(absl::FromUnixSeconds(seconds), absl::UTCTimeZone()))
        << seconds;
  }
  EXPECT_FALSE(PublicationDay(v1::Provenance()).has_value());
}

}  // namespace
}  // namespace claimcheck
