// Implicit periods: periods written without a year, which reports of results use all the
// time ("third-quarter revenue", "the quarter", "for the year", "a year earlier"), placed
// against the publication day; and the quarters and halves the time recognizer placed in
// the publication year, moved to the one a stated figure (or a forecast) is about.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_IMPLICIT_PERIODS_H_
#define CLAIMCHECK_EXTRACT_IMPLICIT_PERIODS_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "extract/class_index.h"
#include "extract/recognize/time_recognizer.h"
#include "extract/tokens.h"
#include "proto/document.pb.h"

namespace claimcheck {

// Periods written without a year, which reports of results use all the time, resolved
// against the publication day: "third-quarter revenue", "the fourth quarter", "in the
// quarter", "the first half of the year", "for the year", and "a year earlier" (one year
// before another period of the sentence). A named quarter or half is the latest one that
// has ended by the publication day, or, for a `forecast`, the earliest one that has not.
// "The quarter" and "the year" are the latest ended ones. Spans overlapping `found` are
// skipped; an undated document gives none. Offsets are those of `tokens`.
std::vector<TimeMention> ImplicitPeriods(const std::vector<Token>& tokens,
                                         const std::vector<TimeMention>& found,
                                         const v1::PublicationTime& published, bool forecast);

// The same for a caller that has the sentence's tokens indexed by class already.
std::vector<TimeMention> ImplicitPeriods(const ClassIndex& tokens,
                                         const std::vector<TimeMention>& found,
                                         const v1::PublicationTime& published, bool forecast);

// Both lists at once, reading the sentence once: `*stated` as with forecast = false,
// `*forecast` as with forecast = true (each cleared first).
void ImplicitPeriods(const std::vector<Token>& tokens, const std::vector<TimeMention>& found,
                     const v1::PublicationTime& published, std::vector<TimeMention>* stated,
                     std::vector<TimeMention>* forecast);

// True when AlignUnnumberedPeriods(text, published, forecast, ...) would move one of
// `periods` (a quarter or half written without digits); false when it would leave them
// all as they are.
bool HasUnnumberedPeriods(absl::string_view text, const v1::PublicationTime& published,
                          bool forecast, const std::vector<TimeMention>& periods);

// Periods written without a year ("third-quarter") that the time recognizer placed in
// the publication year: for a stated figure moved back a year when they begin after the
// publication day; for a `forecast` moved on a year when they ended before it.
void AlignUnnumberedPeriods(absl::string_view text, const v1::PublicationTime& published,
                            bool forecast, std::vector<TimeMention>* periods);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_IMPLICIT_PERIODS_H_
