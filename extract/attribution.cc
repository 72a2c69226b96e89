#include "extract/attribution.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

// People who report without a name: "analysts said", "somebody claimed".
bool IsUnnamedSource(absl::string_view w) {
  return w == "analyst" || w == "analysts" || w == "officials" || w == "executives" ||
         w == "somebody" || w == "someone" || w == "critics" || w == "observers" ||
         w == "commentators" || w == "bloggers" || w == "users" || w == "posters";
}

int Rank(v1::Hedge h) {
  switch (h) {
    case v1::HEDGE_RUMOURED: return 4;
    case v1::HEDGE_ESTIMATED: return 3;
    case v1::HEDGE_FORECAST: return 2;
    case v1::HEDGE_REPORTED: return 1;
    default: return 0;
  }
}

// The entity starting at token i (or after a determiner), if any.
const EntityMention* EntityAt(const std::vector<EntityMention>& entities, size_t i) {
  for (const EntityMention& e : entities) {
    if (e.first == i || (e.first == i + 1)) return &e;
  }
  return nullptr;
}

// The entity ending at token i (exclusive end == i), if any.
const EntityMention* EntityEndingAt(const std::vector<EntityMention>& entities, size_t i) {
  for (const EntityMention& e : entities) {
    if (e.last == i) return &e;
  }
  return nullptr;
}

absl::string_view Span(absl::string_view s, const std::vector<Token>& t, size_t a, size_t b) {
  return s.substr(t[a].begin, t[b - 1].end - t[a].begin);
}

}  // namespace

Attribution FindAttribution(absl::string_view sentence, const std::vector<Token>& tokens,
                            const std::vector<EntityMention>& entities, size_t figure_token) {
  return FindAttribution(sentence, ClassIndex(tokens), entities, figure_token);
}

Attribution FindAttribution(absl::string_view sentence, const ClassIndex& index,
                            const std::vector<EntityMention>& entities, size_t figure_token) {
  const std::vector<Token>& tokens = index.tokens();
  Attribution best;
  // (Sources are views of the sentence, its tokens and its mentions: only the one kept
  // is copied.)
  auto offer = [&best](v1::Hedge h, absl::string_view source) {
    if (Rank(h) > Rank(best.hedge)) best.hedge = h;
    if (best.source.empty() && !source.empty()) best.source.assign(source.data(), source.size());
  };
  // Cues further than this from the figure (in tokens) belong to other clauses, and the
  // bound keeps very long "sentences" linear.
  constexpr size_t kWindow = 64;
  const size_t n = std::min(tokens.size(), figure_token + kWindow);
  for (size_t i = figure_token > kWindow ? figure_token - kWindow : 0; i < n; ++i) {
    // Every rule below starts at one of these words: skip all others at once.
    i = index.Next(i, kAttributionCue | kForecastCue | kReportingVerb, n);
    if (i >= n) break;
    absl::string_view w = tokens[i].word();
    absl::string_view next = i + 1 < n ? tokens[i + 1].word() : absl::string_view();
    // Rumour.
    if ((w == "sources" || w == "people" || w == "insiders") && next == "familiar") {
      size_t end = i + 2;
      while (end < n && end < i + 6 && tokens[end].kind != TokenKind::kPunct &&
             !(tokens[end].classes & kReportingVerb)) {
        ++end;
      }
      offer(v1::HEDGE_RUMOURED, Span(sentence, tokens, i, end));
      continue;
    }
    if (w == "rumoured" || w == "rumored" || w == "rumour" || w == "rumor" ||
        w == "speculation" || w == "insiders" || w == "unconfirmed") {
      offer(v1::HEDGE_RUMOURED, "");
      continue;
    }
    // Estimates.
    // "beating analysts' expectations of EUR 5.1 billion": the figure is the estimate.
    if (i + 2 == figure_token && (next == "of" || next == "for") &&
        (w == "expectations" || w == "estimates" || w == "estimate" || w == "consensus" ||
         w == "forecasts" || w == "projections")) {
      size_t k = i;
      if (k > 0 && tokens[k - 1].kind == TokenKind::kPossessive) --k;
      absl::string_view source;
      if (k > 0 && (tokens[k - 1].word() == "analysts" || tokens[k - 1].word() == "economists")) {
        source = tokens[k - 1].word();
      } else if (const EntityMention* e = EntityEndingAt(entities, k)) {
        source = e->canonical;
      }
      offer(v1::HEDGE_ESTIMATED, source);
      continue;
    }
    // "beating estimates", "above estimates": a comparison, not a hedge.
    if ((w == "estimates" || w == "estimate" || w == "expectations") && i > 0) {
      absl::string_view before = tokens[i - 1].word();
      if (before == "beat" || before == "beats" || before == "beating" || before == "missed" ||
          before == "misses" || before == "missing" || before == "above" || before == "below" ||
          before == "than" || before == "topped" || before == "topping" ||
          before == "exceeded" || before == "exceeding" || before == "of" ||
          before == "consensus") {
        continue;
      }
    }
    if (w == "estimates" || w == "estimate" || w == "estimated" || w == "estimating") {
      absl::string_view source;
      if (i > 0 && (tokens[i - 1].word() == "analysts" || tokens[i - 1].word() == "experts")) {
        source = tokens[i - 1].word();
      } else if (const EntityMention* e = EntityEndingAt(entities, i)) {
        source = e->canonical;
      }
      if (w != "estimated" || i < figure_token) offer(v1::HEDGE_ESTIMATED, source);
      continue;
    }
    // "below the 4.8 billion euros analysts had expected": a figure others expected is
    // their estimate.
    if (i > figure_token && i <= figure_token + 8 &&
        (w == "expected" || w == "estimated" || w == "forecast" || w == "predicted" ||
         w == "anticipated" || w == "projected")) {
      size_t k = i;
      if (k > 0 && (tokens[k - 1].word() == "had" || tokens[k - 1].word() == "have")) --k;
      if (k > 0 && (tokens[k - 1].word() == "analysts" || tokens[k - 1].word() == "economists" ||
                    tokens[k - 1].word() == "investors" || EntityEndingAt(entities, k))) {
        const EntityMention* e = EntityEndingAt(entities, k);
        offer(v1::HEDGE_ESTIMATED,
              e != nullptr ? absl::string_view(e->canonical) : tokens[k - 1].word());
        continue;
      }
    }
    // Forecast cues before the figure. "May" capitalised mid-sentence is a month.
    if (i < figure_token && (tokens[i].classes & kForecastCue) &&
        !(w == "may" && tokens[i].capitalized && i > 0)) {
      if (w == "target" || w == "plan" || w == "goal" || w == "forecast") {
        // Nouns count when they head a predicate ("the target is to", "the plan calls
        // for"), not in a phrase like "under the plan"; after a name they are verbs
        // ("Qualcomm forecast revenue").
        const bool heads = next == "is" || next == "was" || next == "to" || next == "calls" ||
                           next == "envisions" || next == "sees" || next == "of";
        const bool verb = EntityEndingAt(entities, i) != nullptr ||
                          (i > 0 && (tokens[i - 1].word() == "it" ||
                                     tokens[i - 1].word() == "they" ||
                                     tokens[i - 1].word() == "company"));
        if (heads || verb) offer(v1::HEDGE_FORECAST, "");
      } else {
        offer(v1::HEDGE_FORECAST, "");
      }
      continue;
    }
    if (w == "reportedly" || ((w == "said" || w == "reported") && i > 0 &&
                              (tokens[i - 1].word() == "is" || tokens[i - 1].word() == "was" ||
                               tokens[i - 1].word() == "are") && next == "to")) {
      offer(v1::HEDGE_REPORTED, "");
      continue;
    }
    if (w == "according" && next == "to") {
      const EntityMention* e = nullptr;
      for (size_t k = i + 2; k < n && k < i + 5 && !e; ++k) e = EntityAt(entities, k);
      absl::string_view source;
      if (e != nullptr) {
        source = e->canonical;
      } else {
        size_t a = i + 2;
        while (a < n && (tokens[a].word() == "the" || tokens[a].word() == "a" ||
                         tokens[a].word() == "an")) {
          ++a;
        }
        size_t b = a;
        while (b < n && b < a + 6 && tokens[b].kind != TokenKind::kPunct) ++b;
        if (b > a) source = Span(sentence, tokens, a, b);
        if (source == "sources" || absl::StartsWith(source, "sources ") ||
            absl::StartsWith(source, "people familiar")) {
          offer(v1::HEDGE_RUMOURED, source);
          continue;
        }
      }
      offer(v1::HEDGE_REPORTED, source);
      continue;
    }
    // "Netflix added 8.8 million subscribers": "added" before a figure adds, not says.
    const bool adds_figure = (w == "added" || w == "adds") && i + 1 < n &&
                             (tokens[i + 1].kind == TokenKind::kNumber ||
                              (tokens[i + 1].classes & kCountSkip) != 0);
    if ((tokens[i].classes & kReportingVerb) && w != "according" && !adds_figure) {
      // "X said", "the X report notes", "said X", "..., reports the Nikkei".
      absl::string_view source;
      bool reporting = false;
      size_t k = i;
      if (k > 0 && (tokens[k - 1].classes & kReportNoun)) {
        reporting = true;
        --k;
      }
      if (const EntityMention* e = EntityEndingAt(entities, k)) {
        source = e->canonical;
        reporting = true;
      } else if (k > 0 && IsUnnamedSource(tokens[k - 1].word())) {
        source = tokens[k - 1].word();  // "analysts said", "somebody claimed"
        reporting = true;
      } else if (i > 0 && tokens[i - 1].word() == ",") {
        if (const EntityMention* after = EntityAt(entities, i + 1)) {
          source = after->canonical;  // "..., reports the Nikkei"
          reporting = true;
        }
      }
      if (reporting) offer(v1::HEDGE_REPORTED, source);
    }
  }
  return best;
}

}  // namespace claimcheck
