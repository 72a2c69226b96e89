// The values of canonical proto3 JSON, written exactly as protobuf's own printer
// (util::MessageToJsonString) writes them: strings with protobuf's escaping (including
// \u003c, \u003e and the code points JavaScript treats specially), doubles in the
// shortest of %.15g / %.17g that reads back, Timestamps in RFC 3339 with 0, 3, 6 or 9
// fractional digits. The message printers (json_printer.h, claim_json.h) build on them.
//
// Thread-safe: pure functions (the Timestamp writer remembers per thread).
#ifndef CLAIMCHECK_CLAIMS_JSON_VALUES_H_
#define CLAIMCHECK_CLAIMS_JSON_VALUES_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "claims/decimal_digits.h"

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace claimcheck {

// Each value has a writer into a caller's buffer, which must hold at least the bound
// given beside it (the writer returns the end of what it wrote, or null having refused
// the value), and an appender to a string.

// The longest a string of `n` bytes can become: each byte an escaped control character
// ("\u0000"), plus the quotes.
constexpr size_t MaxJsonStringSize(size_t n) { return 6 * n + 2; }
constexpr size_t kMaxJsonDoubleSize = kMaxPrintfDoubleSize;
constexpr size_t kMaxJsonTimestampSize = 34;

// `s` quoted and escaped. Refused when `s` is not valid UTF-8, as protobuf's printer
// refuses it.
char* WriteJsonString(absl::string_view s, char* out);
bool AppendJsonString(absl::string_view s, std::string* out);

// WriteJsonString of a std::string, faster for a short one: when its storage holds 16
// bytes (capacity() >= 15: room for capacity() bytes and the terminator), a string of
// fewer than 16 bytes with nothing to escape is read and written as one 16-byte block,
// one of 16 to 31 bytes as two overlapping blocks.
// It may write up to kJsonStringSlack bytes past the end it returns: the buffer needs
// room for MaxJsonStringSize(s.size()) + kJsonStringSlack bytes.
// (Inline: a message printer that inlines its fields' writers has the short strings'
// path in place, with no call.)
constexpr size_t kJsonStringSlack = 16;
inline char* WriteJsonStdString(const std::string& s, char* out);

// `v` as protobuf prints it. Refused for infinities and NaN (which protobuf prints as
// quoted words: the callers leave those records to protobuf).
char* WriteJsonDouble(double v, char* out);
bool AppendJsonDouble(double v, std::string* out);

// Integers are written by WriteDecimal (decimal_digits.h), unquoted as 32-bit integers
// are printed (64-bit ones are quoted).

// A google.protobuf.Timestamp, quoted. Refused outside years 1..9999 or for nanos outside
// [0, 10^9). The text of the last one written is remembered (one per thread): the claims
// of a document come one after another with its publication time.
char* WriteJsonTimestamp(int64_t seconds, int32_t nanos, char* out);
bool AppendJsonTimestamp(int64_t seconds, int32_t nanos, std::string* out);

namespace json_values_internal {

// Whether the storage of `s` holds at least 16 bytes (capacity() >= 15: room for
// capacity() bytes and the terminator). Always, with libstdc++'s strings of the C++11
// ABI: a string lives in its 15-byte local buffer or on the heap with a larger capacity
// (it moves to the heap only to grow past the local buffer), so no test is needed.
inline bool StorageHoldsSixteenBytes(const std::string& s) {
#if defined(__GLIBCXX__) && defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
  (void)s;
  return true;
#else
  return s.capacity() >= 15;
#endif
}

#if defined(__SSE2__) && defined(__x86_64__)
// The bits of the bytes of `v` that WriteJsonString must look at (control characters,
// DEL, '"', '\\', '<', '>' and every byte >= 0x80), in three tests: a signed compare of
// the byte plus one with 0x21 catches the control characters, DEL (0x7f + 1 wraps to
// negative) and every byte >= 0x80; '<' (0x3c) and '>' (0x3e) are the two bytes that
// become 0x3e with bit 1 set; '"' and '\\' are compared.
inline int SpecialMask(__m128i v) {
  const __m128i control_or_high =
      _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)), _mm_set1_epi8(0x21));
  const __m128i angle = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(2)), _mm_set1_epi8('>'));
  const __m128i quote_or_backslash = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(control_or_high, angle), quote_or_backslash));
}
#endif

}  // namespace json_values_internal

inline char* WriteJsonStdString(const std::string& s, char* o) {
#if defined(__SSE2__) && defined(__x86_64__)
  using json_values_internal::SpecialMask;
  const size_t n = s.size();
  if (n < 16 && json_values_internal::StorageHoldsSixteenBytes(s)) {
    // The bytes past the string's end are read but play no part: the mask keeps its own.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data()));
    if ((SpecialMask(v) & ((1u << n) - 1)) == 0) {
      *o = '"';
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + 1), v);
      o[n + 1] = '"';
      return o + n + 2;
    }
  } else if (n < 32) {
    // Ids and dates: two blocks of 16 that overlap, both inside the string.
    const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data()));
    const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + n - 16));
    if ((SpecialMask(head) | SpecialMask(tail)) == 0) {
      *o = '"';
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + 1), head);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + 1 + n - 16), tail);
      o[n + 1] = '"';
      return o + n + 2;
    }
  }
#endif
  return WriteJsonString(s, o);
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_JSON_VALUES_H_
