// Hedge words: the words around a figure that bound it. "about $2 billion" is
// approximate, "nearly 60%" a little under 60, "more than 20" anything above 20, "up to
// four years" at most four, "10,000 or more" at least 10,000.
//
// Thread-safe: pure functions over static tables.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_HEDGE_WORDS_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_HEDGE_WORDS_H_

#include <cstddef>
#include <optional>

#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

struct HedgeMatch {
  v1::BoundKind bound = v1::BOUND_KIND_EXACT;
  size_t begin = 0;  // first byte of the hedge phrase
  size_t end = 0;    // one past its last byte
};

// The hedge phrase that ends just before `pos` (one blank between), such as "about",
// "close to", "no more than", "an estimated". Matching is case-insensitive and on whole
// words. Returns nullopt when the preceding words are not a hedge.
std::optional<HedgeMatch> MatchHedgeBefore(absl::string_view text, size_t pos);

// A hedge written after the figure, starting at `pos` after one optional blank: "or
// more", "or less", "or so", "-odd", "+", "plus". Returns nullopt when there is none.
std::optional<HedgeMatch> MatchHedgeAfter(absl::string_view text, size_t pos);

// True when the word just before `pos` is "between" (a range "between 5 and 7" follows).
bool PrecededByBetween(absl::string_view text, size_t pos, size_t* begin);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_HEDGE_WORDS_H_
