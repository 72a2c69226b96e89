#include "extract/read/publication_date.h"

#include <string>

#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

struct Case {
  const char* name;
  const char* text;
  const char* utc;  // "" = no time expected
  v1::TimePrecision precision;
  const char* zone;
};

TEST(PublicationDateTest, AbsoluteTable) {
  const Case cases[] = {
      {"BylineEasternAfterDstEnds", "Tuesday, Nov 4, 2025 4:39 am ET", "2025-11-04T09:39:00Z",
       v1::TIME_PRECISION_MINUTE, "America/New_York"},
      {"EasternDuringDst", "Jul 4, 2025 4:39 pm ET", "2025-07-04T20:39:00Z",
       v1::TIME_PRECISION_MINUTE, "America/New_York"},
      {"PostedOnWithoutZoneIsUtc", "Posted on September 3, 2023 1:20 pm", "2023-09-03T13:20:00Z",
       v1::TIME_PRECISION_MINUTE, ""},
      {"PublishedIsoDay", "Published 2024-05-27", "2024-05-27T00:00:00Z", v1::TIME_PRECISION_DAY, ""},
      {"IsoWithOffset", "2025-11-04T09:39:00-05:00", "2025-11-04T14:39:00Z",
       v1::TIME_PRECISION_SECOND, ""},
      {"IsoZulu", "2024-08-09T02:10:00Z", "2024-08-09T02:10:00Z", v1::TIME_PRECISION_SECOND, ""},
      {"WordPressGmtWithoutZone", "2023-09-03T11:20:00", "2023-09-03T11:20:00Z",
       v1::TIME_PRECISION_SECOND, ""},
      {"DayFirstWithGmt", "14 March 2022, 10:00 GMT", "2022-03-14T10:00:00Z",
       v1::TIME_PRECISION_MINUTE, ""},
      {"PacificTime", "March 10, 2024 9:00 AM PT", "2024-03-10T16:00:00Z",
       v1::TIME_PRECISION_MINUTE, "America/Los_Angeles"},
      {"HongKongTime", "May 28, 2024 4:15 pm HKT", "2024-05-28T08:15:00Z",
       v1::TIME_PRECISION_MINUTE, "Asia/Hong_Kong"},
      {"SingaporeTime", "May 28, 2024 16:15 SGT", "2024-05-28T08:15:00Z",
       v1::TIME_PRECISION_MINUTE, "Asia/Singapore"},
      {"RfcStyle", "Tue, 04 Nov 2025 09:39:00 GMT", "2025-11-04T09:39:00Z",
       v1::TIME_PRECISION_SECOND, ""},
      {"OrdinalDay", "November 4th, 2025", "2025-11-04T00:00:00Z", v1::TIME_PRECISION_DAY, ""},
  };
  for (const Case& c : cases) {
    auto t = ParsePublicationTime(c.text, {});
    ASSERT_TRUE(t.has_value()) << c.name;
    EXPECT_EQ(TimeUtil::ToString(t->time()), c.utc) << c.name;
    EXPECT_EQ(t->precision(), c.precision) << c.name;
    EXPECT_EQ(t->zone(), c.zone) << c.name;
    EXPECT_FALSE(t->unresolved_relative()) << c.name;
  }
}

TEST(PublicationDateTest, CstMeansChinaOnlyInChineseContext) {
  DateContext china;
  china.china_context = true;
  auto t = ParsePublicationTime("Nov 4, 2025 8:00 pm CST", china);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(TimeUtil::ToString(t->time()), "2025-11-04T12:00:00Z");
  EXPECT_EQ(t->zone(), "Asia/Shanghai");
  auto us = ParsePublicationTime("Nov 4, 2025 8:00 pm CST", {});
  ASSERT_TRUE(us.has_value());
  EXPECT_EQ(TimeUtil::ToString(us->time()), "2025-11-05T02:00:00Z");
  EXPECT_EQ(us->zone(), "America/Chicago");
}

// The text of DateContext::china_text counts as china_context does when it mentions
// China, in either piece; text that does not leaves CST in Chicago.
TEST(PublicationDateTest, CstMeansChinaWhenTheGivenTextMentionsChina) {
  struct Case {
    const char* name;
    const char* text;
    const char* title;
    const char* zone;
  } cases[] = {
      {"TextMentionsChina", "Shares of the Shanghai-listed maker rose.", "", "Asia/Shanghai"},
      {"TitleMentionsChina", "Shares rose.", "Beijing backs chipmakers", "Asia/Shanghai"},
      {"NeitherDoes", "Shares of the Chicago maker rose.", "Markets", "America/Chicago"},
      {"NoText", "", "", "America/Chicago"},
  };
  for (const Case& c : cases) {
    DateContext ctx;
    ctx.china_text[0] = c.text;
    ctx.china_text[1] = c.title;
    auto t = ParsePublicationTime("Nov 4, 2025 8:00 pm CST", ctx);
    ASSERT_TRUE(t.has_value()) << c.name;
    EXPECT_EQ(t->zone(), c.zone) << c.name;
    auto found = FindDateInLine("By Jane Doe | Nov 4, 2025 8:00 pm CST", ctx);
    ASSERT_TRUE(found.has_value()) << c.name;
    EXPECT_EQ(found->time.zone(), c.zone) << c.name;
  }
}

TEST(PublicationDateTest, RelativeResolvedOnlyWithReference) {
  struct RelCase {
    const char* text;
    const char* utc;
    v1::TimePrecision precision;
  } cases[] = {
      {"Yesterday at 10:42 PM", "2025-11-21T22:42:00Z", v1::TIME_PRECISION_MINUTE},
      {"Today at 9:05 AM", "2025-11-22T09:05:00Z", v1::TIME_PRECISION_MINUTE},
      {"3 days ago", "2025-11-19T00:00:00Z", v1::TIME_PRECISION_DAY},
      {"3 years ago", "2022-01-01T00:00:00Z", v1::TIME_PRECISION_YEAR},
      {"last week", "2025-11-15T00:00:00Z", v1::TIME_PRECISION_DAY},
      {"a month ago", "2025-10-01T00:00:00Z", v1::TIME_PRECISION_MONTH},
      // 2025-11-22 is a Saturday: "Thursday" is two days before.
      {"Thursday at 3:14 PM", "2025-11-20T15:14:00Z", v1::TIME_PRECISION_MINUTE},
  };
  DateContext with;
  with.reference_date = absl::CivilDay(2025, 11, 22);
  for (const RelCase& c : cases) {
    auto unresolved = ParsePublicationTime(c.text, {});
    ASSERT_TRUE(unresolved.has_value()) << c.text;
    EXPECT_TRUE(unresolved->unresolved_relative()) << c.text;
    EXPECT_FALSE(unresolved->has_time()) << c.text;
    EXPECT_EQ(unresolved->method(), v1::DATE_METHOD_RELATIVE) << c.text;
    auto resolved = ParsePublicationTime(c.text, with);
    ASSERT_TRUE(resolved.has_value()) << c.text;
    EXPECT_FALSE(resolved->unresolved_relative()) << c.text;
    EXPECT_EQ(TimeUtil::ToString(resolved->time()), c.utc) << c.text;
    EXPECT_EQ(resolved->precision(), c.precision) << c.text;
  }
}

TEST(PublicationDateTest, RejectsNonDatesAndImpossibleDates) {
  for (const char* text : {"", "Big Fund III", "in 2023", "Feb 30, 2024", "2024-13-01",
                           "RMB 450 million", "Q3 2025", "Nov 4, 2025 and more words"}) {
    EXPECT_FALSE(ParsePublicationTime(text, {}).has_value()) << text;
  }
}

TEST(PublicationDateTest, FindsDateInsideBylineLine) {
  std::string line = "By Lin Mei | Wednesday, Nov 5, 2025 6:15 am ET2min read";
  auto found = FindDateInLine(line, {});
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(line.substr(found->begin, found->end - found->begin),
            "Wednesday, Nov 5, 2025 6:15 am ET");
  EXPECT_EQ(TimeUtil::ToString(found->time.time()), "2025-11-05T11:15:00Z");
  EXPECT_FALSE(FindDateInLine("Revenue rose 45% in 2024 to $8.03 billion.", {}).has_value());
}

TEST(PublicationDateTest, MentionsChina) {
  EXPECT_TRUE(MentionsChina("Beijing said"));
  EXPECT_FALSE(MentionsChina("Chicago said"));
  // Names at every place of the sixteen-byte blocks the scan reads, and at the very end.
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string before(pad, 'x');
    for (const char* name : {"China", "Chinese", "Shenzhen", "PRC", "Hong Kong", "Taipei"}) {
      EXPECT_TRUE(MentionsChina(before + " Some Text Before " + name)) << pad << name;
      EXPECT_TRUE(MentionsChina(before + name + " and after")) << pad << name;
    }
    EXPECT_FALSE(MentionsChina(before + " Chin a, Hong, Tai wan, PR C, Shen zhen, Bei jing"));
  }
}

}  // namespace
}  // namespace claimcheck
