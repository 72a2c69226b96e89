#include "extract/sentence_grammar.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "claims/subject_key.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace grammar {
namespace {

// No byte of `text` is above 0x7F (eight bytes a step).
bool IsAscii(absl::string_view text) {
  const char* p = text.data();
  const size_t n = text.size();
  size_t i = 0;
  uint64_t high = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    high |= x;
  }
  for (; i < n; ++i) high |= static_cast<unsigned char>(p[i]);
  return (high & 0x8080808080808080ull) == 0;
}

// The longest vocabulary phrases ending at token k: hits[1] any, hits[0] not one that
// names a metric only attributively. Both come from one walk over the same phrases.
void FindMetricsEndingAt(const Sentence& s, const MetricVocabulary& vocab, size_t k,
                         std::optional<MetricHit> hits[2]) {
  // The caller has checked that token k is a word that may end a phrase. Its `lower`
  // is already normalised as the vocabulary's keys are.
  // A phrase is a run of words ending at k: join the longest one once, by single spaces,
  // and look up its suffixes, longest first.
  const size_t most = std::min<size_t>(static_cast<size_t>(std::max(vocab.max_words(), 1)), k + 1);
  size_t words = 0;
  while (words < most && IsWord(s, k - words)) ++words;
  if (words == 0) return;
  size_t size = words - 1;  // the spaces
  for (size_t j = k + 1 - words; j <= k; ++j) size += s.t[j].word().size();
  char* put = s.phrase_buffer;
  if (size > sizeof(s.phrase_buffer)) {
    s.long_phrase.resize(size);
    put = &s.long_phrase[0];
  }
  const absl::string_view phrase(put, size);
  for (size_t j = k + 1 - words; j <= k; ++j) {
    if (j > k + 1 - words) *put++ = ' ';
    std::memcpy(put, s.t[j].word().data(), s.t[j].word().size());
    put += s.t[j].word().size();
  }
  // Tokens' words are normalised as the vocabulary's keys are (lower-case, no spaces or
  // '|' inside), but for odd non-ASCII bytes: an all-ASCII phrase is normalised.
  const bool normalized = IsAscii(phrase) || IsNormalizedKeyPart(phrase);
  size_t begin = 0;  // where the phrase of `len` words starts in `phrase`
  for (size_t len = words; len >= 1; --len) {
    const size_t first = k + 1 - len;
    const absl::string_view candidate = phrase.substr(begin);
    begin += s.t[first].word().size() + 1;
    const std::string* m =
        normalized ? vocab.FindNormalizedOrNull(candidate) : vocab.FindOrNull(candidate);
    if (m == nullptr) continue;
    MetricHit hit;
    hit.metric = *m;
    hit.written = s.text.substr(s.t[first].begin, s.t[k].end - s.t[first].begin);
    hit.first = first;
    hit.last = k + 1;
    if (!hits[1]) hits[1] = hit;
    // (One word is tested by its class, without hashing.)
    if (len == 1 ? (s.t[k].classes & kAttributiveOnly) == 0
                 : !AttributiveOnly().contains(candidate)) {
      hits[0] = hit;
      return;
    }
  }
}

}  // namespace

void Sentence::ClearMarks() {
  if (size <= kInlineTokens) {
    fig = fig_inline_;
    in_period = in_period_inline_;
  } else {
    fig_heap_.reset(new int[size]);
    in_period_heap_.reset(new uint8_t[size]);
    fig = fig_heap_.get();
    in_period = in_period_heap_.get();
  }
  // (Filled bytewise: every byte 0xFF makes an int -1.)
  std::memset(fig, 0xFF, size * sizeof(int));
  std::memset(in_period, 0, size);
}

uint16_t* Sentence::MetricMemo() const {
  if (metric_memo_ == nullptr) {
    if (size <= kInlineTokens) {
      metric_memo_ = metric_memo_inline_;
    } else {
      metric_memo_heap_.reset(new uint16_t[2 * size]);
      metric_memo_ = metric_memo_heap_.get();
    }
    std::memset(metric_memo_, 0, 2 * size * sizeof(uint16_t));
  }
  return metric_memo_;
}

namespace {

// MetricEndingAt for a token k that passed its cheap tests.
std::optional<MetricHit> RememberedMetricEndingAt(const Sentence& s, const MetricVocabulary& vocab,
                                                  size_t k, bool attributive_ok) {
  uint16_t* const memo = s.MetricMemo();
  if (memo[2 * k] == 0) {
    std::optional<MetricHit> hits[2];
    FindMetricsEndingAt(s, vocab, k, hits);
    // (A sentence of tens of thousands of words is not remembered past 65,000 hits.)
    if (s.metric_hits.size() + 4 > UINT16_MAX) return hits[attributive_ok ? 1 : 0];
    for (int a = 0; a < 2; ++a) {
      memo[2 * k + a] = hits[a] ? static_cast<uint16_t>(2 + s.metric_hits.size()) : 1;
      if (hits[a]) s.metric_hits.push_back(*hits[a]);
    }
  }
  const uint16_t answer = memo[2 * k + (attributive_ok ? 1 : 0)];
  if (answer < 2) return std::nullopt;
  return s.metric_hits[answer - 2];
}

}  // namespace

// FindMetricsEndingAt, remembered for the sentence.
std::optional<MetricHit> MetricEndingAt(const Sentence& s, const MetricVocabulary& vocab,
                                        size_t k, bool attributive_ok) {
  // The cheap tests first: most words end no phrase.
  if (!IsWord(s, k) || !vocab.MayEndPhraseQuick(s.t[k].word())) return std::nullopt;
  return RememberedMetricEndingAt(s, vocab, k, attributive_ok);
}

// The nearest metric word before token `pos` (not crossing ';' or ':').
std::optional<MetricHit> MetricBefore(const Sentence& s, const MetricVocabulary& vocab,
                                      size_t pos) {
  for (size_t k = std::min(pos, s.size); k-- > 0 && pos - k <= kWindow;) {
    const Token& t = s.tok[k];
    if (t.kind != TokenKind::kWord) {
      if (t.kind == TokenKind::kPunct && (t.word() == ";" || t.word() == ":")) break;
      continue;
    }
    // Most words end no metric phrase: the cheap tests (IsWord's, the kind known), before
    // the memo.
    if (s.fig[k] >= 0 || s.in_period[k] || !vocab.MayEndPhraseQuick(t.word())) continue;
    if (t.classes & kMoneyVerb) {
      // Verbs are handled by rule 4, but a longer phrase may end in one ("capital
      // spending").
      auto hit = RememberedMetricEndingAt(s, vocab, k, false);
      if (hit && hit->last - hit->first >= 2) return hit;
      continue;
    }
    if (auto hit = RememberedMetricEndingAt(s, vocab, k, false)) return hit;
  }
  return std::nullopt;
}

bool Prepositional(const Sentence& s, const EntityMention& e) {
  for (size_t k = e.first, steps = 0; k-- > 0 && steps < 3; ++steps) {
    absl::string_view w = W(s, k);
    if (Is(s, k, kPreposition)) return true;
    if (s.t[k].kind == TokenKind::kPunct || w == "and" || w == "or" || w == "but" ||
        w == "while" || w == "which" || w == "that" || w == "who" || s.in_period[k] ||
        s.fig[k] >= 0) {
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
    // Inside a relative clause ", which makes DRAM," that closes before `pos`.
    bool relative = false;
    for (size_t k = e.first, steps = 0; k-- > 1 && steps < 6 && !relative; ++steps) {
      if (W(s, k) == ",") break;
      relative = (W(s, k) == "which" || W(s, k) == "who" || W(s, k) == "whose" ||
                  W(s, k) == "that") &&
                 W(s, k - 1) == ",";
    }
    if (relative) {
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
    if (W(s, k) == "its" || W(s, k) == "their") {
      const EntityMention* e = PossessiveEndingAt(s, k);
      // "SMIC said its revenue": the name the pronoun stands for, when this sentence has it.
      if (e != nullptr && e->reference) {
        for (const EntityMention& m : s.ents) {
          if (!m.reference && !m.group && m.last <= e->first && m.canonical == e->canonical) {
            return &m;
          }
        }
      }
      return e;
    }
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

bool SentenceHas(const Sentence& s, std::initializer_list<absl::string_view> words) {
  for (const Token& t : s.t) {
    for (absl::string_view w : words) {
      if (t.word() == w) return true;
    }
  }
  return false;
}

bool YearOnYear(const Sentence& s) {
  if (SentenceHas(s, {"year-on-year", "yoy"})) return true;
  // "year earlier", "year ago", "year on year" in any case, with no lower-cased copy:
  // each 'y' or 'Y' (found by memchr) is a candidate.
  const absl::string_view text = s.text;
  for (const char y : {'y', 'Y'}) {
    for (size_t i = text.find(y); i != absl::string_view::npos && i + 8 <= text.size();
         i = text.find(y, i + 1)) {
      const absl::string_view rest = text.substr(i);
      if (absl::StartsWithIgnoreCase(rest, "year earlier") ||
          absl::StartsWithIgnoreCase(rest, "year ago") ||
          absl::StartsWithIgnoreCase(rest, "year on year")) {
        return true;
      }
    }
  }
  return false;
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
bool IsTolerance(absl::string_view text, const Sentence& s, size_t fa, size_t begin) {
  // The figure's own sign word, or the marks just before it.
  if (fa < s.t.size() && W(s, fa) == "minus") {
    return fa >= 2 && W(s, fa - 2) == "plus" && W(s, fa - 1) == "or";
  }
  if (fa >= 3 && W(s, fa - 3) == "give" && W(s, fa - 2) == "or" && W(s, fa - 1) == "take") {
    return true;
  }
  // The text before the figure, less trailing blanks (read through a raw pointer: this
  // runs for every figure).
  size_t end = std::min(begin, text.size());
  while (end > 0 && absl::ascii_isspace(static_cast<unsigned char>(text.data()[end - 1]))) --end;
  // Each mark below ends in one of three bytes: most figures are told by that byte alone.
  if (end == 0) return false;
  const char last = text.data()[end - 1];
  if (last != '\xB1' && last != '-' && last != '\x92') return false;
  const absl::string_view before(text.data(), end);
  return absl::EndsWith(before, "\xC2\xB1") || absl::EndsWith(before, "+/-") ||
         absl::EndsWith(before, "+/\xE2\x88\x92");  // ±, +/-, +/− (minus sign)
}

namespace {

// True for the counted nouns of people and jobs.
bool CountsPeopleOrJobs(absl::string_view unit) {
  return unit == "job" || unit == "worker" || unit == "employee" || unit == "position" ||
         unit == "role" || unit == "person" || unit == "staff";
}

// The word before the count whose first token is `fa`, past determiners and bound words
// ("about", "some", "the"), or "" at the start of the sentence; *at is its index.
absl::string_view VerbBeforeCount(const Sentence& s, size_t fa, size_t* at) {
  size_t k = fa;
  while (k > 0 && Is(s, k - 1, kCountSkip) && W(s, k - 1) != "of") --k;
  // "cut 15% of its workforce, or roughly 15,000 jobs": a count restating the figure
  // before it has that figure's verb.
  if (k >= 2 && W(s, k - 1) == "or" && W(s, k - 2) == ",") {
    for (const auto& [first, last] : s.figs) {
      if (first < last && last <= k - 2 && k - 2 - last <= 4 && first < fa) {
        return VerbBeforeCount(s, first, at);
      }
    }
  }
  *at = k == 0 ? 0 : k - 1;
  return k == 0 ? absl::string_view() : W(s, k - 1);
}

}  // namespace

absl::string_view PeopleCountMetric(const Sentence& s, size_t fa, absl::string_view unit) {
  if (!CountsPeopleOrJobs(unit)) return "";
  if (CountIsJobCut(s, fa, unit)) return "job_cuts";
  size_t at = 0;
  const absl::string_view verb = VerbBeforeCount(s, fa, &at);
  // "has 1.4 billion people" is a population: only workers, employees and staff that
  // something has are its headcount.
  if (verb == "employs" || verb == "employed" || verb == "employing" || verb == "employ" ||
      ((verb == "has" || verb == "had" || verb == "have") &&
       (unit == "worker" || unit == "employee" || unit == "staff"))) {
    return "employees";
  }
  if (verb == "hire" || verb == "hires" || verb == "hired" || verb == "hiring" ||
      verb == "recruit" || verb == "recruits" || verb == "recruited" || verb == "recruiting") {
    return "hires";
  }
  return "";
}

bool CountIsJobCut(const Sentence& s, size_t fa, absl::string_view unit) {
  if (!CountsPeopleOrJobs(unit)) return false;
  size_t k = 0;
  const absl::string_view verb = VerbBeforeCount(s, fa, &k);
  if (verb.empty()) return false;
  ++k;  // the count's side of the verb, as below
  if (verb == "off") {  // "laid off", "lay off", "laying off"
    return k >= 2 && (W(s, k - 2) == "laid" || W(s, k - 2) == "lay" || W(s, k - 2) == "laying" ||
                      W(s, k - 2) == "lays");
  }
  return verb == "cut" || verb == "cuts" || verb == "cutting" || verb == "slash" ||
         verb == "slashed" || verb == "slashing" || verb == "shed" || verb == "sheds" ||
         verb == "shedding" || verb == "eliminate" || verb == "eliminated" ||
         verb == "eliminating" || verb == "axe" || verb == "axed" || verb == "axing";
}

bool CountIsAddition(const Sentence& s, size_t fa) {
  size_t at = 0;
  const absl::string_view verb = VerbBeforeCount(s, fa, &at);
  return verb == "added" || verb == "adds" || verb == "adding" || verb == "add";
}

bool ShareIsJobCut(const Sentence& s, size_t fa, size_t fb) {
  if (fb + 2 >= s.size || W(s, fb) != "of") return false;
  size_t j = fb + 1;
  if (W(s, j) == "its" || W(s, j) == "their" || W(s, j) == "the") ++j;
  const absl::string_view noun = W(s, j);
  if (noun != "workforce" && noun != "staff" && noun != "employees" && noun != "jobs" &&
      noun != "workers" && noun != "headcount") {
    return false;
  }
  // The verb, as for a count of jobs cut ("cut", "laid off", "will shed").
  return CountIsJobCut(s, fa, "job");
}

bool CountIsAProperty(const Sentence& s, size_t fa) {
  size_t k = fa;
  // Skip determiners and bound words, but keep the "of" of "of the 19".
  while (k > 0 && Is(s, k - 1, kCountSkip) &&
         !(W(s, k - 1) == "of" && (k < 2 || !Is(s, k - 2, kCountSkip) || W(s, k - 2) == "the"))) {
    --k;
  }
  if (k > 0 && Is(s, k - 1, kCountOwner)) return true;
  // "shipped 20 million phones and 45 million tablets": a count joined by "and"/"or" to a
  // figure right before it is a property when that one is.
  if (k >= 2 && (W(s, k - 1) == "and" || W(s, k - 1) == "or") && s.fig != nullptr &&
      s.fig[k - 2] >= 0) {
    size_t prev = k - 2;
    while (prev > 0 && s.fig[prev - 1] == s.fig[k - 2]) --prev;
    return CountIsAProperty(s, prev);
  }
  return false;
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

const EntityMention* NameAfterMetric(const Sentence& s, const MetricHit& hit) {
  const absl::string_view after = W(s, hit.last);
  const absl::string_view m = hit.metric;
  const bool market_measure = m == "revenue" || m == "shipments" || m == "demand" ||
                              m == "market_size" || m == "imports" || m == "exports" ||
                              m == "capacity" || m == "price" || m == "orders";
  if (after == "of" || after == "at" || after == "for" || (after == "in" && market_measure)) {
    return EntityStartingNear(s, hit.last + 1, 2);
  }
  return nullptr;
}

const EntityMention* DealTarget(const Sentence& s, size_t verb_pos, size_t fa, size_t fb,
                                absl::string_view buyer) {
  auto other = [&](const EntityMention* e) {
    return e != nullptr && !e->reference && e->canonical != buyer ? e : nullptr;
  };
  // "bought Activision Blizzard for $68.7 billion": a name between the deal word and
  // the figure.
  for (const EntityMention& e : s.ents) {
    if (e.first > verb_pos && e.last <= fa && other(&e) != nullptr) return &e;
  }
  // "a $26 billion acquisition of LinkedIn", "paid $1 billion for Instagram".
  for (size_t j = fb; j < s.t.size() && j < fb + 3; ++j) {
    if (W(s, j) == "of" || W(s, j) == "for") {
      if (const EntityMention* e = other(EntityStartingNear(s, j + 1, 2))) return e;
    }
  }
  return nullptr;
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
    // "to cut chip imports": a word after "to" is a verb, not a modifier.
    if (k >= 2 && W(s, k - 2) == "to") break;
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
  absl::string_view before = absl::StripTrailingAsciiWhitespace(text.substr(0, prev.begin));
  // "between 8% and 10%" is one range too.
  const bool between = gap == " and " && absl::EndsWithIgnoreCase(before, "between");
  if (gap != " to " && gap != "-" && !between) return false;
  bool from = absl::EndsWith(before, "from");
  return !from && prev.quantity.unit() == q.quantity.unit() &&
         prev.quantity.type() == q.quantity.type() &&
         prev.quantity.bound() != v1::BOUND_KIND_RANGE && q.quantity.value() > prev.quantity.value();
}

std::string Written(const Sentence& s, size_t first, size_t last) {
  return std::string(s.text.substr(s.t[first].begin, s.t[last - 1].end - s.t[first].begin));
}

namespace {

// "Contoso gets 30% of its revenue from China": the clause's subject takes a share of its
// own metric from a part named after "from". `k` is the figure's first token before its
// bound words, `fb` the "of" after the figure.
std::optional<PartShare> ShareFromPart(const Sentence& s, const MetricVocabulary& vocab,
                                       size_t k, size_t fb) {
  const size_t n = s.t.size();
  if (k == 0) return std::nullopt;
  const absl::string_view v = W(s, k - 1);
  if (!(v == "gets" || v == "get" || v == "got" || v == "derives" || v == "derive" ||
        v == "derived" || v == "generates" || v == "generate" || v == "generated" ||
        v == "earns" || v == "earn" || v == "earned" || v == "draws" || v == "drew" ||
        v == "makes" || v == "make" || v == "made")) {
    return std::nullopt;
  }
  size_t j = fb + 1;
  if (j >= n || (W(s, j) != "its" && W(s, j) != "their")) return std::nullopt;
  ++j;
  std::optional<MetricHit> hit;
  for (size_t end = j; end < n && end < j + 3 && IsWord(s, end) && !hit; ++end) {
    hit = MetricEndingAt(s, vocab, end, true);
  }
  if (!hit || absl::EndsWith(hit->metric, "_share")) return std::nullopt;
  size_t from = hit->last;
  if (from >= n || W(s, from) != "from") return std::nullopt;
  const EntityMention* owner = SubjectBefore(s, k - 1);
  if (owner == nullptr) return std::nullopt;
  PartShare share;
  share.owner = owner;
  share.metric = absl::StrCat(hit->metric, "_share");
  share.written = std::string(hit->written);
  share.verb = k - 1;
  if (const EntityMention* part = EntityStartingNear(s, from + 1, 2)) {
    share.part = part->canonical;
  } else {
    std::vector<absl::string_view> words;  // "from data centers"
    for (size_t p = from + 1; p < n && words.size() < 3 && IsWord(s, p) &&
                              !(s.t[p].classes & (kPreposition | kFiller | kDeterminer));
         ++p) {
      words.push_back(W(s, p));
    }
    share.part = absl::StrJoin(words, " ");
  }
  if (share.part.empty()) return std::nullopt;
  return share;
}

}  // namespace

std::optional<PartShare> ShareOfOwner(const Sentence& s, const MetricVocabulary& vocab,
                                      size_t fa, size_t fb) {
  const size_t n = s.t.size();
  if (fb + 1 >= n || W(s, fb) != "of") return std::nullopt;
  // The share verb, before any bound words ("about", "more than", "an estimated").
  size_t k = fa;
  while (k > 0 && (W(s, k - 1) == "about" || W(s, k - 1) == "around" ||
                   W(s, k - 1) == "roughly" || W(s, k - 1) == "nearly" ||
                   W(s, k - 1) == "almost" || W(s, k - 1) == "over" || W(s, k - 1) == "more" ||
                   W(s, k - 1) == "than" || W(s, k - 1) == "approximately" ||
                   W(s, k - 1) == "just" || W(s, k - 1) == "only" || W(s, k - 1) == "least" ||
                   W(s, k - 1) == "at" || W(s, k - 1) == "an" || W(s, k - 1) == "estimated")) {
    --k;
  }
  size_t verb = n;
  if (k >= 2 && (W(s, k - 1) == "for" || W(s, k - 1) == "up")) {
    absl::string_view v = W(s, k - 2);
    const bool account = v == "account" || v == "accounts" || v == "accounted" ||
                         v == "accounting";
    const bool make = v == "make" || v == "makes" || v == "made" || v == "making";
    if ((W(s, k - 1) == "for" && account) || (W(s, k - 1) == "up" && make)) verb = k - 2;
  } else if (k >= 1) {
    absl::string_view v = W(s, k - 1);
    if (v == "represents" || v == "represented" || v == "represent" || v == "comprises" ||
        v == "comprised" || v == "contributed" || v == "contributes") {
      verb = k - 1;
    }
  }
  if (verb == n) return ShareFromPart(s, vocab, k, fb);
  // "of ASML's sales", "of its revenue", "of the company's revenue".
  size_t j = fb + 1;
  const EntityMention* owner = nullptr;
  for (const EntityMention& e : s.ents) {
    if (e.possessive && (e.first == j || (e.first == j + 1 && W(s, j) == "the"))) owner = &e;
  }
  if (owner == nullptr) return std::nullopt;
  size_t m = owner->last;
  if (m < n && s.t[m].kind == TokenKind::kPossessive) ++m;
  std::optional<MetricHit> hit;
  for (size_t end = m; end < n && end < m + 3 && IsWord(s, end) && !hit; ++end) {
    hit = MetricEndingAt(s, vocab, end, true);
  }
  if (!hit || absl::EndsWith(hit->metric, "_share")) return std::nullopt;
  PartShare share;
  share.owner = owner;
  share.metric = absl::StrCat(hit->metric, "_share");
  share.written = std::string(hit->written);
  share.verb = verb;
  // The part: the clause's subject, else the words naming it ("data centers").
  if (const EntityMention* part = SubjectBefore(s, verb)) {
    share.part = part->canonical;
  } else {
    std::vector<absl::string_view> words;
    for (size_t p = verb; p > 0 && words.size() < 3 && IsWord(s, p - 1) &&
                          !(s.t[p - 1].classes & (kPreposition | kFiller)) &&
                          !((s.t[p - 1].classes & kNotName) && !(s.t[p - 1].classes & kWeakAlone));
         --p) {
      words.insert(words.begin(), W(s, p - 1));
    }
    share.part = absl::StrJoin(words, " ");
  }
  if (share.part.empty()) return std::nullopt;
  return share;
}

}  // namespace grammar
}  // namespace claimcheck
