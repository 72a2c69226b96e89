#include "claims/json_values.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "absl/strings/numbers.h"
#include "date/date.h"

namespace claimcheck {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// What AppendString must look at: ASCII control characters, DEL, '"', '\\', '<', '>'
// (escaped) and every non-ASCII byte (decoded and checked). Everything else is copied.
struct SpecialBytes {
  SpecialBytes() {
    for (int c = 0; c < 256; ++c) {
      special[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>';
    }
  }
  bool special[256];
};

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

#ifdef __SSE2__
// The bits of the bytes of `v` that are special (see SpecialBytes): a signed compare with
// 0x20 catches both the control characters and every byte >= 0x80.
inline int SpecialMask(__m128i v) {
  const __m128i hit = _mm_or_si128(
      _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f))),
                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')), _mm_cmpeq_epi8(v, _mm_set1_epi8('>'))));
  return _mm_movemask_epi8(hit);
}

// SpecialMask of the 8 bytes at p (in the low bits).
inline int SpecialMask8(const unsigned char* p) {
  return SpecialMask(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p))) & 0xFF;
}
#endif

// The first special byte at or after `i` (or n).
size_t SkipPlain(const unsigned char* p, size_t i, size_t n, const SpecialBytes& table) {
#ifdef __SSE2__
  // Sixteen bytes at a time; the last few bytes of a text of 8 bytes or more are read
  // by one load that ends at the text's end (its bytes before `i` are ignored).
  if (n >= 16) {
    for (; i + 16 <= n; i += 16) {
      const int mask = SpecialMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));
      if (mask != 0) return i + __builtin_ctz(mask);
    }
    if (i == n) return n;
    const int mask =
        SpecialMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16))) >>
        (16 - (n - i));
    return mask != 0 ? i + __builtin_ctz(mask) : n;
  }
  if (n >= 8) {
    if (n - i > 8) {
      const int mask = SpecialMask8(p + i);
      if (mask != 0) return i + __builtin_ctz(mask);
      i += 8;
    }
    if (i == n) return n;
    const int mask = SpecialMask8(p + n - 8) >> (8 - (n - i));
    return mask != 0 ? i + __builtin_ctz(mask) : n;
  }
#endif
  while (i < n && !table.special[p[i]]) ++i;
  return i;
}

}  // namespace

char* WriteJsonString(absl::string_view s, char* o) {
  static const SpecialBytes* const table = new SpecialBytes;
  *o++ = '"';
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const size_t run = i;
    i = SkipPlain(p, i, n, *table);  // plain ASCII: copied as one run
    std::memcpy(o, p + run, i - run);
    o += i - run;
    if (i == n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      const char* e = AsciiEscape(c);
      if (e == nullptr) {
        o = WriteU16(c, o);
      } else {
        const size_t len = std::strlen(e);
        std::memcpy(o, e, len);
        o += len;
      }
      ++i;
      continue;
    }
    // Strict UTF-8 decoding: no overlongs, surrogates or values above U+10FFFF.
    uint32_t cp;
    size_t len;
    if (c >= 0xc2 && c <= 0xdf) { cp = c & 0x1f; len = 2; }
    else if (c >= 0xe0 && c <= 0xef) { cp = c & 0x0f; len = 3; }
    else if (c >= 0xf0 && c <= 0xf4) { cp = c & 0x07; len = 4; }
    else return nullptr;
    if (i + len > n) return nullptr;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xc0) != 0x80) return nullptr;
      cp = (cp << 6) | (p[i + k] & 0x3f);
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
      std::memcpy(o, p + i, len);
      o += len;
    }
    i += len;
  }
  *o++ = '"';
  return o;
}

namespace {

// The shortest digits of `v` (not an integer, normal) when they have at most
// kMaxPlaces places after the point and at most DBL_DIG digits in all, as to_chars gives
// them, but at a fraction of its cost: m / 10^k reads back as v for an integer m of at
// most 15 digits exactly when the correctly rounded division gives v, and the first k
// (fewest places) that works gives the fewest digits. (v * 10^k is within 0.2 of such an
// m, so rounding it finds m.) Writes the digits of |m| and the decimal exponent of the
// first one; false when no k works.
bool FewDecimalPlaces(double v, char* digits, int* n, int* exponent) {
  constexpr int kMaxPlaces = 6;
  static constexpr double kPow10[kMaxPlaces + 1] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  for (int k = 1; k <= kMaxPlaces; ++k) {
    const double m = std::nearbyint(v * kPow10[k]);
    if (!(std::fabs(m) < 1e15)) return false;
    if (m / kPow10[k] != v) continue;
    char* const end =
        absl::numbers_internal::FastIntToBuffer(static_cast<int64_t>(std::fabs(m)), digits);
    *n = static_cast<int>(end - digits);
    *exponent = *n - 1 - k;
    return true;
  }
  return false;
}

// WriteJsonDouble for a finite `v` that is not an integer below 10^15.
char* WriteOtherDouble(double v, char* o) {
  if (std::fabs(v) < DBL_MIN) {
    // Subnormal: fewer bits than DBL_DIG digits need, so the digits of %.15g are not
    // the shortest ones. printf's rule, literally.
    char* const end = o + kMaxJsonDoubleSize;
    std::to_chars_result r = std::to_chars(o, end, v, std::chars_format::general, DBL_DIG);
    double back = 0;
    std::from_chars(o, r.ptr, back);
    if (back != v) r = std::to_chars(o, end, v, std::chars_format::general, DBL_DIG + 2);
    return r.ptr;
  }
  char* const start = o;
  char digits[20];
  int n = 0;
  int exponent = 0;  // of the first digit
  if (!FewDecimalPlaces(v, digits, &n, &exponent)) {
    // "-d.ddde-XX": the shortest digits and the decimal exponent.
    char sci[kMaxJsonDoubleSize];
    const char* const sci_end =
        std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific).ptr;
    const char* p = sci;
    if (*p == '-') ++p;
    for (; p < sci_end && *p != 'e'; ++p) {
      if (*p != '.') digits[n++] = *p;
    }
    std::from_chars(p + 1 + (p[1] == '+'), sci_end, exponent);
  }
  if (v < 0) *o++ = '-';
  if (n > DBL_DIG) {
    return std::to_chars(start, start + kMaxJsonDoubleSize, v, std::chars_format::general,
                         DBL_DIG + 2).ptr;
  }
  // %g with precision P = 15: %e style when the exponent is below -4 or at least P,
  // %f style otherwise; trailing zeros (which shortest digits never have) dropped.
  if (exponent < -4 || exponent >= DBL_DIG) {
    *o++ = digits[0];
    if (n > 1) {
      *o++ = '.';
      o = std::copy(digits + 1, digits + n, o);
    }
    *o++ = 'e';
    *o++ = exponent < 0 ? '-' : '+';
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) *o++ = '0';
    return std::to_chars(o, o + 4, magnitude).ptr;
  }
  if (exponent < 0) {
    *o++ = '0';
    *o++ = '.';
    o = std::fill_n(o, -exponent - 1, '0');
    return std::copy(digits, digits + n, o);
  }
  const int integer_digits = exponent + 1;
  if (n <= integer_digits) {  // whole (only reached by values the integer path declined)
    o = std::copy(digits, digits + n, o);
    return std::fill_n(o, integer_digits - n, '0');
  }
  o = std::copy(digits, digits + integer_digits, o);
  *o++ = '.';
  return std::copy(digits + integer_digits, digits + n, o);
}

// The last values WriteOtherDouble printed, by a hash of their bits: a claim's
// confidence and precision come from a few rules, and the digits of one that needs
// to_chars cost a thousand instructions. One per thread.
class OtherDoubleCache {
 public:
  char* Write(double v, char* o) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    Entry& e = entries_[(bits * 0x9E3779B97F4A7C15ull) >> (64 - kLogSize)];
    if (e.size == 0 || e.bits != bits) {
      e.bits = bits;
      e.size = static_cast<uint8_t>(WriteOtherDouble(v, e.text) - e.text);
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

}  // namespace

// protobuf's SimpleDtoa is %.15g, or %.17g when that does not read back the same.
// Integers below 10^15 (most figures) are printed as integers, which is what %.15g gives
// for them. Otherwise the shortest digits that read back (std::to_chars without a
// precision) decide: when there are at most 15 of them, %.15g prints exactly those
// digits (DBL_DIG = 15: a decimal of 15 digits survives the trip through a double), laid
// out by %g's rules below; when there are more, %.15g cannot read back and %.17g is
// what protobuf prints. (Subnormal numbers, with fewer significant bits, take printf's
// rule literally.)
char* WriteJsonDouble(double v, char* o) {
  if (!std::isfinite(v)) return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    if (v == 0 && std::signbit(v)) {
      o[0] = '-';
      o[1] = '0';
      return o + 2;
    }
    return absl::numbers_internal::FastIntToBuffer(static_cast<int64_t>(v), o);
  }
  thread_local OtherDoubleCache cache;
  return cache.Write(v, o);
}

namespace {

// Writes `value` as `width` decimal digits (zero-padded).
char* WriteDigits(int value, int width, char* o) {
  for (int i = width - 1; i >= 0; --i, value /= 10) o[i] = static_cast<char>('0' + value % 10);
  return o + width;
}

}  // namespace

char* WriteJsonTimestamp(int64_t seconds, int32_t nanos, char* o) {
  if (seconds < -62135596800LL || seconds > 253402300799LL) return nullptr;
  if (nanos < 0 || nanos >= 1000000000) return nullptr;
  // UTC has no offsets to look up: the day is civil-day arithmetic from the epoch, the
  // time of day is what remains.
  int64_t days = seconds / 86400, second_of_day = seconds % 86400;
  if (second_of_day < 0) second_of_day += 86400, --days;
  const date::year_month_day day{date::sys_days{date::days{days}}};
  const int time_of_day = static_cast<int>(second_of_day);
  // "YYYY-MM-DDThh:mm:ss[.fff|.ffffff|.fffffffff]Z" (years 1..9999, checked above).
  *o++ = '"';
  o = WriteDigits(static_cast<int>(day.year()), 4, o);
  *o++ = '-';
  o = WriteDigits(static_cast<int>(static_cast<unsigned>(day.month())), 2, o);
  *o++ = '-';
  o = WriteDigits(static_cast<int>(static_cast<unsigned>(day.day())), 2, o);
  *o++ = 'T';
  o = WriteDigits(time_of_day / 3600, 2, o);
  *o++ = ':';
  o = WriteDigits(time_of_day / 60 % 60, 2, o);
  *o++ = ':';
  o = WriteDigits(time_of_day % 60, 2, o);
  if (nanos != 0) {
    *o++ = '.';
    if (nanos % 1000000 == 0) {
      o = WriteDigits(nanos / 1000000, 3, o);
    } else if (nanos % 1000 == 0) {
      o = WriteDigits(nanos / 1000, 6, o);
    } else {
      o = WriteDigits(nanos, 9, o);
    }
  }
  *o++ = 'Z';
  *o++ = '"';
  return o;
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
