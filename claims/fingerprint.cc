#include "claims/fingerprint.h"

#include <cmath>
#include <cstring>

#include "claims/decimal_digits.h"

namespace claimcheck {

namespace {

constexpr uint64_t kPrime = 1099511628211ull;
constexpr char kSeparator = Fingerprinter::kSeparator;  // never valid in UTF-8

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

Fingerprinter& Fingerprinter::AddFields(absl::string_view fields) {
  Mix(fields);
  return *this;
}

char* Fingerprinter::WriteNumberField(double value, char* out) {
  // %.17g round-trips every double; integers within 2^53 print without a fraction.
  if (std::isfinite(value) && std::fabs(value) < 9.007199254740992e15 &&
      value == std::floor(value)) {
    // The same digits as "%.0f" ("-0" for negative zero), without printf's cost.
    if (value == 0 && std::signbit(value)) {
      std::memcpy(out, "-0", 2);
      out[2] = kSeparator;
      return out + 3;
    }
    return WriteIntField(static_cast<int64_t>(value), out);
  }
  // The digits of "%.17g", exactly as printf writes them.
  char* const end = WritePrintfG17(value, out);
  *end = kSeparator;
  return end + 1;
}

char* Fingerprinter::WriteIntField(int64_t value, char* out) {
  if (value < 0) *out++ = '-';
  out = WriteDecimal(value < 0 ? 0 - static_cast<uint64_t>(value) : value, out);
  *out = kSeparator;
  return out + 1;
}

Fingerprinter& Fingerprinter::AddNumber(double value) {
  char field[kMaxNumberField];
  return AddFields(absl::string_view(field, WriteNumberField(value, field) - field));
}

Fingerprinter& Fingerprinter::AddInt(int64_t value) {
  char field[kMaxNumberField];
  return AddFields(absl::string_view(field, WriteIntField(value, field) - field));
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
