#include "claims/time_scope.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"

namespace claimcheck {
namespace {

absl::StatusOr<std::optional<absl::CivilDay>> ParseDay(absl::string_view text,
                                                       absl::string_view field) {
  if (text.empty()) return std::optional<absl::CivilDay>();
  // Read by hand: this runs for every claim, and absl's parser is much slower.
  auto digits = [&](size_t from, size_t n, int* out) {
    *out = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
      *out = *out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool ok = text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(0, 4, &y) &&
            digits(5, 2, &m) && digits(8, 2, &d) && m >= 1 && m <= 12 && d >= 1 &&
            d <= kDays[m - 1];
  if (ok && m == 2 && d == 29) ok = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (!ok) {
    return absl::InvalidArgumentError(
        absl::StrCat("time scope ", field, " '", text, "' is not a YYYY-MM-DD date"));
  }
  return std::optional<absl::CivilDay>(absl::CivilDay(y, m, d));
}

bool ParseYear(absl::string_view text, int* year) {
  if (text.size() != 4) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(text, year);
}

v1::TimeScope MakeScope(absl::CivilDay start, absl::CivilDay end, v1::Granularity g,
                        absl::string_view text) {
  v1::TimeScope scope;
  scope.set_start(absl::FormatCivilTime(start));
  scope.set_end(absl::FormatCivilTime(end));
  scope.set_granularity(g);
  scope.set_kind(v1::SCOPE_KIND_PERIOD);
  scope.set_text(std::string(text));
  return scope;
}

}  // namespace

absl::StatusOr<ScopeRange> ParseScopeRange(const v1::TimeScope& scope) {
  ScopeRange range;
  auto start = ParseDay(scope.start(), "start");
  if (!start.ok()) return start.status();
  auto end = ParseDay(scope.end(), "end");
  if (!end.ok()) return end.status();
  range.start = *start;
  range.end = *end;
  if (range.start && range.end && *range.end <= *range.start) {
    return absl::InvalidArgumentError(absl::StrCat("time scope end '", scope.end(),
                                                   "' is not after start '", scope.start(),
                                                   "'"));
  }
  return range;
}

bool IsStatedScope(const v1::TimeScope& scope) {
  return (!scope.start().empty() || !scope.end().empty()) && !scope.unresolved() &&
         !scope.inferred();
}

bool RangesOverlap(const ScopeRange& a, const ScopeRange& b) {
  if (a.empty() || b.empty()) return false;
  // [as, ae) and [bs, be) overlap iff as < be and bs < ae, open sides being infinite.
  bool a_before_b_end = !a.start || !b.end || *a.start < *b.end;
  bool b_before_a_end = !b.start || !a.end || *b.start < *a.end;
  return a_before_b_end && b_before_a_end;
}

bool RangeContains(const ScopeRange& range, absl::CivilDay day) {
  if (range.empty()) return false;
  return (!range.start || *range.start <= day) && (!range.end || day < *range.end);
}

ScopeRelation RelateRanges(const ScopeRange& a, const ScopeRange& b) {
  if (a.empty() || b.empty()) return ScopeRelation::kUnknown;
  if (a == b) return ScopeRelation::kSame;
  if (!RangesOverlap(a, b)) return ScopeRelation::kDisjoint;
  // x inside y: y's start is open or not after x's, y's end is open or not before x's.
  auto inside = [](const ScopeRange& x, const ScopeRange& y) {
    bool start_ok = !y.start || (x.start && *y.start <= *x.start);
    bool end_ok = !y.end || (x.end && *x.end <= *y.end);
    return start_ok && end_ok;
  };
  if (inside(a, b)) return ScopeRelation::kPartOf;
  if (inside(b, a)) return ScopeRelation::kContains;
  return ScopeRelation::kOverlaps;
}

std::optional<int> RangeYear(const ScopeRange& range) {
  if (range.start && range.end) {
    // Fast path, no day arithmetic: a range within one calendar year (ending on or
    // before the next 1 January) has its middle in that year.
    const absl::CivilDay& start = *range.start;
    const absl::CivilDay& end = *range.end;
    if (end.year() == start.year() ||
        (end.year() == start.year() + 1 && end.month() == 1 && end.day() == 1)) {
      return static_cast<int>(start.year());
    }
    absl::CivilDay last = *range.end - 1;
    absl::CivilDay middle = *range.start + (last - *range.start) / 2;
    return static_cast<int>(middle.year());
  }
  if (range.start) return static_cast<int>(range.start->year());
  if (range.end) return static_cast<int>((*range.end - 1).year());
  return std::nullopt;
}

absl::StatusOr<v1::TimeScope> ParsePeriod(absl::string_view period) {
  absl::string_view text = absl::StripAsciiWhitespace(period);
  auto bad = [&]() {
    return absl::InvalidArgumentError(absl::StrCat(
        "period '", period,
        "' is not one of YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-MM-DD, FYYYYY or A..B"));
  };
  absl::string_view rest = text;
  int year = 0;
  if (absl::ConsumePrefix(&rest, "FY") && ParseYear(rest, &year)) {
    return MakeScope(absl::CivilDay(year, 1, 1), absl::CivilDay(year + 1, 1, 1),
                     v1::GRANULARITY_YEAR, text);
  }
  if (ParseYear(text, &year)) {
    return MakeScope(absl::CivilDay(year, 1, 1), absl::CivilDay(year + 1, 1, 1),
                     v1::GRANULARITY_YEAR, text);
  }
  size_t dots = text.find("..");
  if (dots != absl::string_view::npos) {
    // "A..B": from the start of period A to the end of period B.
    auto first = ParsePeriod(text.substr(0, dots));
    auto last = ParsePeriod(text.substr(dots + 2));
    if (!first.ok() || !last.ok() || first->start() >= last->end() ||
        absl::StrContains(text.substr(dots + 2), "..")) {
      return bad();
    }
    v1::TimeScope scope = *first;
    scope.set_end(last->end());
    scope.set_kind(v1::SCOPE_KIND_PERIOD);
    scope.set_granularity(first->granularity() == v1::GRANULARITY_YEAR &&
                                  last->granularity() == v1::GRANULARITY_YEAR
                              ? v1::GRANULARITY_MULTI_YEAR
                              : v1::GRANULARITY_UNSPECIFIED);
    scope.set_text(std::string(text));
    return scope;
  }
  if (text.size() == 7 && text[4] == '-' && ParseYear(text.substr(0, 4), &year)) {
    char kind = absl::ascii_toupper(static_cast<unsigned char>(text[5]));
    int n = text[6] - '0';
    if (kind == 'Q' && n >= 1 && n <= 4) {
      absl::CivilMonth first(year, 3 * (n - 1) + 1);
      return MakeScope(absl::CivilDay(first), absl::CivilDay(first + 3),
                       v1::GRANULARITY_QUARTER, text);
    }
    if (kind == 'H' && (n == 1 || n == 2)) {
      absl::CivilMonth first(year, 6 * (n - 1) + 1);
      return MakeScope(absl::CivilDay(first), absl::CivilDay(first + 6), v1::GRANULARITY_HALF,
                       text);
    }
    int month = 0;
    if (absl::SimpleAtoi(text.substr(5, 2), &month) && month >= 1 && month <= 12 &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[5]))) {
      absl::CivilMonth m(year, month);
      return MakeScope(absl::CivilDay(m), absl::CivilDay(m + 1), v1::GRANULARITY_MONTH, text);
    }
    return bad();
  }
  if (text.size() == 10) {
    absl::CivilDay day;
    if (absl::ParseCivilTime(text, &day) && absl::FormatCivilTime(day) == text) {
      v1::TimeScope scope = MakeScope(day, day + 1, v1::GRANULARITY_DAY, text);
      scope.set_kind(v1::SCOPE_KIND_POINT);
      return scope;
    }
  }
  return bad();
}

std::string FormatRange(const ScopeRange& range) {
  if (range.empty()) return "undated";
  if (range.start && range.end) {
    absl::CivilDay s = *range.start;
    absl::CivilDay e = *range.end;
    if (s.day() == 1 && e.day() == 1) {
      if (s.month() == 1 && e.month() == 1) {
        if (e.year() == s.year() + 1) return absl::StrCat(s.year());
        return absl::StrCat(s.year(), "..", e.year() - 1);
      }
      int months = static_cast<int>(absl::CivilMonth(e) - absl::CivilMonth(s));
      if (months == 1) return absl::StrFormat("%04d-%02d", s.year(), s.month());
      if (months == 3 && (s.month() - 1) % 3 == 0) {
        return absl::StrFormat("%04d-Q%d", s.year(), (s.month() - 1) / 3 + 1);
      }
      if (months == 6 && (s.month() - 1) % 6 == 0) {
        return absl::StrFormat("%04d-H%d", s.year(), (s.month() - 1) / 6 + 1);
      }
    }
    if (e - s == 1) return absl::FormatCivilTime(s);
    return absl::StrCat("[", absl::FormatCivilTime(s), ", ", absl::FormatCivilTime(e), ")");
  }
  if (range.start) return absl::StrCat("since ", absl::FormatCivilTime(*range.start));
  return absl::StrCat("before ", absl::FormatCivilTime(*range.end));
}

}  // namespace claimcheck
