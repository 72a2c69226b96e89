#include "extract/scope_days.h"

#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(ScopeDaysTest, FormatAndParseRoundTrip) {
  for (const absl::CivilDay day : {absl::CivilDay(2025, 7, 1), absl::CivilDay(1999, 12, 31),
                                   absl::CivilDay(2024, 2, 29), absl::CivilDay(42, 1, 5)}) {
    const std::string written = FormatDay(day);
    absl::CivilDay read;
    ASSERT_TRUE(ParseDay(written, &read)) << written;
    EXPECT_EQ(read, day) << written;
  }
  EXPECT_EQ(FormatDay(absl::CivilDay(2025, 7, 1)), "2025-07-01");
  EXPECT_EQ(FormatDay(absl::CivilDay(42, 1, 5)), "0042-01-05");
}

TEST(ScopeDaysTest, ParseRejectsWhatIsNoDay) {
  absl::CivilDay day(2000, 1, 1);
  for (const char* bad : {"", "2025", "July 1", "2025/07/01"}) {
    EXPECT_FALSE(ParseDay(bad, &day)) << bad;
    EXPECT_EQ(day, absl::CivilDay(2000, 1, 1)) << bad;
  }
}

TEST(ScopeDaysTest, PublicationDayIsTheUtcDay) {
  struct {
    int64_t seconds;
    absl::CivilDay day;
  } cases[] = {
      {0, absl::CivilDay(1970, 1, 1)},
      {-1, absl::CivilDay(1969, 12, 31)},
      {1763164800, absl::CivilDay(2025, 11, 15)},
      {1763164800 + 86399, absl::CivilDay(2025, 11, 15)},
  };
  for (const auto& c : cases) {
    v1::PublicationTime p;
    p.mutable_time()->set_seconds(c.seconds);
    EXPECT_EQ(PublicationDay(p), c.day) << c.seconds;
  }
  // The plain arithmetic agrees with cctz, and past its range cctz answers.
  for (const int64_t seconds : {int64_t{-86400} * 800000, int64_t{951782400}, int64_t{4107542399},
                                (int64_t{1} << 40) - 1, int64_t{1} << 41}) {
    v1::PublicationTime p;
    p.mutable_time()->set_seconds(seconds);
    EXPECT_EQ(PublicationDay(p),
              absl::ToCivilDay(absl::FromUnixSeconds(seconds), absl::UTCTimeZone()))
        << seconds;
  }
}

TEST(ScopeDaysTest, ResolvedNeedsAStartAndNoUnresolvedMark) {
  v1::TimeScope s;
  EXPECT_FALSE(Resolved(s));
  s.set_start("2025-01-01");
  EXPECT_TRUE(Resolved(s));
  s.set_unresolved(true);
  EXPECT_FALSE(Resolved(s));
}

}  // namespace
}  // namespace claimcheck
