#include "claims/fingerprint.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace claimcheck {

namespace {

constexpr uint64_t kPrime = 1099511628211ull;
constexpr char kSeparator = '\xff';  // never valid in UTF-8

// "00" to "99": integers are written two digits at a time.
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the decimal digits of `v` (as FastIntToBuffer and "%.0f" write them) so that
// they end just before `end`, two at a time from the last; returns where they start.
char* DigitsEndingAt(uint64_t v, char* end) {
  for (; v >= 100; v /= 100) {
    end -= 2;
    std::memcpy(end, kDigitPairs + 2 * (v % 100), 2);
  }
  if (v >= 10) {
    end -= 2;
    std::memcpy(end, kDigitPairs + 2 * v, 2);
  } else {
    *--end = static_cast<char>('0' + v);
  }
  return end;
}

// The eight hex digits of `x`, most significant first, written at `out`: its nibbles
// spread one per byte (the lowest in the lowest byte), each made a digit ('a' to 'f'
// for the bytes of 10 and more, whose bit 4 is set once 6 is added), then the bytes
// reversed.
void WriteHex8(uint32_t x, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  uint64_t v = x;
  v = (v | (v << 16)) & 0x0000FFFF0000FFFFull;
  v = (v | (v << 8)) & 0x00FF00FF00FF00FFull;
  v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0Full;
  const uint64_t letters = ((v + 6 * kOnes) >> 4) & kOnes;
  v += '0' * kOnes + letters * ('a' - '0' - 10);
  v = __builtin_bswap64(v);
  std::memcpy(out, &v, 8);
}

}  // namespace

void Fingerprinter::Mix(absl::string_view bytes) {
  // Four bytes a round: the same sequence of steps, with fewer loop tests.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* const end = p + bytes.size();
  uint64_t h = hash_;
  for (; end - p >= 4; p += 4) {
    h = (h ^ p[0]) * kPrime;
    h = (h ^ p[1]) * kPrime;
    h = (h ^ p[2]) * kPrime;
    h = (h ^ p[3]) * kPrime;
  }
  for (; p < end; ++p) h = (h ^ *p) * kPrime;
  hash_ = h;
}

Fingerprinter& Fingerprinter::Add(absl::string_view field) {
  Mix(field);
  hash_ = (hash_ ^ static_cast<unsigned char>(kSeparator)) * kPrime;
  return *this;
}

Fingerprinter& Fingerprinter::AddNumber(double value) {
  // %.17g round-trips every double; integers within 2^53 print without a fraction.
  char buf[40];
  if (std::isfinite(value) && std::fabs(value) < 9.007199254740992e15 &&
      value == std::floor(value)) {
    // The same digits as "%.0f" ("-0" for negative zero), without printf's cost.
    if (value == 0 && std::signbit(value)) return Add("-0");
    return AddInt(static_cast<int64_t>(value));
  }
  // The digits of "%.17g" (std::to_chars with a precision is specified as printf's
  // conversion), about five times cheaper than snprintf.
  const std::to_chars_result r =
      std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::general, 17);
  return Add(absl::string_view(buf, r.ptr - buf));
}

Fingerprinter& Fingerprinter::AddInt(int64_t value) {
  // The digits and the separator, mixed in one pass.
  char buf[24];
  char* const end = buf + sizeof buf - 1;
  *end = kSeparator;
  const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : value;
  char* begin = DigitsEndingAt(magnitude, end);
  if (value < 0) *--begin = '-';
  Mix(absl::string_view(begin, end + 1 - begin));
  return *this;
}

void Fingerprinter::HexTo(char* out) const {
  WriteHex8(static_cast<uint32_t>(hash_ >> 32), out);
  WriteHex8(static_cast<uint32_t>(hash_), out + 8);
}

std::string Fingerprinter::Hex() const {
  char hex[16];
  HexTo(hex);
  return std::string(hex, 16);
}

std::string FingerprintHex(absl::string_view bytes) {
  Fingerprinter f;
  f.Add(bytes);
  return f.Hex();
}

}  // namespace claimcheck
