// Fingerprints: short, stable content hashes used as ids.
//
// Document ids, claim ids and finding ids must be the same on every run, on every
// machine, and in every later version of claimcheck, so they cannot use std::hash or
// absl::Hash (both are seeded or may change). They use 64-bit FNV-1a, printed as 16
// lowercase hex digits. FNV-1a is not cryptographic: ids name content, they do not
// protect it.
//
// Thread-safe: all functions are pure.
#ifndef CLAIMCHECK_CLAIMS_FINGERPRINT_H_
#define CLAIMCHECK_CLAIMS_FINGERPRINT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

// Builds a fingerprint from several fields. Each field is followed by a separator byte
// that cannot occur in UTF-8 text, so ("ab","c") and ("a","bc") differ.
class Fingerprinter {
 public:
  // The byte after each field.
  static constexpr char kSeparator = '\xff';
  // The most bytes a number's field takes (WriteIntField, WriteNumberField): a sign and
  // 20 digits, or printf's "%.17g" (at most 32 bytes), then the separator.
  static constexpr size_t kMaxNumberField = 33;

  Fingerprinter() = default;

  // Adds one field.
  Fingerprinter& Add(absl::string_view field);
  // Adds a number as its shortest round-trip decimal form ("4.5e+08" style avoided:
  // integers print without exponent), so equal values give equal ids.
  Fingerprinter& AddNumber(double value);
  Fingerprinter& AddInt(int64_t value);

  // The field AddInt or AddNumber adds for `value` (its digits, then kSeparator), written
  // at `out`, which has room for kMaxNumberField bytes; returns its end.
  static char* WriteIntField(int64_t value, char* out);
  static char* WriteNumberField(double value, char* out);
  // Adds fields written one after another (by the functions above, or as a text and
  // kSeparator) in one pass: the same hash as adding them one by one.
  Fingerprinter& AddFields(absl::string_view fields);

  uint64_t value() const { return hash_; }
  // 16 lowercase hex digits.
  std::string Hex() const;
  // The same 16 digits written at `out` (no terminating NUL).
  void HexTo(char* out) const;

 private:
  void Mix(absl::string_view bytes);
  uint64_t hash_ = 14695981039346656037ull;
};

// FNV-1a of `bytes` as 16 lowercase hex digits.
std::string FingerprintHex(absl::string_view bytes);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_FINGERPRINT_H_
