#include "claims/json_values.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>

#if defined(__SSE2__) && defined(__x86_64__)
#include <immintrin.h>
#endif

#include "date/date.h"

namespace claimcheck {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// "00" to "99": numbers are written two digits at a time.
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the two digits of `value` (below 100).
inline char* WriteTwoDigits(uint32_t value, char* o) {
  std::memcpy(o, kDigitPairs + 2 * value, 2);
  return o + 2;
}

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

const bool kHasAvx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();

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

constexpr uint64_t kPow10[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
    10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
    100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull};

// How many decimal digits `v` has (at least one): about the number of its bits times
// log10 2 (1233 / 4096 is just below it), corrected by one comparison. v | 1 has the
// digits of v and at least one bit.
int DecimalDigits(uint64_t v) {
  const int guess = ((64 - __builtin_clzll(v | 1)) * 1233) >> 12;
  return guess + ((v | 1) >= kPow10[guess]);
}

// Writes the eight digits of `n` < 10^8, leading zeros included.
void WriteEightDigits(uint32_t n, char* o) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // In parallel in the lanes of one integer: two halves of four digits in 32-bit lanes,
  // then four pairs in 16-bit lanes, then the digits in bytes, the first in the lowest
  // (division by 100 and by 10 as multiply and shift, exact in these ranges).
  const uint64_t halves = (n / 10000) | (uint64_t{n % 10000} << 32);
  const uint64_t high_pairs = ((halves * 10486) >> 20) & 0x0000007F0000007Full;
  const uint64_t pairs = ((halves - 100 * high_pairs) << 16) + high_pairs;
  uint64_t digits = ((pairs * 103) >> 10) & 0x000F000F000F000Full;
  digits += (pairs - 10 * digits) << 8;
  digits += 0x3030303030303030ull;  // '0' in each byte
  std::memcpy(o, &digits, 8);
#else
  for (int i = 6; i >= 0; i -= 2, n /= 100) WriteTwoDigits(n % 100, o + i);
#endif
}

// Writes `v` (below 10^width) as exactly `width` digits, zero-padded: from the last
// digit back, eight at a time, then two.
char* WritePadded(uint64_t v, int width, char* o) {
  char* w = o + width;
  for (; w - o >= 8; v /= 100000000) {
    w -= 8;
    WriteEightDigits(static_cast<uint32_t>(v % 100000000), w);
  }
  uint32_t n = static_cast<uint32_t>(v);
  for (; w - o >= 2; n /= 100) {
    w -= 2;
    WriteTwoDigits(n % 100, w);
  }
  if (w > o) *o = static_cast<char>('0' + n);
  return o + width;
}

}  // namespace

namespace {

// Writes `n` < 10^4 without leading zeros: a digit or a pair, then a pair if needed.
inline char* WriteUpToFourDigits(uint32_t n, char* o) {
  if (n < 100) {
    if (n >= 10) return WriteTwoDigits(n, o);
    *o = static_cast<char>('0' + n);
    return o + 1;
  }
  const uint32_t high = n / 100;
  if (high >= 10) {
    o = WriteTwoDigits(high, o);
  } else {
    *o++ = static_cast<char>('0' + high);
  }
  return WriteTwoDigits(n % 100, o);
}

}  // namespace

char* WriteDecimal(uint64_t v, char* o) {
  // Lines, columns, counts and the offsets in most documents.
  if (v < 10000) return WriteUpToFourDigits(static_cast<uint32_t>(v), o);
  // Figures of nine to twelve digits (hundreds of millions to hundreds of billions):
  // the leading digits, then eight at once.
  if (v >= 100000000 && v < 1000000000000) {
    o = WriteUpToFourDigits(static_cast<uint32_t>(v / 100000000), o);
    WriteEightDigits(static_cast<uint32_t>(v % 100000000), o);
    return o + 8;
  }
  return WritePadded(v, DecimalDigits(v), o);
}

namespace {

using uint128 = unsigned __int128;

// 10^k for k in [0, 22], the exponents the exact digits below need.
struct PowersOfTen {
  constexpr PowersOfTen() {
    uint128 p = 1;
    for (int k = 0; k < 23; ++k, p *= 10) {
      pow[k] = p;
      as_double[k] = static_cast<double>(p);  // exact: 5^22 < 2^53
    }
  }
  uint128 pow[23] = {};
  double as_double[23] = {};
};
constexpr PowersOfTen kPowersOfTen;

// m * 10^s / 2^shift rounded to the nearest integer, ties to even, as printf rounds the
// exact binary value (m < 2^53, s <= 22, 1 <= shift <= 69: the product fits in 128 bits
// and the quotient in 64).
uint64_t RoundedDigits(uint64_t m, int s, int shift) {
  const uint128 product = m * kPowersOfTen.pow[s];
  const uint128 quotient = product >> shift;
  const uint128 remainder = product - (quotient << shift);
  const uint128 half = uint128{1} << (shift - 1);
  const bool up = remainder > half || (remainder == half && (quotient & 1) != 0);
  return static_cast<uint64_t>(quotient) + up;
}

// The `precision` significant digits of m * 2^-shift as printf rounds them, and the
// decimal exponent of the first after rounding (9.9999...7 may become 10). `estimate`
// is the exponent or one less: one rounding too many places gives 10^precision or more.
uint64_t SignificantDigits(uint64_t m, int shift, int precision, int estimate, int* exponent) {
  const uint64_t limit = static_cast<uint64_t>(kPowersOfTen.pow[precision]);
  int e = estimate;
  uint64_t digits;
  while ((digits = RoundedDigits(m, precision - 1 - e, shift)) >= limit) ++e;
  *exponent = e;
  return digits;
}

// Lays out `digits` (not zero) with the decimal exponent of the first, as %.<precision>g
// does: %e style when the exponent is below -4 or at least the precision, %f style
// otherwise, trailing zeros dropped.
char* WriteGeneral(uint64_t digits, int exponent, int precision, char* o) {
  while (digits % 100000000 == 0) digits /= 100000000;  // then fewer than eight zeros
  if (digits % 10000 == 0) digits /= 10000;
  if (digits % 100 == 0) digits /= 100;
  if (digits % 10 == 0) digits /= 10;
  const int n = DecimalDigits(digits);
  if (exponent < -4 || exponent >= precision) {
    const uint64_t first = digits / kPow10[n - 1];
    *o++ = static_cast<char>('0' + first);
    if (n > 1) {
      *o++ = '.';
      o = WritePadded(digits - first * kPow10[n - 1], n - 1, o);
    }
    *o++ = 'e';
    *o++ = exponent < 0 ? '-' : '+';
    const uint32_t magnitude = exponent < 0 ? -exponent : exponent;
    return WriteTwoDigits(magnitude, o);  // at least two digits; below 100 here
  }
  if (exponent < 0) {
    *o++ = '0';
    *o++ = '.';
    o = std::fill_n(o, -exponent - 1, '0');
    return WritePadded(digits, n, o);
  }
  const int integer_digits = exponent + 1;
  if (n <= integer_digits) {
    o = WritePadded(digits, n, o);
    return std::fill_n(o, integer_digits - n, '0');
  }
  const uint64_t scale = kPow10[n - integer_digits];
  o = WritePadded(digits / scale, integer_digits, o);
  *o++ = '.';
  return WritePadded(digits % scale, n - integer_digits, o);
}

// WriteOtherDouble for a value that is a decimal of at most 15 significant digits with
// one to eight places, at least 10^-4 and below 10^14 (as the figures, bounds, shares
// and confidences of claims nearly all are); null for any other value.
//
// The decimal is found as digits / 10^places for the first places whose digits read
// back as `v` (D / 10^k for D < 2^53 and k <= 22 is what strtod gives for "De-k", as
// below). %.15g gives exactly that decimal: one of at most 15 digits is the nearest
// 15-digit decimal to the double it reads as (10^15 < 2^52), so it is also what the
// double rounds to, and it reads back. In this range %.15g takes the %f style; the
// first places that work leave no trailing zero (checked).
char* WriteShortDecimal(double v, double magnitude, char* o) {
  constexpr int kMaxPlaces = 8;
  if (!(magnitude >= 1e-4 && magnitude < 1e14)) return nullptr;
  for (int places = 1; places <= kMaxPlaces; ++places) {
    const double scaled = magnitude * kPowersOfTen.as_double[places];
    if (scaled >= 1e15) return nullptr;  // more than 15 digits
    // (Signed conversions: one instruction each, where unsigned ones take several.)
    const uint64_t digits = static_cast<int64_t>(scaled + 0.5);
    if (static_cast<double>(static_cast<int64_t>(digits)) / kPowersOfTen.as_double[places] !=
        magnitude) {
      continue;
    }
    // The whole part is `v`'s: no integer lies between a non-integer double and the
    // decimal it is nearest to. Both checks below hold by the reasoning above.
    const uint64_t whole = static_cast<int64_t>(magnitude);
    const uint64_t fraction = digits - whole * kPow10[places];
    if (fraction >= kPow10[places] || fraction % 10 == 0) return nullptr;
    if (v < 0) *o++ = '-';
    o = WriteDecimal(whole, o);
    *o++ = '.';
    // The places' digits, then zeros past them (within kMaxJsonDoubleSize: at most 1 +
    // 14 + 1 + 8 bytes).
    WriteEightDigits(static_cast<uint32_t>(fraction * kPow10[kMaxPlaces - places]), o);
    return o + places;
  }
  return nullptr;
}

// WriteJsonDouble for a finite `v` that is not an integer below 10^15: printf's %.15g,
// or %.17g when that does not read back as `v`.
//
// Short decimals take WriteShortDecimal. For other 10^-5 <= |v| < 10^14 (such as
// 0.60000000000000009) the digits are computed exactly in integers (SignificantDigits),
// and whether the 15 read back is one correctly rounded division: D / 10^k for D < 2^53
// and k <= 22 (both exact doubles) is what strtod gives for "De-k". Other values take
// printf's rule literally through std::to_chars (about a thousand instructions).
char* WriteOtherDouble(double v, char* o) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const double magnitude = std::fabs(v);
  if (char* const end = WriteShortDecimal(v, magnitude, o)) return end;
  if (!(magnitude >= 1e-5 && magnitude < 1e14)) {
    char* const end = o + kMaxJsonDoubleSize;
    std::to_chars_result r = std::to_chars(o, end, v, std::chars_format::general, DBL_DIG);
    double back = 0;
    std::from_chars(o, r.ptr, back);
    if (back != v) r = std::to_chars(o, end, v, std::chars_format::general, DBL_DIG + 2);
    return r.ptr;
  }
  // |v| = m * 2^-shift with the 53-bit significand m (a normal number); shift >= 6 as
  // |v| < 2^47. The decimal exponent is floor(b log10 2) for the binary one b, or one
  // more: 78913 / 2^18 is log10 2 to within what floors exactly for |b| <= 1650, and
  // b log10 2 is never a whole number for b != 0.
  const int binary_exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  const uint64_t m = (bits & ((uint64_t{1} << 52) - 1)) | (uint64_t{1} << 52);
  const int shift = 52 - binary_exponent;
  const int estimate = binary_exponent >= 0 ? (binary_exponent * 78913) >> 18
                                            : -((-binary_exponent * 78913) >> 18) - 1;
  if (v < 0) *o++ = '-';
  int exponent;
  const uint64_t digits15 = SignificantDigits(m, shift, DBL_DIG, estimate, &exponent);
  const int places = DBL_DIG - 1 - exponent;  // 0 ..= 20
  if (static_cast<double>(digits15) / kPowersOfTen.as_double[places] == magnitude) {
    return WriteGeneral(digits15, exponent, DBL_DIG, o);
  }
  const uint64_t digits17 = SignificantDigits(m, shift, DBL_DIG + 2, estimate, &exponent);
  return WriteGeneral(digits17, exponent, DBL_DIG + 2, o);
}

// The last values WriteOtherDouble printed, by a hash of their bits: a claim's
// confidence and precision come from a few rules. One per thread.
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

// WriteOtherDouble through the thread's OtherDoubleCache. Not inlined, like
// WriteOtherDouble: the integers' path keeps a small frame.
__attribute__((noinline)) char* WriteRememberedDouble(double v, char* o) {
  thread_local OtherDoubleCache cache;
  return cache.Write(v, o);
}

}  // namespace

// protobuf's SimpleDtoa is %.15g, or %.17g when that does not read back the same.
// Integers below 10^15 (most figures) are printed as integers, which is what %.15g gives
// for them; other values by WriteOtherDouble.
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
