#include "extract/read/publication_date.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "date/date.h"
#include "date/tz.h"
#include "extract/read/byte_words.h"
#include "extract/read/date_words.h"
#include "extract/read/iso_date.h"

namespace claimcheck {
namespace {

using date_words::CanStartDate;
using date_words::EqualsAny;
using date_words::MonthNumber;
using date_words::Token;
using date_words::Tokenize;
using date_words::Tokens;
using date_words::WeekdayNumber;

struct Parsed {
  bool relative = false;
  // Absolute.
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  // Clock time (absolute, or with "Yesterday at").
  int hour = -1;
  int minute = 0;
  int second = 0;
  bool has_seconds = false;
  absl::string_view zone;  // IANA name (a literal of Parser::Zone); empty = UTC or unknown
  bool has_offset = false;
  int offset_minutes = 0;
  // Relative.
  int rel_days = 0;
  int rel_months = 0;
  int rel_years = 0;
  int weekday = -1;  // "Saturday at 3:14 PM": the last such day before the reference
  v1::TimePrecision precision = v1::TIME_PRECISION_DAY;
  size_t end_token = 0;
};

// Whether the document of `ctx` is about China (DateContext::china_context, china_text).
bool AboutChina(const DateContext& ctx) {
  if (ctx.china_context) return true;
  for (absl::string_view text : ctx.china_text) {
    if (!text.empty() && MentionsChina(text)) return true;
  }
  return false;
}

// Parser::CanStartAt(0) for `s` (stripped of whitespace), without tokenizing all of it.
bool FirstTokenCanStartDate(absl::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (absl::ascii_isdigit(c)) return true;
  if (!absl::ascii_isalpha(c)) return false;
  size_t e = 1;
  while (e < s.size() && absl::ascii_isalpha(static_cast<unsigned char>(s[e]))) ++e;
  return CanStartDate(s.substr(0, e));
}

class Parser {
 public:
  Parser(absl::string_view text, const DateContext& ctx)
      : text_(text), ctx_(ctx) {
    Tokenize(text, &toks_);
  }

  const Tokens& tokens() const { return toks_; }

  // False when no date expression can start at token i: every one starts with a number,
  // a month or weekday name, or one of the words of a relative expression. A cheap test
  // that spares TryAt on most tokens of a line.
  bool CanStartAt(size_t i) const {
    if (i >= toks_.size()) return false;
    const Token& t = toks_[i];
    if (t.kind == Token::kNum) return true;
    return t.kind == Token::kWord && CanStartDate(t.text);
  }

  bool TryAt(size_t i, Parsed* p) {
    *p = Parsed();
    if (Iso(i, p)) return true;
    *p = Parsed();
    if (MonthFirst(i, p)) return true;
    *p = Parsed();
    if (DayFirst(i, p)) return true;
    *p = Parsed();
    return Relative(i, p);
  }

 private:
  bool IsWord(size_t k, std::initializer_list<absl::string_view> words) const {
    return k < toks_.size() && toks_[k].kind == Token::kWord && EqualsAny(toks_[k].text, words);
  }
  bool IsPunct(size_t k, absl::string_view p) const {
    return k < toks_.size() && toks_[k].kind == Token::kPunct && toks_[k].text == p;
  }
  bool IsNum(size_t k, size_t min_digits, size_t max_digits) const {
    return k < toks_.size() && toks_[k].kind == Token::kNum &&
           toks_[k].text.size() >= min_digits && toks_[k].text.size() <= max_digits;
  }
  bool Adjacent(size_t k) const { return k > 0 && toks_[k - 1].end == toks_[k].begin; }
  // The value of the number token k, or -1 when it does not fit an int. Tokens of up
  // to 9 digits (all the parser reads) are summed digit by digit.
  int Num(size_t k) const {
    const absl::string_view digits = toks_[k].text;
    int v = 0;
    if (digits.size() <= 9) {
      for (char c : digits) v = v * 10 + (c - '0');
      return v;
    }
    if (!absl::SimpleAtoi(digits, &v)) return -1;
    return v;
  }

  // 4, 4th, 21st: returns the next token index or 0 on failure.
  size_t Day(size_t k, unsigned* day) const {
    if (!IsNum(k, 1, 2)) return 0;
    int d = Num(k);
    if (d < 1 || d > 31) return 0;
    *day = static_cast<unsigned>(d);
    ++k;
    if (IsWord(k, {"st", "nd", "rd", "th"}) && Adjacent(k)) ++k;
    return k;
  }

  size_t SkipWeekday(size_t k) const {
    if (k < toks_.size() && toks_[k].kind == Token::kWord && WeekdayNumber(toks_[k].text) >= 0) {
      ++k;
      if (IsPunct(k, ",")) ++k;
    }
    return k;
  }

  // Clock time: 4:39, 16:39:05, 4:39 am, 4 pm, 10:42 PM, 1:20 p.m.
  size_t Time(size_t k, Parsed* p) const {
    if (!IsNum(k, 1, 2)) return 0;
    int h = Num(k);
    int m = 0;
    int s = 0;
    bool seconds = false;
    size_t j = k + 1;
    bool colon = false;
    if (IsPunct(j, ":") && IsNum(j + 1, 2, 2)) {
      m = Num(j + 1);
      j += 2;
      colon = true;
      if (IsPunct(j, ":") && IsNum(j + 1, 2, 2)) {
        s = Num(j + 1);
        seconds = true;
        j += 2;
        if (IsPunct(j, ".") && IsNum(j + 1, 1, 9) && Adjacent(j + 1)) j += 2;
      }
    }
    int ampm = 0;  // 1 am, 2 pm
    if (IsWord(j, {"am", "pm"})) {
      ampm = absl::ascii_tolower(static_cast<unsigned char>(toks_[j].text[0])) == 'a' ? 1 : 2;
      ++j;
    } else if (IsWord(j, {"a", "p"}) && IsPunct(j + 1, ".") && IsWord(j + 2, {"m"})) {
      ampm = absl::ascii_tolower(static_cast<unsigned char>(toks_[j].text[0])) == 'a' ? 1 : 2;
      j += 3;
      if (IsPunct(j, ".")) ++j;
    }
    if (!colon && ampm == 0) return 0;
    if (ampm != 0) {
      if (h < 1 || h > 12) return 0;
      if (ampm == 1 && h == 12) h = 0;
      if (ampm == 2 && h != 12) h += 12;
    }
    if (h > 23 || m > 59 || s > 60) return 0;
    p->hour = h;
    p->minute = m;
    p->second = s;
    p->has_seconds = seconds;
    p->precision = seconds ? v1::TIME_PRECISION_SECOND : v1::TIME_PRECISION_MINUTE;
    return j;
  }

  // +05:30, -0500, +08 (after GMT/UTC or a time). Returns next index or 0.
  size_t Offset(size_t k, Parsed* p) const {
    if (!(IsPunct(k, "+") || IsPunct(k, "-") || IsPunct(k, "\xE2\x88\x92"))) return 0;
    int sign = IsPunct(k, "+") ? 1 : -1;
    int hh = 0;
    int mm = 0;
    size_t j = k + 1;
    if (IsNum(j, 4, 4)) {
      int v = Num(j);
      hh = v / 100;
      mm = v % 100;
      ++j;
    } else if (IsNum(j, 1, 2)) {
      hh = Num(j);
      ++j;
      if (IsPunct(j, ":") && IsNum(j + 1, 2, 2)) {
        mm = Num(j + 1);
        j += 2;
      }
    } else {
      return 0;
    }
    if (hh > 14 || mm > 59) return 0;
    p->has_offset = true;
    p->offset_minutes = sign * (hh * 60 + mm);
    p->zone = {};
    return j;
  }

  // A zone abbreviation, "GMT+8", "Beijing time", an offset; optional parentheses.
  size_t Zone(size_t k, Parsed* p) const {
    size_t j = k;
    bool paren = IsPunct(j, "(");
    if (paren) ++j;
    size_t after = 0;
    if (j < toks_.size() && toks_[j].kind == Token::kWord) {
      absl::string_view w = toks_[j].text;
      const char* zone = nullptr;
      bool utc = false;
      if (w == "Z" || w == "GMT" || w == "UTC" || w == "UT") {
        utc = true;
      } else if (w == "ET" || w == "EST" || w == "EDT") {
        zone = "America/New_York";
      } else if (w == "PT" || w == "PST" || w == "PDT") {
        zone = "America/Los_Angeles";
      } else if (w == "CT" || w == "CDT") {
        zone = "America/Chicago";
      } else if (w == "CST") {
        zone = AboutChina(ctx_) ? "Asia/Shanghai" : "America/Chicago";
      } else if (w == "MT" || w == "MST" || w == "MDT") {
        zone = "America/Denver";
      } else if (w == "HKT") {
        zone = "Asia/Hong_Kong";
      } else if (w == "SGT") {
        zone = "Asia/Singapore";
      } else if (w == "JST") {
        zone = "Asia/Tokyo";
      } else if (w == "KST") {
        zone = "Asia/Seoul";
      } else if (w == "BST") {
        zone = "Europe/London";
      } else if (w == "CET" || w == "CEST") {
        zone = "Europe/Paris";
      } else if (w == "IST") {
        zone = "Asia/Kolkata";
      } else if (w == "AEST" || w == "AEDT") {
        zone = "Australia/Sydney";
      } else if ((w == "Beijing" || w == "China") && IsWord(j + 1, {"time"})) {
        zone = "Asia/Shanghai";
        ++j;
      }
      if (utc) {
        p->has_offset = true;
        p->offset_minutes = 0;
        p->zone = {};
        after = j + 1;
        if (w != "Z") {
          size_t off = Offset(after, p);
          if (off) after = off;
        }
      } else if (zone != nullptr) {
        p->zone = zone;
        after = j + 1;
      }
    } else if (size_t off = Offset(j, p)) {
      after = off;
    }
    if (after == 0) return 0;
    if (paren) {
      if (!IsPunct(after, ")")) return 0;
      ++after;
    }
    return after;
  }

  // Optional time (after a connector) and zone following a complete date at k.
  size_t TimeAndZone(size_t k, Parsed* p) const {
    size_t j = k;
    if (IsPunct(j, ",") || IsPunct(j, "-") || IsPunct(j, "|") || IsPunct(j, "@") ||
        IsPunct(j, "\xC2\xB7") || IsPunct(j, "\xE2\x80\x93") || IsWord(j, {"at"})) {
      ++j;
    }
    if (size_t t = Time(j, p)) {
      k = t;
      if (size_t z = Zone(k, p)) k = z;
    }
    return k;
  }

  bool Iso(size_t k, Parsed* p) const {
    if (!IsNum(k, 4, 4)) return false;
    bool dash = IsPunct(k + 1, "-");
    if (!(dash || IsPunct(k + 1, "/")) || !IsNum(k + 2, 1, 2) || !IsPunct(k + 3, toks_[k + 1].text) ||
        !IsNum(k + 4, 1, 2) || !Adjacent(k + 1) || !Adjacent(k + 2) || !Adjacent(k + 3) ||
        !Adjacent(k + 4)) {
      return false;
    }
    p->year = Num(k);
    p->month = static_cast<unsigned>(Num(k + 2));
    p->day = static_cast<unsigned>(Num(k + 4));
    size_t j = k + 5;
    if (IsWord(j, {"T"}) && Adjacent(j)) {
      size_t t = Time(j + 1, p);
      if (t == 0) return false;
      j = t;
      if (size_t z = Zone(j, p)) j = z;
    } else {
      j = TimeAndZone(j, p);
    }
    p->end_token = j;
    return true;
  }

  bool MonthFirst(size_t k, Parsed* p) const {
    size_t j = SkipWeekday(k);
    if (j >= toks_.size() || toks_[j].kind != Token::kWord) return false;
    unsigned month = MonthNumber(toks_[j].text);
    if (month == 0) return false;
    ++j;
    if (IsPunct(j, ".")) ++j;
    unsigned day = 0;
    j = Day(j, &day);
    if (j == 0) return false;
    if (IsPunct(j, ",")) ++j;
    if (!IsNum(j, 4, 4)) return false;
    p->year = Num(j);
    p->month = month;
    p->day = day;
    p->end_token = TimeAndZone(j + 1, p);
    return true;
  }

  bool DayFirst(size_t k, Parsed* p) const {
    size_t j = SkipWeekday(k);
    unsigned day = 0;
    j = Day(j, &day);
    if (j == 0) return false;
    if (IsWord(j, {"of"})) ++j;
    if (j >= toks_.size() || toks_[j].kind != Token::kWord) return false;
    unsigned month = MonthNumber(toks_[j].text);
    if (month == 0) return false;
    ++j;
    if (IsPunct(j, ".")) ++j;
    if (IsPunct(j, ",")) ++j;
    if (!IsNum(j, 4, 4)) return false;
    p->year = Num(j);
    p->month = month;
    p->day = day;
    p->end_token = TimeAndZone(j + 1, p);
    return true;
  }

  bool Relative(size_t k, Parsed* p) const {
    p->relative = true;
    size_t j = k;
    if (IsWord(j, {"yesterday", "today"})) {
      p->rel_days = IsWord(j, {"yesterday"}) ? -1 : 0;
      p->end_token = TimeAndZone(j + 1, p);
      return true;
    }
    if (j < toks_.size() && toks_[j].kind == Token::kWord && WeekdayNumber(toks_[j].text) >= 0 &&
        IsWord(j + 1, {"at"})) {
      size_t t = Time(j + 2, p);
      if (t == 0) return false;
      p->weekday = WeekdayNumber(toks_[j].text);
      size_t z = Zone(t, p);
      p->end_token = z ? z : t;
      return true;
    }
    if (IsWord(j, {"last"}) || IsWord(j, {"past"})) {
      if (IsWord(j + 1, {"week"})) {
        p->rel_days = -7;
      } else if (IsWord(j + 1, {"month"})) {
        p->rel_months = -1;
        p->precision = v1::TIME_PRECISION_MONTH;
      } else if (IsWord(j + 1, {"year"})) {
        p->rel_years = -1;
        p->precision = v1::TIME_PRECISION_YEAR;
      } else {
        return false;
      }
      p->end_token = j + 2;
      return true;
    }
    int n = 0;
    if (IsNum(j, 1, 3)) {
      n = Num(j);
    } else if (IsWord(j, {"a", "an", "one"})) {
      n = 1;
    } else {
      return false;
    }
    size_t u = j + 1;
    if (!IsWord(u + 1, {"ago"})) return false;
    if (IsWord(u, {"minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
                   "second", "seconds"})) {
      p->rel_days = 0;  // within the reference day (to the day only)
    } else if (IsWord(u, {"day", "days"})) {
      p->rel_days = -n;
    } else if (IsWord(u, {"week", "weeks"})) {
      p->rel_days = -7 * n;
    } else if (IsWord(u, {"month", "months"})) {
      p->rel_months = -n;
      p->precision = v1::TIME_PRECISION_MONTH;
    } else if (IsWord(u, {"year", "years", "yr", "yrs"})) {
      p->rel_years = -n;
      p->precision = v1::TIME_PRECISION_YEAR;
    } else {
      return false;
    }
    p->end_token = u + 2;
    return true;
  }

  absl::string_view text_;
  const DateContext& ctx_;
  Tokens toks_;
};

// Hinnant's locate_zone throws when a zone is missing from the system tz database; this
// is the one place we catch, so no exception crosses into our code.
const date::time_zone* LocateZone(absl::string_view name) {
  try {
    return date::locate_zone(std::string_view(name.data(), name.size()));
  } catch (const std::exception&) {
    return nullptr;
  }
}

// The zones Parser::Zone names, each looked up in the tz database once (a lookup is a
// search of several hundred names).
const date::time_zone* FindZone(absl::string_view name) {
  static const auto* zones = [] {
    auto* m = new absl::flat_hash_map<std::string, const date::time_zone*>;
    for (const char* z : {"America/New_York", "America/Los_Angeles", "America/Chicago",
                          "America/Denver", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore",
                          "Asia/Tokyo", "Asia/Seoul", "Europe/London", "Europe/Paris",
                          "Asia/Kolkata", "Australia/Sydney"}) {
      m->emplace(z, LocateZone(z));
    }
    return m;
  }();
  auto it = zones->find(name);
  return it != zones->end() ? it->second : LocateZone(name);
}

void SetTime(date::sys_seconds t, v1::PublicationTime* out) {
  out->mutable_time()->set_seconds(t.time_since_epoch().count());
  out->mutable_time()->set_nanos(0);
}

// True when `p` has a clock time but no zone or offset.
bool ZoneAssumed(const Parsed& p) {
  return p.hour >= 0 && !p.has_offset && p.zone.empty() &&
         (p.precision == v1::TIME_PRECISION_MINUTE || p.precision == v1::TIME_PRECISION_SECOND);
}

// Fills `out` from `p`; false when the date is impossible.
bool Resolve(const Parsed& p, const DateContext& ctx, v1::PublicationTime* out) {
  using namespace std::chrono;
  out->set_precision(p.precision);
  date::year_month_day ymd;
  if (p.relative) {
    out->set_method(v1::DATE_METHOD_RELATIVE);
    if (!ctx.reference_date.has_value()) {
      out->set_unresolved_relative(true);
      return true;
    }
    const absl::CivilDay ref = *ctx.reference_date;
    absl::CivilDay day = ref + p.rel_days;
    if (p.weekday >= 0) {
      // absl::Weekday: monday = 0 .. sunday = 6; ours: sunday = 0.
      int ref_wd = (static_cast<int>(absl::GetWeekday(ref)) + 1) % 7;
      int back = (ref_wd - p.weekday + 7) % 7;
      if (back == 0) back = 7;
      day = ref - back;
    }
    if (p.precision == v1::TIME_PRECISION_MONTH) {
      absl::CivilMonth m = absl::CivilMonth(ref) + p.rel_months;
      day = absl::CivilDay(m);
    } else if (p.precision == v1::TIME_PRECISION_YEAR) {
      absl::CivilYear y = absl::CivilYear(ref) + p.rel_years;
      day = absl::CivilDay(y);
    }
    ymd = date::year{static_cast<int>(day.year())} / static_cast<unsigned>(day.month()) /
          static_cast<unsigned>(day.day());
  } else {
    ymd = date::year{p.year} / p.month / p.day;
    if (!ymd.ok() || p.year < 1900 || p.year > 2200) return false;
  }
  date::local_seconds local{date::local_days(ymd).time_since_epoch()};
  if (p.hour < 0 || p.precision == v1::TIME_PRECISION_DAY ||
      p.precision == v1::TIME_PRECISION_MONTH || p.precision == v1::TIME_PRECISION_YEAR) {
    // A date without a clock time is that calendar day, whatever the zone.
    SetTime(date::sys_seconds{local.time_since_epoch()}, out);
    return true;
  }
  local += hours{p.hour} + minutes{p.minute} + seconds{p.second};
  if (p.has_offset) {
    SetTime(date::sys_seconds{local.time_since_epoch()} - minutes{p.offset_minutes}, out);
    return true;
  }
  if (!p.zone.empty()) {
    if (const date::time_zone* tz = FindZone(p.zone)) {
      SetTime(tz->to_sys(local, date::choose::earliest), out);
      out->set_zone(p.zone.data(), p.zone.size());
      return true;
    }
  }
  SetTime(date::sys_seconds{local.time_since_epoch()}, out);
  return true;
}

absl::string_view StripLeadIn(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  // Every lead-in starts with d, o, p or u; each is compared only where its first letter
  // is the text's.
  if (s.empty()) return s;
  const char first = absl::ascii_tolower(static_cast<unsigned char>(s[0]));
  if (first != 'd' && first != 'o' && first != 'p' && first != 'u') return s;
  for (absl::string_view lead : {"Posted on", "Published on", "Updated on", "Posted",
                                 "Published", "Updated", "Date:", "Dated", "on"}) {
    if (absl::ascii_tolower(static_cast<unsigned char>(lead[0])) != first) continue;
    if (absl::StartsWithIgnoreCase(s, lead) &&
        (s.size() == lead.size() || !absl::ascii_isalpha(static_cast<unsigned char>(s[lead.size()])))) {
      s = absl::StripAsciiWhitespace(s.substr(lead.size()));
      s = absl::StripPrefix(s, ":");
      s = absl::StripAsciiWhitespace(s);
      break;
    }
  }
  return s;
}

// ParsePublicationTimeGeneral for `s`, stripped of its lead-in.
std::optional<v1::PublicationTime> ParseStripped(absl::string_view s, const DateContext& context,
                                                 bool* zone_assumed) {
  // Most lines tried are not dates: their first word says so before any tokenizing.
  if (!FirstTokenCanStartDate(s)) return std::nullopt;
  Parser parser(s, context);
  const auto& toks = parser.tokens();
  if (toks.empty()) return std::nullopt;
  Parsed p;
  if (!parser.TryAt(0, &p)) return std::nullopt;
  size_t end = p.end_token;
  while (end < toks.size() && (toks[end].text == "." || toks[end].text == ")")) ++end;
  if (end != toks.size()) return std::nullopt;
  v1::PublicationTime out;
  if (!Resolve(p, context, &out)) return std::nullopt;
  out.set_surface(std::string(s));
  if (zone_assumed != nullptr) *zone_assumed = ZoneAssumed(p);
  return out;
}

}  // namespace

std::optional<v1::PublicationTime> ParsePublicationTime(absl::string_view text,
                                                        const DateContext& context,
                                                        bool* zone_assumed) {
  const absl::string_view s = StripLeadIn(text);
  // The plain ISO 8601 forms of feeds and page metadata, read without tokenizing (the
  // size and the first '-' tested here spare the call on every other line).
  if (s.size() >= 10 && s[4] == '-') {
    if (auto iso = ParseIsoPublicationTime(s, zone_assumed)) return iso;
  }
  return ParseStripped(s, context, zone_assumed);
}

std::optional<v1::PublicationTime> ParsePublicationTimeGeneral(absl::string_view text,
                                                               const DateContext& context,
                                                               bool* zone_assumed) {
  return ParseStripped(StripLeadIn(text), context, zone_assumed);
}

std::optional<FoundDate> FindDateInLine(absl::string_view line, const DateContext& context) {
  Parser parser(line, context);
  const auto& toks = parser.tokens();
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!parser.CanStartAt(i)) continue;
    Parsed p;
    if (!parser.TryAt(i, &p)) continue;
    FoundDate found;
    if (!Resolve(p, context, &found.time)) continue;
    found.zone_assumed = ZoneAssumed(p);
    found.begin = toks[i].begin;
    found.end = toks[p.end_token - 1].end;
    found.time.set_surface(std::string(line.substr(found.begin, found.end - found.begin)));
    return found;
  }
  return std::nullopt;
}

bool MentionsChina(absl::string_view text) {
  // One pass over the capitals that can start a name (C, B, S, P, H, T), sixteen bytes at
  // a time, each compared with the names it starts: China, Chinese, Beijing, Shanghai,
  // Shenzhen, PRC, Hong Kong, Taiwan, Taipei.
  const char* const d = text.data();
  const size_t n = text.size();
  auto is = [&](size_t k, absl::string_view name) {
    return n - k >= name.size() && std::memcmp(d + k, name.data(), name.size()) == 0;
  };
  auto name_at = [&](size_t k) {
    switch (d[k]) {
      case 'C': return is(k, "China") || is(k, "Chinese");
      case 'B': return is(k, "Beijing");
      case 'S': return is(k, "Shanghai") || is(k, "Shenzhen");
      case 'P': return is(k, "PRC");
      case 'H': return is(k, "Hong Kong");
      case 'T': return is(k, "Taiwan") || is(k, "Taipei");
      default: return false;
    }
  };
  size_t i = 0;
  for (; i + ByteBlock::kSize <= n; i += ByteBlock::kSize) {
    const ByteBlock block(d + i);
    uint32_t capitals = block.Equal('C') | block.Equal('B') | block.Equal('S') |
                        block.Equal('P') | block.Equal('H') | block.Equal('T');
    for (; capitals != 0; capitals &= capitals - 1) {
      if (name_at(i + FirstMarked(capitals))) return true;
    }
  }
  for (; i < n; ++i) {
    if (name_at(i)) return true;
  }
  return false;
}

}  // namespace claimcheck
