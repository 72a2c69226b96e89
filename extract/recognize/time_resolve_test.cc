#include "extract/recognize/time_resolve.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"
#include "re2/stringpiece.h"

namespace claimcheck {
namespace {

struct Case {
  const char* name;
  int family;
  const char* text;                 // the whole expression (group 0)
  std::vector<std::string> groups;  // groups 1.., each found in `text` ("" = not written)
  bool with_reference;              // resolve against 2025-03-10, else no reference
  bool resolves;
  const char* start;
  const char* end;
  v1::Granularity granularity;
  v1::ScopeKind kind;
  bool unresolved;
};

TEST(ResolveTimeTest, EachFamily) {
  const Case kCases[] = {
      {"year", kYear, "in 2024", {"in", "2024"}, true, true, "2024-01-01", "2025-01-01",
       v1::GRANULARITY_YEAR, v1::SCOPE_KIND_PERIOD, false},
      {"deadline", kYear, "by 2030", {"by", "2030"}, true, true, "", "2031-01-01",
       v1::GRANULARITY_YEAR, v1::SCOPE_KIND_DEADLINE, false},
      {"open end", kYear, "Since 2019", {"Since", "2019"}, true, true, "2019-01-01", "",
       v1::GRANULARITY_YEAR, v1::SCOPE_KIND_PERIOD, false},
      {"amount, not a year", kYear, "$2020", {"", "2020"}, true, false, "", "",
       v1::GRANULARITY_UNSPECIFIED, v1::SCOPE_KIND_UNSPECIFIED, false},
      {"quarter", kQuarter, "Q3 2025", {"", "3", "", "", "2025"}, true, true, "2025-07-01",
       "2025-10-01", v1::GRANULARITY_QUARTER, v1::SCOPE_KIND_PERIOD, false},
      {"quarter of the reference year", kQuarter, "the fourth quarter",
       {"", "", "", "fourth", ""}, true, true, "2025-10-01", "2026-01-01",
       v1::GRANULARITY_QUARTER, v1::SCOPE_KIND_PERIOD, false},
      {"quarter without a year or reference", kQuarter, "third quarter",
       {"", "", "", "third", ""}, false, true, "", "", v1::GRANULARITY_QUARTER,
       v1::SCOPE_KIND_PERIOD, true},
      {"half", kHalf, "H2 '24", {"", "2", "", "", "'24"}, true, true, "2024-07-01",
       "2025-01-01", v1::GRANULARITY_HALF, v1::SCOPE_KIND_PERIOD, false},
      {"final half", kHalf, "the final half of 2023", {"", "", "", "final", "2023"}, true,
       true, "2023-07-01", "2024-01-01", v1::GRANULARITY_HALF, v1::SCOPE_KIND_PERIOD, false},
      {"fiscal year", kFiscalYear, "FY2024", {"", "2024", ""}, true, true, "2024-01-01",
       "2025-01-01", v1::GRANULARITY_YEAR, v1::SCOPE_KIND_PERIOD, false},
      {"year range", kYearRange, "between 2019 and 2021", {"between", "2019", "and", "2021"},
       true, true, "2019-01-01", "2022-01-01", v1::GRANULARITY_MULTI_YEAR,
       v1::SCOPE_KIND_PERIOD, false},
      {"short year range", kYearRange, "2019-21", {"", "2019", "-", "21"}, true, true,
       "2019-01-01", "2022-01-01", v1::GRANULARITY_MULTI_YEAR, v1::SCOPE_KIND_PERIOD, false},
      {"'and' without 'between'", kYearRange, "2019 and 2021", {"", "2019", "and", "2021"},
       true, false, "", "", v1::GRANULARITY_UNSPECIFIED, v1::SCOPE_KIND_PERIOD, false},
      {"next years", kNextPeriod, "in the next two years", {"in", "next", "two", "years"}, true,
       true, "2025-03-10", "2027-03-10", v1::GRANULARITY_MULTI_YEAR, v1::SCOPE_KIND_FORECAST,
       false},
      {"past months", kNextPeriod, "over the past 6 months", {"over", "past", "6", "months"},
       true, true, "2024-09-10", "2025-03-10", v1::GRANULARITY_MONTH, v1::SCOPE_KIND_PERIOD,
       false},
      {"last year", kRelative, "last year", {"last", "year"}, true, true, "2024-01-01",
       "2025-01-01", v1::GRANULARITY_YEAR, v1::SCOPE_KIND_PERIOD, false},
      {"next quarter", kRelative, "next quarter", {"next", "quarter"}, true, true, "2025-04-01",
       "2025-07-01", v1::GRANULARITY_QUARTER, v1::SCOPE_KIND_FORECAST, false},
      {"relative without reference", kRelative, "this year", {"this", "year"}, false, true, "",
       "", v1::GRANULARITY_YEAR, v1::SCOPE_KIND_PERIOD, true},
      {"as of", kAsOf, "as of September 1", {"September", "1", ""}, true, true, "2025-09-01",
       "2025-09-02", v1::GRANULARITY_DAY, v1::SCOPE_KIND_POINT, false},
      {"day", kMonth, "May 24, 2024", {"", "", "May", "24", "2024"}, true, true, "2024-05-24",
       "2024-05-25", v1::GRANULARITY_DAY, v1::SCOPE_KIND_PERIOD, false},
      {"month after a preposition", kMonth, "in March", {"in", "", "March", "", ""}, true, true,
       "2025-03-01", "2025-04-01", v1::GRANULARITY_MONTH, v1::SCOPE_KIND_PERIOD, false},
      {"no such day", kMonth, "Feb 30, 2024", {"", "", "Feb", "30", "2024"}, true, false, "",
       "", v1::GRANULARITY_UNSPECIFIED, v1::SCOPE_KIND_PERIOD, false},
      {"a lone month name", kMonth, "May", {"", "", "May", "", ""}, true, false, "", "",
       v1::GRANULARITY_UNSPECIFIED, v1::SCOPE_KIND_PERIOD, false},
      {"ISO date", kIsoDate, "on 2024-01-15", {"on", "2024", "01", "15"}, true, true,
       "2024-01-15", "2024-01-16", v1::GRANULARITY_DAY, v1::SCOPE_KIND_PERIOD, false},
  };
  for (const Case& c : kCases) {
    const absl::string_view text = c.text;
    re2::StringPiece g[8];
    g[0] = re2::StringPiece(text.data(), text.size());
    for (size_t k = 0; k < c.groups.size(); ++k) {
      if (c.groups[k].empty()) continue;
      const size_t at = text.find(c.groups[k]);
      ASSERT_NE(at, absl::string_view::npos) << c.name << " group " << k + 1;
      g[k + 1] = re2::StringPiece(text.data() + at, c.groups[k].size());
    }
    std::optional<absl::CivilDay> reference;
    if (c.with_reference) reference = absl::CivilDay(2025, 3, 10);
    v1::TimeScope scope;
    const bool resolves = ResolveTime(c.family, g, text, 0, reference, &scope);
    ASSERT_EQ(resolves, c.resolves) << c.name;
    if (!resolves) continue;
    EXPECT_EQ(scope.start(), c.start) << c.name;
    EXPECT_EQ(scope.end(), c.end) << c.name;
    EXPECT_EQ(scope.granularity(), c.granularity) << c.name;
    EXPECT_EQ(scope.kind(), c.kind) << c.name;
    EXPECT_EQ(scope.unresolved(), c.unresolved) << c.name;
  }
}

TEST(ResolveTimeTest, ContainsInAnyCase) {
  EXPECT_TRUE(ContainsInAnyCase("The Previous", "previous"));
  EXPECT_TRUE(ContainsInAnyCase("FY", "fy"));
  EXPECT_FALSE(ContainsInAnyCase("fiscal", "fy"));
  EXPECT_FALSE(ContainsInAnyCase("", "a"));
}

}  // namespace
}  // namespace claimcheck
