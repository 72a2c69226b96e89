#include "claims/quantity_interval.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

TEST(QuantityIntervalTest, ImpliedPrecisionIsTheLastWrittenDigit) {
  struct {
    const char* digits;
    double scale;
    double expected;
  } cases[] = {
      {"2.3", 1e9, 1e8}, {"450", 1e6, 1e6}, {"71", 1e9, 1e9},
      {"1,234.50", 1, 0.01}, {"60", 1, 1}, {"", 1, 0},
  };
  for (const auto& c : cases) {
    EXPECT_DOUBLE_EQ(ImpliedPrecision(c.digits, c.scale), c.expected) << c.digits;
  }
}

TEST(QuantityIntervalTest, BoundsFollowTheWords) {
  struct {
    v1::BoundKind bound;
    double value, precision, low, high;
  } cases[] = {
      {v1::BOUND_KIND_EXACT, 2.3e9, 1e8, 2.25e9, 2.35e9},          // "$2.3 billion"
      {v1::BOUND_KIND_EXACT, 71e9, 1e9, 70.5e9, 71.5e9},           // "RMB 71 billion"
      {v1::BOUND_KIND_APPROXIMATE, 47.5e9, 1e8, 42.75e9, 52.25e9}, // "about $47.5 billion"
      {v1::BOUND_KIND_APPROXIMATE_BELOW, 60, 1, 54, 60.5},         // "nearly 60%"
      {v1::BOUND_KIND_AT_LEAST, 20e9, 1e9, 20e9, kNone},           // "more than $20 billion"
      {v1::BOUND_KIND_AT_MOST, 4, 1, kNone, 4},                    // "up to four years"
  };
  for (const auto& c : cases) {
    v1::Quantity q;
    q.set_value(c.value);
    q.set_precision(c.precision);
    q.set_bound(c.bound);
    SetInterval(&q);
    if (std::isnan(c.low)) {
      EXPECT_FALSE(q.has_low()) << c.value;
    } else {
      EXPECT_NEAR(q.low(), c.low, 1e-6 * std::fabs(c.low)) << c.value;
    }
    if (std::isnan(c.high)) {
      EXPECT_FALSE(q.has_high()) << c.value;
    } else {
      EXPECT_NEAR(q.high(), c.high, 1e-6 * std::fabs(c.high)) << c.value;
    }
  }
}

TEST(QuantityIntervalTest, RangeEndsWidenByPrecision) {
  v1::Quantity q;  // "$1-2 billion"
  q.set_bound(v1::BOUND_KIND_RANGE);
  q.set_value(1.5e9);
  q.set_low(1e9);
  q.set_high(2e9);
  q.set_precision(1e9);
  SetInterval(&q);
  EXPECT_DOUBLE_EQ(q.low(), 0.5e9);
  EXPECT_DOUBLE_EQ(q.high(), 2.5e9);
}

}  // namespace
}  // namespace claimcheck
