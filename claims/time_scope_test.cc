#include "claims/time_scope.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

ScopeRange Range(const char* period) {
  auto scope = ParsePeriod(period);
  EXPECT_TRUE(scope.ok()) << scope.status();
  auto range = ParseScopeRange(*scope);
  EXPECT_TRUE(range.ok()) << range.status();
  return *range;
}

TEST(TimeScopeTest, ParsePeriodNotations) {
  struct Case {
    const char* period;
    const char* start;
    const char* end;
    v1::Granularity granularity;
  } cases[] = {
      {"2021", "2021-01-01", "2022-01-01", v1::GRANULARITY_YEAR},
      {"FY2023", "2023-01-01", "2024-01-01", v1::GRANULARITY_YEAR},
      {"2025-Q3", "2025-07-01", "2025-10-01", v1::GRANULARITY_QUARTER},
      {"2025-Q4", "2025-10-01", "2026-01-01", v1::GRANULARITY_QUARTER},
      {"2024-H2", "2024-07-01", "2025-01-01", v1::GRANULARITY_HALF},
      {"2024-05", "2024-05-01", "2024-06-01", v1::GRANULARITY_MONTH},
      {"2024-12", "2024-12-01", "2025-01-01", v1::GRANULARITY_MONTH},
      {"2024-05-24", "2024-05-24", "2024-05-25", v1::GRANULARITY_DAY},
      {"2019..2021", "2019-01-01", "2022-01-01", v1::GRANULARITY_MULTI_YEAR},
  };
  for (const auto& c : cases) {
    auto scope = ParsePeriod(c.period);
    ASSERT_TRUE(scope.ok()) << scope.status();
    EXPECT_EQ(scope->start(), c.start) << c.period;
    EXPECT_EQ(scope->end(), c.end) << c.period;
    EXPECT_EQ(scope->granularity(), c.granularity) << c.period;
    auto range = ParseScopeRange(*scope);
    ASSERT_TRUE(range.ok()) << range.status();
    EXPECT_EQ(FormatRange(*range), c.period[0] == 'F' ? "2023" : c.period);
  }
}

TEST(TimeScopeTest, ParsePeriodSpansOfOtherPeriods) {
  auto scope = ParsePeriod("2023-Q3..2024-Q3");
  ASSERT_TRUE(scope.ok()) << scope.status();
  EXPECT_EQ(scope->start(), "2023-07-01");
  EXPECT_EQ(scope->end(), "2024-10-01");
  EXPECT_FALSE(ParsePeriod("2024..2023-Q1").ok());
  EXPECT_FALSE(ParsePeriod("2020..2021..2022").ok());
}

TEST(TimeScopeTest, ParsePeriodRejectsOtherText) {
  for (const char* bad : {"", "next year", "2025-Q5", "2024-13", "2021..2019", "2024-02-30",
                          "20245"}) {
    EXPECT_FALSE(ParsePeriod(bad).ok()) << bad;
  }
}

TEST(TimeScopeTest, ParseScopeRangeRejectsBadDates) {
  v1::TimeScope scope;
  for (const char* bad : {"2024-13-01", "2023-02-29", "2024-04-31", "2024-1-01", "20x4-01-01",
                          "2024-01-01T"}) {
    scope.set_start(bad);
    EXPECT_FALSE(ParseScopeRange(scope).ok()) << bad;
  }
  scope.set_start("2024-02-29");
  EXPECT_TRUE(ParseScopeRange(scope).ok());
  scope.set_start("2024-05-01");
  scope.set_end("2024-04-01");
  EXPECT_FALSE(ParseScopeRange(scope).ok());
  scope.set_end("");
  auto open = ParseScopeRange(scope);
  ASSERT_TRUE(open.ok()) << open.status();
  EXPECT_TRUE(open->start.has_value());
  EXPECT_FALSE(open->end.has_value());
  EXPECT_TRUE(ParseScopeRange(v1::TimeScope()).value().empty());
}

TEST(TimeScopeTest, RelateRanges) {
  struct Case {
    const char* a;
    const char* b;
    ScopeRelation relation;
  } cases[] = {
      {"2025-Q3", "2025-Q3", ScopeRelation::kSame},
      {"2025-Q3", "2025", ScopeRelation::kPartOf},  // a quarter is part of its year
      {"2025", "2025-Q3", ScopeRelation::kContains},
      {"2024-H1", "2024-Q2", ScopeRelation::kContains},
      {"2024-H1", "2024-Q3", ScopeRelation::kDisjoint},
      {"2019..2021", "2021..2022", ScopeRelation::kOverlaps},
      {"2020", "2021", ScopeRelation::kDisjoint},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RelateRanges(Range(c.a), Range(c.b)), c.relation) << c.a << " vs " << c.b;
  }
  EXPECT_EQ(RelateRanges(ScopeRange(), Range("2021")), ScopeRelation::kUnknown);
}

TEST(TimeScopeTest, OpenRangesExtendForever) {
  ScopeRange since2019;
  since2019.start = absl::CivilDay(2019, 1, 1);
  EXPECT_TRUE(RangesOverlap(since2019, Range("2030")));
  EXPECT_FALSE(RangesOverlap(since2019, Range("2018")));
  EXPECT_EQ(RelateRanges(Range("2030"), since2019), ScopeRelation::kPartOf);
  EXPECT_TRUE(RangeContains(since2019, absl::CivilDay(2040, 1, 1)));
  EXPECT_EQ(FormatRange(since2019), "since 2019-01-01");
}

TEST(TimeScopeTest, RangeYearIsTheMiddleYear) {
  EXPECT_EQ(RangeYear(Range("2025-Q3")), 2025);
  EXPECT_EQ(RangeYear(Range("2019..2021")), 2020);
  EXPECT_EQ(RangeYear(ScopeRange()), std::nullopt);
}

TEST(TimeScopeTest, StatedScopeExcludesInferredAndUnresolved) {
  v1::TimeScope scope = ParsePeriod("2024").value();
  EXPECT_TRUE(IsStatedScope(scope));
  scope.set_inferred(true);
  EXPECT_FALSE(IsStatedScope(scope));
  EXPECT_FALSE(IsStatedScope(v1::TimeScope()));
}

}  // namespace
}  // namespace claimcheck
