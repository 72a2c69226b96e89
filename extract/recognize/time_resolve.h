// Time resolution: the parts of a time expression, as the time recognizer's patterns
// (time_recognizer.cc) and hand readers (time_spans.h) give them, turned into a
// v1::TimeScope.
//
// Each family of expressions has its own groups (numbered as in its pattern; group 0 is
// the whole expression) and its own rule: a quarter or half is three or six months of
// the year written (or of the reference's year), a relative period ("last year") moves
// from the reference day, a preposition sets the kind ("since 2019" leaves the end
// open, "by 2030" is a deadline). [start, end) are "YYYY-MM-DD" days, end exclusive;
// without a reference, expressions that need one come back unresolved with empty
// start and end.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_RESOLVE_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_RESOLVE_H_

#include <cstddef>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/claim.pb.h"
#include "re2/stringpiece.h"

namespace claimcheck {

// The families of time expressions, in the order of the recognizer's patterns. Groups:
//   kQuarter, kHalf: 1 preposition, 2 digit after the letter ("Q3"), 3 digit before it
//     ("3Q"), 4 ordinal ("third"), 5 year ("2025", "'25")
//   kFiscalYear: 1 preposition, 2 year after "FY", 3 year after "fiscal"
//   kYearRange: 1 "from"/"between", 2 first year, 3 connector, 4 last year (2 or 4 digits)
//   kNextPeriod: 1 preposition, 2 direction, 3 count, 4 unit ("the next two years")
//   kRelative: 1 direction, 2 unit ("last year")
//   kAsOf: 1 month, 2 day, 3 year
//   kMonth: 1 preposition, 2 day before the month, 3 month, 4 day after it, 5 year
//   kYear: 1 preposition, 2 year
//   kIsoDate: 1 preposition, 2 year, 3 month, 4 day
enum TimeFamily {
  kQuarter, kHalf, kFiscalYear, kYearRange, kNextPeriod, kRelative, kAsOf, kMonth, kYear,
  kIsoDate, kFamilies
};

// Fills `*s` (kind, start, end, granularity, unresolved; not the text) for an expression
// of `family` whose groups are g[0..] (pieces of `text`; empty when not written) and which
// begins at byte `begin` of `text`. `reference` resolves relative periods and dates
// without a year. Returns false when the parts name no period after all ("Feb 30", a
// lone "May", "$2020", a year range that does not run forward); `*s` is then partly set.
bool ResolveTime(int family, const re2::StringPiece* g, absl::string_view text, size_t begin,
                 const std::optional<absl::CivilDay>& reference, v1::TimeScope* s);

// True when `span` holds `lower` (ASCII lower case) in any ASCII case.
inline bool ContainsInAnyCase(absl::string_view span, absl::string_view lower) {
  const char* const p = span.data();  // raw reads: string_view's operator[] checks bounds
  for (size_t i = 0; i + lower.size() <= span.size(); ++i) {
    size_t k = 0;
    while (k < lower.size() &&
           absl::ascii_tolower(static_cast<unsigned char>(p[i + k])) == lower[k]) {
      ++k;
    }
    if (k == lower.size()) return true;
  }
  return false;
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_RESOLVE_H_
