#include "extract/figure_scope.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "extract/word_lists.h"

namespace claimcheck {

using namespace grammar;  // the rules below read as grammar

void FigureScope(const Sentence& s, const std::vector<QuantityMention>& quantities,
                 const std::vector<TimeMention>& periods, absl::Span<const ByteRange> figures,
                 size_t qi, bool growth, const v1::PublicationTime& published,
                 std::optional<v1::TimeScope>* inferred, std::optional<bool>* year_on_year,
                 v1::TimeScope* scope) {
  const size_t n = s.t.size();
  const QuantityMention& q = quantities[qi];
  const auto [fa, fb] = s.figs[qi];
  size_t where = 0;  // (HasWordBefore's answer, unused)
  // The token ranges the assembler marked: the figure's and those of the recognizers'
  // periods, which `periods` begins with.
  KnownTokenRanges known;
  if (fa < fb) known.figure = s.figs[qi];
  known.periods = absl::MakeConstSpan(s.periods).first(std::min(s.periods.size(), periods.size()));
  if (growth) {
    // "up 7.8% from the second quarter": a period after "from" is the base of the
    // change, not its period.
    auto is_base = [&](size_t p) {
      const TimeMention& m = periods[p];
      // The first token that ends after the period's start: its first token when the
      // assembler marked one.
      size_t before = 0;
      if (p < known.periods.size() && known.periods[p].second > 0) {
        before = known.periods[p].first;
      } else {
        while (before < n && s.t[before].end <= m.begin) ++before;
      }
      if (before > 0 && (W(s, before - 1) == "the" || W(s, before - 1) == "a")) --before;
      absl::string_view written = s.text.substr(m.begin, m.end - m.begin);
      return m.scope.granularity() != v1::GRANULARITY_MULTI_YEAR &&
             ((before > 0 && (W(s, before - 1) == "from" || W(s, before - 1) == "than" ||
                              W(s, before - 1) == "with" || W(s, before - 1) == "over")) ||
              absl::StartsWithIgnoreCase(written, "from "));
    };
    // The periods less the bases: flagged only when there is a base to leave out.
    absl::InlinedVector<bool, 8> bases;
    size_t first_base = 0;
    while (first_base < periods.size() && !is_base(first_base)) ++first_base;
    if (first_base < periods.size()) {
      bases.assign(periods.size(), false);
      bases[first_base] = true;
      for (size_t p = first_base + 1; p < periods.size(); ++p) bases[p] = is_base(p);
    }
    ChooseScope(s.t, periods, figures, q.begin, q.end, published, inferred, scope, bases, known);
    // "rose 18% to $5.2 billion in 2024", "grew 15.8% year-on-year to ...": the level's
    // period ends the change too.
    size_t to = fb;
    while (to < n && to < fb + 2 &&
           (W(s, to) == "year-on-year" || W(s, to) == "year-over-year" || W(s, to) == "yoy" ||
            W(s, to) == "sequentially" || W(s, to) == "annually")) {
      ++to;
    }
    // (Also in an undated document, where the change has no inferred period at all.)
    const bool no_own_period =
        scope->inferred() || (scope->start().empty() && !scope->unresolved());
    if (no_own_period && to + 1 < n && W(s, to) == "to" && s.fig[to + 1] >= 0) {
      const QuantityMention& level = quantities[s.fig[to + 1]];
      KnownTokenRanges level_known = known;
      level_known.figure = s.figs[s.fig[to + 1]];
      v1::TimeScope level_scope = ChooseScope(s.t, periods, figures, level.begin, level.end,
                                              published, bases, level_known);
      if (!level_scope.inferred() && !level_scope.start().empty()) {
        *scope = std::move(level_scope);
      }
    }
  } else {
    ChooseScope(s.t, periods, figures, q.begin, q.end, published, inferred, scope, {}, known);
  }
  if (growth && !scope->inferred()) {
    if (!*year_on_year) *year_on_year = YearOnYear(s);
    ChangeScope(**year_on_year, scope);
  }
  // (Most scopes are no deadline, which PastDeadlineToYear leaves: not asked.)
  if (scope->kind() == v1::SCOPE_KIND_DEADLINE) PastDeadlineToYear(published, scope);
  // "climb 121% between 2019 and 2021 to $2.3 billion": the level is the last year's.
  if (!growth && scope->granularity() == v1::GRANULARITY_MULTI_YEAR && fa > 0 &&
      (W(s, fa - 1) == "to" || W(s, fa - 1) == "reaching" || W(s, fa - 1) == "reached") &&
      HasWordBefore(s, fa, IsUpWord, 12, &where)) {
    NarrowToLastYear(scope);
  }
}

}  // namespace claimcheck
