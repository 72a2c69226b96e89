#include "extract/period.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "extract/scope_days.h"

namespace claimcheck {
namespace {

// Token index range [first, last) covering byte range [b, e).
TokenRange TokensOf(const std::vector<Token>& tokens, size_t b, size_t e) {
  // Tokens are sorted and disjoint: binary search for the first that ends after b.
  auto it = std::partition_point(tokens.begin(), tokens.end(),
                                 [b](const Token& t) { return t.end <= b; });
  size_t first = static_cast<size_t>(it - tokens.begin());
  size_t last = first;
  while (last < tokens.size() && tokens[last].begin < e) ++last;
  if (last == first) return {0, 0};
  return {first, last};
}

// The first token that begins at or after byte b (tokens are sorted), or tokens.size().
size_t FirstTokenFrom(const std::vector<Token>& tokens, size_t b) {
  return static_cast<size_t>(
      std::partition_point(tokens.begin(), tokens.end(),
                           [b](const Token& t) { return t.begin < b; }) -
      tokens.begin());
}

bool AnyFigureBetween(absl::Span<const ByteRange> figures, size_t a, size_t b) {
  for (const ByteRange& f : figures) {
    if (f.first >= a && f.second <= b) return true;
  }
  return false;
}

// A comma or a clause break (IsClauseBreak), both punctuation: words are told by their
// kind at once.
bool IsCommaOrBreak(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.word() == "," || IsClauseBreak(t));
}

// True when tokens [a, b) hold a comma or a clause break.
bool HasBreak(const std::vector<Token>& tokens, size_t a, size_t b) {
  for (size_t i = a; i < b && i < tokens.size(); ++i) {
    if (IsCommaOrBreak(tokens[i])) return true;
  }
  return false;
}

// True when token i lies in a ", which/who/whose ..." clause, returning its start.
bool InRelativeClause(const std::vector<Token>& tokens, size_t i, size_t* clause_start) {
  for (size_t k = i; k-- > 0;) {
    if (IsCommaOrBreak(tokens[k])) {
      if (k + 1 < tokens.size()) {
        absl::string_view w = tokens[k + 1].word();
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
    if (IsCommaOrBreak(tokens[k])) return k;
  }
  return tokens.size();
}

// *to = from, field by field: the strings are assigned into the memory `to` already has
// (CopyFrom clears and merges every field), and an empty one is cleared, not made. The
// scopes are those made here and by the time recognizer: no unknown fields.
void AssignString(const std::string& from, std::string* to) {
  if (to->size() == from.size()) {  // (every day has ten bytes)
    std::memcpy(to->data(), from.data(), from.size());
  } else {
    to->assign(from);
  }
}
void CopyScope(const v1::TimeScope& from, v1::TimeScope* to) {
  if (from.start().empty()) {
    to->clear_start();
  } else {
    AssignString(from.start(), to->mutable_start());
  }
  if (from.end().empty()) {
    to->clear_end();
  } else {
    AssignString(from.end(), to->mutable_end());
  }
  if (from.text().empty()) {
    to->clear_text();
  } else {
    AssignString(from.text(), to->mutable_text());
  }
  to->set_granularity(from.granularity());
  to->set_kind(from.kind());
  to->set_inferred(from.inferred());
  to->set_unresolved(from.unresolved());
}

}  // namespace

v1::TimeScope InferredScope(const v1::PublicationTime& published) {
  v1::TimeScope scope;
  if (!published.has_time()) return scope;
  const absl::CivilDay day = PublicationDay(published);
  scope.set_start(FormatDay(day));
  scope.set_end(FormatDay(day + 1));
  scope.set_granularity(v1::GRANULARITY_DAY);
  scope.set_kind(v1::SCOPE_KIND_POINT);
  scope.set_inferred(true);
  return scope;
}

namespace {

// The period ChooseScope takes for the figure, or nullptr for none.
const TimeMention* ChoosePeriod(const std::vector<Token>& tokens,
                                const std::vector<TimeMention>& times,
                                absl::Span<const ByteRange> figures, size_t figure_begin,
                                size_t figure_end, absl::Span<const bool> left_out,
                                const KnownTokenRanges& known) {
  if (times.empty()) return nullptr;
  const auto [fig_first, fig_last] =
      known.figure ? *known.figure : TokensOf(tokens, figure_begin, figure_end);
  const TimeMention* after = nullptr;
  const TimeMention* before = nullptr;
  const bool* left = left_out.empty() ? nullptr : left_out.data();  // (raw reads)
  for (size_t p = 0; p < times.size(); ++p) {
    const TimeMention& m = times[p];
    if (left != nullptr && left[p]) continue;
    if (m.begin < figure_end && figure_begin < m.end) continue;  // overlaps the figure
    const auto [m_first, m_last] =
        p < known.periods.size() ? known.periods[p] : TokensOf(tokens, m.begin, m.end);
    if (m_last == 0) continue;
    // "2008-vintage", "2022 DRAM startup": a year glued to a modifier is no period.
    if (m_last - 1 < tokens.size() && tokens[m_last - 1].modifier && tokens[m_last - 1].end > m.end) {
      continue;
    }
    if (m.begin >= figure_end) {
      // Figures in between stop it, unless this one is joined to them by "and"/"or"
      // ("revenue of $3 billion and profit of $1 billion in 2024": both in 2024).
      const bool coordinated = fig_last < tokens.size() && (tokens[fig_last].word() == "and" ||
                                                            tokens[fig_last].word() == "or");
      if (after == nullptr && m_first >= fig_last && m_first - fig_last <= 8 &&
          !HasBreak(tokens, fig_last, m_first) &&
          (coordinated || !AnyFigureBetween(figures, figure_end, m.begin))) {
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
  return after != nullptr ? after : before;
}

// The scope of the period `chosen` (one of `times`) into `*scope`.
void ScopeOfPeriod(const TimeMention* chosen, const std::vector<TimeMention>& times,
                   absl::Span<const bool> left_out, v1::TimeScope* out) {
  v1::TimeScope& scope = *out;
  CopyScope(chosen->scope, &scope);
  if (!Resolved(scope)) {
    // "last year" anchored by a period the same sentence states.
    const v1::TimeScope* anchor = nullptr;
    const bool* const left = left_out.empty() ? nullptr : left_out.data();
    for (size_t k = 0; k < times.size(); ++k) {
      const TimeMention& m = times[k];
      if (left != nullptr && left[k]) continue;
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
}

}  // namespace

namespace {

// Months in the period named by the words ending at token `k` ("quarter", "half-year",
// "fiscal year", "nine months", "12 months"), or 0; *first is its first token.
int PeriodMonthsEndingAt(const std::vector<Token>& tokens, size_t k, size_t* first) {
  const absl::string_view w = tokens[k].word();
  *first = k;
  if (w == "quarter") return 3;
  if (w == "half" || w == "half-year") return 6;
  if (w == "year") return 12;
  if (w != "months" || k == 0) return 0;
  const absl::string_view count = tokens[k - 1].word();
  *first = k - 1;
  if (count == "three" || count == "3") return 3;
  if (count == "six" || count == "6") return 6;
  if (count == "nine" || count == "9") return 9;
  if (count == "twelve" || count == "12") return 12;
  return 0;
}

// Makes *scope the PERIOD [start, end) of granularity g written as `text`, written over
// its old fields (the strings keep their memory).
void SetPeriod(absl::CivilDay start, absl::CivilDay end, v1::Granularity g,
               absl::string_view text, v1::TimeScope* scope) {
  scope->Clear();
  scope->set_start(FormatDay(start));
  scope->set_end(FormatDay(end));
  scope->set_granularity(g);
  scope->set_kind(v1::SCOPE_KIND_PERIOD);
  scope->mutable_text()->assign(text.data(), text.size());
}

}  // namespace

void WidenPeriodsEndingOnADay(const std::vector<Token>& tokens, absl::string_view text,
                              std::vector<TimeMention>* times) {
  for (TimeMention& m : *times) {
    const v1::TimeScope& day = m.scope;
    if (day.granularity() != v1::GRANULARITY_DAY || day.unresolved()) continue;
    // The token where the mention starts, and the words before it.
    const size_t k = FirstTokenFrom(tokens, m.begin);
    if (k == tokens.size() || tokens[k].begin != m.begin || k < 2) continue;
    const absl::string_view verb = tokens[k - 1].word();
    if (verb != "ended" && verb != "ending") continue;
    size_t noun = k - 2;
    if ((tokens[noun].word() == "that" || tokens[noun].word() == "which") && noun > 0) --noun;
    size_t first = noun;
    const int months = PeriodMonthsEndingAt(tokens, noun, &first);
    absl::CivilDay end;
    if (months == 0 || !ParseDay(day.end(), &end)) continue;
    // The period ends where the day does (scope ends are exclusive).
    const absl::CivilMonth end_month(end);
    const absl::CivilDay start(end_month.year(), end_month.month() - months, end.day());
    m.begin = tokens[first].begin;
    SetPeriod(start, end,
              months == 3    ? v1::GRANULARITY_QUARTER
              : months == 6  ? v1::GRANULARITY_HALF
              : months == 12 ? v1::GRANULARITY_YEAR
                             : v1::GRANULARITY_MONTH,
              text.substr(m.begin, m.end - m.begin), &m.scope);
  }
}

void NarrowToLeadingMonths(const std::vector<Token>& tokens, absl::string_view text,
                           std::vector<TimeMention>* times) {
  static constexpr absl::string_view kCounts[] = {"two", "three", "four", "five", "six",
                                                  "seven", "eight", "nine", "ten", "eleven"};
  for (TimeMention& m : *times) {
    if (m.scope.granularity() != v1::GRANULARITY_YEAR || m.scope.unresolved()) continue;
    // The words first (most years have no "first N months of" before them), then the days.
    // The mention's first token: "2025", or the "of" of "of 2025".
    const size_t k = FirstTokenFrom(tokens, m.begin);
    if (k == tokens.size() || tokens[k].begin != m.begin) continue;
    const size_t of = tokens[k].word() == "of" ? k : k - (k > 0);
    if (of < 3 || tokens[of].word() != "of" || tokens[of - 1].word() != "months" ||
        tokens[of - 3].word() != "first") {
      continue;
    }
    absl::CivilDay start, end;
    if (!ParseDay(m.scope.start(), &start) || !ParseDay(m.scope.end(), &end) ||
        end != absl::CivilDay(absl::CivilYear(start) + 1)) {
      continue;
    }
    const absl::string_view count = tokens[of - 2].word();
    int months = 0;
    for (int c = 0; c < 10; ++c) {
      if (count == kCounts[c] || count == std::to_string(c + 2)) months = c + 2;
    }
    if (months == 0) continue;
    m.begin = tokens[of - 3].begin;
    SetPeriod(start, absl::CivilDay(absl::CivilMonth(start) + months),
              months == 3   ? v1::GRANULARITY_QUARTER
              : months == 6 ? v1::GRANULARITY_HALF
                            : v1::GRANULARITY_MONTH,
              text.substr(m.begin, m.end - m.begin), &m.scope);
  }
}

v1::TimeScope ChooseScope(const std::vector<Token>& tokens, const std::vector<TimeMention>& times,
                          absl::Span<const ByteRange> figures, size_t figure_begin,
                          size_t figure_end, const v1::PublicationTime& published,
                          absl::Span<const bool> left_out, const KnownTokenRanges& known) {
  const TimeMention* chosen =
      ChoosePeriod(tokens, times, figures, figure_begin, figure_end, left_out, known);
  if (chosen == nullptr) return InferredScope(published);
  v1::TimeScope scope;
  ScopeOfPeriod(chosen, times, left_out, &scope);
  return scope;
}

void ChooseScope(const std::vector<Token>& tokens, const std::vector<TimeMention>& times,
                 absl::Span<const ByteRange> figures, size_t figure_begin, size_t figure_end,
                 const v1::PublicationTime& published, std::optional<v1::TimeScope>* inferred,
                 v1::TimeScope* scope, absl::Span<const bool> left_out,
                 const KnownTokenRanges& known) {
  const TimeMention* chosen =
      ChoosePeriod(tokens, times, figures, figure_begin, figure_end, left_out, known);
  if (chosen == nullptr) {
    if (!inferred->has_value()) *inferred = InferredScope(published);
    CopyScope(**inferred, scope);
  } else {
    ScopeOfPeriod(chosen, times, left_out, scope);
  }
}

void ChangeScope(bool year_on_year, v1::TimeScope* scope) {
  absl::CivilDay start;
  if (!Resolved(*scope) || !ParseDay(scope->start(), &start)) return;
  // "gained 160% since January": an open period already runs from the change's base.
  if (scope->end().empty()) return;
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

// "By 2022 it was making chips at 7nm": a deadline already past is the year it names.
void PastDeadlineToYear(const v1::PublicationTime& published, v1::TimeScope* scope) {
  if (scope->kind() != v1::SCOPE_KIND_DEADLINE || !scope->start().empty() ||
      scope->end().size() != 10 || scope->granularity() != v1::GRANULARITY_YEAR ||
      !published.has_time()) {
    return;
  }
  const std::string day = absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(published.time().seconds()),
                                           absl::UTCTimeZone());
  if (scope->end() > day) return;
  int year = std::atoi(scope->end().substr(0, 4).c_str()) - 1;
  scope->set_start(absl::StrFormat("%04d-01-01", year));
  scope->set_kind(v1::SCOPE_KIND_POINT);
}

void NarrowToLastYear(v1::TimeScope* scope) {
  if (scope->end().size() < 4) return;
  int year = std::atoi(scope->end().substr(0, 4).c_str());
  if (scope->end().substr(4) == "-01-01") --year;
  scope->set_start(absl::StrFormat("%04d-01-01", year));
  scope->set_end(absl::StrFormat("%04d-01-01", year + 1));
  scope->set_granularity(v1::GRANULARITY_YEAR);
}

}  // namespace claimcheck
