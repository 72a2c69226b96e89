#include "claims/json_values.h"

#include <cmath>
#include <cstring>

#if defined(__SSE2__) && defined(__x86_64__)
#include <immintrin.h>
#endif

#include "claims/cpu_features.h"
#include "claims/decimal_digits.h"
#include "date/date.h"

namespace claimcheck {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// What AppendString must look at: ASCII control characters, DEL, '"', '\\', '<', '>'
// (escaped) and every non-ASCII byte (decoded and checked). Everything else is copied.
struct SpecialBytes {
  constexpr SpecialBytes() {
    for (int c = 0; c < 256; ++c) {
      special[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>';
    }
  }
  bool special[256] = {};
};
constexpr SpecialBytes kSpecialBytes;

// Escape of an ASCII byte: null when it is written as \u00XX (or as is, if not special).
const char* AsciiEscape(unsigned char c) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '<': return "\\u003c";
    case '>': return "\\u003e";
    case '\b': return "\\b";
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\f': return "\\f";
    case '\r': return "\\r";
    default: return nullptr;
  }
}

char* WriteU16(uint32_t unit, char* o) {
  o[0] = '\\';
  o[1] = 'u';
  o[2] = kHex[(unit >> 12) & 15];
  o[3] = kHex[(unit >> 8) & 15];
  o[4] = kHex[(unit >> 4) & 15];
  o[5] = kHex[unit & 15];
  return o + 6;
}

// Code points above U+009F that protobuf's printer escapes (JavaScript safety).
bool EscapedAbove9F(uint32_t cp) {
  switch (cp) {
    case 0xfeff: case 0xfff9: case 0xfffa: case 0xfffb: case 0x00ad: case 0x06dd:
    case 0x070f: case 0x17b4: case 0x17b5:
      return true;
    default:
      return (cp >= 0x0600 && cp <= 0x0603) || (cp >= 0x200b && cp <= 0x200f) ||
             (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
             (cp >= 0x206a && cp <= 0x206f);
  }
}

bool IsSupplementaryEscaped(uint32_t cp) {
  return cp == 0xe0001 || (cp >= 0x1d173 && cp <= 0x1d17a) || (cp >= 0xe0020 && cp <= 0xe007f);
}

#if defined(__SSE2__) && defined(__x86_64__)
using json_values_internal::SpecialMask;

// The 32-byte blocks of CopyPlain below on a processor with AVX2 (asked once, at
// start-up): the same three tests on twice the bytes, and in three-operand instructions
// (the SSE2 ones first copy the register they overwrite). Copies blocks from `p` to `o`
// while at least 32 bytes remain and returns how many plain bytes it passed (it stops
// at the first special byte).
__attribute__((target("avx2"))) size_t CopyPlainBlocks32(const unsigned char* p,
                                                        const unsigned char* end, char* o) {
  const unsigned char* const start = p;
  for (; end - p >= 32; p += 32, o += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(o), v);
    const __m256i control_or_high =
        _mm256_cmpgt_epi8(_mm256_set1_epi8(0x21), _mm256_add_epi8(v, _mm256_set1_epi8(1)));
    const __m256i angle =
        _mm256_cmpeq_epi8(_mm256_or_si256(v, _mm256_set1_epi8(2)), _mm256_set1_epi8('>'));
    const __m256i quote_or_backslash =
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('"')),
                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\')));
    const uint32_t mask = static_cast<uint32_t>(_mm256_movemask_epi8(
        _mm256_or_si256(_mm256_or_si256(control_or_high, angle), quote_or_backslash)));
    if (mask != 0) return (p - start) + __builtin_ctz(mask);
  }
  return p - start;
}

// SpecialMask of the eight bytes of `v` (in memory order, in the low bits).
inline int SpecialMask8(uint64_t v) {
  return SpecialMask(_mm_cvtsi64_si128(static_cast<long long>(v))) & 0xFF;
}
#endif

// Copies the plain bytes from `p` on to `o` and stops at the first special byte or at
// `end`, advancing both. It reads only inside [p, end) and writes only inside
// [o, o + (end - p)), in blocks: 32 (with AVX2) or 16 bytes at a time, stored before
// they are checked (the output behind a special byte is overwritten by its escape); a
// tail of 4 to 15 bytes as two overlapping loads.
inline void CopyPlain(const unsigned char*& p, const unsigned char* end, char*& o) {
#if defined(__SSE2__) && defined(__x86_64__)
  // (Below kMinAvx2 bytes the 16-byte blocks cost less than preparing the wide tests.)
  constexpr ptrdiff_t kMinAvx2 = 64;
  if (end - p >= kMinAvx2 && kHasAvx2) {
    const size_t n = CopyPlainBlocks32(p, end, o);
    p += n;
    o += n;
    if (end - p >= 32) return;  // stopped at a special byte
  }
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
    const int mask = SpecialMask(v);
    if (mask != 0) {
      const int k = __builtin_ctz(mask);
      p += k;
      o += k;
      return;
    }
    p += 16;
    o += 16;
  }
  const size_t r = end - p;
  if (r >= 8) {
    uint64_t head, tail;
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, end - 8, 8);
    std::memcpy(o, &head, 8);
    // One test of both: the head's bits low, the tail's high.
    const int mask = SpecialMask(_mm_set_epi64x(static_cast<long long>(tail),
                                                static_cast<long long>(head)));
    if (mask == 0) {
      std::memcpy(o + r - 8, &tail, 8);
      o += r;
      p = end;
      return;
    }
    if ((mask & 0xFF) != 0) {
      const int k = __builtin_ctz(mask);
      p += k;
      o += k;
      return;
    }
    p += 8;  // the special byte is in the last r - 8 (below eight): byte by byte
    o += 8;
  } else if (r >= 4) {
    uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, end - 4, 4);
    if (SpecialMask8(head | static_cast<uint64_t>(tail) << 32) == 0) {
      std::memcpy(o, &head, 4);
      std::memcpy(o + r - 4, &tail, 4);
      o += r;
      p = end;
      return;
    }
  }
#endif
  while (p < end && !kSpecialBytes.special[*p]) *o++ = static_cast<char>(*p++);
}

// Writes the special byte at `p` (escaped, or the UTF-8 sequence it starts, checked)
// and advances `p` past it; null when the bytes are not UTF-8.
char* WriteSpecial(const unsigned char*& p, const unsigned char* end, char* o) {
  const unsigned char c = *p;
  if (c < 0x80) {
    ++p;
    const char* e = AsciiEscape(c);
    if (e == nullptr) return WriteU16(c, o);
    const size_t len = std::strlen(e);
    std::memcpy(o, e, len);
    return o + len;
  }
  // Strict UTF-8 decoding: no overlongs, surrogates or values above U+10FFFF.
  uint32_t cp;
  size_t len;
  if (c >= 0xc2 && c <= 0xdf) { cp = c & 0x1f; len = 2; }
  else if (c >= 0xe0 && c <= 0xef) { cp = c & 0x0f; len = 3; }
  else if (c >= 0xf0 && c <= 0xf4) { cp = c & 0x07; len = 4; }
  else return nullptr;
  if (static_cast<size_t>(end - p) < len) return nullptr;
  for (size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xc0) != 0x80) return nullptr;
    cp = (cp << 6) | (p[k] & 0x3f);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
      (cp >= 0xd800 && cp <= 0xdfff)) {
    return nullptr;
  }
  if (cp < 0xa0 || EscapedAbove9F(cp)) {
    o = WriteU16(cp, o);
  } else if (IsSupplementaryEscaped(cp)) {
    o = WriteU16(0xd800 + ((cp - 0x10000) >> 10), o);
    o = WriteU16(0xdc00 + ((cp - 0x10000) & 0x3ff), o);
  } else {
    std::memcpy(o, p, len);
    o += len;
  }
  p += len;
  return o;
}

}  // namespace

char* WriteJsonString(absl::string_view s, char* o) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* const end = p + s.size();
  *o++ = '"';
  while (true) {
    CopyPlain(p, end, o);
    if (p == end) break;
    o = WriteSpecial(p, end, o);
    if (o == nullptr) return nullptr;
  }
  *o++ = '"';
  return o;
}


namespace {

// The last values WriteShortestG printed, by a hash of their bits: a claim's
// confidence and precision come from a few rules. One per thread.
class OtherDoubleCache {
 public:
  char* Write(double v, char* o) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    Entry& e = entries_[(bits * 0x9E3779B97F4A7C15ull) >> (64 - kLogSize)];
    if (e.size == 0 || e.bits != bits) {
      e.bits = bits;
      e.size = static_cast<uint8_t>(WriteShortestG(v, e.text) - e.text);
    }
    std::memcpy(o, e.text, kMaxJsonDoubleSize);
    return o + e.size;
  }

 private:
  static constexpr int kLogSize = 4;
  struct Entry {
    uint64_t bits = 0;
    uint8_t size = 0;  // 0: empty (every printed double has a digit)
    char text[kMaxJsonDoubleSize] = {};
  };
  Entry entries_[1 << kLogSize];
};

// WriteShortestG through the thread's OtherDoubleCache. Not inlined: the integers' path
// keeps a small frame.
__attribute__((noinline)) char* WriteRememberedDouble(double v, char* o) {
  thread_local OtherDoubleCache cache;
  return cache.Write(v, o);
}

}  // namespace

// protobuf's SimpleDtoa is %.15g, or %.17g when that does not read back the same.
// Integers below 10^15 (most figures) are printed as integers, which is what %.15g gives
// for them; other values by WriteShortestG (decimal_digits.h).
char* WriteJsonDouble(double v, char* o) {
  if (!std::isfinite(v)) return nullptr;
  if (std::fabs(v) < 1e15) {
    const int64_t whole = static_cast<int64_t>(v);
    if (static_cast<double>(whole) == v) {
      if (std::signbit(v)) *o++ = '-';  // also -0
      return WriteDecimal(static_cast<uint64_t>(whole < 0 ? -whole : whole), o);
    }
  }
  return WriteRememberedDouble(v, o);
}

namespace {

char* WriteTimestamp(int64_t seconds, int32_t nanos, char* o) {
  if (seconds < -62135596800LL || seconds > 253402300799LL) return nullptr;
  if (nanos < 0 || nanos >= 1000000000) return nullptr;
  // UTC has no offsets to look up: the day is civil-day arithmetic from the epoch, the
  // time of day is what remains.
  int64_t days = seconds / 86400, second_of_day = seconds % 86400;
  if (second_of_day < 0) second_of_day += 86400, --days;
  const date::year_month_day day{date::sys_days{date::days{days}}};
  const uint32_t time_of_day = static_cast<uint32_t>(second_of_day);
  // "YYYY-MM-DDThh:mm:ss[.fff|.ffffff|.fffffffff]Z" (years 1..9999, checked above).
  *o++ = '"';
  const uint32_t year = static_cast<uint32_t>(static_cast<int>(day.year()));
  o = WriteTwoDigits(year / 100, o);
  o = WriteTwoDigits(year % 100, o);
  *o++ = '-';
  o = WriteTwoDigits(static_cast<unsigned>(day.month()), o);
  *o++ = '-';
  o = WriteTwoDigits(static_cast<unsigned>(day.day()), o);
  *o++ = 'T';
  o = WriteTwoDigits(time_of_day / 3600, o);
  *o++ = ':';
  o = WriteTwoDigits(time_of_day / 60 % 60, o);
  *o++ = ':';
  o = WriteTwoDigits(time_of_day % 60, o);
  if (nanos != 0) {
    *o++ = '.';
    const uint32_t n = static_cast<uint32_t>(nanos);
    if (n % 1000000 == 0) {
      o = WritePadded(n / 1000000, 3, o);
    } else if (n % 1000 == 0) {
      o = WritePadded(n / 1000, 6, o);
    } else {
      o = WritePadded(n, 9, o);
    }
  }
  *o++ = 'Z';
  *o++ = '"';
  return o;
}

// The last Timestamp written and its text, one per thread: the claims of a document
// come one after another and share its publication time.
struct LastTimestamp {
  bool valid = false;  // text holds the Timestamp (seconds, nanos)
  int64_t seconds = 0;
  int32_t nanos = 0;
  uint8_t size = 0;
  char text[kMaxJsonTimestampSize] = {};
};

}  // namespace

char* WriteJsonTimestamp(int64_t seconds, int32_t nanos, char* o) {
  thread_local LastTimestamp last;
  if (!last.valid || seconds != last.seconds || nanos != last.nanos) {
    char* const end = WriteTimestamp(seconds, nanos, last.text);
    last.valid = end != nullptr;
    if (end == nullptr) return nullptr;
    last.seconds = seconds;
    last.nanos = nanos;
    last.size = static_cast<uint8_t>(end - last.text);
  }
  std::memcpy(o, last.text, kMaxJsonTimestampSize);
  return o + last.size;
}

namespace {

// Appends what `write` writes (at most `bound` bytes); false, appending nothing, when it
// returns null.
template <typename Write>
bool AppendWritten(size_t bound, std::string* out, Write write) {
  const size_t old_size = out->size();
  out->resize(old_size + bound);
  char* end = write(&(*out)[old_size]);
  out->resize(end == nullptr ? old_size : end - out->data());
  return end != nullptr;
}

}  // namespace

bool AppendJsonString(absl::string_view s, std::string* out) {
  return AppendWritten(MaxJsonStringSize(s.size()), out,
                       [&](char* o) { return WriteJsonString(s, o); });
}

bool AppendJsonDouble(double v, std::string* out) {
  return AppendWritten(kMaxJsonDoubleSize, out, [&](char* o) { return WriteJsonDouble(v, o); });
}

bool AppendJsonTimestamp(int64_t seconds, int32_t nanos, std::string* out) {
  return AppendWritten(kMaxJsonTimestampSize, out,
                       [&](char* o) { return WriteJsonTimestamp(seconds, nanos, o); });
}

}  // namespace claimcheck
