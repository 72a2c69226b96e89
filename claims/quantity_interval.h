// Quantity intervals: the range of values a written figure allows.
//
// A figure in an article is never a point. "$2.3 billion" is any value that rounds to
// 2.3 billion (2.25 to 2.35 billion); "nearly 60%" is a little under 60; "more than
// $20 billion" is anything above 20 billion. The reconciler compares these intervals, so
// rounding and stated approximation never count as disagreement.
//
// The rules, applied to Quantity.value, .bound and .precision (base units):
//   EXACT               [v - p/2, v + p/2]            (p = precision; 0 means a point)
//   APPROXIMATE         [v - m, v + m]                m = max(p/2, kApproximateMargin*|v|)
//   APPROXIMATE_BELOW   [v - kApproximateMargin*|v|, v + p/2]   "nearly", "almost"
//   AT_LEAST            [v, unbounded)                "at least", "more than", "over"
//   AT_MOST             (unbounded, v]                "up to", "less than", "under"
//   RANGE               [low - p/2, high + p/2]       low/high as written
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_QUANTITY_INTERVAL_H_
#define CLAIMCHECK_CLAIMS_QUANTITY_INTERVAL_H_

#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// How far "about", "around", "nearly" may stray from the figure written: 10%.
inline constexpr double kApproximateMargin = 0.10;

// Sets quantity->low and ->high from value, bound and precision by the rules above. For
// RANGE the written ends must already be in low/high; they are widened by precision/2.
// Leaves a side unset when it is unbounded.
void SetInterval(v1::Quantity* quantity);

// The size of the last digit written, times `scale`: ("2.3", 1e9) -> 1e8;
// ("450", 1e6) -> 1e6; ("1,234.50", 1) -> 0.01. Digits may contain ',' separators.
// Returns 0 for text with no digits.
double ImpliedPrecision(absl::string_view digits, double scale);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_QUANTITY_INTERVAL_H_
