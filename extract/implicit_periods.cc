#include "extract/implicit_periods.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "extract/scope_days.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

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

// The token indices of the period words (word class kPeriodNoun: "year", "quarter",
// "half", "third-quarter", ...), in order: the only words the rules below start at.
using PeriodWords = absl::InlinedVector<size_t, 8>;
PeriodWords FindPeriodWords(const ClassIndex& index) {
  PeriodWords out;
  const size_t n = index.tokens().size();
  for (size_t i = index.Next(0, kPeriodNoun); i < n; i = index.Next(i + 1, kPeriodNoun)) {
    out.push_back(i);
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
      absl::string_view w = tokens[i].word();
      absl::string_view first = w, second = i + 1 < n ? tokens[i + 1].word() : "";
      size_t last = i + 2;
      // (Searched for inline: the words are short.)
      size_t hyphen = 0;
      while (hyphen < w.size() && w.data()[hyphen] != '-') ++hyphen;
      if (hyphen < w.size()) {  // "third-quarter"
        first = absl::string_view(w).substr(0, hyphen);
        second = absl::string_view(w).substr(hyphen + 1);
        last = i + 1;
      }
      const int index = OrdinalIndex(first);
      absl::string_view prev = i > 0 ? tokens[i - 1].word() : absl::string_view();
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
              i >= 2 ? tokens[i - 2].word() : absl::string_view();
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
  return ImplicitPeriods(ClassIndex(tokens), found, published, forecast);
}

std::vector<TimeMention> ImplicitPeriods(const ClassIndex& index,
                                         const std::vector<TimeMention>& found,
                                         const v1::PublicationTime& published, bool forecast) {
  // Every rule needs a period word: most sentences have none.
  if (!published.has_time() || !index.Any(kPeriodNoun)) return {};
  const std::vector<Token>& tokens = index.tokens();
  const PeriodWords period_words = FindPeriodWords(index);
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
  const PeriodWords period_words = FindPeriodWords(ClassIndex(tokens));
  if (period_words.empty()) return;
  std::vector<TimeMention>* const outs[2] = {stated, forecast};
  ImplicitPeriodsAround(tokens, period_words, found, PublicationDay(published), outs);
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
    // Most periods are no quarter or half: told here, without a call.
    const v1::Granularity g = m.scope.granularity();
    return (g == v1::GRANULARITY_QUARTER || g == v1::GRANULARITY_HALF) &&
           AlignShift(text, published, forecast, m, &day) != 0;
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

}  // namespace claimcheck
