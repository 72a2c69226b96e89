#include "reconcile/tolerance.h"

#include <cmath>

#include "claims/quantity_interval.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

v1::Quantity Q(double value, v1::BoundKind bound, double precision) {
  v1::Quantity q;
  q.set_value(value);
  q.set_bound(bound);
  q.set_precision(precision);
  return q;
}

TEST(ToleranceTest, IntervalsRecomputedWhenMissing) {
  v1::Quantity q = Q(2.3e9, v1::BOUND_KIND_EXACT, 1e8);
  Interval i = QuantityInterval(q);
  EXPECT_DOUBLE_EQ(i.low, 2.25e9);
  EXPECT_DOUBLE_EQ(i.high, 2.35e9);
  q = Q(20e9, v1::BOUND_KIND_AT_LEAST, 1e9);
  i = QuantityInterval(q);
  EXPECT_DOUBLE_EQ(i.low, 20e9);
  EXPECT_FALSE(i.bounded_above());
  q.set_low(1);  // explicit ends win
  q.set_high(2);
  i = QuantityInterval(q);
  EXPECT_EQ(i.low, 1);
  EXPECT_EQ(i.high, 2);
}

TEST(ToleranceTest, AgreementByOverlap) {
  struct Case {
    const char* name;
    v1::Quantity a;
    v1::Quantity b;
    bool agree;
  } cases[] = {
      {"47b_vs_47.5_billion", Q(47e9, v1::BOUND_KIND_EXACT, 1e9),
       Q(47.5e9, v1::BOUND_KIND_EXACT, 1e8), true},
      {"nearly_60_vs_almost_60", Q(60, v1::BOUND_KIND_APPROXIMATE_BELOW, 1),
       Q(60, v1::BOUND_KIND_APPROXIMATE_BELOW, 1), true},
      {"nearly_60_vs_62", Q(60, v1::BOUND_KIND_APPROXIMATE_BELOW, 1),
       Q(62, v1::BOUND_KIND_EXACT, 1), false},
      {"more_than_20_vs_25", Q(20e9, v1::BOUND_KIND_AT_LEAST, 1e9),
       Q(25e9, v1::BOUND_KIND_EXACT, 1e9), true},
      {"more_than_20_vs_15", Q(20e9, v1::BOUND_KIND_AT_LEAST, 1e9),
       Q(15e9, v1::BOUND_KIND_EXACT, 1e9), false},
      {"71_vs_344_billion", Q(71e9, v1::BOUND_KIND_EXACT, 1e9),
       Q(344e9, v1::BOUND_KIND_EXACT, 1e9), false},
      {"about_2_vs_2.15", Q(2e9, v1::BOUND_KIND_APPROXIMATE, 1e9),
       Q(2.15e9, v1::BOUND_KIND_EXACT, 1e7), true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Overlaps(QuantityInterval(c.a), QuantityInterval(c.b)), c.agree) << c.name;
    EXPECT_EQ(Overlaps(QuantityInterval(c.b), QuantityInterval(c.a)), c.agree) << c.name;
  }
}

TEST(ToleranceTest, WidenScaleAndGap) {
  Interval i{100, 110};
  Interval w = Widened(i, 0.03);
  EXPECT_DOUBLE_EQ(w.low, 97);
  EXPECT_DOUBLE_EQ(w.high, 113.3);
  Interval s = Scaled(i, 2);
  EXPECT_DOUBLE_EQ(s.low, 200);
  EXPECT_NEAR(RelativeGap(Interval{71, 71}, Interval{344, 344}), 273.0 / 344, 1e-12);
  EXPECT_EQ(RelativeGap(i, Interval{105, 200}), 0);
  Interval open;
  open.low = 5;
  EXPECT_TRUE(Overlaps(open, Interval{1e12, 1e12}));
}

TEST(ToleranceTest, ScaleSlips) {
  struct Case {
    const char* name;
    Interval a;
    Interval b;
    std::optional<int> exponent;
  } cases[] = {
      {"million_for_billion", {343.5e6, 344.5e6}, {343.5e9, 344.5e9}, 3},
      {"billion_for_million", {343.5e9, 344.5e9}, {343.5e6, 344.5e6}, -3},
      {"thousand_for_billion", {4.5e3, 5.5e3}, {5e9, 5e9}, 6},
      {"near_but_not_power", {1e9, 1e9}, {5e9, 5e9}, std::nullopt},
      {"twice", {1, 1}, {2, 2}, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ScaleSlipExponent(c.a, c.b), c.exponent) << c.name;
  }
  Interval unbounded;
  EXPECT_EQ(ScaleSlipExponent(unbounded, Interval{1, 1}), std::nullopt);
}

}  // namespace
}  // namespace claimcheck
