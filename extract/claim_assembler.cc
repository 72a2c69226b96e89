#include "extract/claim_assembler.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "absl/cleanup/cleanup.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "claims/quantity_interval.h"
#include "claims/subject_key.h"
#include "extract/class_index.h"
#include "extract/figure_scope.h"
#include "extract/period.h"
#include "extract/sentence_grammar.h"
#include "extract/tokens.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

using namespace grammar;  // the rules below read as grammar

// a == b, inline: `std::string == "literal"` calls out of line and measures the literal.
bool Eq(absl::string_view a, absl::string_view b) { return a == b; }

// The empty subject UpdateDiscourse takes from a sentence that names none.
const std::string& NoSubject() {
  static const std::string* const empty = new std::string();
  return *empty;
}

// A sentence without figures makes no claim: it only updates the discourse later
// sentences read, from its names and references (not the groups, which UpdateDiscourse
// skips).
void FollowDiscourse(const SentenceInput& in, const DocumentEntities& entities,
                     Discourse* discourse) {
  std::vector<Token> own;
  if (in.tokens == nullptr) own = Tokenize(in.text);
  const std::vector<Token>& tokens = in.tokens != nullptr ? *in.tokens : own;
  absl::InlinedVector<ByteRange, 8> excluded;
  for (const TimeMention& m : in.times) excluded.push_back({m.begin, m.end});
  std::vector<EntityMention> mentions;
  const MentionScratch scratch(&mentions);
  entities.Find(in.text, tokens, excluded, &mentions);
  const ClassIndex index(tokens);
  AddReferenceMentions(in.text, index, *discourse, &mentions);
  UpdateDiscourse(index, mentions, NoSubject(), discourse);
}

// The claim of a change the figure at token `fa` is the level of: "rose 10% to 50
// million units", "jumped 42% year on year to 12.1 million units" (up to four words
// between). -1 when the figure follows no "to", or the figure before it made no change
// claim.
int GrowthBeforeTo(const Sentence& s, size_t fa, absl::Span<const int> claim_of,
                   const std::vector<AssembledClaim>& made) {
  if (fa < 2 || W(s, fa - 1) != "to") return -1;
  size_t k = fa - 2;
  while (k > 0 && fa - 2 - k < 4 && s.fig[k] < 0 && IsWord(s, k)) --k;
  if (s.fig[k] < 0) return -1;
  const int claim = claim_of[s.fig[k]];
  if (claim < 0 || !absl::EndsWith(made[claim].subject.metric(), "_growth")) return -1;
  return claim;
}

}  // namespace

ClaimAssembler::ClaimAssembler(const MetricVocabulary* metrics) : metrics_(metrics) {}

std::vector<AssembledClaim> ClaimAssembler::Assemble(const SentenceInput& sentence,
                                                     const DocumentEntities& entities,
                                                     const v1::PublicationTime& published,
                                                     Discourse* discourse) const {
  std::vector<AssembledClaim> claims;
  claims.resize(Run(sentence, nullptr, entities, published, discourse, &claims));
  return claims;
}

std::vector<AssembledClaim> ClaimAssembler::Assemble(SentenceInput* sentence,
                                                     const DocumentEntities& entities,
                                                     const v1::PublicationTime& published,
                                                     Discourse* discourse) const {
  std::vector<AssembledClaim> claims;
  claims.resize(Run(*sentence, &sentence->quantities, entities, published, discourse, &claims));
  return claims;
}

size_t ClaimAssembler::Assemble(SentenceInput* sentence, const DocumentEntities& entities,
                                const v1::PublicationTime& published, Discourse* discourse,
                                std::vector<AssembledClaim>* claims) const {
  return Run(*sentence, &sentence->quantities, entities, published, discourse, claims);
}

size_t ClaimAssembler::Run(const SentenceInput& in, std::vector<QuantityMention>* movable,
                           const DocumentEntities& entities,
                           const v1::PublicationTime& published, Discourse* discourse,
                           std::vector<AssembledClaim>* claims) const {
  if (in.quantities.empty()) {
    FollowDiscourse(in, entities, discourse);
    return 0;
  }
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
  // Where a kept claim's quantity may be moved from (a figure's quantity is not read
  // again once its claim is made), else null: copied.
  std::vector<QuantityMention>* const take_from = any_range ? &joined : movable;
  auto take_quantity = [&](size_t qi, v1::Quantity* quantity) {
    if (take_from != nullptr) {
      *quantity = std::move((*take_from)[qi].quantity);
    } else {
      *quantity = quantities[qi].quantity;
    }
  };
  Sentence s(in.text, in.tokens);
  const size_t n = s.t.size();
  // The token maps the rules read.
  s.ClearMarks();
  absl::InlinedVector<ByteRange, 16> excluded;  // the figures, then the periods
  excluded.reserve(quantities.size() + in.times.size());
  s.figs.reserve(quantities.size());
  // Mentions and tokens are both in text order: the first token a mention overlaps is
  // searched for from the previous mention's on (four tokens a step, then one).
  const Token* const tokens = s.t.data();
  auto first_ending_after = [&](size_t from, size_t begin) {
    while (from + 4 <= n && tokens[from + 3].end <= begin) from += 4;
    while (from < n && tokens[from].end <= begin) ++from;
    return from;
  };
  size_t cursor = 0;
  for (size_t qi = 0; qi < quantities.size(); ++qi) {
    const QuantityMention& q = quantities[qi];
    size_t first = n, last = 0;
    cursor = first_ending_after(cursor, q.begin);
    for (size_t i = cursor; i < n && tokens[i].begin < q.end; ++i) {
      if (first == n) first = i;
      last = i + 1;
      s.fig[i] = static_cast<int>(qi);
    }
    s.figs.push_back({first, last});
    excluded.push_back({q.begin, q.end});
  }
  cursor = 0;
  // The recognizer sorts its periods by begin, but a rule may have moved a begin back:
  // the periods from such a one on get no token range in s.periods.
  bool in_order = true;
  size_t previous_begin = 0;
  for (const TimeMention& m : in.times) {
    excluded.push_back({m.begin, m.end});
    in_order = in_order && m.begin >= previous_begin;
    previous_begin = m.begin;
    cursor = first_ending_after(cursor, m.begin);
    size_t last = cursor;
    for (; last < n && tokens[last].begin < m.end; ++last) s.in_period[last] = 1;
    if (in_order) {
      s.periods.push_back(last > cursor ? std::make_pair(cursor, last)
                                        : std::make_pair(size_t{0}, size_t{0}));
    }
  }
  const absl::Span<const ByteRange> figure_bytes =
      absl::MakeConstSpan(excluded).first(quantities.size());
  const MentionScratch scratch(&s.ents);
  entities.Find(in.text, s.t, excluded, &s.ents);
  // Where the words of the classes the rules start at are.
  const ClassIndex index(s.t);
  AddReferences(in.text, index, *discourse, &s.ents);

  // The claims made: out[0, made). `out` holds a slot for every figure, so references
  // to its elements stay valid.
  std::vector<AssembledClaim>& out = *claims;
  if (out.size() < quantities.size()) out.resize(quantities.size());
  size_t made = 0;
  absl::InlinedVector<int, 8> claim_of(quantities.size(), -1);
  // The entity of the sentence's first claim that is not about a market (the claim's own
  // string: its slot is not reused within the sentence), else empty.
  const std::string* sentence_subject = &NoSubject();
  std::optional<bool> sentence_year_on_year;  // YearOnYear(s), once asked
  // InferredScope(published), once asked: kept in the discourse for the next sentences
  // with the same publication time.
  const std::optional<int64_t> published_seconds =
      published.has_time() ? std::optional<int64_t>(published.time().seconds()) : std::nullopt;
  if (discourse->inferred_for != published_seconds) {
    discourse->inferred.reset();
    discourse->inferred_for = published_seconds;
  }
  std::optional<v1::TimeScope>& inferred = discourse->inferred;
  // The first word that states a target (extract/word_lists.h TargetWords), n if none
  // found yet: only the words before a claim's figure are searched, when it asks.
  size_t first_target = n;
  size_t target_searched_to = 0;  // the tokens before this one have been searched
  // The periods a stated and a forecast figure may take: the recognizers' own, plus
  // "the quarter"-style ones, aligned to the publication day. Usually there is nothing to
  // add or align, and the recognizers' list is used as it is. Each list is worked out
  // when a claim first needs it (most sentences state no forecast).
  std::vector<TimeMention> own_periods[2];              // [forecast]
  const std::vector<TimeMention>* period_lists[2] = {};  // [forecast], once made
  auto periods_for = [&](bool forecast) -> const std::vector<TimeMention>& {
    const std::vector<TimeMention>*& list = period_lists[forecast ? 1 : 0];
    if (list == nullptr) {
      std::vector<TimeMention>& own = own_periods[forecast ? 1 : 0];
      own = ImplicitPeriods(index, in.times, published, forecast);
      if (own.empty() && !HasUnnumberedPeriods(in.text, published, forecast, in.times)) {
        list = &in.times;
      } else {
        own.insert(own.begin(), in.times.begin(), in.times.end());
        AlignUnnumberedPeriods(in.text, published, forecast, &own);
        list = &own;
      }
    }
    return *list;
  };
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
    // "$65 billion, plus or minus 2%": a tolerance around another figure, not a claim.
    if (IsTolerance(in.text, s, fa, q.begin)) continue;
    // "a 5nm-class process": a figure used as a loose descriptor.
    if (s.t[fb - 1].modifier) {
      absl::string_view w = s.t[fb - 1].word();
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
    const absl::string_view unit = q.quantity.unit();  // valid until take_quantity
    // Built in place, in a slot that may hold an earlier claim (whose memory the
    // messages reuse); given back unless kept.
    AssembledClaim& c = out[made++];
    // The entity, metric (as written too) and key are written before any claim is kept;
    // the rest is cleared.
    c.subject.clear_entity_as_written();
    c.subject.clear_qualifiers();
    bool keep = false;
    absl::Cleanup drop_unless_kept = [&] {
      if (!keep) --made;
    };
    c.figure_begin = q.begin;
    c.figure_end = q.end;
    bool negate = false;       // a decline: the figure's quantity is copied negated
    std::string fixed_entity;  // set by rules that know the entity for sure
    std::string metric, metric_written;
    const EntityMention* entity = nullptr;
    std::vector<std::pair<std::string, std::string>> qualifiers;
    bool explicit_metric = true;
    bool growth = false;
    size_t metric_first = n;  // first token of a metric noun phrase found before the figure
    bool of_market = false;   // the entity is a market named by the metric's modifiers
    // A change of the metric `base` names, written with `change` ("rose", "increase"):
    // "<base>_growth", owned as the base is ("SMIC's revenue", "revenue at SMIC").
    auto take_growth = [&](const std::optional<MetricHit>& base, absl::string_view change,
                           bool down) {
      growth = true;
      metric = GrowthMetric(base ? base->metric : "");
      metric_written = base ? absl::StrCat(base->written, " ", change) : std::string(change);
      if (base) {
        metric_first = base->first;
        entity = OwnerBefore(s, base->first);
        // "Shares of Micron rose 7%", "revenue at SMIC grew": the name after the metric.
        if (entity == nullptr) entity = NameAfterMetric(s, *base);
      }
      if (down && q.quantity.value() > 0) negate = true;
    };
    size_t verb_pos = fa;

    // 1. Apposition of the previous figure: "RMB 344 billion, about $47.5 billion",
    // "116 billion yuan ($16 billion)".
    if (fa >= 2 && (W(s, fa - 1) == "," || W(s, fa - 1) == "(") && s.fig[fa - 2] >= 0 &&
        claim_of[s.fig[fa - 2]] >= 0 &&
        out[claim_of[s.fig[fa - 2]]].quantity.type() == type) {
      const AssembledClaim& prev = out[claim_of[s.fig[fa - 2]]];
      take_quantity(qi, &c.quantity);
      c.subject = prev.subject;
      c.scope = prev.scope;
      c.attribution = FindAttribution(in.text, index, s.ents, fa);
      c.confidence = prev.confidence;
      claim_of[qi] = static_cast<int>(made - 1);
      keep = true;
      continue;
    }
    size_t where = 0;
    // 2. "<metric> of Q".
    if (fa >= 2 && W(s, fa - 1) == "of") {
      if (auto hit = MetricEndingAt(s, vocab, fa - 2, true)) {
        if (!absl::StrContains(hit->metric, "time_to") && !MoneyVerbs().contains(hit->written)) {
          metric = std::string(hit->metric);
          metric_written = std::string(hit->written);
          verb_pos = hit->first;
          entity = OwnerBefore(s, hit->first);
        }
      }
    }
    // 2b. A part's share of an owner's metric, whatever metric comes before the figure:
    // "Revenue from China made up 49% of ASML's system sales".
    if (metric.empty() && type == v1::QUANTITY_TYPE_PERCENT && fb + 1 < n && W(s, fb) == "of") {
      if (std::optional<PartShare> share = ShareOfOwner(s, vocab, fa, fb)) {
        metric = share->metric;
        metric_written = share->written;
        entity = share->owner;
        qualifiers.push_back({"part", share->part});
        verb_pos = share->verb;
      }
    }
    // 3. Change: "rose 27%", "soar by nearly 60%", "the increase was about 27%".
    if (metric.empty() && (type == v1::QUANTITY_TYPE_PERCENT ||
                           type == v1::QUANTITY_TYPE_PERCENTAGE_POINT)) {
      size_t k = fa;
      while (k > 0 && !Is(s, k - 1, kUpWord) && !Is(s, k - 1, kDownWord) &&
             (W(s, k - 1) == "by" || W(s, k - 1) == "between" || Is(s, k - 1, kFiller) ||
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
        verb_pos = k - 1;
        take_growth(MetricBefore(s, vocab, k - 1), W(s, k - 1), down);
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
    // "$7.4 billion, a 36% increase from a year ago": a change noun after a percentage.
    if (metric.empty() && (type == v1::QUANTITY_TYPE_PERCENT ||
                           type == v1::QUANTITY_TYPE_PERCENTAGE_POINT) &&
        fb < n && (W(s, fb) == "increase" || W(s, fb) == "rise" || W(s, fb) == "jump" ||
                   W(s, fb) == "gain" || W(s, fb) == "growth" || W(s, fb) == "decline" ||
                   W(s, fb) == "drop" || W(s, fb) == "fall" || W(s, fb) == "decrease")) {
      const bool down = W(s, fb) == "decline" || W(s, fb) == "drop" || W(s, fb) == "fall" ||
                        W(s, fb) == "decrease";
      std::optional<MetricHit> base = MetricBefore(s, vocab, fa);
      if (base) verb_pos = base->first;
      take_growth(base, W(s, fb), down);
    }
    // 4. A verb before the figure.
    if (metric.empty()) {
      size_t k = SkipFillersLeft(s, fa);
      absl::string_view verb = W(s, k > 0 ? k - 1 : n);
      if (k > 0 && Is(s, k - 1, kMoneyVerb) && type == v1::QUANTITY_TYPE_MONEY) {
        const std::string* named = vocab.FindOrNull(verb);
        metric = named != nullptr ? *named : "investment";
        metric_written = Written(s, k - 1, k);
        verb_pos = k - 1;
        if (Eq(metric, "investment")) {
          // Recipient: "Q to/in/into Y".
          if (fb < n && (W(s, fb) == "to" || W(s, fb) == "in" || W(s, fb) == "into")) {
            // Not a pronoun ("to support its chip industry"): the investor's own.
            const EntityMention* r = EntityStartingNear(s, fb + 1, 3);
            if (r != nullptr && !(r->reference && (W(s, r->first) == "its" ||
                                                   W(s, r->first) == "their"))) {
              qualifiers.push_back({"recipient", r->canonical});
            }
          }
        }
        if (Eq(metric, "spending")) {
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
        metric_written = verb == "in" ? absl::StrCat(W(s, k - 2), " ", verb) : std::string(verb);
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
              metric = std::string(hit->metric);
              metric_written = std::string(hit->written);
              if (metric.empty()) verb_pos = fa;
            }
          }
        }
      }
    }
    // 5. The noun the figure modifies: "a RMB 71 billion fund", "a 15-year term". Not
    // "52 cents a share" / "per share": a rate whose metric comes before the figure.
    const bool per_share = fb + 1 < n && (W(s, fb) == "a" || W(s, fb) == "per") &&
                           (W(s, fb + 1) == "share" || W(s, fb + 1) == "unit");
    if (metric.empty() && type != v1::QUANTITY_TYPE_COUNT && !per_share) {
      size_t j = fb;
      while (j < n && (W(s, j) == "," || s.t[j].modifier) && j < fb + 3) ++j;
      if (const EntityMention* e = EntityStartingNear(s, j, 1); e != nullptr && e->fund &&
                                                                 type == v1::QUANTITY_TYPE_MONEY) {
        metric = "fund_size";
        metric_written = std::string(e->written);
        entity = e;
      } else {
        for (size_t m = j; m < n && m < j + 3 && IsWord(s, m) &&
                           !Is(s, m, kPreposition) && W(s, m) != "the" &&
                           W(s, m) != "this" && W(s, m) != "that" && W(s, m) != "and";
             ++m) {
          if (auto hit = MetricEndingAt(s, vocab, m, true)) {
            // "a $10 billion share buyback": a longer phrase through this word wins.
            for (size_t k = m + 1; k < n && k < m + 3 && IsWord(s, k); ++k) {
              auto longer = MetricEndingAt(s, vocab, k, true);
              if (longer && longer->first <= hit->first) hit = longer;
            }
            metric = std::string(hit->metric);
            metric_written = std::string(hit->written);
            // "a $56 billion, Huawei-led move": the undertaking is a qualifier.
            if (Eq(metric, "investment") && AttributiveOnly().contains(hit->written)) {
              size_t from = fb;
              while (from < hit->first && (W(s, from) == "," || W(s, from) == "-")) ++from;
              qualifiers.push_back({"project", Written(s, from, hit->last)});
            }
            if (Eq(metric, "fund_size") || hit->written == "phase") {
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
    const size_t past_fillers = SkipFillersLeft(s, fa);
    absl::string_view before_figure = W(s, past_fillers - (past_fillers > 0));
    const bool level_verb = before_figure == "reached" || before_figure == "was" ||
                            before_figure == "were" || before_figure == "is" ||
                            before_figure == "totalled" || before_figure == "totaled" ||
                            before_figure == "stood" || before_figure == "hit";
    if (metric.empty() && type != v1::QUANTITY_TYPE_DURATION &&
        type != v1::QUANTITY_TYPE_COUNT &&
        (type != v1::QUANTITY_TYPE_NUMBER || level_verb)) {
      if (auto hit = MetricBefore(s, vocab, fa)) {
        metric = std::string(hit->metric);
        metric_written = std::string(hit->written);
        // "a deal worth Q", "the acquisition, valued at Q", "orders worth Q": the value of
        // the deal, of the orders.
        if (Eq(metric, "valuation") && hit->first > 0 &&
            (W(s, hit->first) == "worth" || W(s, hit->first) == "valued")) {
          size_t d = hit->first - (W(s, hit->first - 1) == "," ? 1 : 0);
          const std::string* deal = d > 0 ? vocab.FindOrNull(W(s, d - 1)) : nullptr;
          if (deal != nullptr && (Eq(*deal, "deal_value") || Eq(*deal, "orders"))) {
            metric = *deal;
          }
        }
        // "imports of chipmaking equipment": a trade flow is named by its goods.
        if ((Eq(metric, "imports") || Eq(metric, "exports")) && W(s, hit->last) == "of") {
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
        // "Operating income at Texas Instruments ... to $1.2 billion".
        if (entity == nullptr) entity = NameAfterMetric(s, *hit);
        if (Eq(metric, "time_to_market") || Eq(metric, "time_to_develop")) metric.clear();
      }
    }
    // A size in nanometres is a process node whatever noun names it ("7nm yields",
    // "revenue from 7nm chips").
    if (unit == "nm" && !metric.empty()) metric = "process_node";
    // 7. The unit.
    if (metric.empty()) {
      explicit_metric = false;
      if (unit == "nm") {
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
                metric = std::string(hit->metric);
                metric_written = std::string(hit->written);
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
          const std::string* activity = vocab.FindOrNull(discourse->activity);
          if (activity != nullptr && absl::StartsWith(*activity, "time_to")) metric = *activity;
        }
        if (metric.empty()) metric = "time_required";
        // The entity: "for/before X" after the figure, else the clause subject.
        for (size_t j = fb; j < n && j < fb + 6 && entity == nullptr; ++j) {
          if (W(s, j) == "for" || W(s, j) == "before") entity = EntityStartingNear(s, j + 1, 3);
        }
        verb_pos = where;
      } else if (const int change_claim = GrowthBeforeTo(s, fa, claim_of, out);
                 type == v1::QUANTITY_TYPE_COUNT && change_claim >= 0) {
        // "shipments rose 10% (year on year) to 50 million units": the level of what
        // grew, and whose.
        const v1::Subject& change = out[change_claim].subject;
        metric = std::string(absl::StripSuffix(change.metric(), "_growth"));
        metric_written = std::string(W(s, fb - 1));
        fixed_entity = change.entity();
      } else if (type == v1::QUANTITY_TYPE_COUNT && !PeopleCountMetric(s, fa, unit).empty()) {
        // "cut about 15,000 jobs" (the jobs cut, not the headcount), "employs 14,000
        // people" (the headcount), "will hire 500 workers".
        metric = std::string(PeopleCountMetric(s, fa, unit));
        metric_written = std::string(W(s, fa - 1));
      } else if (type == v1::QUANTITY_TYPE_COUNT && !unit.empty() && unit != "count" &&
                 CountIsAProperty(s, fa)) {
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
        // The counted noun names the metric when the vocabulary knows it, in the unit's
        // singular ("employee") or as written ("workers", "staff"); else the noun as
        // written: "shareholders".
        const std::string* counted = vocab.FindOrNull(unit);
        if (counted == nullptr) counted = vocab.FindOrNull(W(s, fb - 1));
        // "shipped 50 million units": units of what the verb counts, when it counts
        // shipments or deliveries.
        if (counted == nullptr && unit == "unit") {
          const std::string* by_verb = vocab.FindOrNull(W(s, SkipFillersLeft(s, fa) - 1));
          if (by_verb != nullptr && (*by_verb == "shipments" || *by_verb == "deliveries")) {
            counted = by_verb;
          }
        }
        metric = counted != nullptr ? *counted : std::string(W(s, fb - 1));
        metric_written = std::string(W(s, fb - 1));
        // "added 8.8 million subscribers": what was added, not the total.
        if (CountIsAddition(s, fa)) absl::StrAppend(&metric, "_added");
      } else if (type == v1::QUANTITY_TYPE_PERCENT && fb + 1 < n && W(s, fb) == "of") {
        // "30% of the market"; a share of anything else names no metric.
        for (size_t j = fb + 1; j < n && j < fb + 5 && IsWord(s, j); ++j) {
          if (W(s, j) == "market") metric = "market_share";
        }
        metric_written = "of";
        // "cut more than 15% of its workforce": the share of jobs cut.
        if (metric.empty() && ShareIsJobCut(s, fa, fb)) {
          metric = "job_cuts_share";
          metric_written = "workforce";
        }
        // "SoftBank owns roughly 90% of Arm": a stake in the company named after "of".
        const absl::string_view verb = fa > 0 ? W(s, fa - 1) : absl::string_view();
        if (metric.empty() &&
            (verb == "owns" || verb == "own" || verb == "owned" || verb == "holds" ||
             verb == "hold" || verb == "held" || verb == "controls" || verb == "controlled")) {
          if (const EntityMention* company = EntityStartingNear(s, fb + 1, 1)) {
            metric = "ownership_share";
            metric_written = std::string(verb);
            qualifiers.push_back({"in", company->canonical});
            verb_pos = fa - 1;
          }
        }
      } else if (type == v1::QUANTITY_TYPE_MONEY && NearestFund(s, fa) != nullptr) {
        metric = "fund_size";
        entity = NearestFund(s, fa);
      }
    }
    // "Contoso's revenue from China was 30% of the total": a share of the metric, not
    // its level; the part is what the metric comes from.
    const size_t total_at = fb + 1 < n && W(s, fb + 1) == "the" ? fb + 2 : fb + 1;
    const bool of_the_total = total_at < n && W(s, fb) == "of" && W(s, total_at) == "total";
    if (type == v1::QUANTITY_TYPE_PERCENT && !metric.empty() && of_the_total &&
        !absl::EndsWith(metric, "_share") && !absl::EndsWith(metric, "_growth")) {
      for (size_t k = fa > 8 ? fa - 8 : 0; k + 1 < fa; ++k) {
        if (W(s, k) != "from") continue;
        if (const EntityMention* part = EntityStartingNear(s, k + 1, 1)) {
          qualifiers.push_back({"part", part->canonical});
          break;
        }
      }
      metric += "_share";
    }
    // "machines, which cost about $200 million each": the price of one.
    if (type == v1::QUANTITY_TYPE_MONEY && fb < n &&
        (W(s, fb) == "each" || W(s, fb) == "apiece")) {
      metric = "price";
      metric_written = std::string(W(s, fb));
    }
    if (metric.empty()) continue;
    // "one chip at a time": a single thing counted is not a figure anyone reports.
    if (type == v1::QUANTITY_TYPE_COUNT && std::abs(q.quantity.value()) < 2) continue;
    // "among the 10 initial partners for this project": the project.
    if (entity == nullptr && fa >= 2 && (W(s, fa - 1) == "the" && W(s, fa - 2) == "among")) {
      for (size_t j = fb; j < n && j < fb + 2; ++j) {
        if (W(s, j) == "for" || W(s, j) == "of") entity = EntityStartingNear(s, j + 1, 2);
      }
    }
    // "demand for HBM chips", "revenue of SMIC".
    if (entity == nullptr && !metric_written.empty()) {
      // (The prepositions at p = k + 1, found with the class test.)
      for (size_t p = index.Next(fa > kWindow ? fa - kWindow + 1 : 1, kPreposition, fa); p < fa;
           p = index.Next(p + 1, kPreposition, fa)) {
        const size_t k = p - 1;
        if ((W(s, p) == "for" || W(s, p) == "of" || W(s, p) == "at") &&
            (s.t[k].word() == metric_written || absl::StartsWith(metric, s.t[k].word()))) {
          if (const EntityMention* e = EntityStartingNear(s, k + 2, 2)) entity = e;
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
    if (Eq(metric, "funding") && entity != nullptr && entity->fund) metric = "fund_size";
    if (Eq(metric, "fund_size") && (entity == nullptr || !entity->fund)) {
      if (const EntityMention* f = NearestFund(s, fa)) entity = f;
    }
    double confidence = explicit_metric ? 0.55 : 0.4;
    if (!fixed_entity.empty() && entity == nullptr) {
      c.subject.set_entity(fixed_entity);
      confidence += 0.2;
    } else if (entity != nullptr) {
      c.subject.set_entity(entity->canonical);
      // (Assigned in place: the (pointer, size) setter builds a temporary std::string.)
      c.subject.mutable_entity_as_written()->assign(entity->written.data(),
                                                    entity->written.size());
      confidence += entity->reference ? 0.2 : 0.35;
    } else if (std::string market = MarketBefore(s, metric_first); !market.empty()) {
      // "Global chip sales reached ...": the metric's own modifiers name a market, which
      // is what the figure is about (not whatever the previous sentence named).
      c.subject.set_entity(market);
      c.subject.set_entity_as_written(Written(s, metric_first - CountWords(market), metric_first));
      confidence += 0.1;
      of_market = true;
    } else {
      // The entity the previous sentences were about, when this one names a metric.
      const std::string& carried = Eq(metric, "fund_size") && !discourse->fund.empty()
                                       ? discourse->fund
                                       : discourse->subject;
      if (!explicit_metric || carried.empty()) continue;
      // A sentence whose clause subject is someone else ("..., McKinsey said") but ties
      // none of its names to the figure is not about the previous subject for sure: no
      // claim. Places and objects of prepositions ("in Beijing and Shanghai") do not count.
      if (std::any_of(s.ents.begin(), s.ents.end(), [&](const EntityMention& e) {
            return !e.reference && !e.group && e.canonical != carried &&
                   !Prepositional(s, *GroupOf(s, &e));
          })) {
        continue;
      }
      c.subject.set_entity(carried);
      confidence += 0.1;
    }
    if (type == v1::QUANTITY_TYPE_NUMBER && !explicit_metric) continue;
    if (Eq(metric, "funding") && LooksLikeFund(c.subject.entity())) metric = "fund_size";
    // Two deals of one buyer are two subjects: the company bought is a qualifier.
    if (Eq(metric, "deal_value") && qualifiers.empty()) {
      if (const EntityMention* bought = DealTarget(s, verb_pos, fa, fb, c.subject.entity())) {
        qualifiers.push_back({"target", bought->canonical});
      }
    }
    c.subject.set_metric(std::move(metric));
    c.subject.set_metric_as_written(std::move(metric_written));
    // A stated target: "the company's current target is to set up ... a 28nm line".
    if (target_searched_to < fa && first_target == n) {
      const size_t found = index.Next(target_searched_to, kTargetWord, fa);
      if (found < fa) first_target = found;
      target_searched_to = fa;
    }
    if (first_target < fa) qualifiers.push_back({"status", "target"});
    for (auto& [role, value] : qualifiers) {
      v1::Qualifier* qual = c.subject.add_qualifiers();
      qual->set_role(role);
      qual->set_value(std::move(value));
    }
    SetSubjectKey(&c.subject);
    c.attribution = FindAttribution(in.text, index, s.ents, fa);
    const std::vector<TimeMention>& periods =
        periods_for(c.attribution.hedge == v1::HEDGE_FORECAST);
    FigureScope(s, quantities, periods, figure_bytes, qi, growth, published, &inferred,
                &sentence_year_on_year, &c.scope);
    c.confidence = std::min(0.95, confidence);
    take_quantity(qi, &c.quantity);
    if (negate) Negate(&c.quantity);
    // A market is no subject later sentences go on about ("Total investment ..." after
    // "Memory prices ...").
    if (sentence_subject->empty() && !of_market) sentence_subject = &c.subject.entity();
    claim_of[qi] = static_cast<int>(made - 1);
    keep = true;
  }
  UpdateDiscourse(index, s.ents, *sentence_subject, discourse);
  return made;
}

}  // namespace claimcheck
