#include "extract/read/quotation_finder.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "extract/read/offset_map.h"
#include "extract/read/sentence_splitter.h"
#include "extract/read/text_normalizer.h"

namespace claimcheck {
namespace {

// A 64-bit hash of `s` for the lookups below (it never leaves this file): FNV-1a over
// 8-byte little-endian words, each multiply followed by a xor-shift fold, then the length.
// A word at a time, not the byte-wise FNV of claims/fingerprint.h: one multiply per 8
// bytes instead of per byte.
uint64_t Hash(absl::string_view s) {
  constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t h = 14695981039346656037ull;
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * kPrime;
    h ^= h >> 29;
  };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    mix(w);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  mix(tail);
  mix(s.size());
  return h;
}

struct Earlier {
  size_t offset;             // text offset of the sentence
  size_t normalized_begin;   // its normalised form: [begin, end) of the kept forms
  size_t normalized_end;
};

}  // namespace

std::vector<RepeatedPassage> FindRepeatedPassages(absl::string_view text) {
  std::vector<RepeatedPassage> found;
  const std::vector<TextSpan> spans = SplitSentences(text);
  absl::flat_hash_map<uint64_t, size_t> exact;     // hash of sentence -> offset
  absl::flat_hash_map<uint64_t, Earlier> prefixes;  // hash of first kMinPrefixBytes
  exact.reserve(spans.size());
  prefixes.reserve(spans.size());
  std::string kept;   // the normalised forms of the sentences in `prefixes`, one after another
  std::string norm;
  std::string again;  // norm rebuilt with its map, for the rare prefix repeat
  OffsetMap map;      // again -> sentence
  for (const TextSpan& span : spans) {
    absl::string_view sentence = text.substr(span.begin, span.end - span.begin);
    NormalizeForMatching(sentence, &norm, nullptr);
    if (norm.size() < kMinRepeatBytes) continue;
    uint64_t h = Hash(norm);
    bool repeated = false;
    if (auto it = exact.find(h); it != exact.end()) {
      found.push_back(RepeatedPassage{span.begin, span.end, it->second});
      repeated = true;
    } else if (norm.size() >= kMinPrefixBytes) {
      auto pit = prefixes.find(Hash(absl::string_view(norm).substr(0, kMinPrefixBytes)));
      if (pit != prefixes.end()) {
        const absl::string_view other(kept.data() + pit->second.normalized_begin,
                                      pit->second.normalized_end - pit->second.normalized_begin);
        size_t common = 0;
        size_t limit = std::min(other.size(), norm.size());
        while (common < limit && other[common] == norm[common]) ++common;
        if (common >= kMinPrefixBytes && (common == norm.size() || common == other.size())) {
          size_t end = span.end;
          if (common < norm.size()) {
            map.Clear();
            NormalizeForMatching(sentence, &again, &map);
            end = span.begin + map.ToSource(common);
          }
          while (end > span.begin && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
          found.push_back(RepeatedPassage{span.begin, end, pit->second.offset});
          repeated = true;
        }
      }
    }
    (void)repeated;
    exact.emplace(h, span.begin);
    if (norm.size() >= kMinPrefixBytes) {
      auto [it, inserted] =
          prefixes.try_emplace(Hash(absl::string_view(norm).substr(0, kMinPrefixBytes)));
      if (inserted) {
        it->second = Earlier{span.begin, kept.size(), kept.size() + norm.size()};
        kept.append(norm);
      }
    }
  }
  // Merge passages separated only by whitespace.
  std::vector<RepeatedPassage> merged;
  for (const RepeatedPassage& p : found) {
    if (!merged.empty()) {
      RepeatedPassage& last = merged.back();
      bool gap_is_space = true;
      for (size_t k = last.end; k < p.begin; ++k) {
        char c = text[k];
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
          gap_is_space = false;
          break;
        }
      }
      if (gap_is_space && p.begin >= last.end) {
        last.end = p.end;
        continue;
      }
    }
    merged.push_back(p);
  }
  return merged;
}

}  // namespace claimcheck
