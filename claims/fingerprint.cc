#include "claims/fingerprint.h"

#include <cmath>
#include <cstdio>

#include "absl/strings/str_format.h"

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
    std::snprintf(buf, sizeof(buf), "%.0f", value);
  } else {
    std::snprintf(buf, sizeof(buf), "%.17g", value);
  }
  return Add(buf);
}

Fingerprinter& Fingerprinter::AddInt(int64_t value) {
  return Add(absl::StrFormat("%d", value));
}

std::string Fingerprinter::Hex() const { return absl::StrFormat("%016x", hash_); }

std::string FingerprintHex(absl::string_view bytes) {
  Fingerprinter f;
  f.Add(bytes);
  return f.Hex();
}

}  // namespace claimcheck
