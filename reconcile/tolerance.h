// Tolerance: do two figures agree, given rounding and stated approximation?
//
// A written figure stands for an interval of values (claims/quantity_interval.h):
// "$2.3 billion" is 2.25 to 2.35 billion, "nearly 60%" is 54 to 60, "more than $20
// billion" is 20 billion and up. Two figures agree when their intervals overlap. That
// one rule keeps "$47b" and "$47.5 billion" together (46.5-47.5 and 47.45-47.55 meet)
// and "nearly 60%" with "almost 60%", while "RMB 71 billion" and "RMB 344 billion" are
// disjoint.
//
// The interval comes from Quantity.low/high. Claims from other tools may lack them; the
// interval is then recomputed from value, bound and precision with SetInterval. A
// conversion (another currency, another scale) widens an interval by a margin so that
// converted figures are not held to the precision of the original digits.
//
// A scale slip is a disagreement by a factor near 10^3, 10^6 or 10^9 ("RMB 344 million"
// for "RMB 344 billion"): ScaleSlipExponent tells it apart from an ordinary
// contradiction.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_RECONCILE_TOLERANCE_H_
#define CLAIMCHECK_RECONCILE_TOLERANCE_H_

#include <limits>
#include <optional>

#include "proto/claim.pb.h"

namespace claimcheck {

// [low, high]; an unbounded side is -inf / +inf.
struct Interval {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();

  bool bounded_below() const { return low > -std::numeric_limits<double>::infinity(); }
  bool bounded_above() const { return high < std::numeric_limits<double>::infinity(); }
};

// The interval a quantity allows: from low/high when either is set, else recomputed by
// SetInterval on a copy (a claim with neither side set was not filled in).
Interval QuantityInterval(const v1::Quantity& quantity);

// True when the intervals share a point. Ends are compared with a relative slack of
// 1e-9 so that values that went through floating-point conversion still meet.
bool Overlaps(const Interval& a, const Interval& b);

// The intersection of two overlapping intervals (undefined contents when disjoint).
Interval Intersect(const Interval& a, const Interval& b);

// Multiplies both ends by factor (> 0).
Interval Scaled(const Interval& interval, double factor);

// Widens each bounded side by `fraction` of the magnitude of that end: a 3% widening of
// [100, 110] is [97, 113.3].
Interval Widened(const Interval& interval, double fraction);

// How far apart two disjoint intervals are, relative to the larger magnitude of their
// nearest ends: [71, 71] vs [344, 344] is (344 - 71) / 344 = 0.79. 0 when they overlap.
double RelativeGap(const Interval& a, const Interval& b);

// When `a` and `b` differ by a factor 10^k (k in 3, 6, 9) up to a 10% margin, returns k
// (positive: b is the larger). nullopt otherwise, or when either is unbounded.
std::optional<int> ScaleSlipExponent(const Interval& a, const Interval& b);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_TOLERANCE_H_
