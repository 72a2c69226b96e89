#include "claims/fingerprint.h"

#include <charconv>
#include <cmath>

#include "absl/strings/numbers.h"

namespace claimcheck {

void Fingerprinter::Mix(absl::string_view bytes) {
  for (unsigned char c : bytes) {
    hash_ ^= c;
    hash_ *= 1099511628211ull;
  }
}

Fingerprinter& Fingerprinter::Add(absl::string_view field) {
  Mix(field);
  Mix(absl::string_view("\xff", 1));  // never valid in UTF-8
  return *this;
}

Fingerprinter& Fingerprinter::AddNumber(double value) {
  // %.17g round-trips every double; integers within 2^53 print without a fraction.
  char buf[40];
  if (std::isfinite(value) && std::fabs(value) < 9.007199254740992e15 &&
      value == std::floor(value)) {
    // The same digits as "%.0f" ("-0" for negative zero), without printf's cost.
    if (value == 0 && std::signbit(value)) return Add("-0");
    char* end = absl::numbers_internal::FastIntToBuffer(static_cast<int64_t>(value), buf);
    return Add(absl::string_view(buf, end - buf));
  }
  // The digits of "%.17g" (std::to_chars with a precision is specified as printf's
  // conversion), about five times cheaper than snprintf.
  const std::to_chars_result r =
      std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::general, 17);
  return Add(absl::string_view(buf, r.ptr - buf));
}

Fingerprinter& Fingerprinter::AddInt(int64_t value) {
  char buf[absl::numbers_internal::kFastToBufferSize];
  char* end = absl::numbers_internal::FastIntToBuffer(value, buf);
  return Add(absl::string_view(buf, end - buf));
}

void Fingerprinter::HexTo(char* out) const {
  static constexpr char kDigits[] = "0123456789abcdef";
  uint64_t h = hash_;
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kDigits[h & 0xF];
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
