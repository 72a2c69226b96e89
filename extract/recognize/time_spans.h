// Time patterns read by hand over an exact span, for the commonest families.
//
// The time recognizer (time_recognizer.h) first finds where an expression starts and
// ends, then reads its parts with the family's own RE2 anchored at both ends. For years
// ("in 2024"), quarters ("the third quarter of 2024", "Q3 2025") and relative periods
// ("last year", "the previous quarter") and months ("May 24, 2024", "in March") the parts
// are read here by hand instead, giving
// the groups that RE2 would give for the same span. Each reader returns 1 when the span
// matches (groups set), 0 when it cannot match, and -1 when the span holds a non-ASCII
// byte (case folding then reaches beyond ASCII) and RE2 must decide.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_SPANS_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_SPANS_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "re2/stringpiece.h"

// The prepositions a time expression may start with, '|'-separated for the patterns.
#define CLAIMCHECK_TIME_PREPOSITIONS \
  "in|during|for|by|before|since|through|until|throughout|of|as of|from|after"

namespace claimcheck {

// True when `word` is one of CLAIMCHECK_TIME_PREPOSITIONS, in any ASCII case.
bool IsTimePreposition(absl::string_view word);

// kYear, "\b(?:((?i:PREP))\s+)?((?:19|20)\d{2})\b", over text[b, e): groups 0-2.
int ReadYearSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g);

// kRelative, "(?i)\b(last|this|next|previous|current|the\s+previous|the\s+current|
// the\s+past)\s+(year|quarter|month|fiscal\s+year)\b", over text[b, e): groups 0-2.
int ReadRelativeSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g);

// kQuarter, "(?i)\b(?:(PREP)\s+)?(?:the\s+)?(?:q([1-4])|([1-4])q|(first|second|third|
// fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal\s+|financial\s+)?quarter)(?:(?:\s+of|,)?
// \s*(?:fy\s*|fiscal\s+(?:year\s+)?)?('\d{2}|(?:19|20)\d{2}))?\b", over text[b, e):
// groups 0-5.
int ReadQuarterSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g);

// kQuarter's longest match starting at b (RE2's leftmost-longest reading, anchored at
// b), its groups as ReadQuarterSpan gives them for that span: 1 when one starts there,
// 0 when none does, -1 when a non-ASCII byte may decide.
int ReadQuarterFrom(absl::string_view text, size_t b, re2::StringPiece* g);

// The same for kHalf, "(?i)\b(?:(PREP)\s+)?(?:the\s+)?(?:(?-i:H)([12])|([12])(?-i:H)|
// (first|second|1st|2nd)[\s-]+half)" and the year as a quarter's: groups 0-5.
int ReadHalfFrom(absl::string_view text, size_t b, re2::StringPiece* g);

// kMonth, "\b(?:((?i:PREP|on))\s+)?(?:(\d{1,2})\s+)?(MONTHS)\b\.?(?:\s+(\d{1,2})
// (?:st|nd|rd|th)?\b)?(?:,?\s+((?:19|20)\d{2})\b)?", with the month names as
// CLAIMCHECK_MONTH_SPELLINGS writes them (case matters), over text[b, e): groups 0-5.
int ReadMonthSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g);

// kMonth's longest match starting at b, as ReadQuarterFrom: 1, 0 or -1.
int ReadMonthFrom(absl::string_view text, size_t b, re2::StringPiece* g);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_SPANS_H_
