// Sentence splitting for claim extraction.
//
// Splits clean document text into sentences by a hand-written scanner (no regexes): a
// sentence ends at '.', '!', '?', an ellipsis or a CJK full stop followed by space, at
// a paragraph break (blank line), and at a line break that starts a bullet or does not
// look like a hard-wrapped continuation. A period does not end a sentence after a known
// abbreviation (Mr., Dr., No., Jan., e.g., i.e.), a decimal (2.3), an initial (J. Smith),
// or when a lowercase word or a digit follows, nor after the number of a numbered list
// item at the start of a line ("1. Packaging"). After company suffixes and dotted
// initialisms (Corp., Co., Inc., Ltd., U.S., U.K.) a sentence ends only when a typical
// sentence opener follows ("... U.S. The ..."). Closing quotes and brackets after the
// terminator belong to the sentence.
//
// Spans exclude surrounding whitespace and a leading bullet marker ("- ", "• ", "* ").
// Thread-safe: pure function.
#ifndef CLAIMCHECK_EXTRACT_READ_SENTENCE_SPLITTER_H_
#define CLAIMCHECK_EXTRACT_READ_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimcheck {

struct TextSpan {
  size_t begin;  // byte offsets into the text, [begin, end)
  size_t end;
};

// Returns the sentences of `text` in order; never empty spans, never overlapping.
// Empty or all-whitespace text gives no spans.
std::vector<TextSpan> SplitSentences(absl::string_view text);

// The same spans into `*spans`, replacing what it held (its memory is kept: for a caller
// that splits document after document).
void SplitSentences(absl::string_view text, std::vector<TextSpan>* spans);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_SENTENCE_SPLITTER_H_
