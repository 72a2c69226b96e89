// Entity finding: which spans of a sentence name organisations, places, funds or products.
//
// A transparent rule set, no model:
//   * A name is a run of capitalised words and acronyms ("Big Fund III", "ACM Research",
//     "Fujian Jinhua Integrated Circuit Co"), joined across "of", "for" and "&" when a
//     capitalised word follows ("Mercator Institute for China Studies"), and ended by a
//     possessive ("China's" ends "China").
//   * Capitalised function words ("The", "However", "According"), month and day names,
//     nationality adjectives on their own ("Chinese"), generic acronyms ("AI", "CEO",
//     "RMB") and hyphenated modifiers ("Huawei-led") are not names.
//   * The first word of a sentence is capitalised anyway, so it counts only when it is
//     an acronym, a known alias, or seen capitalised mid-sentence elsewhere in the
//     document (Learn() collects those).
//   * An unknown acronym followed by a product noun is one name ("HBM chips").
//   * Aliases are learnt from the text: "ChangXin Memory Technologies (CXMT)" makes the
//     long and the short form one entity for the rest of the document. The canonical
//     name is the alias table's (claims/entity_aliases.h), else the short form.
// What a written name alone determines (its lookup key, whether the alias table holds
// it, its table or cleaned name, whether it names a fund) is worked out once and kept,
// since names recur.
//
// Usage: per document, Reset(), then Learn() every sentence, then Find() per sentence.
// Thread-safety: not thread-safe; one DocumentEntities per document stream.
#ifndef CLAIMCHECK_EXTRACT_ENTITY_FINDER_H_
#define CLAIMCHECK_EXTRACT_ENTITY_FINDER_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "claims/entity_aliases.h"
#include "claims/short_string_hash.h"
#include "extract/tokens.h"

namespace claimcheck {

struct EntityMention {
  EntityMention() = default;
  // (The canonical name constructed in place: a short string's move is a copy.)
  EntityMention(size_t first_in, size_t last_in, absl::string_view written_in,
                absl::string_view canonical_in)
      : first(first_in),
        last(last_in),
        written(written_in),
        canonical(canonical_in.data(), canonical_in.size()) {}

  size_t first = 0;  // token range [first, last)
  size_t last = 0;
  absl::string_view written;  // the span as written: a view of the sentence text, which
                              // must outlive the mention
  std::string canonical;      // after document and table aliases
  bool possessive = false;  // followed by 's ("SMIC's best process")
  bool fund = false;        // names a fund ("Big Fund III", "... Investment Fund")
  bool reference = false;   // resolved from context ("the company", "the second phase")
  bool group = false;       // a coordinated list ("Naura, AMEC and Piotech")
};

// ShortStringEq for the name tables below, comparing without a call to memcmp up to
// sixteen bytes (most names and words are shorter): two overlapping eight-byte or
// four-byte words of each, or the bytes one by one.
struct NameEq {
  using is_transparent = void;

  bool operator()(absl::string_view a, absl::string_view b) const {
    const size_t n = a.size();
    if (n != b.size()) return false;
    const char* const p = a.data();
    const char* const q = b.data();
    if (n > 16) return std::memcmp(p, q, n) == 0;
    if (n >= 8) return Word<uint64_t>(p) == Word<uint64_t>(q) &&
                       Word<uint64_t>(p + n - 8) == Word<uint64_t>(q + n - 8);
    if (n >= 4) return Word<uint32_t>(p) == Word<uint32_t>(q) &&
                       Word<uint32_t>(p + n - 4) == Word<uint32_t>(q + n - 4);
    for (size_t i = 0; i < n; ++i) {
      if (p[i] != q[i]) return false;
    }
    return true;
  }

 private:
  template <typename Int>
  static Int Word(const char* p) {
    Int word;
    std::memcpy(&word, p, sizeof(word));
    return word;
  }
};

// A byte range [first, second) of a sentence that entities must not overlap (figures,
// periods).
using ByteRange = std::pair<size_t, size_t>;

class DocumentEntities {
 public:
  // `aliases` must outlive this object.
  explicit DocumentEntities(const EntityAliases* aliases);
  // Not copyable (its memo points into its own maps); movable.
  DocumentEntities(const DocumentEntities&) = delete;
  DocumentEntities& operator=(const DocumentEntities&) = delete;
  DocumentEntities(DocumentEntities&&) = default;
  DocumentEntities& operator=(DocumentEntities&&) = default;

  // Forgets what the previous document taught.
  void Reset();

  // Records capitalised words seen mid-sentence and aliases defined in `sentence`.
  void Learn(absl::string_view sentence, const std::vector<Token>& tokens);

  // Names in `sentence` (tokens from Tokenize(sentence)) in text order, never
  // overlapping `excluded`.
  std::vector<EntityMention> Find(absl::string_view sentence, const std::vector<Token>& tokens,
                                  absl::Span<const ByteRange> excluded) const;

  // The same into `*out`, cleared first (its memory reused).
  void Find(absl::string_view sentence, const std::vector<Token>& tokens,
            absl::Span<const ByteRange> excluded, std::vector<EntityMention>* out) const;

  // The canonical name of `written`: a learnt alias first, then the alias table, else
  // the cleaned name.
  std::string Canonicalize(absl::string_view written) const;

  // True when `lower` (a lower-cased word) was seen capitalised mid-sentence. Words whose
  // class rules them out as names (kNotName without kWeakAlone) are not recorded: always
  // false for them.
  bool KnownProper(absl::string_view lower) const { return known_proper_.contains(lower); }

 private:
  // A name learnt from the text, with LooksLikeFund(canonical).
  struct LearntName {
    std::string canonical;
    bool fund = false;
  };
  // What a written name alone determines, kept across documents since names recur; at
  // most kMaxKnownNames entries (then started afresh), so memory stays bounded.
  struct KnownName {
    std::string key;           // EntityAliases::LookupKey(written)
    std::string canonical;     // the alias table's name, else CleanEntityName(written)
    bool in_table = false;     // the alias table holds the name
    bool written_fund = false;    // LooksLikeFund(written)
    bool canonical_fund = false;  // LooksLikeFund(canonical)
    // learnt_'s entry for `key` (null for none) as of learnt_generation_ ==
    // learnt_checked: a name found again in the document is not looked up again.
    uint64_t learnt_checked = 0;
    const LearntName* learnt = nullptr;
  };

  template <typename Value>
  using NameMap = absl::flat_hash_map<std::string, Value, ShortStringHash, NameEq>;

  bool IsNameToken(const std::vector<Token>& tokens, size_t i) const;
  void LearnAlias(absl::string_view sentence, const std::vector<Token>& tokens, size_t k);
  // The entry of `written` in known_names_ (made if missing): valid until the next call.
  KnownName& Known(absl::string_view written) const;
  // Canonicalize(written), and in `*fund` whether the canonical or the written name
  // names a fund: valid until the next call.
  const std::string& Resolve(absl::string_view written, bool* fund) const;

  const EntityAliases* aliases_;
  NameMap<LearntName> learnt_;  // lookup key -> learnt name
  // Changed whenever learnt_ is (so pointers into it kept with an older value may dangle).
  uint64_t learnt_generation_ = 1;
  absl::flat_hash_set<std::string, ShortStringHash, NameEq> known_proper_;
  static constexpr size_t kMaxKnownNames = size_t{1} << 16;
  mutable NameMap<KnownName> known_names_;
  // Find's tokens overlapping an excluded range, kept to reuse its buffer.
  mutable std::vector<bool> blocked_;
};

// True when a canonical name or its written form names a fund.
bool LooksLikeFund(absl::string_view name);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_ENTITY_FINDER_H_
