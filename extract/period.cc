#include "extract/period.h"

#include <cstdio>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace claimcheck {
namespace {

bool ParseDay(const std::string& s, absl::CivilDay* day) {
  int y, m, d;
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return false;
  *day = absl::CivilDay(y, m, d);
  return true;
}

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

// Token index range [first, last) covering byte range [b, e).
std::pair<size_t, size_t> TokenRange(const std::vector<Token>& tokens, size_t b, size_t e) {
  size_t first = tokens.size(), last = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].end > b && tokens[i].begin < e) {
      if (first == tokens.size()) first = i;
      last = i + 1;
    }
  }
  if (first == tokens.size()) return {0, 0};
  return {first, last};
}

bool AnyFigureBetween(const std::vector<ByteRange>& figures, size_t a, size_t b) {
  for (const ByteRange& f : figures) {
    if (f.first >= a && f.second <= b) return true;
  }
  return false;
}

// True when tokens [a, b) hold a comma or a clause break.
bool HasBreak(const std::vector<Token>& tokens, size_t a, size_t b) {
  for (size_t i = a; i < b && i < tokens.size(); ++i) {
    if (tokens[i].lower == "," || IsClauseBreak(tokens[i])) return true;
  }
  return false;
}

// True when token i lies in a ", which/who/whose ..." clause, returning its start.
bool InRelativeClause(const std::vector<Token>& tokens, size_t i, size_t* clause_start) {
  for (size_t k = i; k-- > 0;) {
    if (tokens[k].lower == "," || IsClauseBreak(tokens[k])) {
      if (k + 1 < tokens.size()) {
        const std::string& w = tokens[k + 1].lower;
        if (w == "which" || w == "who" || w == "whose" || w == "where") {
          *clause_start = k;
          return true;
        }
      }
      return false;
    }
  }
  return false;
}

size_t ClauseEnd(const std::vector<Token>& tokens, size_t start) {
  for (size_t k = start + 1; k < tokens.size(); ++k) {
    if (tokens[k].lower == "," || IsClauseBreak(tokens[k])) return k;
  }
  return tokens.size();
}

bool Resolved(const v1::TimeScope& s) { return !s.unresolved() && !s.start().empty(); }

}  // namespace

v1::TimeScope InferredScope(const v1::PublicationTime& published) {
  v1::TimeScope scope;
  if (!published.has_time()) return scope;
  absl::Time t = absl::FromUnixSeconds(published.time().seconds());
  absl::CivilDay day = absl::ToCivilDay(t, absl::UTCTimeZone());
  scope.set_start(FormatDay(day));
  scope.set_end(FormatDay(day + 1));
  scope.set_granularity(v1::GRANULARITY_DAY);
  scope.set_kind(v1::SCOPE_KIND_POINT);
  scope.set_inferred(true);
  return scope;
}

v1::TimeScope ChooseScope(const std::vector<Token>& tokens, const std::vector<TimeMention>& times,
                          const std::vector<ByteRange>& figures, size_t figure_begin,
                          size_t figure_end, const v1::PublicationTime& published) {
  const auto [fig_first, fig_last] = TokenRange(tokens, figure_begin, figure_end);
  const TimeMention* after = nullptr;
  const TimeMention* before = nullptr;
  for (const TimeMention& m : times) {
    if (m.begin < figure_end && figure_begin < m.end) continue;  // overlaps the figure
    const auto [m_first, m_last] = TokenRange(tokens, m.begin, m.end);
    if (m_last == 0) continue;
    // "2008-vintage", "2022 DRAM startup": a year glued to a modifier is no period.
    if (m_last - 1 < tokens.size() && tokens[m_last - 1].modifier) continue;
    if (m.begin >= figure_end) {
      if (after == nullptr && m_first >= fig_last && m_first - fig_last <= 5 &&
          !HasBreak(tokens, fig_last, m_first) &&
          !AnyFigureBetween(figures, figure_end, m.begin)) {
        after = &m;
      }
    } else {
      size_t clause_start = 0;
      if (InRelativeClause(tokens, m_first, &clause_start) &&
          !(fig_first > clause_start && fig_first < ClauseEnd(tokens, clause_start))) {
        continue;
      }
      before = &m;  // keeps the nearest
    }
  }
  const TimeMention* chosen = after != nullptr ? after : before;
  if (chosen == nullptr) return InferredScope(published);
  v1::TimeScope scope = chosen->scope;
  if (!Resolved(scope)) {
    // "last year" anchored by a period the same sentence states.
    const v1::TimeScope* anchor = nullptr;
    for (const TimeMention& m : times) {
      if (&m != chosen && Resolved(m.scope) && !m.scope.end().empty()) anchor = &m.scope;
    }
    absl::CivilDay end;
    if (anchor != nullptr && ParseDay(anchor->end(), &end)) {
      absl::CivilYear last_year = absl::CivilYear(end - 1);
      scope.set_start(FormatDay(absl::CivilDay(last_year)));
      scope.set_end(FormatDay(absl::CivilDay(last_year + 1)));
      scope.set_granularity(v1::GRANULARITY_YEAR);
      scope.set_unresolved(false);
      if (scope.kind() == v1::SCOPE_KIND_UNSPECIFIED) scope.set_kind(v1::SCOPE_KIND_PERIOD);
    }
  }
  return scope;
}

void ChangeScope(bool year_on_year, v1::TimeScope* scope) {
  absl::CivilDay start;
  if (!Resolved(*scope) || !ParseDay(scope->start(), &start)) return;
  absl::CivilMonth month(start);
  switch (scope->granularity()) {
    case v1::GRANULARITY_YEAR:
      month -= 12;
      scope->set_granularity(v1::GRANULARITY_MULTI_YEAR);
      break;
    case v1::GRANULARITY_HALF:
      month -= year_on_year ? 12 : 6;
      break;
    case v1::GRANULARITY_QUARTER:
      month -= year_on_year ? 12 : 3;
      break;
    case v1::GRANULARITY_MONTH:
      month -= year_on_year ? 12 : 1;
      break;
    default:
      return;
  }
  scope->set_start(FormatDay(absl::CivilDay(month)));
  if (scope->kind() == v1::SCOPE_KIND_POINT || scope->kind() == v1::SCOPE_KIND_UNSPECIFIED) {
    scope->set_kind(v1::SCOPE_KIND_PERIOD);
  }
}

}  // namespace claimcheck
