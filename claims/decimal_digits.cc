#include "claims/decimal_digits.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>

namespace claimcheck {
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

}  // namespace

// From the last digit back, eight at a time, then two.
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

// WriteShortestG for a value that is a decimal of at most 15 significant digits with
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
    // The places' digits, then zeros past them (within kMaxPrintfDoubleSize: at most 1 +
    // 14 + 1 + 8 bytes).
    WriteEightDigits(static_cast<uint32_t>(fraction * kPow10[kMaxPlaces - places]), o);
    return o + places;
  }
  return nullptr;
}

// A finite `magnitude` >= 10^-5 (a normal number) as m * 2^-shift with its 53-bit
// significand m, and `estimate`, the decimal exponent of its first digit or one less: it
// is floor(b log10 2) for the binary exponent b, or one more (78913 / 2^18 is log10 2 to
// within what floors exactly for |b| <= 1650, and b log10 2 is never a whole number for
// b != 0).
struct BinaryDouble {
  explicit BinaryDouble(double magnitude) {
    uint64_t bits;
    std::memcpy(&bits, &magnitude, sizeof bits);
    const int binary_exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
    m = (bits & ((uint64_t{1} << 52) - 1)) | (uint64_t{1} << 52);
    shift = 52 - binary_exponent;
    estimate = binary_exponent >= 0 ? (binary_exponent * 78913) >> 18
                                    : -((-binary_exponent * 78913) >> 18) - 1;
  }
  uint64_t m;
  int shift;
  int estimate;
};

// Whether the digits below can be computed exactly for `magnitude`: then shift lies in
// [6, 69] and every scale SignificantDigits uses in [0, 22].
bool InExactRange(double magnitude) { return magnitude >= 1e-5 && magnitude < 1e14; }

}  // namespace

char* WritePrintfG17(double v, char* o) {
  const double magnitude = std::fabs(v);
  if (!InExactRange(magnitude)) {
    return std::to_chars(o, o + kMaxPrintfDoubleSize, v, std::chars_format::general, 17).ptr;
  }
  const BinaryDouble b(magnitude);
  if (v < 0) *o++ = '-';
  int exponent;
  const uint64_t digits = SignificantDigits(b.m, b.shift, 17, b.estimate, &exponent);
  return WriteGeneral(digits, exponent, 17, o);
}

// Short decimals take WriteShortDecimal. For other 10^-5 <= |v| < 10^14 (such as
// 0.60000000000000009) the digits are computed exactly in integers (SignificantDigits),
// and whether the 15 read back is one correctly rounded division: D / 10^k for D < 2^53
// and k <= 22 (both exact doubles) is what strtod gives for "De-k". Other values take
// printf's rule literally through std::to_chars (about a thousand instructions).
char* WriteShortestG(double v, char* o) {
  const double magnitude = std::fabs(v);
  if (char* const end = WriteShortDecimal(v, magnitude, o)) return end;
  if (!InExactRange(magnitude)) {
    char* const end = o + kMaxPrintfDoubleSize;
    std::to_chars_result r = std::to_chars(o, end, v, std::chars_format::general, DBL_DIG);
    double back = 0;
    std::from_chars(o, r.ptr, back);
    if (back != v) r = std::to_chars(o, end, v, std::chars_format::general, DBL_DIG + 2);
    return r.ptr;
  }
  const BinaryDouble b(magnitude);
  if (v < 0) *o++ = '-';
  int exponent;
  const uint64_t digits15 = SignificantDigits(b.m, b.shift, DBL_DIG, b.estimate, &exponent);
  const int places = DBL_DIG - 1 - exponent;  // 0 ..= 20
  if (static_cast<double>(digits15) / kPowersOfTen.as_double[places] == magnitude) {
    return WriteGeneral(digits15, exponent, DBL_DIG, o);
  }
  const uint64_t digits17 = SignificantDigits(b.m, b.shift, DBL_DIG + 2, b.estimate, &exponent);
  return WriteGeneral(digits17, exponent, DBL_DIG + 2, o);
}

}  // namespace claimcheck
