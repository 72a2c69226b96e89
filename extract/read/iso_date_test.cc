#include "extract/read/iso_date.h"

#include <string>
#include <vector>

#include "extract/read/publication_date.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// Every combination of the fields below, well-formed or not: the fast path must give
// exactly what the general parser gives whenever it answers, and ParsePublicationTime
// (fast path first) must always agree with the general parser alone.
std::vector<std::string> GeneratedDates() {
  const char* years[] = {"1899", "1900", "2024", "2025", "2200", "2201", "0000"};
  const char* months[] = {"00", "01", "02", "11", "12", "13", "1"};
  const char* days[] = {"00", "01", "04", "28", "29", "30", "31", "32"};
  const char* times[] = {"",          "T09:39",    "T00:00",     "T23:59:59",  "T23:59:60",
                         "T24:00",    "T09:60",    "T09:39:00",  "T09:39:61",  "T9:39",
                         "t09:39",    "T09:39:00.5", "T09",      "T09:3",      " 09:39",
                         "T09:39:0"};
  const char* zones[] = {"",       "Z",      "z",      "+08",    "+08:00", "-05:00",
                         "-0500",  "+14:59", "+15:00", "-05:60", "+8",     "+08:0",
                         "+0800x", "Z ",     " UTC",   ".",      ")",      "ZZ",
                         "+",      "-",      " GMT+8", "\xE2\x88\x92" "05:00"};
  std::vector<std::string> out;
  for (const char* y : years) {
    for (const char* m : months) {
      for (const char* d : days) {
        for (const char* t : times) {
          for (const char* z : zones) {
            out.push_back(std::string(y) + "-" + m + "-" + d + t + z);
          }
        }
      }
    }
  }
  out.push_back("2024/05/27");
  out.push_back("2024-05-27-");
  out.push_back("Published 2024-05-27");
  out.push_back("  Updated: 2025-11-04T09:39:00+08:00 ");
  return out;
}

TEST(IsoDateTest, FastPathAgreesWithTheGeneralParserOnGeneratedDates) {
  int fast = 0;
  for (const std::string& s : GeneratedDates()) {
    for (bool china : {false, true}) {
      DateContext ctx;
      ctx.china_context = china;
      bool general_assumed = false;
      const auto general = ParsePublicationTimeGeneral(s, ctx, &general_assumed);
      bool assumed = false;
      const auto combined = ParsePublicationTime(s, ctx, &assumed);
      ASSERT_EQ(general.has_value(), combined.has_value()) << s;
      if (general.has_value()) {
        EXPECT_EQ(general->SerializeAsString(), combined->SerializeAsString()) << s;
        EXPECT_EQ(general->DebugString(), combined->DebugString()) << s;
        EXPECT_EQ(general_assumed, assumed) << s;
      }
      bool iso_assumed = false;
      if (const auto iso = ParseIsoPublicationTime(s, &iso_assumed)) {
        ++fast;
        ASSERT_TRUE(general.has_value()) << s;
        EXPECT_EQ(general->DebugString(), iso->DebugString()) << s;
        EXPECT_EQ(general_assumed, iso_assumed) << s;
      }
    }
  }
  // The well-formed share of the combinations: the fast path must answer for them.
  EXPECT_GT(fast, 1000);
}

TEST(IsoDateTest, ReadsTheCommonForms) {
  struct Case {
    const char* name;
    const char* text;
    int64_t seconds;
    v1::TimePrecision precision;
    bool zone_assumed;
  };
  const Case cases[] = {
      {"Day", "2025-11-04", 1762214400, v1::TIME_PRECISION_DAY, false},
      {"Zulu", "2025-11-04T09:39:00Z", 1762249140, v1::TIME_PRECISION_SECOND, false},
      {"Offset", "2025-11-04T09:39:00+08:00", 1762220340, v1::TIME_PRECISION_SECOND, false},
      {"CompactOffset", "2025-11-04T09:39-0500", 1762267140, v1::TIME_PRECISION_MINUTE, false},
      {"NoZone", "2025-11-04T09:39", 1762249140, v1::TIME_PRECISION_MINUTE, true},
  };
  for (const Case& c : cases) {
    bool assumed = !c.zone_assumed;
    const auto t = ParseIsoPublicationTime(c.text, &assumed);
    ASSERT_TRUE(t.has_value()) << c.name;
    EXPECT_EQ(t->time().seconds(), c.seconds) << c.name;
    EXPECT_EQ(t->precision(), c.precision) << c.name;
    EXPECT_EQ(t->surface(), c.text) << c.name;
    EXPECT_TRUE(t->zone().empty()) << c.name;
    EXPECT_EQ(assumed, c.zone_assumed) << c.name;
  }
}

TEST(IsoDateTest, LeavesOtherFormsToTheGeneralParser) {
  for (const char* text : {"2025-11-4", "2025-02-30", "2025-11-04 09:39", "2025-11-04T09:39:00.5Z",
                           "2025-11-04t09:39", "2025-11-04T09:39 UTC", "Nov 4, 2025", ""}) {
    bool assumed = false;
    EXPECT_FALSE(ParseIsoPublicationTime(text, &assumed).has_value()) << text;
  }
}

}  // namespace
}  // namespace claimcheck
