// Scale words and suffixes: "million", "bn", "k", "lakh", "crore", Chinese 万 and 亿, and
// the place value of a number written in words.
//
// Thread-safe: pure functions over static tables.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_SCALE_WORDS_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_SCALE_WORDS_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace claimcheck {

// If a scale word or abbreviation starts at `pos` ("million", "bn", "lakh", "万"),
// returns its multiplier and sets *end past it; else returns 0. `glued` says whether the
// word directly follows a digit (single-letter suffixes "k", "m", "b" need that).
double MatchScaleWord(absl::string_view text, size_t pos, bool glued, size_t* end);

// The place value of an integer-valued `value`: 100 for 300, 1e6 for 21e6, 1 for 21.
// Returns 0 for non-integers.
double IntegerPlace(double value);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_SCALE_WORDS_H_
