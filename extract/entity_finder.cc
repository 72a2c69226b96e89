#include "extract/entity_finder.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

// True when the words from token j on make the name before them the one acting: an
// actor verb ("said", "invested"), possibly after an auxiliary or a modal ("has
// earmarked", "was awarded", "will invest").
bool ActsAt(const std::vector<Token>& tokens, size_t j) {
  if (j >= tokens.size()) return false;
  if (tokens[j].classes & kActorVerb) return true;
  absl::string_view aux = tokens[j].word();
  const bool auxiliary = (tokens[j].classes & kForecastCue) || aux == "has" || aux == "have" ||
                         aux == "had" || aux == "was" || aux == "were" || aux == "is";
  return auxiliary && j + 1 < tokens.size() &&
         (tokens[j + 1].classes & (kActorVerb | kMoneyVerb)) != 0;
}

// A capitalised run [i, j) that opens a sentence and names something even so: it ends
// in an organisation word ("Acme Robotics", "Umbrella Corp"); or it acts ("Nvidia said",
// "South Korea unveiled", "Japan has earmarked", "Alibaba will invest"), unless it is a
// descriptor before a name already known (`rest_known()`: "Chipmaker SMIC", "Rival
// Huawei", asked only when needed since it may look the name up); or one word stands in
// apposition (", a $2 billion fund") or is valued ("Hooli is worth"). A plural single
// word ("Investors said") is not taken for a name; one with a capital inside
// ("GlobalFoundries") or ending in -us, -is or -ss ("Airbus", "Stellantis") is no plural.
bool LooksPlural(absl::string_view sentence, const Token& t) {
  const absl::string_view w = t.word();
  if (w.size() < 3 || w.back() != 's') return false;
  const char before = w[w.size() - 2];
  if (before == 's' || before == 'u' || before == 'i') return false;
  for (size_t k = t.begin + 1; k < t.end && k < sentence.size(); ++k) {
    if (absl::ascii_isupper(static_cast<unsigned char>(sentence[k]))) return false;
  }
  return true;
}

template <typename RestKnown>
bool OpenerIsName(absl::string_view sentence, const std::vector<Token>& tokens, size_t i,
                  size_t j, const RestKnown& rest_known) {
  if (j - i >= 2) {
    if (tokens[j - 1].classes & kOrganisationHead) return true;
    return ActsAt(tokens, j) && !rest_known();
  }
  if (j >= tokens.size() || LooksPlural(sentence, tokens[i])) return false;
  if (ActsAt(tokens, j)) return true;
  // "Microsoft has 228,000 employees", "Hooli had about $3 billion in cash", "Contoso had
  // cash and equivalents of $4.1 billion": a figure that the word has, within a few
  // words and no verb ("Revenue has grown 5%" is no name).
  if (tokens[j].word() == "has" || tokens[j].word() == "had") {
    constexpr uint32_t kVerb = kUpWord | kDownWord | kActorVerb | kMoneyVerb | kForecastCue;
    for (size_t k = j + 1; k < tokens.size() && k <= j + 6; ++k) {
      const Token& t = tokens[k];
      if (t.kind == TokenKind::kNumber) return true;
      if (t.kind == TokenKind::kPunct) {
        // A currency sign right before the figure ("$3 billion"), else the clause ends.
        if (k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::kNumber) continue;
        break;
      }
      if ((t.classes & kVerb) || t.word() == "been") break;
    }
  }
  // "Hooli is worth ...", "Zenith was valued at ...".
  if ((tokens[j].word() == "is" || tokens[j].word() == "was") && j + 1 < tokens.size() &&
      (tokens[j + 1].word() == "worth" || tokens[j + 1].word() == "valued")) {
    return true;
  }
  return tokens[j].word() == "," && j + 1 < tokens.size() &&
         (tokens[j + 1].word() == "a" || tokens[j + 1].word() == "an" ||
          tokens[j + 1].word() == "the" || tokens[j + 1].word() == "which" ||
          tokens[j + 1].word() == "whose");
}

// The first of the n tokens at t from i on that is capitalised or an acronym, or n
// (four tokens a step).
size_t NextCapitalized(const Token* t, size_t n, size_t i) {
  auto capital = [t](size_t k) { return t[k].capitalized || t[k].acronym; };
  // (Four tokens' flags OR-ed without branching.)
  auto any_capital = [t](size_t k) {
    return (t[k].capitalized | t[k].acronym | t[k + 1].capitalized | t[k + 1].acronym |
            t[k + 2].capitalized | t[k + 2].acronym | t[k + 3].capitalized |
            t[k + 3].acronym) != 0;
  };
  while (i + 4 <= n && !any_capital(i)) i += 4;
  while (i < n && !capital(i)) ++i;
  return i;
}

bool IsRoman(absl::string_view lower) {
  return lower == "i" || lower == "ii" || lower == "iii" || lower == "iv" || lower == "v";
}

absl::string_view Slice(absl::string_view text, const std::vector<Token>& tokens, size_t first,
                        size_t last) {
  return text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

// Marks in `*blocked_out` the tokens that overlap any excluded range (binary search per
// range, so a sentence with many figures stays n log n).
void MarkBlocked(const std::vector<Token>& tokens, absl::Span<const ByteRange> excluded,
                 std::vector<bool>* blocked_out) {
  std::vector<bool>& blocked = *blocked_out;
  blocked.assign(tokens.size(), false);
  for (const ByteRange& r : excluded) {
    auto it = std::partition_point(tokens.begin(), tokens.end(),
                                   [&r](const Token& t) { return t.end <= r.first; });
    for (size_t i = static_cast<size_t>(it - tokens.begin());
         i < tokens.size() && tokens[i].begin < r.second; ++i) {
      blocked[i] = true;
    }
  }
}

}  // namespace

bool LooksLikeFund(absl::string_view name) {
  // "fund" in any ASCII case, without a lower-cased copy (called per mention and sentence).
  // Setting bit 0x20 lower-cases an ASCII letter and turns no other byte into one.
  const char* p = name.data();
  const size_t n = name.size();
  uint32_t fund;
  std::memcpy(&fund, "fund", 4);
  auto fund_at = [&](size_t i) {  // four bytes compared as one integer
    uint32_t word;
    std::memcpy(&word, p + i, 4);
    return (word | 0x20202020u) == fund;
  };
  size_t i = 0;
  // Eight positions a step; only those holding an 'f' (flagged by a zero byte of `y`,
  // perhaps with false alarms after it) are compared.
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    const uint64_t y = (x | 0x2020202020202020ull) ^ 0x6666666666666666ull;
    for (uint64_t f = (y - 0x0101010101010101ull) & ~y & 0x8080808080808080ull; f != 0;
         f &= f - 1) {
      const size_t k = i + static_cast<size_t>(__builtin_ctzll(f)) / 8;
      if (k + 4 <= n && fund_at(k)) return true;
    }
  }
  for (; i + 4 <= n; ++i) {
    if (fund_at(i)) return true;
  }
  return false;
}

DocumentEntities::DocumentEntities(const EntityAliases* aliases) : aliases_(aliases) {}

void DocumentEntities::Reset() {
  learnt_.clear();
  ++learnt_generation_;
  known_proper_.clear();
}

bool DocumentEntities::IsNameToken(const std::vector<Token>& tokens, size_t i) const {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::kWord) return false;
  if (!t.capitalized && !t.acronym) return false;  // CJK names have no case: not found
  if ((t.classes & kNotName) && !(t.classes & kWeakAlone)) return false;
  return !t.modifier;  // "Huawei-led" modifies a noun; it is not a name
}

void DocumentEntities::Learn(absl::string_view sentence, const std::vector<Token>& tokens) {
  const Token* const tk = tokens.data();
  const size_t n = tokens.size();
  // Both rules start at a capitalised word or an acronym (an alias in parentheses is one
  // or more of them, see LearnAlias), after the first token.
  auto capital = [tk](size_t k) { return tk[k].capitalized | tk[k].acronym; };
  auto learn_at = [&](size_t i) {
    const Token& t = tk[i];
    const Token& before = tk[i - 1];
    // Only a word that may be a name is asked about (for name tokens, see IsNameToken):
    // one its class rules out (a class depends on `lower` alone) is not kept.
    if (t.capitalized && t.kind == TokenKind::kWord && before.kind != TokenKind::kPunct &&
        !((t.classes & kNotName) && !(t.classes & kWeakAlone))) {
      known_proper_.emplace(t.word());
    } else if (before.kind == TokenKind::kPunct && i >= 2 && i + 1 < n && before.word() == "(") {
      LearnAlias(sentence, tokens, i - 1);
    }
  };
  // Four tokens at a time: most groups hold no capital and are passed with one test.
  size_t i = 1;
  for (; i + 4 <= n; i += 4) {
    if ((capital(i) | capital(i + 1) | capital(i + 2) | capital(i + 3)) == 0) continue;
    for (size_t k = i; k < i + 4; ++k) {
      if (capital(k)) learn_at(k);
    }
  }
  for (; i < n; ++i) {
    if (capital(i)) learn_at(i);
  }
}

// "Long Name (SHORT)": a name, optionally "Co." style dot, then 1-4 name tokens in
// parentheses; `k` is the "(".
void DocumentEntities::LearnAlias(absl::string_view sentence, const std::vector<Token>& tokens,
                                  size_t k) {
  size_t m = k + 1;
  while (m < tokens.size() && m - k <= 5 && tokens[m].word() != ")" &&
         (tokens[m].capitalized || tokens[m].acronym)) {
    ++m;
  }
  if (m >= tokens.size() || tokens[m].word() != ")" || m == k + 1 || m - k > 5) return;
  size_t end = k;
  if (tokens[end - 1].word() == "." && end >= 2) --end;
  size_t start = end;
  while (start > 0) {
    const Token& t = tokens[start - 1];
    bool name = t.kind == TokenKind::kWord && (t.capitalized || t.acronym) &&
                (!(t.classes & kNotName) || (t.classes & kWeakAlone));
    bool joiner = (t.word() == "of" || t.word() == "for" || t.word() == "&") && start - 1 > 0 &&
                  start < end;
    if (!name && !joiner) break;
    --start;
  }
  while (start < end && !(tokens[start].capitalized || tokens[start].acronym)) ++start;
  if (start >= end) return;
  absl::string_view long_name = Slice(sentence, tokens, start, end);
  absl::string_view short_name = Slice(sentence, tokens, k + 1, m);
  std::string canonical;
  if (auto found = aliases_->Find(short_name)) {
    canonical = *found;
  } else if (auto found_long = aliases_->Find(long_name);
             found_long && !LooksLikeFund(*found_long)) {
    canonical = *found_long;  // a fund's long name is shared by its phases
  } else {
    canonical = CleanEntityName(short_name);
  }
  const bool fund = LooksLikeFund(canonical);
  ++learnt_generation_;
  learnt_[EntityAliases::LookupKey(long_name)] = LearntName{canonical, fund};
  learnt_[EntityAliases::LookupKey(short_name)] = LearntName{std::move(canonical), fund};
}

DocumentEntities::KnownName& DocumentEntities::Known(absl::string_view written) const {
  auto known = known_names_.find(written);
  if (known == known_names_.end()) {
    if (known_names_.size() >= kMaxKnownNames) known_names_.clear();
    KnownName name;
    name.key = EntityAliases::LookupKey(written);
    const std::string* in_table = aliases_->FindByKey(name.key);
    name.in_table = in_table != nullptr;
    name.canonical = in_table != nullptr ? *in_table : CleanEntityName(written);
    name.written_fund = LooksLikeFund(written);
    name.canonical_fund = LooksLikeFund(name.canonical);
    known = known_names_.emplace(written, std::move(name)).first;
  }
  return known->second;
}

const std::string& DocumentEntities::Resolve(absl::string_view written, bool* fund) const {
  // As aliases_->Canonicalize(written), with what depends on `written` alone remembered.
  KnownName& known = Known(written);
  if (!learnt_.empty()) {
    if (known.learnt_checked != learnt_generation_) {
      auto it = learnt_.find(known.key);
      known.learnt = it != learnt_.end() ? &it->second : nullptr;
      known.learnt_checked = learnt_generation_;
    }
    if (known.learnt != nullptr) {
      *fund = known.learnt->fund || known.written_fund;
      return known.learnt->canonical;
    }
  }
  *fund = known.canonical_fund || known.written_fund;
  return known.canonical;
}

std::string DocumentEntities::Canonicalize(absl::string_view written) const {
  bool fund;
  return Resolve(written, &fund);
}

std::vector<EntityMention> DocumentEntities::Find(absl::string_view sentence,
                                                  const std::vector<Token>& tokens,
                                                  absl::Span<const ByteRange> excluded) const {
  std::vector<EntityMention> out;
  Find(sentence, tokens, excluded, &out);
  return out;
}

void DocumentEntities::Find(absl::string_view sentence, const std::vector<Token>& tokens,
                            absl::Span<const ByteRange> excluded,
                            std::vector<EntityMention>* out_ptr) const {
  std::vector<EntityMention>& out = *out_ptr;
  out.clear();
  // Few excluded ranges (the common case) are checked directly for the few tokens asked
  // about; many are marked on all tokens first, so a sentence of many figures stays
  // n log n.
  // (The tokens read through a pointer and a count the compiler keeps in registers.)
  const Token* const tk = tokens.data();
  const size_t n = tokens.size();
  constexpr size_t kFewRanges = 8;
  const bool few = excluded.size() <= kFewRanges;
  if (!few) MarkBlocked(tokens, excluded, &blocked_);
  auto blocked = [&](size_t k) {
    if (!few) return static_cast<bool>(blocked_[k]);
    for (const ByteRange& r : excluded) {
      if (tk[k].end > r.first && tk[k].begin < r.second) return true;
    }
    return false;
  };
  size_t i = 0;
  // The sentence's first word token (after opening punctuation).
  size_t first_word = 0;
  while (first_word < n && tk[first_word].kind == TokenKind::kPunct) ++first_word;
  while (i < n) {
    // Most tokens are not capitalised, hence no name (see IsNameToken): skip them at once.
    i = NextCapitalized(tk, n, i);
    if (i >= n) break;
    // "the US government", "the Chinese government": a government is named by its
    // country, however the country is written.
    if (i + 1 < n && tk[i + 1].word() == "government" && tk[i].kind == TokenKind::kWord &&
        tk[i].word() != "the" && !blocked(i) && !blocked(i + 1)) {
      if (out.capacity() < 8) out.reserve(8);
      const absl::string_view written = Slice(sentence, tokens, i, i + 2);
      bool fund;  // (a government is no fund)
      // (Built in place, the canonical name constructed there rather than assigned.)
      EntityMention& m = out.emplace_back(i, i + 2, written, Resolve(written, &fund));
      m.possessive = i + 2 < n && tk[i + 2].kind == TokenKind::kPossessive;
      i += 2;
      continue;
    }
    if (!IsNameToken(tokens, i) || blocked(i)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && !blocked(j)) {
      if (IsNameToken(tokens, j)) {
        ++j;
      } else if ((tk[j].acronym || tk[j].capitalized) &&
                 tk[j].kind == TokenKind::kWord && IsRoman(tk[j].word())) {
        ++j;
      } else if ((tk[j].word() == "of" || tk[j].word() == "for" || tk[j].word() == "&") &&
                 j + 1 < n && IsNameToken(tokens, j + 1) &&
                 !blocked(j + 1)) {
        j += 2;
      } else {
        break;
      }
    }
    size_t first = i;
    // "Shares of Arm Holdings closed ...": a plural opener joined by "of" is what the
    // sentence says about the name after it, not part of the name.
    if (i == first_word && j - i >= 3 && tk[i + 1].word() == "of" &&
        LooksPlural(sentence, tk[i])) {
      first = i = i + 2;
    }
    bool possessive_after = j < n && tk[j].kind == TokenKind::kPossessive;
    // (Only asked for runs of two or more words.)
    auto rest_known = [&] {
      return (j - i == 2 && tk[j - 1].acronym) ||
             Known(Slice(sentence, tokens, i + 1, j)).in_table;
    };
    if (i == first_word && !tk[i].acronym && !KnownProper(tk[i].word()) &&
        !(possessive_after && j == i + 1) && !OpenerIsName(sentence, tokens, i, j, rest_known) &&
        !Known(Slice(sentence, tokens, i, j)).in_table) {
      ++first;  // a capitalised sentence opener, not known as a name
      while (first < j && !IsNameToken(tokens, first)) ++first;
    }
    // An unknown acronym followed by a product noun: "HBM chips".
    size_t last = j;
    if (last < n && tk[last - 1].acronym && (tk[last].classes & kProductNoun) &&
        !blocked(last) && learnt_.find(tk[last - 1].word()) == learnt_.end() &&
        !Known(Slice(sentence, tokens, first < j ? first : last - 1, last)).in_table) {
      ++last;
    }
    if (first < j) {
      bool alone_weak = last - first == 1 && (tk[first].classes & kWeakAlone);
      if (!alone_weak) {
        // Room for a sentence's names (and references); a reused vector has it already.
        if (out.capacity() < 8) out.reserve(8);
        const absl::string_view written = Slice(sentence, tokens, first, last);
        bool fund = false;
        // (Built in place, the canonical name constructed there rather than assigned.)
        EntityMention& m = out.emplace_back(first, last, written, Resolve(written, &fund));
        m.fund = fund;
        m.possessive = last < n && tk[last].kind == TokenKind::kPossessive;
      }
    }
    i = last;
  }
}

}  // namespace claimcheck
