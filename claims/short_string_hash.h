// A hash for hash tables of short strings (names, words, metric phrases).
//
// absl::Hash of a string is general and costs tens of instructions plus a call; the
// tables here hold short lower-case words and names that are looked up once per word or
// name of every sentence. ShortStringHash multiply-mixes the bytes eight at a time (the
// last one to eight bytes read as two overlapping four-byte words, or three single
// bytes), with the length, and finishes with a mixing step so that both the low bits
// (Swiss tables' tags) and the high bits (their positions) vary. It is not seeded and
// not meant for tables keyed by untrusted input an attacker could choose.
// ShortStringEq compares. Both are transparent: a string_view looks up a std::string.
//
// Use: absl::flat_hash_map<std::string, V, ShortStringHash, ShortStringEq>.
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_SHORT_STRING_HASH_H_
#define CLAIMCHECK_CLAIMS_SHORT_STRING_HASH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"

namespace claimcheck {

struct ShortStringHash {
  using is_transparent = void;

  size_t operator()(absl::string_view s) const {
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = static_cast<uint64_t>(n) * 0x9E3779B97F4A7C15ull;
    for (; n > 8; p += 8, n -= 8) {
      uint64_t x;
      std::memcpy(&x, p, 8);
      h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    uint64_t x = 0;  // the last 1 to 8 bytes (none for "")
    if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      x = static_cast<uint64_t>(a) << 32 | b;
    } else if (n > 0) {
      x = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
          static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
          static_cast<unsigned char>(p[n - 1]);
    }
    h = (h ^ x) * 0x94D049BB133111EBull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

struct ShortStringEq {
  using is_transparent = void;

  bool operator()(absl::string_view a, absl::string_view b) const { return a == b; }
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_SHORT_STRING_HASH_H_
