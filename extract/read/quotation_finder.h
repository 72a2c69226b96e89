// Quotation finding: passages of a text that repeat earlier passages of the same text.
//
// Forum threads paste articles and quote earlier posts, often several times. Counting a
// figure once per paste would make one source look like many, so each repeat is marked
// as a quotation of its first appearance. Matching works on sentences (sentence_splitter.h)
// compared after normalisation (text_normalizer.h): a sentence equal to an earlier one is
// a repeat; so is a sentence that is a prefix of an earlier one or has an earlier one as
// its prefix, when the shared part is at least kMinPrefixBytes long (a truncated preview
// of an article followed later by the full article). Adjacent repeats merge into one
// passage.
//
// Thread-safe: pure function.
#ifndef CLAIMCHECK_EXTRACT_READ_QUOTATION_FINDER_H_
#define CLAIMCHECK_EXTRACT_READ_QUOTATION_FINDER_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimcheck {

inline constexpr size_t kMinRepeatBytes = 20;   // shorter sentences ("Yes.") are ignored
inline constexpr size_t kMinPrefixBytes = 64;

struct RepeatedPassage {
  size_t begin;          // byte offsets into the text, [begin, end)
  size_t end;
  size_t source_offset;  // where the (first sentence of the) passage first appeared
};

// Returns the repeated passages of `text` in order, non-overlapping.
std::vector<RepeatedPassage> FindRepeatedPassages(absl::string_view text);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_QUOTATION_FINDER_H_
