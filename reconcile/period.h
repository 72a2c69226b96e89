// Period: when a claim's figure applies, and which claims speak about the same period.
//
// Two figures can contradict each other only if they are about the same period:
//   * both state a period ("in Q3 2025", "2019 to 2021") and it is the same range. A
//     quarter against its year is "part of", not "the same": Q3 revenue is not a
//     contradiction of annual revenue. Different periods are points on a timeline.
//   * both state no period. An undated figure ("the RMB 71 billion fund") presents the
//     current value as of its publication, and undated figures of a subject are claims
//     about that current value. SamePeriod treats all undated figures alike; the
//     contradiction check (checks.h) further compares only those published within a
//     year of each other, taking a difference across a longer gap as a change.
//   * one states a period and the other does not: SamePeriod holds when the undated
//     figure was published within the stated period (used for unit checks; the
//     contradiction check does not mix dated and undated figures, and a dated timeline
//     that an undated figure lags behind is a stale figure instead).
// Forecasts ("expected to", a forecast scope) are compared only with forecasts: a
// prediction that missed is not a contradiction of the outcome.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_RECONCILE_PERIOD_H_
#define CLAIMCHECK_RECONCILE_PERIOD_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "claims/time_scope.h"
#include "proto/claim.pb.h"

namespace claimcheck {

struct ClaimPeriod {
  ScopeRange range;  // the stated range; empty when the claim states no period
  bool forecast = false;
  std::optional<absl::CivilDay> published;  // UTC day of publication, when known
  std::string label;                        // FormatRange(range), "undated" when empty

  bool stated() const { return !range.empty(); }
  // The day that orders this claim on a timeline: the start of the stated period (or its
  // end when open at the start), else the publication day. nullopt when neither is known.
  std::optional<absl::CivilDay> sort_day() const;
};

// The publication day (UTC) of a provenance, or nullopt when its time is unset.
std::optional<absl::CivilDay> PublicationDay(const v1::Provenance& provenance);

// The claim's period. A scope that is inferred, unresolved or absent gives an undated
// period. When the scope's dates do not parse, the period is undated and *problem (if
// not null) is set to an error naming the claim id; otherwise *problem is left alone.
ClaimPeriod PeriodOf(const v1::Claim& claim, absl::Status* problem);

// True when figures for `a` and `b` are about the same period by the rules above.
bool SamePeriod(const ClaimPeriod& a, const ClaimPeriod& b);

// True when both are stated, differ, and share days (a quarter and its year, two
// overlapping multi-year spans).
bool NestedOrOverlapping(const ClaimPeriod& a, const ClaimPeriod& b);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_PERIOD_H_
