// Sentence grammar: the small queries the claim assembler's rules ask about one
// sentence. A Sentence holds the tokens (extract/tokens.h), the names found in it
// (extract/entity_finder.h), which tokens belong to figures and periods, and a memo of
// the metric phrases (claims/metric_vocabulary.h) that end at each token; the functions
// below walk left or right from a token to find the clause's subject, a possessive
// owner, the nearest metric phrase, the market a metric's modifiers name, and so on.
// Every walk is bounded by kWindow tokens, so long run-on "sentences" stay linear.
//
// Thread-safety: a Sentence is used by one thread (its memo is filled lazily).
#ifndef CLAIMCHECK_EXTRACT_SENTENCE_GRAMMAR_H_
#define CLAIMCHECK_EXTRACT_SENTENCE_GRAMMAR_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "claims/metric_vocabulary.h"
#include "extract/entity_finder.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/tokens.h"
#include "extract/word_lists.h"
#include "proto/claim.pb.h"

namespace claimcheck {
namespace grammar {

// How far (in tokens) the rules look from a figure: keeps pathological "sentences" (a
// table flattened into one line) linear in their length.
inline constexpr size_t kWindow = 64;

// A metric phrase found in the sentence. The views point into the MetricVocabulary
// (metric) and the sentence's text (written), which outlive the Sentence.
struct MetricHit {
  absl::string_view metric;   // canonical ("fund_size")
  absl::string_view written;  // as written ("registered capital")
  size_t first = 0;           // token range of the metric words
  size_t last = 0;
};

// One sentence as the rules see it: tokens, the names in it, and which tokens belong
// to figures and periods.
struct Sentence {
  Sentence(absl::string_view text_in, const std::vector<Token>* tokens)
      : text(text_in),
        own(tokens == nullptr ? Tokenize(text_in) : std::vector<Token>()),
        t(tokens == nullptr ? own : *tokens),
        size(t.size()),
        tok(t.data()) {}
  absl::string_view text;
  std::vector<Token> own;
  const std::vector<Token>& t;
  const size_t size;  // t.size(), which the word tests below check on every call
  const Token* const tok;  // t.data(), which they read from
  std::vector<EntityMention> ents;
  // Token range per quantity. The small buffers here live in the Sentence itself, so a
  // usual sentence allocates nothing for them.
  absl::InlinedVector<std::pair<size_t, size_t>, 8> figs;
  // Token range per period the recognizers found, in their order, for the periods up to
  // the first that begins before the one before it (the later ones are not here): {0, 0}
  // for a period that covers no token.
  absl::InlinedVector<std::pair<size_t, size_t>, 4> periods;
  // Sizes the token marks below for the tokens, none marked (-1, 0). Called once, before
  // the rules run.
  void ClearMarks();
  // The token marks, null before ClearMarks: per token, the index of the quantity it
  // belongs to or -1 (fig), and whether it is inside a period, 0 or 1 (in_period).
  // Plain arrays, in the buffers below up to kInlineTokens tokens, else on the heap: the
  // word tests read them for every token they look at.
  int* fig = nullptr;
  uint8_t* in_period = nullptr;
  // MetricEndingAt's answers, at [2 * token + attributive_ok]: 0 not asked yet, 1 no
  // metric, else 2 + an index into metric_hits. The rules ask about the same tokens for
  // every figure of a sentence. MetricMemo() gives the array, zero-filled when first
  // asked for (a memset); like the marks, it lives in the Sentence up to kInlineTokens
  // tokens.
  uint16_t* MetricMemo() const;
  mutable absl::InlinedVector<MetricHit, 4> metric_hits;
  // MetricEndingAt's buffer for the words it looks up, joined by spaces (a phrase too
  // long for it is joined in long_phrase).
  mutable char phrase_buffer[128];
  mutable std::string long_phrase;

  Sentence(const Sentence&) = delete;  // (the marks point into the Sentence)
  Sentence& operator=(const Sentence&) = delete;

 private:
  static constexpr size_t kInlineTokens = 64;
  int fig_inline_[kInlineTokens];
  uint8_t in_period_inline_[kInlineTokens];
  std::unique_ptr<int[]> fig_heap_;
  std::unique_ptr<uint8_t[]> in_period_heap_;
  mutable uint16_t* metric_memo_ = nullptr;
  mutable uint16_t metric_memo_inline_[2 * kInlineTokens];
  mutable std::unique_ptr<uint16_t[]> metric_memo_heap_;
};

// Token i is a word that is neither part of a figure nor of a period.
inline bool IsWord(const Sentence& s, size_t i) {
  return i < s.size && s.tok[i].kind == TokenKind::kWord && s.fig[i] < 0 && !s.in_period[i];
}

// The lower-case text of token i ("" past the end).
inline absl::string_view W(const Sentence& s, size_t i) {
  return i < s.size ? s.tok[i].word() : absl::string_view();
}

// Token i is in the word lists of `word_class` (extract/word_lists.h).
inline bool Is(const Sentence& s, size_t i, uint32_t word_class) {
  return i < s.size && (s.tok[i].classes & word_class) != 0;
}


// The longest vocabulary phrase ending at token k, remembered in the Sentence. Words that
// name a metric only attributively ("a $56 billion move") count when attributive_ok.
std::optional<MetricHit> MetricEndingAt(const Sentence& s, const MetricVocabulary& vocab,
                                        size_t k, bool attributive_ok);

// The nearest metric word before token `pos` (not crossing ';' or ':').
std::optional<MetricHit> MetricBefore(const Sentence& s, const MetricVocabulary& vocab,
                                      size_t pos);

// The name is the object of a preposition ("to Piotech", "in the U.S").
bool Prepositional(const Sentence& s, const EntityMention& e);

// The coordinated group ("Naura, AMEC and Piotech") holding `e`, else `e`.
const EntityMention* GroupOf(const Sentence& s, const EntityMention* e);

// The subject of the clause holding token `pos`: the nearest name before it that is
// not the object of a preposition.
const EntityMention* SubjectBefore(const Sentence& s, size_t pos);

const EntityMention* EntityStartingNear(const Sentence& s, size_t pos, size_t window);

const EntityMention* PossessiveEndingAt(const Sentence& s, size_t possessive_token);

// A possessive owner of the noun phrase that ends just before token `pos`:
// "SMIC's 7nm", "the company's annual sales", "SMIC's best process".
const EntityMention* OwnerBefore(const Sentence& s, size_t pos);

const EntityMention* NearestFund(const Sentence& s, size_t pos);

// "take", "takes", "took", "taking".
bool IsTakeVerb(const Token& t);

// A word of increase (extract/word_lists.h).
bool IsUpWord(const Token& t);

// Some token of the sentence is one of `words`.
bool SentenceHas(const Sentence& s, std::initializer_list<absl::string_view> words);

// The sentence compares with a year before: "year-on-year", "yoy", "a year earlier",
// "a year ago".
bool YearOnYear(const Sentence& s);

// Skips filler words leftwards from `pos`; returns the index of the first non-filler.
// (Inline: the rules ask for every figure.)
inline size_t SkipFillersLeft(const Sentence& s, size_t pos) {
  size_t k = pos;
  while (k > 0 && (Is(s, k - 1, kFiller) || s.t[k - 1].kind == TokenKind::kNumber ||
                   s.in_period[k - 1])) {
    --k;
  }
  return k;
}

void Negate(v1::Quantity* q);

// True when the figure whose first token is `fa` (and which starts at byte `begin` of
// `text`) is a tolerance around another figure: "plus or minus 2%", "give or take 2%",
// "±2%", "+/- 2%".
bool IsTolerance(absl::string_view text, const Sentence& s, size_t fa, size_t begin);

// True when the count whose first token is `fa`, of `unit` (the counted noun, singular),
// is of jobs cut: "cut about 15,000 jobs", "laid off 1,200 workers", "will shed 500
// positions". Such a count is not the headcount.
bool CountIsJobCut(const Sentence& s, size_t fa, absl::string_view unit);

// True when the count whose first token is `fa` is an addition: "added 8.8 million
// subscribers" (a change, not the total).
bool CountIsAddition(const Sentence& s, size_t fa);

// A percentage at tokens [fa, fb) of the workforce that is cut: "cut more than 15% of its
// workforce", "laid off 10% of staff".
bool ShareIsJobCut(const Sentence& s, size_t fa, size_t fb);

// What a count of people or jobs (first token `fa`, counted noun `unit` in the singular:
// job, worker, employee, position, role, person, staff) measures, by the verb before it:
// jobs cut ("job_cuts", as CountIsJobCut), the headcount ("employees": "employs about
// 14,000 people", "has 13,000 workers", not "has 1.4 billion people") or people hired
// ("hires": "will hire 500 workers"). "" when the verb says none of these or the noun
// is another.
absl::string_view PeopleCountMetric(const Sentence& s, size_t fa, absl::string_view unit);

// A counted noun is a property of something when the grammar says so: "of/among the 19
// shareholders", "has 10 fabs", "plans to build 3 fabs", "with 50 partners", and a count
// joined by "and"/"or" to one that is ("shipped 20 million phones and 45 million tablets").
bool CountIsAProperty(const Sentence& s, size_t fa);

// A part's share of something an owner has: "China accounts for 30% of ASML's sales",
// "Data centers made up 88% of Nvidia's revenue".
struct PartShare {
  const EntityMention* owner = nullptr;  // ASML
  std::string metric;                    // "revenue_share"
  std::string written;                   // "sales"
  std::string part;                      // "China", "data centers"
  size_t verb = 0;                       // token of the share verb
};

// The share a percentage at tokens [fa, fb) states, when a share verb ("accounts for",
// "made up", "represents") comes before it and "of <owner>'s <metric>" (or "of its
// <metric>") after it, or when the owner gets it from the part ("Contoso gets 30% of its
// revenue from China"); nullopt otherwise.
std::optional<PartShare> ShareOfOwner(const Sentence& s, const MetricVocabulary& vocab,
                                      size_t fa, size_t fb);

// Words that qualify a metric without naming what it is about ("annual revenue", "net
// profit", "fourth-quarter sales").
bool MeasureModifier(const Token& t);

// The market a metric noun phrase starting at token `metric_first` names by its
// modifiers ("global chip" sales, "smartphone" shipments): the lower-case words just
// before it, up to three, after any measure modifiers; "" when there are none (or a name,
// a possessive or a pronoun owns the phrase instead).
std::string MarketBefore(const Sentence& s, size_t metric_first);

// The name right after a metric phrase that no name before it owns: "Shares of Micron
// rose", "revenue at SMIC grew", "the bill for Intel"; after "in" only for what a market
// has (revenue, shipments, demand, size, imports, exports, capacity, prices, orders):
// "Chip sales in China rose" is China's, "investment in SMIC" is not SMIC's. Null when
// there is none.
const EntityMention* NameAfterMetric(const Sentence& s, const MetricHit& hit);

// What a deal of `buyer` (a canonical name) buys, for the figure at tokens [fa, fb)
// whose deal word is at `verb_pos`: a name between the word and the figure ("bought
// Activision Blizzard for $68.7 billion"), else one after "of"/"for" right after the
// figure ("a $26 billion acquisition of LinkedIn"); never the buyer or a pronoun. Null
// when there is none.
const EntityMention* DealTarget(const Sentence& s, size_t verb_pos, size_t fa, size_t fb,
                                absl::string_view buyer);

size_t CountWords(absl::string_view phrase);

// "13% to 15%", "13-15%", "between 8% and 10%": `prev` and `q` make one range.
bool JoinsAsRange(absl::string_view text, const QuantityMention& prev, const QuantityMention& q);

std::string Written(const Sentence& s, size_t first, size_t last);

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

}  // namespace grammar
}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_SENTENCE_GRAMMAR_H_
