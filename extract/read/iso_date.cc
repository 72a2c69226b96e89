#include "extract/read/iso_date.h"

#include <chrono>
#include <string>

#include "date/date.h"

namespace claimcheck {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The two-digit number at p (both bytes digits), or -1.
int TwoDigits(const char* p) {
  if (!IsDigit(p[0]) || !IsDigit(p[1])) return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

}  // namespace

std::optional<v1::PublicationTime> ParseIsoPublicationTime(absl::string_view s,
                                                           bool* zone_assumed) {
  // Raw pointers: the fields sit at fixed places and every read is checked against `end`.
  const char* p = s.data();
  const char* const end = p + s.size();
  // "YYYY-MM-DD"
  if (s.size() < 10 || p[4] != '-' || p[7] != '-') return std::nullopt;
  const int century = TwoDigits(p);
  const int yy = TwoDigits(p + 2);
  const int month = TwoDigits(p + 5);
  const int day = TwoDigits(p + 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0) return std::nullopt;
  const int year = century * 100 + yy;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || year < 1900 || year > 2200) return std::nullopt;
  p += 10;
  v1::PublicationTime out;
  long long seconds = std::chrono::duration_cast<std::chrono::seconds>(
                          date::sys_days(ymd).time_since_epoch())
                          .count();
  v1::TimePrecision precision = v1::TIME_PRECISION_DAY;
  bool assumed = false;
  if (p != end) {
    // "Thh:mm" and optional ":ss"
    if (end - p < 6 || p[0] != 'T' || p[3] != ':') return std::nullopt;
    const int hour = TwoDigits(p + 1);
    const int minute = TwoDigits(p + 4);
    if (hour < 0 || minute < 0 || hour > 23 || minute > 59) return std::nullopt;
    p += 6;
    int second = 0;
    precision = v1::TIME_PRECISION_MINUTE;
    if (p != end && *p == ':') {
      if (end - p < 3) return std::nullopt;
      second = TwoDigits(p + 1);
      if (second < 0 || second > 60) return std::nullopt;
      precision = v1::TIME_PRECISION_SECOND;
      p += 3;
    }
    seconds += hour * 3600 + minute * 60 + second;
    // "Z", "+hh", "+hh:mm", "+hhmm" (or '-'), or nothing: UTC assumed.
    if (p == end) {
      assumed = true;
    } else if (*p == 'Z') {
      if (++p != end) return std::nullopt;
    } else if (*p == '+' || *p == '-') {
      const int sign = *p == '+' ? 1 : -1;
      ++p;
      const long n = end - p;
      int hh = -1;
      int mm = 0;
      if (n == 2) {
        hh = TwoDigits(p);
      } else if (n == 4) {
        hh = TwoDigits(p);
        mm = TwoDigits(p + 2);
      } else if (n == 5 && p[2] == ':') {
        hh = TwoDigits(p);
        mm = TwoDigits(p + 3);
      } else {
        return std::nullopt;
      }
      if (hh < 0 || mm < 0 || hh > 14 || mm > 59) return std::nullopt;
      seconds -= sign * (hh * 60 + mm) * 60;
    } else {
      return std::nullopt;
    }
  }
  out.set_precision(precision);
  out.mutable_time()->set_seconds(seconds);
  out.mutable_time()->set_nanos(0);
  out.set_surface(std::string(s));
  if (zone_assumed != nullptr) *zone_assumed = assumed;
  return out;
}

}  // namespace claimcheck
