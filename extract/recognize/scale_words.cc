#include "extract/recognize/scale_words.h"

#include <array>
#include <cmath>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace claimcheck {
namespace {

bool IsAsciiLetter(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

double IntegerPlace(double value) {
  double v = std::fabs(value);
  if (v == 0 || v != std::floor(v) || v > 1e18) return v == 0 ? 1 : 0;
  // Exact in integers: v <= 1e18 fits in 64 bits, and so does every power of ten tried
  // (at most 1e19), so this is the same test as fmod(v, place * 10) == 0, without fmod.
  const uint64_t u = static_cast<uint64_t>(v);
  uint64_t place = 1;
  while (u % (place * 10) == 0) place *= 10;
  return static_cast<double>(place);
}

double MatchScaleWord(absl::string_view text, size_t pos, bool glued, size_t* end) {
  struct Scale {
    absl::string_view word;
    double value;
    bool case_sensitive;
    bool glued_only;
  };
  static const Scale kScales[] = {
      {"thousands", 1e3, false, false}, {"thousand", 1e3, false, false},
      {"millions", 1e6, false, false},  {"million", 1e6, false, false},
      {"billions", 1e9, false, false},  {"billion", 1e9, false, false},
      {"trillions", 1e12, false, false}, {"trillion", 1e12, false, false},
      {"hundred", 1e2, false, false},   {"lakhs", 1e5, false, false},
      {"lakh", 1e5, false, false},      {"crores", 1e7, false, false},
      {"crore", 1e7, false, false},     {"mln", 1e6, false, false},
      {"mn", 1e6, false, false},        {"mil", 1e6, false, false},
      {"MM", 1e6, true, false},         {"bln", 1e9, false, false},
      {"bn", 1e9, false, false},        {"tln", 1e12, false, false},
      {"trn", 1e12, false, false},      {"tn", 1e12, false, false},
      {"k", 1e3, false, false},         {"M", 1e6, true, false},
      {"b", 1e9, false, true},          {"B", 1e9, true, true},
      {"G", 1e9, true, false},
  };
  if (pos >= text.size()) return 0;
  // Bytes a scale word can start with (either case, and the first byte of 万 and 亿):
  // most numbers are followed by none, and stop here.
  static const auto* kFirstBytes = [] {
    auto* t = new std::array<bool, 256>();
    for (const Scale& s : kScales) {
      (*t)[static_cast<unsigned char>(absl::ascii_tolower(s.word[0]))] = true;
      (*t)[static_cast<unsigned char>(absl::ascii_toupper(s.word[0]))] = true;
    }
    (*t)[0xE4] = true;
    return t;
  }();
  const char first = text[pos];
  if (!(*kFirstBytes)[static_cast<unsigned char>(first)]) return 0;
  if (first == '\xE4') {
    if (text.substr(pos, 3) == "\xE4\xB8\x87") {  // 万
      *end = pos + 3;
      return 1e4;
    }
    if (text.substr(pos, 3) == "\xE4\xBA\xBF") {  // 亿
      *end = pos + 3;
      return 1e8;
    }
    return 0;
  }
  // The scales whose first letter is `first` (either case), in table order: the scan is
  // called after every number, and most numbers have no scale word.
  constexpr size_t kCount = sizeof(kScales) / sizeof(kScales[0]);
  struct ByLetter {
    unsigned char index[26][kCount];
    unsigned char count[26] = {};
    uint32_t lengths[26] = {};  // bit L: some scale word of L letters starts so
  };
  static const ByLetter* by_letter = [] {
    auto* t = new ByLetter;
    for (size_t k = 0; k < kCount; ++k) {
      const int l = absl::ascii_tolower(static_cast<unsigned char>(kScales[k].word[0])) - 'a';
      t->index[l][t->count[l]++] = static_cast<unsigned char>(k);
      t->lengths[l] |= uint32_t{1} << kScales[k].word.size();
    }
    return t;
  }();
  const int letter = absl::ascii_tolower(static_cast<unsigned char>(first)) - 'a';
  // A scale word must be followed by neither a letter nor a digit, so only words as long
  // as the run of letters at pos can match, and none when a digit ends the run.
  size_t run = pos + 1;
  while (run < text.size() && IsAsciiLetter(text[run])) ++run;
  if (run < text.size() && IsDigit(text[run])) return 0;
  const size_t run_length = run - pos;
  if (run_length >= 32 || !(by_letter->lengths[letter] >> run_length & 1)) return 0;
  for (unsigned char k = 0; k < by_letter->count[letter]; ++k) {
    const Scale& s = kScales[by_letter->index[letter][k]];
    size_t n = s.word.size();
    if (n != run_length) continue;
    absl::string_view cand = text.substr(pos, n);
    bool match = true;  // case-insensitive keys are lower-case letters: 'A' | 0x20 == 'a'
    for (size_t x = 0; x < n && match; ++x) {
      match = s.case_sensitive ? cand[x] == s.word[x] : (cand[x] | 0x20) == s.word[x];
    }
    if (!match) continue;
    if (s.glued_only && !glued) continue;
    if (s.word[0] == 'G' && glued) continue;  // "5G", "10G" are network names
    if (pos + n < text.size() &&
        (IsAsciiLetter(text[pos + n]) || IsDigit(text[pos + n]))) {
      continue;
    }
    *end = pos + n;
    return s.value;
  }
  return 0;
}

}  // namespace claimcheck
