// Each family's resolver reads the groups its pattern gives and does the civil-time
// arithmetic with absl; days are written directly where the year has four digits.
#include "extract/recognize/time_resolve.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/time/time.h"

namespace claimcheck {
namespace {

// "YYYY-MM-DD" for a four-digit year and a valid month and day, as absl::FormatCivilTime
// writes it (which goes through the time-zone formatter and dominated resolution), into
// buf[0..10).
void FormatDay(int y, int m, int d, char* buf) {
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
}

constexpr size_t kDayChars = 10;

// Writes the day in buf[0..10) into *field (a reused scope's string keeps its memory; no
// temporary string is made, as set_start(buf, size) would). Cleared, then appended to:
// libstdc++'s append is a shorter path than assign (a general replace).
void AssignDay(const char* buf, std::string* field) {
  field->clear();
  field->append(buf, kDayChars);
}

// FormatDay for a day of a four-digit year; false (buf untouched) for other years.
bool FormatFourDigitYearDay(absl::CivilDay d, char* buf) {
  const absl::civil_year_t y = d.year();
  if (y < 1000 || y > 9999) return false;
  FormatDay(static_cast<int>(y), d.month(), d.day(), buf);
  return true;
}

void SetRange(v1::TimeScope* s, absl::CivilDay start, absl::CivilDay end,
              v1::Granularity g) {
  char buf[kDayChars];
  if (FormatFourDigitYearDay(start, buf)) {
    AssignDay(buf, s->mutable_start());
  } else {
    s->set_start(absl::FormatCivilTime(start));
  }
  if (FormatFourDigitYearDay(end, buf)) {
    AssignDay(buf, s->mutable_end());
  } else {
    s->set_end(absl::FormatCivilTime(end));
  }
  s->set_granularity(g);
}

// [the first day of month m0 of y0, the first day of month m1 of y1): written directly
// when both are four-digit years and real months (no civil-time normalisation needed).
void SetMonthRange(v1::TimeScope* s, int y0, int m0, int y1, int m1, v1::Granularity g) {
  if (y0 < 1000 || y1 > 9999 || y1 < 1000 || y0 > 9999 || m0 < 1 || m0 > 12 || m1 < 1 ||
      m1 > 12) {
    SetRange(s, absl::CivilDay(y0, m0, 1), absl::CivilDay(y1, m1, 1), g);
    return;
  }
  char buf[kDayChars];
  FormatDay(y0, m0, 1, buf);
  AssignDay(buf, s->mutable_start());
  FormatDay(y1, m1, 1, buf);
  AssignDay(buf, s->mutable_end());
  s->set_granularity(g);
}

// The year a group of digits names ("2024"; "24" and "'24" are 2024); 0 for anything else.
int ParseYear(absl::string_view y) {
  if (!y.empty() && y[0] == '\'') y.remove_prefix(1);
  if (y.empty() || y.size() > 4) return 0;
  int v = 0;
  for (char c : y) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return y.size() == 2 ? 2000 + v : v;
}

int MonthIndex(absl::string_view name) {
  static const char* const kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (absl::EqualsIgnoreCase(name.substr(0, 3), kNames[i])) return i + 1;
  }
  return 0;
}

int CountWord(absl::string_view w) {
  static const char* const kWords[] = {"zero", "one", "two", "three", "four", "five",
                                       "six", "seven", "eight", "nine", "ten", "eleven",
                                       "twelve"};
  int v = 0;
  if (absl::SimpleAtoi(w, &v)) return v;
  std::string lower = absl::AsciiStrToLower(w);
  for (int i = 0; i < 13; ++i) {
    if (lower == kWords[i]) return i;
  }
  if (lower == "fifteen") return 15;
  if (lower == "twenty") return 20;
  if (absl::StartsWith(lower, "couple")) return 2;
  return 0;
}

// Applies the preposition's meaning: "since" opens the end, "by" makes a deadline.
void ApplyPreposition(absl::string_view p, v1::TimeScope* s) {
  // The length and first letter first: EqualsIgnoreCase is an out-of-line call.
  auto is = [p](absl::string_view w) {
    return p.size() == w.size() && (p[0] | 0x20) == w[0] && absl::EqualsIgnoreCase(p, w);
  };
  if (is("since") || is("from") || is("after")) {
    s->clear_end();
    s->set_kind(v1::SCOPE_KIND_PERIOD);
  } else if (is("by") || is("before")) {
    s->clear_start();
    s->set_kind(v1::SCOPE_KIND_DEADLINE);
  } else if (is("until") || is("through")) {
    s->clear_start();
    s->set_kind(v1::SCOPE_KIND_PERIOD);
  } else if (is("as of")) {
    s->set_kind(v1::SCOPE_KIND_POINT);
  }
}

void Unresolved(v1::TimeScope* s, v1::Granularity g) {
  s->clear_start();
  s->clear_end();
  s->set_granularity(g);
  s->set_unresolved(true);
}

// Year to use when none is written: the reference's, else 0 (unresolved).
int ImpliedYear(const std::optional<absl::CivilDay>& ref) {
  return ref ? static_cast<int>(ref->year()) : 0;
}

}  // namespace

bool ResolveTime(int family, const re2::StringPiece* g, absl::string_view text, size_t begin,
                 const std::optional<absl::CivilDay>& ref, v1::TimeScope* s) {
  auto str = [](const re2::StringPiece& p) { return absl::string_view(p.data(), p.size()); };
  s->set_kind(v1::SCOPE_KIND_PERIOD);
  switch (family) {
    case kQuarter:
    case kHalf: {
      int idx = 0;
      if (!g[2].empty()) idx = g[2][0] - '0';
      else if (!g[3].empty()) idx = g[3][0] - '0';
      else {
        // The ordinal, compared in any case without a lower-cased copy (it has at least
        // three bytes: "1st").
        const absl::string_view o = str(g[4]);
        const char o0 = absl::ascii_tolower(static_cast<unsigned char>(o[0]));
        const char o1 = absl::ascii_tolower(static_cast<unsigned char>(o[1]));
        const char o2 = absl::ascii_tolower(static_cast<unsigned char>(o[2]));
        auto is = [o](absl::string_view w) {
          return o.size() == w.size() && absl::EqualsIgnoreCase(o, w);
        };
        idx = (o0 == 'f' && o1 == 'i' && o2 == 'r') || is("1st") ? 1
              : o0 == 's' || is("2nd")                          ? 2
              : o0 == 't' || is("3rd")                          ? 3
                                                                : 4;
        if (is("final")) idx = family == kQuarter ? 4 : 2;
      }
      int year = g[5].empty() ? ImpliedYear(ref) : ParseYear(str(g[5]));
      v1::Granularity gran = family == kQuarter ? v1::GRANULARITY_QUARTER : v1::GRANULARITY_HALF;
      int months = family == kQuarter ? 3 : 6;
      if (year == 0) {
        Unresolved(s, gran);
      } else {
        const int first = 1 + (idx - 1) * months;  // idx is 1..4 (quarters) or 1..2
        const int after = first + months;
        SetMonthRange(s, year, first, after > 12 ? year + 1 : year,
                      after > 12 ? after - 12 : after, gran);
      }
      if (!g[1].empty()) ApplyPreposition(str(g[1]), s);
      return true;
    }
    case kFiscalYear: {
      int year = ParseYear(str(g[2].empty() ? g[3] : g[2]));
      if (year < 1900 || year > 2100) return false;
      SetMonthRange(s, year, 1, year + 1, 1, v1::GRANULARITY_YEAR);
      if (!g[1].empty()) ApplyPreposition(str(g[1]), s);
      return true;
    }
    case kYearRange: {
      if (absl::EqualsIgnoreCase(str(g[3]), "and") &&
          !absl::EqualsIgnoreCase(str(g[1]), "between")) {
        return false;
      }
      int y1 = ParseYear(str(g[2]));
      int y2 = g[4].size() == 2 ? (y1 / 100) * 100 + ParseYear(str(g[4])) - 2000
                                : ParseYear(str(g[4]));
      if (y2 <= y1) return false;
      SetMonthRange(s, y1, 1, y2 + 1, 1, v1::GRANULARITY_MULTI_YEAR);
      return true;
    }
    case kNextPeriod: {
      std::string dir = absl::AsciiStrToLower(str(g[2]));
      int count = CountWord(str(g[3]));
      std::string unit = absl::AsciiStrToLower(str(g[4]));
      bool future = dir == "next" || dir == "coming" || dir == "following";
      s->set_kind(future ? v1::SCOPE_KIND_FORECAST : v1::SCOPE_KIND_PERIOD);
      int months = absl::StartsWith(unit, "year")      ? 12 * count
                   : absl::StartsWith(unit, "decade")  ? 120 * count
                   : absl::StartsWith(unit, "quarter") ? 3 * count
                                                       : count;
      v1::Granularity gran = months >= 24 ? v1::GRANULARITY_MULTI_YEAR
                             : months >= 12 ? v1::GRANULARITY_YEAR
                                            : v1::GRANULARITY_MONTH;
      if (!ref || count == 0) {
        Unresolved(s, gran);
      } else {
        absl::CivilMonth m(ref->year(), ref->month());
        absl::CivilDay from = future ? *ref : absl::CivilDay(m - months) + (ref->day() - 1);
        absl::CivilDay to = future ? absl::CivilDay(m + months) + (ref->day() - 1) : *ref;
        SetRange(s, from, to, gran);
      }
      return true;
    }
    case kRelative: {
      const absl::string_view dir = str(g[1]);
      const absl::string_view unit = str(g[2]);
      int shift = ContainsInAnyCase(dir, "last") || ContainsInAnyCase(dir, "previous") ||
                          ContainsInAnyCase(dir, "past")
                      ? -1
                  : absl::EqualsIgnoreCase(dir, "next") ? 1
                                                        : 0;
      if (shift > 0) s->set_kind(v1::SCOPE_KIND_FORECAST);
      v1::Granularity gran = absl::EqualsIgnoreCase(unit, "quarter") ? v1::GRANULARITY_QUARTER
                             : absl::EqualsIgnoreCase(unit, "month") ? v1::GRANULARITY_MONTH
                                                                     : v1::GRANULARITY_YEAR;
      if (!ref) {
        Unresolved(s, gran);
        return true;
      }
      if (gran == v1::GRANULARITY_YEAR) {
        int y = static_cast<int>(ref->year()) + shift;
        SetMonthRange(s, y, 1, y + 1, 1, gran);
      } else if (gran == v1::GRANULARITY_QUARTER) {
        absl::CivilMonth q(ref->year(), 1 + (ref->month() - 1) / 3 * 3);
        q += 3 * shift;
        SetRange(s, absl::CivilDay(q), absl::CivilDay(q + 3), gran);
      } else {
        absl::CivilMonth m(ref->year(), ref->month());
        m += shift;
        SetRange(s, absl::CivilDay(m), absl::CivilDay(m + 1), gran);
      }
      return true;
    }
    case kAsOf:
    case kMonth: {
      const re2::StringPiece& month_g = family == kAsOf ? g[1] : g[3];
      const re2::StringPiece& day_g =
          family == kAsOf ? g[2] : (!g[4].empty() ? g[4] : g[2]);
      const re2::StringPiece& year_g = family == kAsOf ? g[3] : g[5];
      int month = MonthIndex(str(month_g));
      int day = 0;
      if (!day_g.empty()) absl::SimpleAtoi(str(day_g), &day);
      if (day > 31) return false;
      if (family == kMonth && day_g.empty() && year_g.empty() && g[1].empty()) {
        // A month name alone ("May", "March") is too often a verb or a name.
        const absl::string_view m = str(month_g);
        if (m.size() <= 3 || absl::EqualsIgnoreCase(m, "march")) return false;
      }
      int year = year_g.empty() ? ImpliedYear(ref) : ParseYear(str(year_g));
      v1::Granularity gran = day > 0 ? v1::GRANULARITY_DAY : v1::GRANULARITY_MONTH;
      if (year == 0) {
        Unresolved(s, gran);
      } else if (day > 0) {
        absl::CivilDay d(year, month, day);
        if (d.day() != day) return false;  // "Feb 30"
        SetRange(s, d, d + 1, gran);
      } else {
        absl::CivilMonth m(year, month);
        SetRange(s, absl::CivilDay(m), absl::CivilDay(m + 1), gran);
      }
      if (family == kAsOf) {
        s->set_kind(v1::SCOPE_KIND_POINT);
      } else if (!g[1].empty()) {
        ApplyPreposition(str(g[1]), s);
      }
      return true;
    }
    case kIsoDate: {
      int year = ParseYear(str(g[2])), month = 0, day = 0;
      if (!absl::SimpleAtoi(str(g[3]), &month) || !absl::SimpleAtoi(str(g[4]), &day)) return false;
      if (month < 1 || month > 12 || day < 1 || day > 31) return false;
      absl::CivilDay d(year, month, day);
      if (d.day() != day) return false;
      SetRange(s, d, d + 1, v1::GRANULARITY_DAY);
      if (!g[1].empty()) ApplyPreposition(str(g[1]), s);
      return true;
    }
    case kYear: {
      size_t ybegin = static_cast<size_t>(g[2].data() - text.data());
      size_t yend = ybegin + g[2].size();
      // "$2020", "2,021", "1.2021", "2021%", "2025-vintage" stay; amounts do not.
      if (ybegin > 0) {
        char p = text[ybegin - 1];
        if (p == '$' || p == '.' || p == ',' || p == '#' || p == '/' || p == '-' ||
            static_cast<unsigned char>(p) >= 0x80) {
          return false;
        }
      }
      if (yend < text.size()) {
        char c = text[yend];
        if (c == '%' || c == '/' || c == ':' ||
            ((c == '.' || c == ',') && yend + 1 < text.size() &&
             absl::ascii_isdigit(static_cast<unsigned char>(text[yend + 1])))) {
          return false;
        }
      }
      (void)begin;
      int year = ParseYear(str(g[2]));
      SetMonthRange(s, year, 1, year + 1, 1, v1::GRANULARITY_YEAR);
      if (!g[1].empty()) ApplyPreposition(str(g[1]), s);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace claimcheck
