#include "extract/claim_assembler.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claims/quantity_interval.h"
#include "claims/subject_key.h"
#include "extract/period.h"
#include "extract/tokens.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

// How far (in tokens) the rules look from a figure: keeps pathological "sentences" (a
// table flattened into one line) linear in their length.
constexpr size_t kWindow = 64;

struct MetricHit {
  std::string metric;
  std::string written;
  size_t first = 0;  // token range of the metric words
  size_t last = 0;
};

struct Sentence {
  Sentence(absl::string_view text_in, const std::vector<Token>* tokens)
      : text(text_in),
        own(tokens == nullptr ? Tokenize(text_in) : std::vector<Token>()),
        t(tokens == nullptr ? own : *tokens) {}
  absl::string_view text;
  std::vector<Token> own;
  const std::vector<Token>& t;
  std::vector<EntityMention> ents;
  std::vector<std::pair<size_t, size_t>> figs;  // token range per quantity
  std::vector<int> fig_at;                      // token -> quantity index or -1
  std::vector<bool> time_at;                    // token is inside a period
  // MetricEndingAt's answers, per [attributive_ok][token]: -2 not asked yet, -1 no
  // metric, else an index into metric_hits. The rules ask about the same tokens for
  // every figure of a sentence.
  mutable std::vector<int> metric_memo[2];
  mutable std::vector<MetricHit> metric_hits;
};

bool IsWord(const Sentence& s, size_t i) {
  return i < s.t.size() && s.t[i].kind == TokenKind::kWord && s.fig_at[i] < 0 && !s.time_at[i];
}

absl::string_view W(const Sentence& s, size_t i) {
  return i < s.t.size() ? absl::string_view(s.t[i].lower) : absl::string_view();
}

// Token i is in the word lists of `word_class` (extract/word_lists.h).
bool Is(const Sentence& s, size_t i, uint32_t word_class) {
  return i < s.t.size() && (s.t[i].classes & word_class) != 0;
}

// Longest vocabulary phrase ending at token k.
std::optional<MetricHit> FindMetricEndingAt(const Sentence& s, const MetricVocabulary& vocab,
                                            size_t k, bool attributive_ok) {
  // Token k is the phrase's last word, and its `lower` is already normalised as the
  // vocabulary's keys are.
  if (k >= s.t.size() || !vocab.MayEndPhrase(s.t[k].lower)) return std::nullopt;
  for (int len = std::min<int>(vocab.max_words(), static_cast<int>(k) + 1); len >= 1; --len) {
    size_t first = k + 1 - len;
    bool ok = true;
    std::string phrase;  // the words joined by single spaces
    for (size_t j = first; j <= k && ok; ++j) {
      ok = IsWord(s, j);
      if (!ok) break;
      if (j > first) phrase.push_back(' ');
      phrase.append(s.t[j].lower);
    }
    if (!ok) continue;
    if (!attributive_ok && AttributiveOnly().contains(phrase)) continue;
    if (auto m = vocab.Find(phrase)) {
      MetricHit hit;
      hit.metric = *m;
      hit.written = std::string(s.text.substr(s.t[first].begin, s.t[k].end - s.t[first].begin));
      hit.first = first;
      hit.last = k + 1;
      return hit;
    }
  }
  return std::nullopt;
}

// FindMetricEndingAt, remembered for the sentence.
std::optional<MetricHit> MetricEndingAt(const Sentence& s, const MetricVocabulary& vocab,
                                        size_t k, bool attributive_ok) {
  std::vector<int>& memo = s.metric_memo[attributive_ok ? 1 : 0];
  if (memo.size() != s.t.size()) memo.assign(s.t.size(), -2);
  if (k >= memo.size()) return FindMetricEndingAt(s, vocab, k, attributive_ok);
  if (memo[k] == -2) {
    std::optional<MetricHit> hit = FindMetricEndingAt(s, vocab, k, attributive_ok);
    memo[k] = hit ? static_cast<int>(s.metric_hits.size()) : -1;
    if (hit) s.metric_hits.push_back(*std::move(hit));
  }
  if (memo[k] < 0) return std::nullopt;
  return s.metric_hits[memo[k]];
}

// The nearest metric word before token `pos` (not crossing ';' or ':').
std::optional<MetricHit> MetricBefore(const Sentence& s, const MetricVocabulary& vocab,
                                      size_t pos) {
  for (size_t k = pos; k-- > 0 && pos - k <= kWindow;) {
    if (W(s, k) == ";" || W(s, k) == ":") break;
    if (Is(s, k, kMoneyVerb)) {
      // Verbs are handled by rule 4, but a longer phrase may end in one ("capital
      // spending").
      auto hit = MetricEndingAt(s, vocab, k, false);
      if (hit && hit->last - hit->first >= 2) return hit;
      continue;
    }
    if (auto hit = MetricEndingAt(s, vocab, k, false)) return hit;
  }
  return std::nullopt;
}

bool Prepositional(const Sentence& s, const EntityMention& e) {
  for (size_t k = e.first, steps = 0; k-- > 0 && steps < 3; ++steps) {
    absl::string_view w = W(s, k);
    if (Is(s, k, kPreposition)) return true;
    if (s.t[k].kind == TokenKind::kPunct || w == "and" || w == "or" || w == "but" ||
        w == "while" || w == "which" || w == "that" || w == "who" || s.time_at[k] ||
        s.fig_at[k] >= 0) {
      return false;
    }
  }
  return false;
}

const EntityMention* GroupOf(const Sentence& s, const EntityMention* e) {
  for (const EntityMention& g : s.ents) {
    if (g.group && g.first <= e->first && e->last <= g.last) return &g;
  }
  return e;
}

// The subject of the clause holding token `pos`: the nearest name before it that is
// not the object of a preposition.
const EntityMention* SubjectBefore(const Sentence& s, size_t pos) {
  const EntityMention* fallback = nullptr;
  for (size_t i = s.ents.size(); i-- > 0;) {
    const EntityMention& e = s.ents[i];
    if (e.group || e.last > pos) continue;
    if (pos - e.last > kWindow) break;  // too far to be this clause's subject
    bool blocked = false;
    for (size_t k = e.last; k < pos; ++k) {
      if (W(s, k) == ";" || W(s, k) == ":") blocked = true;
    }
    if (blocked) break;
    if (Prepositional(s, e)) {
      if (fallback == nullptr) fallback = &e;
      continue;
    }
    // Inside an apposition ", China's best prospect," that closes before `pos`.
    size_t before = e.first;
    while (before > 0 && (W(s, before - 1) == "the" || W(s, before - 1) == "a")) --before;
    if (before > 0 && W(s, before - 1) == ",") {
      bool closed = false;
      for (size_t k = e.last; k < pos; ++k) closed = closed || W(s, k) == ",";
      if (closed) continue;
    }
    return GroupOf(s, &e);
  }
  (void)fallback;
  return nullptr;
}

const EntityMention* EntityStartingNear(const Sentence& s, size_t pos, size_t window) {
  for (const EntityMention& e : s.ents) {
    if (e.group) continue;
    if (e.first >= pos && e.first < pos + window) return GroupOf(s, &e);
  }
  return nullptr;
}

const EntityMention* PossessiveEndingAt(const Sentence& s, size_t possessive_token) {
  for (const EntityMention& e : s.ents) {
    if (e.possessive && e.last == possessive_token) return &e;
  }
  // "its"/"their" pronoun mentions cover the pronoun itself.
  for (const EntityMention& e : s.ents) {
    if (e.possessive && e.reference && e.last == possessive_token + 1 &&
        (W(s, e.first) == "its" || W(s, e.first) == "their")) {
      return &e;
    }
  }
  return nullptr;
}

// A possessive owner of the noun phrase that ends just before token `pos`:
// "SMIC's 7nm", "the company's annual sales", "SMIC's best process".
const EntityMention* OwnerBefore(const Sentence& s, size_t pos) {
  for (size_t k = pos, steps = 0; k-- > 0 && steps < 5; ++steps) {
    if (s.t[k].kind == TokenKind::kPossessive) return PossessiveEndingAt(s, k);
    if (W(s, k) == "its" || W(s, k) == "their") return PossessiveEndingAt(s, k);
    if (s.t[k].kind == TokenKind::kPunct || Is(s, k, kPreposition) ||
        W(s, k) == "is" || W(s, k) == "was" || W(s, k) == "the" || W(s, k) == "a") {
      return nullptr;
    }
  }
  return nullptr;
}

const EntityMention* NearestFund(const Sentence& s, size_t pos) {
  const EntityMention* best = nullptr;
  size_t best_distance = ~size_t{0};
  for (const EntityMention& e : s.ents) {
    if (!e.fund) continue;
    size_t d = e.last <= pos ? pos - e.last : e.first - pos;
    if (d < best_distance) best = &e, best_distance = d;
  }
  return best;
}

bool IsTakeVerb(const Token& t) {
  return t.word() == "take" || t.word() == "takes" || t.word() == "took" || t.word() == "taking";
}

bool IsUpWord(const Token& t) { return (t.classes & kUpWord) != 0; }

// A word for which `is_word(token)` holds within `window` tokens before `pos`, not
// crossing ; : or a full stop.
template <typename Predicate>
bool HasWordBefore(const Sentence& s, size_t pos, const Predicate& is_word, size_t window,
                   size_t* where) {
  for (size_t k = pos, steps = 0; k-- > 0 && steps < window; ++steps) {
    if (W(s, k) == ";" || W(s, k) == ":" || W(s, k) == ".") return false;
    if (is_word(s.t[k])) {
      *where = k;
      return true;
    }
  }
  return false;
}

bool SentenceHas(const Sentence& s, std::initializer_list<absl::string_view> words) {
  for (const Token& t : s.t) {
    for (absl::string_view w : words) {
      if (t.word() == w) return true;
    }
  }
  return false;
}

// Skips filler words leftwards from `pos`; returns the index of the first non-filler.
size_t SkipFillersLeft(const Sentence& s, size_t pos) {
  size_t k = pos;
  while (k > 0 && (Is(s, k - 1, kFiller) || s.t[k - 1].kind == TokenKind::kNumber ||
                   s.time_at[k - 1])) {
    --k;
  }
  return k;
}

void Negate(v1::Quantity* q) {
  q->set_value(-q->value());
  std::optional<double> low, high;
  if (q->has_low()) low = q->low();
  if (q->has_high()) high = q->high();
  q->clear_low();
  q->clear_high();
  if (high) q->set_low(-*high);
  if (low) q->set_high(-*low);
}

// A counted noun is a property of something when the grammar says so: "of/among the 19
// shareholders", "has 10 fabs", "plans to build 3 fabs", "with 50 partners".
bool CountIsAProperty(const Sentence& s, size_t fa) {
  size_t k = fa;
  // Skip determiners and bound words, but keep the "of" of "of the 19".
  while (k > 0 && Is(s, k - 1, kCountSkip) &&
         !(W(s, k - 1) == "of" && (k < 2 || !Is(s, k - 2, kCountSkip) || W(s, k - 2) == "the"))) {
    --k;
  }
  return k > 0 && Is(s, k - 1, kCountOwner);
}

// Words that qualify a metric without naming what it is about ("annual revenue", "net
// profit", "fourth-quarter sales").
bool MeasureModifier(const Token& t) {
  static const auto* words = new WordSet{
      "annual", "quarterly", "monthly", "yearly", "weekly", "daily", "total", "net", "gross",
      "operating", "record", "combined", "overall", "average", "fiscal", "full-year",
      "half-year", "new", "current", "latest", "estimated", "projected", "expected",
      "adjusted", "reported", "cumulative", "initial", "further", "additional", "own",
      "this", "that", "these", "those", "the", "a", "an", "its", "their", "our", "his",
      "her", "last", "next", "first", "second", "third", "fourth", "such", "same", "other"};
  if (words->contains(t.word())) return true;
  for (absl::string_view period : {"-quarter", "-year", "-half", "-month"}) {
    if (absl::EndsWith(t.word(), period)) return true;
  }
  return std::any_of(t.word().begin(), t.word().end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

// The market a metric noun phrase starting at token `metric_first` names by its
// modifiers ("global chip" sales, "smartphone" shipments): the lower-case words just
// before it, up to three, after any measure modifiers; "" when there are none (or a name,
// a possessive or a pronoun owns the phrase instead).
std::string MarketBefore(const Sentence& s, size_t metric_first) {
  if (metric_first >= s.t.size()) return "";
  size_t k = metric_first;
  std::vector<absl::string_view> words;
  while (k > 0 && words.size() < 3) {
    const Token& t = s.t[k - 1];
    constexpr uint32_t kNotAModifier = kPreposition | kReportingVerb | kActorVerb | kMoneyVerb |
                                       kUpWord | kDownWord | kForecastCue;
    if (!IsWord(s, k - 1) || MeasureModifier(t) || (t.classes & kNotAModifier) ||
        ((t.classes & kNotName) && !(t.classes & kWeakAlone))) {
      break;
    }
    // Capitals only as the sentence's first word ("Global chip sales").
    if ((t.capitalized || t.acronym) && k - 1 != 0) return "";
    words.insert(words.begin(), t.word());
    --k;
  }
  if (words.empty()) return "";
  return absl::StrJoin(words, " ");
}

size_t CountWords(absl::string_view phrase) {
  return 1 + static_cast<size_t>(std::count(phrase.begin(), phrase.end(), ' '));
}

// "13% to 15%", "13-15%": `prev` and `q` make one range.
bool JoinsAsRange(absl::string_view text, const QuantityMention& prev, const QuantityMention& q) {
  absl::string_view gap = text.substr(prev.end, q.begin - prev.end);
  if (gap != " to " && gap != "-") return false;
  absl::string_view before = text.substr(0, prev.begin);
  bool from = absl::EndsWith(absl::StripTrailingAsciiWhitespace(before), "from");
  return !from && prev.quantity.unit() == q.quantity.unit() &&
         prev.quantity.type() == q.quantity.type() &&
         prev.quantity.bound() != v1::BOUND_KIND_RANGE && q.quantity.value() > prev.quantity.value();
}

std::string Written(const Sentence& s, size_t first, size_t last) {
  return std::string(s.text.substr(s.t[first].begin, s.t[last - 1].end - s.t[first].begin));
}

}  // namespace

ClaimAssembler::ClaimAssembler(const MetricVocabulary* metrics) : metrics_(metrics) {}

std::vector<AssembledClaim> ClaimAssembler::Assemble(const SentenceInput& in,
                                                     const DocumentEntities& entities,
                                                     const v1::PublicationTime& published,
                                                     Discourse* discourse) const {
  const MetricVocabulary& vocab = *metrics_;
  // "rise 13% to 15%": two figures of one unit joined by "to" after a change word are a
  // range (not "from 10% to 12%", which is two levels). Most sentences have no such pair
  // and use the recognizers' mentions as they are.
  bool any_range = false;
  for (size_t i = 1; i < in.quantities.size() && !any_range; ++i) {
    any_range = JoinsAsRange(in.text, in.quantities[i - 1], in.quantities[i]);
  }
  std::vector<QuantityMention> joined;
  if (any_range) {
    for (const QuantityMention& q : in.quantities) {
      if (!joined.empty() && JoinsAsRange(in.text, joined.back(), q)) {
        QuantityMention& prev = joined.back();
        v1::Quantity range = prev.quantity;
        const double low = prev.quantity.value(), high = q.quantity.value();
        range.set_value((low + high) / 2);
        range.set_bound(v1::BOUND_KIND_RANGE);
        range.set_low(low);
        range.set_high(high);
        range.set_precision(std::max(prev.quantity.precision(), q.quantity.precision()));
        SetInterval(&range);
        range.set_text(std::string(in.text.substr(prev.begin, q.end - prev.begin)));
        prev.quantity = std::move(range);
        prev.end = q.end;
        continue;
      }
      joined.push_back(q);
    }
  }
  const std::vector<QuantityMention>& quantities = any_range ? joined : in.quantities;
  Sentence s(in.text, in.tokens);
  const size_t n = s.t.size();
  s.fig_at.assign(n, -1);
  s.time_at.assign(n, false);
  std::vector<ByteRange> excluded, figure_bytes;
  excluded.reserve(quantities.size() + in.times.size());
  figure_bytes.reserve(quantities.size());
  size_t cursor = 0;  // mentions and tokens are both in text order: one sweep
  for (size_t qi = 0; qi < quantities.size(); ++qi) {
    const QuantityMention& q = quantities[qi];
    size_t first = n, last = 0;
    while (cursor < n && s.t[cursor].end <= q.begin) ++cursor;
    for (size_t i = cursor; i < n && s.t[i].begin < q.end; ++i) {
      if (first == n) first = i;
      last = i + 1;
      s.fig_at[i] = static_cast<int>(qi);
    }
    s.figs.push_back({first, last});
    excluded.push_back({q.begin, q.end});
    figure_bytes.push_back({q.begin, q.end});
  }
  cursor = 0;
  for (const TimeMention& m : in.times) {  // sorted by begin, like the tokens
    excluded.push_back({m.begin, m.end});
    while (cursor < n && s.t[cursor].end <= m.begin) ++cursor;
    for (size_t i = cursor; i < n && s.t[i].begin < m.end; ++i) s.time_at[i] = true;
  }
  s.ents = entities.Find(in.text, s.t, excluded);
  AddReferences(in.text, s.t, *discourse, &s.ents);

  std::vector<AssembledClaim> out;
  std::vector<int> claim_of(quantities.size(), -1);
  std::string sentence_subject;
  // The periods a stated and a forecast figure may take: the recognizers' own, plus
  // "the quarter"-style ones, aligned to the publication day. Usually there is nothing to
  // add or align, and the recognizers' list is used as it is.
  std::vector<TimeMention> stated_periods, forecast_periods;
  const std::vector<TimeMention>* stated_list = &in.times;
  const std::vector<TimeMention>* forecast_list = &in.times;
  if (!quantities.empty()) {
    const bool align = HasUnnumberedPeriods(in.text, published, in.times);
    for (const bool forecast : {false, true}) {
      std::vector<TimeMention>& own = forecast ? forecast_periods : stated_periods;
      own = ImplicitPeriods(s.t, in.times, published, forecast);
      if (own.empty() && !align) continue;
      own.insert(own.begin(), in.times.begin(), in.times.end());
      AlignUnnumberedPeriods(in.text, published, forecast, &own);
      (forecast ? forecast_list : stated_list) = &own;
    }
  }
  for (size_t qi = 0; qi < quantities.size(); ++qi) {
    const QuantityMention& q = quantities[qi];
    auto [fa, fb] = s.figs[qi];
    if (fa >= fb) continue;
    // "947,600 8-inch-equivalent wafers": a figure glued to the previous one is part of
    // its unit.
    if (qi > 0 && absl::StripAsciiWhitespace(
                      in.text.substr(quantities[qi - 1].end, q.begin - quantities[qi - 1].end))
                      .empty()) {
      continue;
    }
    // "a 5nm-class process": a figure used as a loose descriptor.
    if (s.t[fb - 1].modifier) {
      absl::string_view w = s.t[fb - 1].lower;
      absl::string_view suffix = w.substr(w.rfind('-') + 1);
      if (suffix == "class" || suffix == "like" || suffix == "style" || suffix == "type" ||
          suffix == "equivalent" || suffix == "grade" || suffix == "level") {
        continue;
      }
    }
    bool overlaps_time = false;
    for (const TimeMention& m : in.times) {
      if (m.begin < q.end && q.begin < m.end) overlaps_time = true;
    }
    if (overlaps_time) continue;
    const v1::QuantityType type = q.quantity.type();
    AssembledClaim c;
    c.figure_begin = q.begin;
    c.figure_end = q.end;
    c.quantity = q.quantity;
    std::string fixed_entity;  // set by rules that know the entity for sure
    std::string metric, metric_written;
    const EntityMention* entity = nullptr;
    std::vector<std::pair<std::string, std::string>> qualifiers;
    bool explicit_metric = true;
    bool growth = false, year_on_year = false;
    size_t metric_first = n;  // first token of a metric noun phrase found before the figure
    size_t verb_pos = fa;

    // 1. Apposition of the previous figure: "RMB 344 billion, about $47.5 billion".
    if (fa >= 2 && W(s, fa - 1) == "," && s.fig_at[fa - 2] >= 0 &&
        claim_of[s.fig_at[fa - 2]] >= 0 &&
        out[claim_of[s.fig_at[fa - 2]]].quantity.type() == type) {
      const AssembledClaim& prev = out[claim_of[s.fig_at[fa - 2]]];
      c.subject = prev.subject;
      c.scope = prev.scope;
      c.attribution = FindAttribution(in.text, s.t, s.ents, fa);
      c.confidence = prev.confidence;
      claim_of[qi] = static_cast<int>(out.size());
      out.push_back(std::move(c));
      continue;
    }
    size_t where = 0;
    // 2. "<metric> of Q".
    if (fa >= 2 && W(s, fa - 1) == "of") {
      if (auto hit = MetricEndingAt(s, vocab, fa - 2, true)) {
        if (!absl::StrContains(hit->metric, "time_to") && !MoneyVerbs().contains(hit->written)) {
          metric = hit->metric;
          metric_written = hit->written;
          verb_pos = hit->first;
          entity = OwnerBefore(s, hit->first);
        }
      }
    }
    // 3. Change: "rose 27%", "soar by nearly 60%", "the increase was about 27%".
    if (metric.empty() && (type == v1::QUANTITY_TYPE_PERCENT ||
                           type == v1::QUANTITY_TYPE_PERCENTAGE_POINT)) {
      size_t k = fa;
      while (k > 0 && !Is(s, k - 1, kUpWord) && !Is(s, k - 1, kDownWord) &&
             (W(s, k - 1) == "by" || Is(s, k - 1, kFiller) ||
                       W(s, k - 1) == "was" || W(s, k - 1) == "is" || W(s, k - 1) == "be" ||
                       W(s, k - 1) == "to" || W(s, k - 1) == "expected" ||
                       W(s, k - 1) == "could" || W(s, k - 1) == "will")) {
        if (W(s, k - 1) == "to" && k >= 2 && (Is(s, k - 2, kUpWord) ||
                                              Is(s, k - 2, kDownWord))) {
          break;  // "rose to 90.4%": a level
        }
        --k;
      }
      // "make up 60% of", "account for": a share, not a change.
      bool share = k >= 2 && W(s, k - 1) == "up" &&
                   (W(s, k - 2) == "make" || W(s, k - 2) == "makes" || W(s, k - 2) == "made" ||
                    W(s, k - 2) == "making");
      bool up = k > 0 && Is(s, k - 1, kUpWord) && !share;
      bool down = k > 0 && Is(s, k - 1, kDownWord);
      bool level = fa > 0 && W(s, fa - 1) == "to";
      if ((up || down) && !(level && fa >= 2 && (Is(s, fa - 2, kUpWord) ||
                                                 Is(s, fa - 2, kDownWord)))) {
        growth = true;
        verb_pos = k - 1;
        std::optional<MetricHit> base = MetricBefore(s, vocab, k - 1);
        metric = GrowthMetric(base ? base->metric : "");
        metric_written = base ? absl::StrCat(base->written, " ", W(s, k - 1)) : std::string(W(s, k - 1));
        if (base) entity = OwnerBefore(s, base->first);
        if (base) metric_first = base->first;
        // "Shares of Micron rose 7%", "revenue at SMIC grew": the name after the metric.
        if (base && entity == nullptr &&
            (W(s, base->last) == "of" || W(s, base->last) == "at" || W(s, base->last) == "for")) {
          entity = EntityStartingNear(s, base->last + 1, 2);
        }
        if (down && c.quantity.value() > 0) Negate(&c.quantity);
        year_on_year = SentenceHas(s, {"year-on-year", "yoy"}) ||
                       absl::StrContains(absl::AsciiStrToLower(in.text), "year earlier") ||
                       absl::StrContains(absl::AsciiStrToLower(in.text), "year ago") ||
                       absl::StrContains(absl::AsciiStrToLower(in.text), "year on year");
      }
    }
    // "The deal values Figma at $20 billion": the name before "at" is what is valued.
    if (metric.empty() && type == v1::QUANTITY_TYPE_MONEY && fa >= 3 && W(s, fa - 1) == "at") {
      for (const EntityMention& e : s.ents) {
        if (e.group || e.last != fa - 1 || e.first == 0) continue;
        absl::string_view verb = W(s, e.first - 1);
        if (verb == "values" || verb == "valued" || verb == "valuing" || verb == "value") {
          metric = "valuation";
          metric_written = std::string(verb);
          entity = &e;
          verb_pos = e.first - 1;
        }
      }
    }
    // 4. A verb before the figure.
    if (metric.empty()) {
      size_t k = SkipFillersLeft(s, fa);
      absl::string_view verb = W(s, k > 0 ? k - 1 : n);
      std::string verb2 = k >= 2 ? absl::StrCat(W(s, k - 2), " ", verb) : "";
      if (k > 0 && Is(s, k - 1, kMoneyVerb) && type == v1::QUANTITY_TYPE_MONEY) {
        metric = vocab.Find(verb).value_or("investment");
        metric_written = Written(s, k - 1, k);
        verb_pos = k - 1;
        if (metric == "investment") {
          // Recipient: "Q to/in/into Y".
          if (fb < n && (W(s, fb) == "to" || W(s, fb) == "in" || W(s, fb) == "into")) {
            if (const EntityMention* r = EntityStartingNear(s, fb + 1, 3)) {
              qualifiers.push_back({"recipient", r->canonical});
            }
          }
        }
        if (metric == "spending") {
          for (size_t j = fb; j + 1 < n && j < fb + 4; ++j) {
            if (W(s, j) == "on") {
              for (size_t m = j + 1; m < n && m < j + 5; ++m) {
                absl::string_view w = W(s, m);
                if (w == "plant" || w == "equipment" || w == "capacity" || w == "fabs" ||
                    w == "tools" || w == "machines" || w == "facilities") {
                  metric = "capex";
                }
              }
            }
          }
        }
      } else if (k > 0 && type == v1::QUANTITY_TYPE_MONEY &&
                 (Is(s, k - 1, kContributionVerb) ||
                  (verb == "in" && k >= 2 && Is(s, k - 2, kContributionVerb)))) {
        metric = "capital_contribution";
        metric_written = verb == "in" ? verb2 : std::string(verb);
        verb_pos = verb == "in" ? k - 2 : k - 1;
        const EntityMention* contributor = SubjectBefore(s, verb_pos);
        const EntityMention* fund = NearestFund(s, fa);
        if (contributor != nullptr && contributor->fund) contributor = nullptr;
        if (fund != nullptr) entity = fund;
        if (contributor != nullptr) qualifiers.push_back({"contributor", contributor->canonical});
        if (fund == nullptr) {
          fixed_entity = !discourse->topic_fund.empty() ? discourse->topic_fund : discourse->fund;
        }
      } else if (k > 0 && Is(s, k - 1, kRevenueVerb) && type == v1::QUANTITY_TYPE_MONEY) {
        metric = "revenue";
        metric_written = std::string(verb);
        verb_pos = k - 1;
      }
      // "Q in revenue", "Q of support funding": the noun after the figure names it.
      if (type == v1::QUANTITY_TYPE_MONEY && fb + 1 < n &&
          (W(s, fb) == "in" || W(s, fb) == "of")) {
        for (size_t j = fb + 1; j < n && j < fb + 5; ++j) {
          if (!IsWord(s, j)) break;
          if (auto hit = MetricEndingAt(s, vocab, j, true)) {
            if (!MoneyVerbs().contains(hit->written)) {
              metric = hit->metric;
              metric_written = hit->written;
              if (metric.empty()) verb_pos = fa;
            }
          }
        }
      }
    }
    // 5. The noun the figure modifies: "a RMB 71 billion fund", "a 15-year term".
    if (metric.empty() && type != v1::QUANTITY_TYPE_COUNT) {
      size_t j = fb;
      while (j < n && (W(s, j) == "," || s.t[j].modifier) && j < fb + 3) ++j;
      if (const EntityMention* e = EntityStartingNear(s, j, 1); e != nullptr && e->fund &&
                                                                 type == v1::QUANTITY_TYPE_MONEY) {
        metric = "fund_size";
        metric_written = e->written;
        entity = e;
      } else {
        for (size_t m = j; m < n && m < j + 3 && IsWord(s, m) &&
                           !Is(s, m, kPreposition) && W(s, m) != "the" &&
                           W(s, m) != "this" && W(s, m) != "that" && W(s, m) != "and";
             ++m) {
          if (auto hit = MetricEndingAt(s, vocab, m, true)) {
            metric = hit->metric;
            metric_written = hit->written;
            // "a $56 billion, Huawei-led move": the undertaking is a qualifier.
            if (metric == "investment" && AttributiveOnly().contains(hit->written)) {
              size_t from = fb;
              while (from < hit->first && (W(s, from) == "," || W(s, from) == "-")) ++from;
              qualifiers.push_back({"project", Written(s, from, hit->last)});
            }
            if (metric == "fund_size" || hit->written == "phase") {
              metric = "fund_size";
              const EntityMention* f = NearestFund(s, fa);
              // "X, a Q fund": the name before ", a".
              if (fa >= 3 && W(s, fa - 2) == "," && (W(s, fa - 1) == "a" || W(s, fa - 1) == "the")) {
                for (const EntityMention& e : s.ents) {
                  if (e.last == fa - 2) f = GroupOf(s, &e);
                }
              }
              if (f != nullptr) entity = f;
            }
            break;
          }
          if (W(s, m) == "phase" && type == v1::QUANTITY_TYPE_MONEY) {
            metric = "fund_size";
            metric_written = "phase";
            entity = NearestFund(s, fa);
            break;
          }
        }
      }
    }
    // 6. The nearest metric word before the figure.
    absl::string_view before_figure = W(s, SkipFillersLeft(s, fa) - (SkipFillersLeft(s, fa) > 0));
    const bool level_verb = before_figure == "reached" || before_figure == "was" ||
                            before_figure == "were" || before_figure == "is" ||
                            before_figure == "totalled" || before_figure == "totaled" ||
                            before_figure == "stood" || before_figure == "hit";
    if (metric.empty() && type != v1::QUANTITY_TYPE_DURATION && type != v1::QUANTITY_TYPE_COUNT &&
        (type != v1::QUANTITY_TYPE_NUMBER || level_verb)) {
      if (auto hit = MetricBefore(s, vocab, fa)) {
        metric = hit->metric;
        metric_written = hit->written;
        // "imports of chipmaking equipment": a trade flow is named by its goods.
        if ((metric == "imports" || metric == "exports") && W(s, hit->last) == "of") {
          size_t j = hit->last + 1;
          while (j + 1 < fa && IsWord(s, j + 1) && !Is(s, j + 1, kPreposition) &&
                 W(s, j + 1) != "came" && W(s, j + 1) != "rose" && W(s, j + 1) != "were" &&
                 W(s, j + 1) != "was" && W(s, j + 1) != "reached" && W(s, j + 1) != "totalled") {
            ++j;
          }
          if (IsWord(s, j)) metric = absl::StrCat(W(s, j), "_", metric);
        }
        verb_pos = hit->first;
        metric_first = hit->first;
        entity = OwnerBefore(s, hit->first);
        if (metric == "time_to_market" || metric == "time_to_develop") metric.clear();
      }
    }
    // 7. The unit.
    if (metric.empty()) {
      explicit_metric = false;
      if (c.quantity.unit() == "nm") {
        metric = "process_node";
      } else if (type == v1::QUANTITY_TYPE_DURATION &&
                 HasWordBefore(s, fa, IsTakeVerb, 4, &where)) {
        explicit_metric = true;
        std::string activity;
        for (size_t j = fb; j < n && j < fb + 10; ++j) {
          if (W(s, j) == "to" || W(s, j) == "before" || W(s, j) == "until") {
            for (size_t m = j + 1; m < n && m < j + 6; ++m) {
              if (auto hit = MetricEndingAt(s, vocab, m, true);
                  hit && absl::StartsWith(hit->metric, "time_to")) {
                metric = hit->metric;
                metric_written = hit->written;
                break;
              }
            }
            // "before the company offers", "for X to hit the market"
            if (metric.empty() && j + 1 < n && W(s, j) == "before") {
              metric = "time_to_market";
              metric_written = std::string(W(s, j));
            }
            if (!metric.empty()) break;
          }
        }
        if (metric.empty() && !discourse->activity.empty()) {
          metric = vocab.Find(discourse->activity).value_or("");
          if (!absl::StartsWith(metric, "time_to")) metric.clear();
        }
        if (metric.empty()) metric = "time_required";
        // The entity: "for/before X" after the figure, else the clause subject.
        for (size_t j = fb; j < n && j < fb + 6 && entity == nullptr; ++j) {
          if (W(s, j) == "for" || W(s, j) == "before") entity = EntityStartingNear(s, j + 1, 3);
        }
        verb_pos = where;
      } else if (type == v1::QUANTITY_TYPE_COUNT && !c.quantity.unit().empty() &&
                 c.quantity.unit() != "count" && CountIsAProperty(s, fa)) {
        // "the largest of the 19 shareholders": the count belongs to what the text is
        // about, not to the member named as subject.
        size_t d = fa;
        while (d > 0 && (W(s, d - 1) == "the" || W(s, d - 1) == "its" || W(s, d - 1) == "their")) --d;
        if (d > 0 && (W(s, d - 1) == "of" || W(s, d - 1) == "among")) {
          for (size_t j = fb; j < n && j < fb + 2 && entity == nullptr; ++j) {
            if (W(s, j) == "for" || W(s, j) == "of" || W(s, j) == "in") {
              entity = EntityStartingNear(s, j + 1, 2);
            }
          }
          if (entity == nullptr) fixed_entity = discourse->topic;
        }
        metric = vocab.Find(c.quantity.unit()).value_or("");
        if (metric.empty()) metric = s.t[fb - 1].lower;  // the noun as written: "shareholders"
        metric_written = s.t[fb - 1].lower;
      } else if (type == v1::QUANTITY_TYPE_PERCENT && fb + 1 < n && W(s, fb) == "of") {
        // "30% of the market"; a share of anything else names no metric.
        for (size_t j = fb + 1; j < n && j < fb + 5 && IsWord(s, j); ++j) {
          if (W(s, j) == "market") metric = "market_share";
        }
        metric_written = "of";
      } else if (type == v1::QUANTITY_TYPE_MONEY && NearestFund(s, fa) != nullptr) {
        metric = "fund_size";
        entity = NearestFund(s, fa);
      }
    }
    if (metric.empty()) continue;
    // "one chip at a time": a single thing counted is not a figure anyone reports.
    if (type == v1::QUANTITY_TYPE_COUNT && std::abs(c.quantity.value()) < 2) continue;
    // "among the 10 initial partners for this project": the project.
    if (entity == nullptr && fa >= 2 && (W(s, fa - 1) == "the" && W(s, fa - 2) == "among")) {
      for (size_t j = fb; j < n && j < fb + 2; ++j) {
        if (W(s, j) == "for" || W(s, j) == "of") entity = EntityStartingNear(s, j + 1, 2);
      }
    }
    // "demand for HBM chips", "revenue of SMIC".
    if (entity == nullptr && !metric_written.empty()) {
      for (size_t k = fa > kWindow ? fa - kWindow : 0; k + 1 < fa; ++k) {
        if (s.t[k].lower == metric_written || absl::StartsWith(metric, s.t[k].lower)) {
          if (W(s, k + 1) == "for" || W(s, k + 1) == "of" || W(s, k + 1) == "at") {
            if (const EntityMention* e = EntityStartingNear(s, k + 2, 2)) entity = e;
          }
        }
      }
    }
    if (entity == nullptr && fixed_entity.empty()) entity = OwnerBefore(s, fa);
    if (entity == nullptr && fixed_entity.empty()) entity = SubjectBefore(s, verb_pos);
    if (entity == nullptr && fixed_entity.empty() && verb_pos != fa) entity = SubjectBefore(s, fa);
    if (entity == nullptr && fixed_entity.empty() && n > 0 &&
        (W(s, 0) == "having" || absl::EndsWith(W(s, 0), "ing"))) {
      for (size_t k = 0; k < n; ++k) {
        if (W(s, k) == ",") {
          entity = EntityStartingNear(s, k + 1, 3);
          break;
        }
      }
    }
    // A fund's size belongs to the fund.
    if (metric == "funding" && entity != nullptr && entity->fund) metric = "fund_size";
    if (metric == "fund_size" && (entity == nullptr || !entity->fund)) {
      if (const EntityMention* f = NearestFund(s, fa)) entity = f;
    }
    double confidence = explicit_metric ? 0.55 : 0.4;
    if (!fixed_entity.empty() && entity == nullptr) {
      c.subject.set_entity(fixed_entity);
      confidence += 0.2;
    } else if (entity != nullptr) {
      c.subject.set_entity(entity->canonical);
      c.subject.set_entity_as_written(entity->written);
      confidence += entity->reference ? 0.2 : 0.35;
    } else if (std::string market = MarketBefore(s, metric_first); !market.empty()) {
      // "Global chip sales reached ...": the metric's own modifiers name a market, which
      // is what the figure is about (not whatever the previous sentence named).
      c.subject.set_entity(market);
      c.subject.set_entity_as_written(Written(s, metric_first - CountWords(market), metric_first));
      confidence += 0.1;
    } else {
      // The entity the previous sentences were about, when this one names a metric.
      std::string carried = metric == "fund_size" && !discourse->fund.empty() ? discourse->fund
                                                                               : discourse->subject;
      if (!explicit_metric || carried.empty()) continue;
      c.subject.set_entity(carried);
      confidence += 0.1;
    }
    if (type == v1::QUANTITY_TYPE_NUMBER && !explicit_metric) continue;
    if (metric == "funding" && LooksLikeFund(c.subject.entity())) metric = "fund_size";
    c.subject.set_metric(metric);
    c.subject.set_metric_as_written(metric_written);
    // A stated target: "the company's current target is to set up ... a 28nm line".
    for (size_t k = 0; k < fa; ++k) {
      if (W(s, k) == "target" || W(s, k) == "goal" || W(s, k) == "aims" || W(s, k) == "aim") {
        qualifiers.push_back({"status", "target"});
        break;
      }
    }
    std::vector<std::string> values;
    for (auto& [role, value] : qualifiers) {
      v1::Qualifier* qual = c.subject.add_qualifiers();
      qual->set_role(role);
      qual->set_value(value);
      values.push_back(value);
    }
    c.subject.set_key(SubjectKey(c.subject));
    c.attribution = FindAttribution(in.text, s.t, s.ents, fa);
    const std::vector<TimeMention>& periods =
        c.attribution.hedge == v1::HEDGE_FORECAST ? *forecast_list : *stated_list;
    if (growth) {
      // "up 7.8% from the second quarter": a period after "from" is the base of the
      // change, not its period.
      std::vector<TimeMention> own;
      for (const TimeMention& m : periods) {
        size_t before = 0;
        while (before < n && s.t[before].end <= m.begin) ++before;
        if (before > 0 && (W(s, before - 1) == "the" || W(s, before - 1) == "a")) --before;
        absl::string_view written = in.text.substr(m.begin, m.end - m.begin);
        bool base = m.scope.granularity() != v1::GRANULARITY_MULTI_YEAR &&
                    ((before > 0 && (W(s, before - 1) == "from" || W(s, before - 1) == "than" ||
                                     W(s, before - 1) == "with" || W(s, before - 1) == "over")) ||
                     absl::StartsWithIgnoreCase(written, "from "));
        if (!base) own.push_back(m);
      }
      c.scope = ChooseScope(s.t, own, figure_bytes, q.begin, q.end, published);
      // "rose 18% to $5.2 billion in 2024", "grew 15.8% year-on-year to ...": the level's
      // period ends the change too.
      size_t to = fb;
      while (to < n && to < fb + 2 &&
             (W(s, to) == "year-on-year" || W(s, to) == "year-over-year" || W(s, to) == "yoy" ||
              W(s, to) == "sequentially" || W(s, to) == "annually")) {
        ++to;
      }
      if (c.scope.inferred() && to + 1 < n && W(s, to) == "to" && s.fig_at[to + 1] >= 0) {
        const QuantityMention& level = quantities[s.fig_at[to + 1]];
        v1::TimeScope level_scope =
            ChooseScope(s.t, own, figure_bytes, level.begin, level.end, published);
        if (!level_scope.inferred()) c.scope = std::move(level_scope);
      }
    } else {
      c.scope = ChooseScope(s.t, periods, figure_bytes, q.begin, q.end, published);
    }
    if (growth && !c.scope.inferred()) ChangeScope(year_on_year, &c.scope);
    PastDeadlineToYear(published, &c.scope);
    // "climb 121% between 2019 and 2021 to $2.3 billion": the level is the last year's.
    if (!growth && c.scope.granularity() == v1::GRANULARITY_MULTI_YEAR && fa > 0 &&
        (W(s, fa - 1) == "to" || W(s, fa - 1) == "reaching" || W(s, fa - 1) == "reached") &&
        HasWordBefore(s, fa, IsUpWord, 12, &where)) {
      NarrowToLastYear(&c.scope);
    }
    c.confidence = std::min(0.95, confidence);
    if (sentence_subject.empty()) sentence_subject = c.subject.entity();
    claim_of[qi] = static_cast<int>(out.size());
    out.push_back(std::move(c));
  }
  UpdateDiscourse(s.t, s.ents, sentence_subject, discourse);
  return out;
}

}  // namespace claimcheck
