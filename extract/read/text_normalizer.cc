#include "extract/read/text_normalizer.h"

#include <array>
#include <cstdint>

#include "claims/fingerprint.h"

namespace claimcheck {
namespace {

constexpr std::array<bool, 256> MakeSpecialTable() {
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = t['\v'] = true;
  t[0xC2] = t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecialTable();

enum class Kind { kKeep, kSpace, kDrop, kReplace };

struct Mapping {
  Kind kind;
  size_t length;           // bytes consumed from the input
  absl::string_view with;  // for kReplace
};

// What the sequence at text[i] (whose first byte is special) becomes.
Mapping Classify(absl::string_view text, size_t i) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  size_t left = text.size() - i;
  unsigned char c = p[0];
  if (c < 0x80) return {Kind::kSpace, 1, {}};
  if (c == 0xC2 && left >= 2) {
    if (p[1] == 0xA0) return {Kind::kSpace, 2, {}};  // NBSP
    if (p[1] == 0xAD) return {Kind::kDrop, 2, {}};   // soft hyphen
    return {Kind::kKeep, 2, {}};
  }
  if (c == 0xE2 && left >= 3 && p[1] == 0x80) {
    unsigned char d = p[2];
    if (d <= 0x8A || d == 0xAF) return {Kind::kSpace, 3, {}};   // en/em/thin/narrow spaces
    if (d >= 0x8B && d <= 0x8D) return {Kind::kDrop, 3, {}};    // zero-width
    if (d == 0xA8 || d == 0xA9) return {Kind::kSpace, 3, {}};   // line/para separators
    if (d >= 0x90 && d <= 0x95) return {Kind::kReplace, 3, "-"};  // hyphens, dashes
    if (d >= 0x98 && d <= 0x9B) return {Kind::kReplace, 3, "'"};  // ‘ ’ ‚ ‛
    if (d >= 0x9C && d <= 0x9F) return {Kind::kReplace, 3, "\""};  // “ ” „ ‟
    if (d == 0xB2) return {Kind::kReplace, 3, "'"};              // ′
    if (d == 0xB3) return {Kind::kReplace, 3, "\""};             // ″
    if (d == 0xA6) return {Kind::kReplace, 3, "..."};            // …
    return {Kind::kKeep, 3, {}};
  }
  if (c == 0xE2 && left >= 3 && p[1] == 0x81 && p[2] == 0xA0) return {Kind::kDrop, 3, {}};
  if (c == 0xE2 && left >= 3 && p[1] == 0x88 && p[2] == 0x92) {
    return {Kind::kReplace, 3, "-"};  // − minus
  }
  if (c == 0xE3 && left >= 3 && p[1] == 0x80 && p[2] == 0x80) {
    return {Kind::kSpace, 3, {}};  // ideographic space
  }
  if (c == 0xEF && left >= 3 && p[1] == 0xBB && p[2] == 0xBF) return {Kind::kDrop, 3, {}};
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  return {Kind::kKeep, len < left ? len : left, {}};
}

}  // namespace

void NormalizeForMatching(absl::string_view text, std::string* out, OffsetMap* map) {
  out->clear();
  out->reserve(text.size());
  const unsigned char* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool pending_space = false;
  size_t space_source = 0;
  size_t i = 0;
  while (i < n) {
    size_t run = i;
    while (run < n && !kSpecial[data[run]]) ++run;
    if (run > i) {
      if (pending_space && !out->empty()) {
        if (map) map->AddExact(out->size(), space_source);
        out->push_back(' ');
      }
      pending_space = false;
      if (map) map->AddExact(out->size(), i);
      out->append(text.data() + i, run - i);
      i = run;
      if (i >= n) break;
    }
    Mapping m = Classify(text, i);
    switch (m.kind) {
      case Kind::kSpace:
        if (!pending_space) space_source = i;
        pending_space = true;
        break;
      case Kind::kDrop:
        break;
      case Kind::kKeep:
      case Kind::kReplace:
        if (pending_space && !out->empty()) {
          if (map) map->AddExact(out->size(), space_source);
          out->push_back(' ');
        }
        pending_space = false;
        if (m.kind == Kind::kKeep) {
          if (map) map->AddExact(out->size(), i);
          out->append(text.data() + i, m.length);
        } else {
          if (map) map->AddInexact(out->size(), i);
          out->append(m.with.data(), m.with.size());
        }
        break;
    }
    i += m.length;
  }
}

std::string NormalizeForMatching(absl::string_view text) {
  std::string out;
  NormalizeForMatching(text, &out, nullptr);
  return out;
}

std::string DocumentIdForText(absl::string_view text) {
  std::string normalized;
  NormalizeForMatching(text, &normalized, nullptr);
  return FingerprintHex(normalized);
}

}  // namespace claimcheck
