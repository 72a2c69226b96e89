#include "extract/recognize/hedge_words.h"

#include <array>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace claimcheck {
namespace {

struct Phrase {
  absl::string_view words;
  v1::BoundKind bound;
};

// Longest phrases first, so "no more than" wins over "more than".
const Phrase kBefore[] = {
    {"no more than", v1::BOUND_KIND_AT_MOST},
    {"not more than", v1::BOUND_KIND_AT_MOST},
    {"no less than", v1::BOUND_KIND_AT_LEAST},
    {"not less than", v1::BOUND_KIND_AT_LEAST},
    {"no fewer than", v1::BOUND_KIND_AT_LEAST},
    {"in excess of", v1::BOUND_KIND_AT_LEAST},
    {"a maximum of", v1::BOUND_KIND_AT_MOST},
    {"a minimum of", v1::BOUND_KIND_AT_LEAST},
    {"as many as", v1::BOUND_KIND_AT_MOST},
    {"as much as", v1::BOUND_KIND_AT_MOST},
    {"as high as", v1::BOUND_KIND_AT_MOST},
    {"as little as", v1::BOUND_KIND_AT_LEAST},
    {"as few as", v1::BOUND_KIND_AT_LEAST},
    {"as low as", v1::BOUND_KIND_AT_LEAST},
    {"an estimated", v1::BOUND_KIND_APPROXIMATE},
    {"just under", v1::BOUND_KIND_APPROXIMATE_BELOW},
    {"just below", v1::BOUND_KIND_APPROXIMATE_BELOW},
    {"just shy of", v1::BOUND_KIND_APPROXIMATE_BELOW},
    {"just over", v1::BOUND_KIND_AT_LEAST},
    {"just above", v1::BOUND_KIND_AT_LEAST},
    {"well over", v1::BOUND_KIND_AT_LEAST},
    {"more than", v1::BOUND_KIND_AT_LEAST},
    {"greater than", v1::BOUND_KIND_AT_LEAST},
    {"higher than", v1::BOUND_KIND_AT_LEAST},
    {"upwards of", v1::BOUND_KIND_AT_LEAST},
    {"at least", v1::BOUND_KIND_AT_LEAST},
    {"less than", v1::BOUND_KIND_AT_MOST},
    {"fewer than", v1::BOUND_KIND_AT_MOST},
    {"lower than", v1::BOUND_KIND_AT_MOST},
    {"at most", v1::BOUND_KIND_AT_MOST},
    {"up to", v1::BOUND_KIND_AT_MOST},
    {"close to", v1::BOUND_KIND_APPROXIMATE_BELOW},
    {"nearly", v1::BOUND_KIND_APPROXIMATE_BELOW},
    {"almost", v1::BOUND_KIND_APPROXIMATE_BELOW},
    {"approximately", v1::BOUND_KIND_APPROXIMATE},
    {"approx.", v1::BOUND_KIND_APPROXIMATE},
    {"approx", v1::BOUND_KIND_APPROXIMATE},
    {"roughly", v1::BOUND_KIND_APPROXIMATE},
    {"around", v1::BOUND_KIND_APPROXIMATE},
    {"about", v1::BOUND_KIND_APPROXIMATE},
    {"circa", v1::BOUND_KIND_APPROXIMATE},
    {"some", v1::BOUND_KIND_APPROXIMATE},
    {"estimated", v1::BOUND_KIND_APPROXIMATE},
    {"exceeding", v1::BOUND_KIND_AT_LEAST},
    {"over", v1::BOUND_KIND_AT_LEAST},
    {"above", v1::BOUND_KIND_AT_LEAST},
    {"beyond", v1::BOUND_KIND_AT_LEAST},
    {"under", v1::BOUND_KIND_AT_MOST},
    {"below", v1::BOUND_KIND_AT_MOST},
    {"~", v1::BOUND_KIND_APPROXIMATE},
};

const Phrase kAfter[] = {
    {"or more", v1::BOUND_KIND_AT_LEAST},
    {"or above", v1::BOUND_KIND_AT_LEAST},
    {"or higher", v1::BOUND_KIND_AT_LEAST},
    {"or less", v1::BOUND_KIND_AT_MOST},
    {"or fewer", v1::BOUND_KIND_AT_MOST},
    {"or below", v1::BOUND_KIND_AT_MOST},
    {"or so", v1::BOUND_KIND_APPROXIMATE},
    {"plus", v1::BOUND_KIND_AT_LEAST},
};

bool IsWordChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// absl::EqualsIgnoreCase for a `phrase` in lower case, inlined: called for every figure.
bool EqualsLower(absl::string_view text, absl::string_view phrase) {
  if (text.size() != phrase.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(text[i])) != phrase[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<HedgeMatch> MatchHedgeBefore(absl::string_view text, size_t pos) {
  size_t end = pos;
  if (end > 0 && text[end - 1] == ' ') --end;
  if (end == 0) return std::nullopt;
  if (text[end - 1] == '~') return HedgeMatch{v1::BOUND_KIND_APPROXIMATE, end - 1, end};
  if (!IsWordChar(text[end - 1]) && text[end - 1] != '.') return std::nullopt;
  if (end < 2) return std::nullopt;  // every phrase but "~" has two bytes or more
  const unsigned char last =
      static_cast<unsigned char>(absl::ascii_tolower(static_cast<unsigned char>(text[end - 1])));
  const unsigned char before_last =
      static_cast<unsigned char>(absl::ascii_tolower(static_cast<unsigned char>(text[end - 2])));
  if (last >= 128 || before_last >= 128) return std::nullopt;  // phrases are ASCII
  // The phrases by their last two bytes (hashed into buckets; a phrase in a bucket is
  // still compared whole), in table order, longest first.
  constexpr size_t kCount = sizeof(kBefore) / sizeof(kBefore[0]);
  constexpr size_t kBuckets = 512;
  auto bucket = [](unsigned char b1, unsigned char b0) { return (b1 * 131u + b0) % kBuckets; };
  struct ByEnd {
    unsigned char index[kBuckets][kCount];
    unsigned char count[kBuckets] = {};
  };
  static const ByEnd* by_end = [&] {
    auto* t = new ByEnd;
    for (size_t k = 0; k < kCount; ++k) {
      const absl::string_view w = kBefore[k].words;
      if (w.size() < 2) continue;  // "~", matched above
      const size_t b = bucket(static_cast<unsigned char>(w[w.size() - 1]),
                              static_cast<unsigned char>(w[w.size() - 2]));
      t->index[b][t->count[b]++] = static_cast<unsigned char>(k);
    }
    return t;
  }();
  const size_t b = bucket(last, before_last);
  for (unsigned char k = 0; k < by_end->count[b]; ++k) {
    const Phrase& p = kBefore[by_end->index[b][k]];
    size_t n = p.words.size();
    if (n > end) continue;
    size_t begin = end - n;
    // The first bytes agree before the whole phrase is compared.
    if (absl::ascii_tolower(static_cast<unsigned char>(text[begin])) != p.words[0]) continue;
    if (!EqualsLower(text.substr(begin, n), p.words)) continue;
    if (begin > 0 && IsWordChar(text[begin - 1])) continue;
    return HedgeMatch{p.bound, begin, end};
  }
  return std::nullopt;
}

std::optional<HedgeMatch> MatchHedgeAfter(absl::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == '+' &&
      (pos + 1 >= text.size() || !IsWordChar(text[pos + 1]))) {
    return HedgeMatch{v1::BOUND_KIND_AT_LEAST, pos, pos + 1};
  }
  if (text.substr(pos, 4) == "-odd" && (pos + 4 >= text.size() || !IsWordChar(text[pos + 4]))) {
    return HedgeMatch{v1::BOUND_KIND_APPROXIMATE, pos, pos + 4};
  }
  size_t start = pos;
  if (start < text.size() && text[start] == ' ') ++start;
  if (start >= text.size()) return std::nullopt;
  const char first = absl::ascii_tolower(static_cast<unsigned char>(text[start]));
  // The first letters of the phrases ("or ...", "plus"): most figures are followed by
  // another word and stop here.
  static const auto* kFirst = [] {
    auto* t = new std::array<bool, 256>();
    for (const Phrase& p : kAfter) (*t)[static_cast<unsigned char>(p.words[0])] = true;
    return t;
  }();
  if (!(*kFirst)[static_cast<unsigned char>(first)]) return std::nullopt;
  for (const Phrase& p : kAfter) {
    size_t n = p.words.size();
    if (first != p.words[0] || start + n > text.size()) continue;
    if (!EqualsLower(text.substr(start, n), p.words)) continue;
    if (start + n < text.size() && IsWordChar(text[start + n])) continue;
    return HedgeMatch{p.bound, start, start + n};
  }
  return std::nullopt;
}

bool PrecededByBetween(absl::string_view text, size_t pos, size_t* begin) {
  size_t end = pos;
  if (end > 0 && text[end - 1] == ' ') --end;
  if (end < 7) return false;
  if (!EqualsLower(text.substr(end - 7, 7), "between")) return false;
  if (end > 7 && IsWordChar(text[end - 8])) return false;
  *begin = end - 7;
  return true;
}

}  // namespace claimcheck
