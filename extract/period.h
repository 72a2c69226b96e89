// Periods: which time scope a figure is about.
//
// The time recognizer finds every period written in a sentence; this file decides which
// one belongs to a figure, and what to do when none does:
//   1. A period written right after the figure ("$6.32 billion in 2023", "121% from 2019
//      to 2021") wins, when nothing but a few words separates them (no comma, no other
//      figure). Otherwise the nearest period before the figure ("In Q3 2025, Big Fund III
//      committed ..."), unless it sits in a relative clause (", which went on sale last
//      week,") that the figure is not part of. A year used as a modifier ("the
//      2008-vintage process") is not a period.
//   2. A relative period left unresolved ("last year" in an undated post) takes its year
//      from the last year of another period the same sentence states ("from 2019 to 2021
//      ... last year" is 2021); otherwise it stays unresolved.
//   3. With no period written, the publication day is used, marked inferred; an undated
//      document gives an empty scope.
// ChangeScope turns the period of a change ("rose 27% in 2024") into the span it compares
// ("2023..2024": from the start of the previous period to the end of this one).
// Periods written without a year ("the quarter", "third-quarter") are found and placed
// by extract/implicit_periods.h (included here).
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_PERIOD_H_
#define CLAIMCHECK_EXTRACT_PERIOD_H_

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

#include "extract/entity_finder.h"
#include "extract/implicit_periods.h"
#include "extract/recognize/time_recognizer.h"
#include "extract/tokens.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"

namespace claimcheck {

// "the quarter ended June 30", "the six months ending 31 March", "the fiscal year that
// ended September 28": a resolved day written after a period noun (quarter, half, year,
// or N months with N of 3, 6, 9 or 12) and "ended"/"ending" closes that period. Each such
// mention in `times` (offsets into the sentence `text` that `tokens` cut) becomes the
// period of that length ending with the day, a PERIOD scope whose text and offsets start
// at the noun ("quarter ended June 30" is 2025-04-01..2025-07-01). Others are unchanged.
void WidenPeriodsEndingOnADay(const std::vector<Token>& tokens, absl::string_view text,
                              std::vector<TimeMention>* times);

// "the first nine months of 2025", "the first three months of the year 2024": a year
// mention after "first N months of" (N of 2 to 11, in words or digits) becomes those
// months, from the start of the year (2025-01-01..2025-10-01), its text and offsets
// starting at "first". Others are unchanged.
void NarrowToLeadingMonths(const std::vector<Token>& tokens, absl::string_view text,
                           std::vector<TimeMention>* times);

// A token range [first, last): the tokens that overlap a byte range of the sentence,
// {0, 0} when none does.
using TokenRange = std::pair<size_t, size_t>;

// Token ranges a caller has worked out already (the claim assembler marks the figures'
// and periods' tokens anyway), so ChooseScope need not search the tokens for them: the
// figure's, if known, and those of the first periods.size() periods of `times` (a
// prefix: the periods after it are searched for).
struct KnownTokenRanges {
  std::optional<TokenRange> figure;
  absl::Span<const TokenRange> periods;
};

// The scope for the figure at [figure_begin, figure_end) of a sentence. `times` and
// `figures` hold sentence-relative offsets of every period and figure in the sentence.
// When `left_out` is given (one flag per period), the periods it flags are not there for
// the choice (the base of a change, "up 8% from the second quarter"). `known` gives token
// ranges the caller knows (they must be those of the bytes); the choice is the same
// without them.
v1::TimeScope ChooseScope(const std::vector<Token>& tokens, const std::vector<TimeMention>& times,
                          absl::Span<const ByteRange> figures, size_t figure_begin,
                          size_t figure_end, const v1::PublicationTime& published,
                          absl::Span<const bool> left_out = {},
                          const KnownTokenRanges& known = {});

// The same into `*scope`, for a caller that chooses many scopes against one publication
// day: `*inferred` keeps InferredScope(published) once it is first needed. *scope is
// written over (its strings keep their memory).
void ChooseScope(const std::vector<Token>& tokens, const std::vector<TimeMention>& times,
                 absl::Span<const ByteRange> figures, size_t figure_begin, size_t figure_end,
                 const v1::PublicationTime& published, std::optional<v1::TimeScope>* inferred,
                 v1::TimeScope* scope, absl::Span<const bool> left_out = {},
                 const KnownTokenRanges& known = {});

// "By 2022 it was making chips at 7nm": a YEAR deadline already past by the publication
// day becomes that year (a POINT scope). Other scopes are unchanged.
void PastDeadlineToYear(const v1::PublicationTime& published, v1::TimeScope* scope);

// A multi-year scope narrowed to its last year ("between 2019 and 2021 to $2.3 billion").
void NarrowToLastYear(v1::TimeScope* scope);

// The publication day as an inferred POINT scope, or an empty scope when undated.
v1::TimeScope InferredScope(const v1::PublicationTime& published);

// Widens `scope` (a year, half, quarter or month) back by one period, or by one year when
// `year_on_year`. Leaves other scopes, and open ones ("since January"), unchanged.
void ChangeScope(bool year_on_year, v1::TimeScope* scope);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_PERIOD_H_
