// UTF-8 validation and repair.
//
// Readers accept bytes from anywhere. Text handed to recognizers must be valid UTF-8, so
// each invalid sequence (a stray continuation byte, a truncated sequence, an overlong
// form, a surrogate, a code point above U+10FFFF) is replaced with U+FFFD and its byte
// offset reported. Valid input is checked with a 16-bytes-at-a-time ASCII fast path.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_UTF8_H_
#define CLAIMCHECK_EXTRACT_READ_UTF8_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/read/offset_map.h"

namespace claimcheck {

// Length of the valid UTF-8 sequence at data[i], or 0 if the bytes there are invalid.
size_t ValidUtf8SequenceLength(absl::string_view data, size_t i);

// True when all of `data` is valid UTF-8.
bool IsValidUtf8(absl::string_view data);

// Copies `data` into `*out` (replacing its contents) with each maximal invalid sequence
// replaced by U+FFFD (EF BF BD). Returns the byte offsets in `data` of the replaced
// sequences, empty when `data` was valid. When `map` is not null it receives runs from
// `*out` offsets to `data` offsets.
std::vector<size_t> RepairUtf8(absl::string_view data, std::string* out, OffsetMap* map);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for surrogates and values above
// U+10FFFF).
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_UTF8_H_
