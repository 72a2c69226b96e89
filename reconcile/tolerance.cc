#include "reconcile/tolerance.h"

#include <algorithm>
#include <cmath>

#include "claims/quantity_interval.h"

namespace claimcheck {
namespace {

constexpr double kSlack = 1e-9;
constexpr double kScaleSlipMargin = 0.10;

double Middle(const Interval& i) {
  if (i.bounded_below() && i.bounded_above()) return (i.low + i.high) / 2;
  return i.bounded_below() ? i.low : i.high;
}

}  // namespace

Interval QuantityInterval(const v1::Quantity& quantity) {
  if (!quantity.has_low() && !quantity.has_high()) {
    v1::Quantity copy = quantity;
    SetInterval(&copy);
    if (!copy.has_low() && !copy.has_high()) {  // a RANGE without ends: the value only
      copy.set_low(copy.value());
      copy.set_high(copy.value());
    }
    return QuantityInterval(copy);
  }
  Interval interval;
  if (quantity.has_low()) interval.low = quantity.low();
  if (quantity.has_high()) interval.high = quantity.high();
  if (interval.low > interval.high) std::swap(interval.low, interval.high);
  return interval;
}

bool Overlaps(const Interval& a, const Interval& b) {
  auto le = [](double x, double y) {
    return x <= y + kSlack * std::max(std::fabs(x), std::fabs(y));
  };
  return le(a.low, b.high) && le(b.low, a.high);
}

Interval Intersect(const Interval& a, const Interval& b) {
  return Interval{std::max(a.low, b.low), std::min(a.high, b.high)};
}

Interval Scaled(const Interval& interval, double factor) {
  return Interval{interval.low * factor, interval.high * factor};
}

Interval Widened(const Interval& interval, double fraction) {
  Interval out = interval;
  if (out.bounded_below()) out.low -= fraction * std::fabs(out.low);
  if (out.bounded_above()) out.high += fraction * std::fabs(out.high);
  return out;
}

double RelativeGap(const Interval& a, const Interval& b) {
  if (Overlaps(a, b)) return 0;
  const Interval& lower = a.high < b.low ? a : b;
  const Interval& upper = a.high < b.low ? b : a;
  double scale = std::max(std::fabs(lower.high), std::fabs(upper.low));
  if (scale == 0) return 0;
  return (upper.low - lower.high) / scale;
}

std::optional<int> ScaleSlipExponent(const Interval& a, const Interval& b) {
  if (!a.bounded_below() || !a.bounded_above() || !b.bounded_below() || !b.bounded_above()) {
    return std::nullopt;
  }
  double ma = Middle(a);
  double mb = Middle(b);
  if (ma == 0 || mb == 0 || (ma < 0) != (mb < 0)) return std::nullopt;
  for (int k : {3, 6, 9}) {
    double factor = std::pow(10.0, k);
    if (Overlaps(Widened(Scaled(a, factor), kScaleSlipMargin), b)) return k;
    if (Overlaps(Widened(Scaled(b, factor), kScaleSlipMargin), a)) return -k;
  }
  return std::nullopt;
}

}  // namespace claimcheck
