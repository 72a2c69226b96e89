// UTF-8 sequence checks shared by everything that escapes or slices text.
//
// Writers of JSON, HTML and Markdown must never split a multi-byte character or pass an
// invalid byte through; they step over text one sequence at a time with
// Utf8SequenceLength and replace what it rejects.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_UTF8_SEQUENCE_H_
#define CLAIMCHECK_CLAIMS_UTF8_SEQUENCE_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace claimcheck {

// Length (1 to 4) of the valid UTF-8 sequence starting at s[i], or 0 when the bytes there
// are not one: a stray continuation byte, a truncated sequence, an overlong form, a
// surrogate, or a code point above U+10FFFF. Requires i < s.size().
size_t Utf8SequenceLength(absl::string_view s, size_t i);

// True when offset i of s starts a character (or is at either end of s).
inline bool IsUtf8Boundary(absl::string_view s, size_t i) {
  return i == 0 || i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_UTF8_SEQUENCE_H_
