// Time scopes as date ranges: parsing, and how two periods relate.
//
// A TimeScope stores its period as civil dates "YYYY-MM-DD", start inclusive and end
// exclusive (Q3 2025 is [2025-07-01, 2025-10-01)); either side may be empty when the
// period is open there ("since 2019"). ScopeRange is the parsed form, and RelateRanges
// says how two periods relate. The distinction matters to the reconciler: two figures
// for the same period can contradict each other, a quarter's figure is only "part of"
// its year's, and figures for different periods are points on a timeline.
//
// ParsePeriod reads the short period notation used in hand-written files (expected
// claims, reference figures): "2021", "2025-Q3", "2024-H1", "2024-05", "2024-05-24",
// "FY2023" (read as the calendar year), and "A..B" for the span from the start of period A
// to the end of period B ("2019..2021" is 2019 to 2021 inclusive; "2023-Q3..2024-Q3").
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_TIME_SCOPE_H_
#define CLAIMCHECK_CLAIMS_TIME_SCOPE_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// A period [start, end); an unset side is open.
struct ScopeRange {
  std::optional<absl::CivilDay> start;
  std::optional<absl::CivilDay> end;

  // True when neither side is set: nothing is known about the period.
  bool empty() const { return !start && !end; }
  bool operator==(const ScopeRange& o) const { return start == o.start && end == o.end; }
};

// Parses scope.start and scope.end. Returns InvalidArgument naming the field and text
// when a non-empty side is not a valid "YYYY-MM-DD" date, or when end <= start.
absl::StatusOr<ScopeRange> ParseScopeRange(const v1::TimeScope& scope);

// True when the scope names a period: it has a start or end, is not unresolved, and was
// not merely inferred from the publication date.
bool IsStatedScope(const v1::TimeScope& scope);

// How period `a` relates to period `b`.
enum class ScopeRelation {
  kUnknown,   // either range is empty
  kSame,      // identical ranges
  kPartOf,    // a lies inside b and is shorter (a quarter of its year)
  kContains,  // b lies inside a and is shorter
  kOverlaps,  // they share days, neither contains the other
  kDisjoint,  // no day in common
};
ScopeRelation RelateRanges(const ScopeRange& a, const ScopeRange& b);

// True when the ranges share at least one day (open sides extend forever). False when
// either is empty.
bool RangesOverlap(const ScopeRange& a, const ScopeRange& b);

// True when `day` lies in [start, end) (open sides extend forever).
bool RangeContains(const ScopeRange& range, absl::CivilDay day);

// The year a figure for this period is "about", used to pick an annual exchange rate:
// the year of the period's middle day; for a half-open range, the year of its one
// end (the day before an end). Returns nullopt for an empty range.
std::optional<int> RangeYear(const ScopeRange& range);

// Parses the short notation above into a TimeScope with start, end, granularity, kind
// PERIOD and text = `period`. Returns InvalidArgument quoting `period` otherwise.
absl::StatusOr<v1::TimeScope> ParsePeriod(absl::string_view period);

// A short human label: "2021", "2025-Q3", "2024-H1", "2024-05", "2024-05-24",
// "2019..2021", or "[2024-02-03, 2024-05-01)" for other ranges; "undated" when empty.
std::string FormatRange(const ScopeRange& range);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_TIME_SCOPE_H_
