#include "extract/scope_days.h"

#include <cstdint>
#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"

namespace claimcheck {

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

}  // namespace claimcheck
