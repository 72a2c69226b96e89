// Text normalisation for matching and identity.
//
// Document text keeps typographic characters as written. To compare passages (is this
// post quoting that article?) and to give the same document the same id whatever its
// typography, text is normalised: curly quotes become ' and ", dashes and the minus sign
// become -, the ellipsis becomes "...", non-breaking, narrow and other Unicode spaces
// become a space, zero-width characters and the BOM disappear, and every run of
// whitespace (including line breaks) collapses to one space, with none at either end.
// An OffsetMap leads every normalised byte back to the original text.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_TEXT_NORMALIZER_H_
#define CLAIMCHECK_EXTRACT_READ_TEXT_NORMALIZER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "extract/read/offset_map.h"

namespace claimcheck {

// Writes the normalised form of `text` to `*out` (replacing it). When `map` is not null
// it receives runs from `*out` offsets to `text` offsets.
void NormalizeForMatching(absl::string_view text, std::string* out, OffsetMap* map);

// Convenience: the normalised form alone.
std::string NormalizeForMatching(absl::string_view text);

// The document id: a 64-bit hash of the normalised text as 16 lowercase hex digits. It
// is FNV-1a applied to 8-byte little-endian words of the normalised text (each multiply
// followed by a xor-shift fold so high bits reach low ones), then to the byte count.
// Byte-wise FNV-1a (claims/fingerprint.h) is latency-bound at one multiply per byte and
// would take a third of the reading time of a large file; this form is stable across
// runs, machines and versions all the same, and never needs the normalised copy.
std::string DocumentIdForText(absl::string_view text);
// The same id written over `*id` (its memory kept: for a document buffer refilled).
void DocumentIdForText(absl::string_view text, std::string* id);

// DocumentIdForText(text) for `normalized` = NormalizeForMatching(text), hashed as it
// is (no second normalisation): for a reader that has the normalised text anyway.
std::string DocumentIdForNormalizedText(absl::string_view normalized);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_TEXT_NORMALIZER_H_
