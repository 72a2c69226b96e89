#include "extract/period.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace claimcheck {
namespace {

bool ParseDay(const std::string& s, absl::CivilDay* day) {
  // "YYYY-MM-DD", as every resolved scope is written, without sscanf.
  auto digits = [&](size_t at, size_t count, int* value) {
    *value = 0;
    for (size_t i = at; i < at + count; ++i) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) return false;
      *value = *value * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(0, 4, &y) && digits(5, 2, &m) &&
      digits(8, 2, &d)) {
    *day = absl::CivilDay(y, m, d);
    return true;
  }
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return false;
  *day = absl::CivilDay(y, m, d);
  return true;
}

std::string FormatDay(absl::CivilDay day) {
  const int64_t year = day.year();
  if (year < 0 || year > 9999) {
    return absl::StrFormat("%04d-%02d-%02d", year, day.month(), day.day());
  }
  // "%04d-%02d-%02d" by hand: periods are formatted for every figure.
  char out[10] = {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                  static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10),
                  '-', static_cast<char>('0' + day.month() / 10),
                  static_cast<char>('0' + day.month() % 10), '-',
                  static_cast<char>('0' + day.day() / 10), static_cast<char>('0' + day.day() % 10)};
  return std::string(out, sizeof(out));
}

// The publication day (UTC): plain arithmetic for any realistic time, else cctz.
absl::CivilDay PublicationDay(const v1::PublicationTime& published) {
  const int64_t seconds = published.time().seconds();
  constexpr int64_t kLimit = int64_t{1} << 40;  // about 35,000 years
  if (seconds > -kLimit && seconds < kLimit) {
    int64_t days = seconds / 86400;
    if (seconds % 86400 < 0) --days;
    // Days since 1970-01-01 to a date in constant time (H. Hinnant's civil_from_days);
    // adding days to a CivilDay walks year by year.
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;                                     // [0, 146096]
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              // [0, 365]
    const int64_t mp = (5 * doy + 2) / 153;                                   // [0, 11]
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;                           // [1, 31]
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;                             // [1, 12]
    return absl::CivilDay(yoe + era * 400 + (m <= 2), static_cast<int>(m), static_cast<int>(d));
  }
  return absl::ToCivilDay(absl::FromUnixSeconds(seconds), absl::UTCTimeZone());
}

// A word that names a period: "...quarter", "...half", "year". The last letter is
// tested first, which rules out almost every word.
bool PeriodWord(absl::string_view w) {
  const size_t n = w.size();
  if (n < 4) return false;
  const char* const end = w.data() + n;
  if (end[-1] == 'f') return std::memcmp(end - 4, "half", 4) == 0;
  if (end[-1] != 'r') return false;
  if (n == 4) return std::memcmp(end - 4, "year", 4) == 0;
  return n >= 7 && std::memcmp(end - 7, "quarter", 7) == 0;
}

// Token index range [first, last) covering byte range [b, e).
std::pair<size_t, size_t> TokenRange(const std::vector<Token>& tokens, size_t b, size_t e) {
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

// True when tokens [a, b) hold a comma or a clause break.
bool HasBreak(const std::vector<Token>& tokens, size_t a, size_t b) {
  for (size_t i = a; i < b && i < tokens.size(); ++i) {
    if (tokens[i].word() == "," || IsClauseBreak(tokens[i])) return true;
  }
  return false;
}

// True when token i lies in a ", which/who/whose ..." clause, returning its start.
bool InRelativeClause(const std::vector<Token>& tokens, size_t i, size_t* clause_start) {
  for (size_t k = i; k-- > 0;) {
    if (tokens[k].word() == "," || IsClauseBreak(tokens[k])) {
      if (k + 1 < tokens.size()) {
        absl::string_view w = tokens[k + 1].lower;
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
    if (tokens[k].word() == "," || IsClauseBreak(tokens[k])) return k;
  }
  return tokens.size();
}

bool Resolved(const v1::TimeScope& s) { return !s.unresolved() && !s.start().empty(); }

// *to = from, field by field: the strings are assigned into the memory `to` already has
// (CopyFrom clears and merges every field), and an empty one is cleared, not made. The
// scopes are those made here and by the time recognizer: no unknown fields.
void CopyScope(const v1::TimeScope& from, v1::TimeScope* to) {
  if (from.start().empty()) {
    to->clear_start();
  } else {
    to->set_start(from.start());
  }
  if (from.end().empty()) {
    to->clear_end();
  } else {
    to->set_end(from.end());
  }
  if (from.text().empty()) {
    to->clear_text();
  } else {
    to->set_text(from.text());
  }
  to->set_granularity(from.granularity());
  to->set_kind(from.kind());
  to->set_inferred(from.inferred());
  to->set_unresolved(from.unresolved());
}

// The PERIOD of `months` months from `start`, written without text (an implied period).
v1::TimeScope Span(absl::CivilMonth start, int months, v1::Granularity g) {
  v1::TimeScope scope;
  scope.set_start(FormatDay(absl::CivilDay(start)));
  scope.set_end(FormatDay(absl::CivilDay(start + months)));
  scope.set_granularity(g);
  scope.set_kind(v1::SCOPE_KIND_PERIOD);
  return scope;
}

// The period of `months` months numbered `index` (1-based) in a year that has ended by
// `day` (or, for a forecast, has not ended yet).
absl::CivilMonth NamedPeriod(absl::CivilDay day, int months, int index, bool forecast) {
  absl::CivilMonth start(day.year(), (index - 1) * months + 1);
  if (!forecast && absl::CivilDay(start + months) > day) start -= 12;
  if (forecast && absl::CivilDay(start + months) <= day) start += 12;
  return start;
}

int OrdinalIndex(absl::string_view w) {
  if (w == "first") return 1;
  if (w == "second") return 2;
  if (w == "third") return 3;
  if (w == "fourth") return 4;
  return 0;
}

}  // namespace

namespace {

// The token indices of the period words (PeriodWord), in order.
using PeriodWords = absl::InlinedVector<size_t, 8>;
PeriodWords FindPeriodWords(const std::vector<Token>& tokens) {
  PeriodWords out;
  // Raw reads, and the index pushed as a copy: a pushed reference to the loop's own
  // index would keep it (and the bound) in memory.
  const Token* const t = tokens.data();
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    if (PeriodWord(t[i].lower)) out.push_back(size_t{i});
  }
  return out;
}

// ImplicitPeriods, given the period words and the publication day: appends a stated
// figure's to `*outs[0]` and a forecast's to `*outs[1]`, skipping a null list.
void ImplicitPeriodsAround(const std::vector<Token>& tokens, const PeriodWords& period_words,
                           const std::vector<TimeMention>& found, absl::CivilDay day,
                           std::vector<TimeMention>* const outs[2]) {
  auto taken = [&](size_t b, size_t e) {
    for (const TimeMention& m : found) {
      if (m.begin < e && b < m.end) return true;
    }
    return false;
  };
  const size_t n = tokens.size();
  // Only "<ordinal> quarter|half", "<ordinal>-quarter", "the quarter|year" make a period:
  // the candidates are each period word and the token before it, in order.
  size_t next = 0;  // the first token not yet read
  for (const size_t p : period_words) {
    for (size_t i = p > 0 ? p - 1 : p; i <= p; ++i) {
      if (i < next) continue;
      next = i + 1;
      absl::string_view w = tokens[i].lower;
      absl::string_view first = w, second = i + 1 < n ? absl::string_view(tokens[i + 1].lower) : "";
      size_t last = i + 2;
      size_t hyphen = w.find('-');
      if (hyphen != std::string::npos) {  // "third-quarter"
        first = absl::string_view(w).substr(0, hyphen);
        second = absl::string_view(w).substr(hyphen + 1);
        last = i + 1;
      }
      const int index = OrdinalIndex(first);
      absl::string_view prev = i > 0 ? absl::string_view(tokens[i - 1].lower) : absl::string_view();
      const bool named_quarter = index > 0 && second == "quarter";
      const bool named_half = !named_quarter && index > 0 && index <= 2 && second == "half";
      const bool the_period = !named_quarter && !named_half && (w == "quarter" || w == "year") &&
                              (prev == "the" || prev == "whole");
      if (!named_quarter && !named_half && !the_period) continue;
      size_t begin = tokens[i].begin;
      if (named_half && last + 2 < n && tokens[last].word() == "of" &&
          tokens[last + 1].word() == "the" && tokens[last + 2].word() == "year") {
        last += 3;
      }
      if (the_period) {
        begin = tokens[i - 1].begin;
        last = i + 1;
      }
      if (taken(begin, tokens[last - 1].end)) continue;
      next = last;
      for (const bool forecast : {false, true}) {
        std::vector<TimeMention>* out = outs[forecast ? 1 : 0];
        if (out == nullptr) continue;
        TimeMention m;
        m.begin = begin;
        m.end = tokens[last - 1].end;
        if (named_quarter) {
          m.scope = Span(NamedPeriod(day, 3, index, forecast), 3, v1::GRANULARITY_QUARTER);
        } else if (named_half) {
          m.scope = Span(NamedPeriod(day, 6, index, forecast), 6, v1::GRANULARITY_HALF);
        } else {
          bool quarter = w == "quarter";
          absl::CivilMonth start =
              quarter ? absl::CivilMonth(day.year(), (day.month() - 1) / 3 * 3 + 1) - 3
                      : absl::CivilMonth(day.year() - 1, 1);
          if (forecast) start += quarter ? 3 : 12;
          m.scope = Span(start, quarter ? 3 : 12,
                         quarter ? v1::GRANULARITY_QUARTER : v1::GRANULARITY_YEAR);
          // "ended the year with ...", "at the end of the year": its last quarter.
          absl::string_view before =
              i >= 2 ? absl::string_view(tokens[i - 2].lower) : absl::string_view();
          if (!quarter && (before == "ended" || before == "end" || before == "close")) {
            m.scope = Span(start + 9, 3, v1::GRANULARITY_QUARTER);
          }
        }
        out->push_back(std::move(m));
      }
    }
  }
  // "a year earlier", "a year ago": one year before another period of the sentence.
  for (std::vector<TimeMention>* const out : {outs[0], outs[1]}) {
    if (out == nullptr) continue;
    for (const size_t p : period_words) {
      if (p == 0 || p + 1 >= n) continue;
      const size_t i = p - 1;  // "a" before the period word "year"
      if (tokens[i].word() != "a" || tokens[i + 1].word() != "year" ||
          (tokens[i + 2].word() != "earlier" && tokens[i + 2].word() != "before")) {
        continue;
      }
      const v1::TimeScope* anchor = nullptr;
      for (const std::vector<TimeMention>* list :
           std::initializer_list<const std::vector<TimeMention>*>{&found, out}) {
        for (const TimeMention& m : *list) {
          if (Resolved(m.scope) && m.scope.granularity() != v1::GRANULARITY_MULTI_YEAR &&
              m.begin < tokens[i].begin) {
            anchor = &m.scope;
          }
        }
      }
      absl::CivilDay start, end;
      if (anchor == nullptr || !ParseDay(anchor->start(), &start) ||
          !ParseDay(anchor->end(), &end) || taken(tokens[i].begin, tokens[i + 2].end)) {
        continue;
      }
      TimeMention m;
      m.begin = tokens[i].begin;
      m.end = tokens[i + 2].end;
      m.scope = *anchor;
      m.scope.set_start(
          FormatDay(absl::CivilDay(absl::CivilMonth(start) - 12) + (start.day() - 1)));
      m.scope.set_end(FormatDay(absl::CivilDay(absl::CivilMonth(end) - 12) + (end.day() - 1)));
      m.scope.clear_text();
      out->push_back(std::move(m));
    }
  }
}

}  // namespace

std::vector<TimeMention> ImplicitPeriods(const std::vector<Token>& tokens,
                                         const std::vector<TimeMention>& found,
                                         const v1::PublicationTime& published, bool forecast) {
  if (!published.has_time()) return {};
  // Every rule needs a period word: most sentences have none.
  const PeriodWords period_words = FindPeriodWords(tokens);
  if (period_words.empty()) return {};
  std::vector<TimeMention> out;
  std::vector<TimeMention>* const outs[2] = {forecast ? nullptr : &out, forecast ? &out : nullptr};
  ImplicitPeriodsAround(tokens, period_words, found, PublicationDay(published), outs);
  return out;
}

void ImplicitPeriods(const std::vector<Token>& tokens, const std::vector<TimeMention>& found,
                     const v1::PublicationTime& published, std::vector<TimeMention>* stated,
                     std::vector<TimeMention>* forecast) {
  stated->clear();
  forecast->clear();
  if (!published.has_time()) return;
  const PeriodWords period_words = FindPeriodWords(tokens);
  if (period_words.empty()) return;
  std::vector<TimeMention>* const outs[2] = {stated, forecast};
  ImplicitPeriodsAround(tokens, period_words, found, PublicationDay(published), outs);
}

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
                                size_t figure_end, absl::Span<const bool> left_out) {
  if (times.empty()) return nullptr;
  const auto [fig_first, fig_last] = TokenRange(tokens, figure_begin, figure_end);
  const TimeMention* after = nullptr;
  const TimeMention* before = nullptr;
  const bool* const left = left_out.empty() ? nullptr : left_out.data();  // (raw reads)
  for (size_t k = 0; k < times.size(); ++k) {
    const TimeMention& m = times[k];
    if (left != nullptr && left[k]) continue;
    if (m.begin < figure_end && figure_begin < m.end) continue;  // overlaps the figure
    const auto [m_first, m_last] = TokenRange(tokens, m.begin, m.end);
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
                          absl::Span<const bool> left_out) {
  const TimeMention* chosen =
      ChoosePeriod(tokens, times, figures, figure_begin, figure_end, left_out);
  if (chosen == nullptr) return InferredScope(published);
  v1::TimeScope scope;
  ScopeOfPeriod(chosen, times, left_out, &scope);
  return scope;
}

void ChooseScope(const std::vector<Token>& tokens, const std::vector<TimeMention>& times,
                 absl::Span<const ByteRange> figures, size_t figure_begin, size_t figure_end,
                 const v1::PublicationTime& published, std::optional<v1::TimeScope>* inferred,
                 v1::TimeScope* scope, absl::Span<const bool> left_out) {
  const TimeMention* chosen =
      ChoosePeriod(tokens, times, figures, figure_begin, figure_end, left_out);
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

// Periods written without a year ("third-quarter", "the second quarter") that the
// recognizer placed in the publication year: a stated figure is about one that has
// begun by the publication day, a forecast about one that has not ended.
namespace {

// Adds `shift` to the year of the date `*d` ("2025-07-01"), written as "%04d".
void ShiftYear(int shift, std::string* d) {
  const bool digits = d->size() >= 4 && std::all_of(d->begin(), d->begin() + 4, [](char c) {
                        return absl::ascii_isdigit(static_cast<unsigned char>(c));
                      });
  if (digits) {  // in place: the usual case
    const int year = ((*d)[0] - '0') * 1000 + ((*d)[1] - '0') * 100 + ((*d)[2] - '0') * 10 +
                     ((*d)[3] - '0') + shift;
    if (year >= 0 && year <= 9999) {
      (*d)[0] = static_cast<char>('0' + year / 1000);
      (*d)[1] = static_cast<char>('0' + year / 100 % 10);
      (*d)[2] = static_cast<char>('0' + year / 10 % 10);
      (*d)[3] = static_cast<char>('0' + year % 10);
      return;
    }
  }
  const int year = std::atoi(d->substr(0, 4).c_str()) + shift;
  *d = absl::StrCat(absl::StrFormat("%04d", year), d->substr(4));
}

// A quarter or half the time recognizer dated, written without digits ("third-quarter").
bool Unnumbered(absl::string_view text, const TimeMention& m) {
  const v1::TimeScope& s = m.scope;
  if (s.granularity() != v1::GRANULARITY_QUARTER && s.granularity() != v1::GRANULARITY_HALF) {
    return false;
  }
  if (s.start().size() != 10 || s.end().size() != 10) return false;
  absl::string_view written = text.substr(m.begin, m.end - m.begin);
  return std::none_of(written.begin(), written.end(),
                      [](char c) { return absl::ascii_isdigit(c); });
}

// The years AlignUnnumberedPeriods moves `m` by: 0, -1 or 1. `*day` is the publication
// day, formatted here when first needed.
int AlignShift(absl::string_view text, const v1::PublicationTime& published, bool forecast,
               const TimeMention& m, std::string* day) {
  if (!Unnumbered(text, m)) return 0;
  if (day->empty()) *day = FormatDay(PublicationDay(published));
  if (!forecast && m.scope.start() > *day) return -1;
  if (forecast && m.scope.end() <= *day) return 1;
  return 0;
}

}  // namespace

bool HasUnnumberedPeriods(absl::string_view text, const v1::PublicationTime& published,
                          bool forecast, const std::vector<TimeMention>& periods) {
  if (!published.has_time()) return false;
  std::string day;
  return std::any_of(periods.begin(), periods.end(), [&](const TimeMention& m) {
    return AlignShift(text, published, forecast, m, &day) != 0;
  });
}

void AlignUnnumberedPeriods(absl::string_view text, const v1::PublicationTime& published,
                            bool forecast, std::vector<TimeMention>* periods) {
  if (!published.has_time()) return;
  std::string day;
  for (TimeMention& m : *periods) {
    const int shift = AlignShift(text, published, forecast, m, &day);
    if (shift == 0) continue;
    for (std::string* d : {m.scope.mutable_start(), m.scope.mutable_end()}) ShiftYear(shift, d);
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
