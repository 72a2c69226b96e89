#include "extract/read/byline.h"

#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

TEST(BylineTest, Table) {
  struct Case {
    const char* name;
    const char* text;
    const char* title;
    const char* author;
    const char* utc;  // "" = no date
  } cases[] = {
      {"AuthorAndDateOnOneLine", "Fund turns to toolmakers\n\nBy Lin Mei | Wednesday, Nov 5, 2025 6:15 am ET\n3 min read\n\nBody.",
       "Fund turns to toolmakers", "Lin Mei", "2025-11-05T11:15:00Z"},
      {"PublishedLine", "Toolmakers close the gap\n\nPublished: 14 March 2022, 10:00 GMT\n\nBody.",
       "Toolmakers close the gap", "", "2022-03-14T10:00:00Z"},
      {"PostedOn", "Title\nPosted on September 3, 2023 1:20 pm\nBody text.", "Title", "",
       "2023-09-03T13:20:00Z"},
      {"NoDate", "Title\n\nChina is accelerating a push.\n\nMore text.", "Title", "", ""},
      {"DateInBodyParagraphIgnored",
       "Title\n\nThe fund, which was registered on May 24, 2024 with capital of RMB 344 billion according to the national enterprise credit information system, has since made a number of investments in toolmakers and materials suppliers across the country.",
       "Title", "", ""},
      {"ReportingBy", "Fund registered\nPublished 2024-05-27\nReporting by Wen Hao; editing by Clara Voss\n\nBody.",
       "Fund registered", "Wen Hao", "2024-05-27T00:00:00Z"},
      {"FirstLineIsAParagraph", "The government has taken the step of managing chips.\nMore.", "", "", ""},
  };
  for (const auto& c : cases) {
    Byline b = FindByline(c.text, {});
    EXPECT_EQ(b.title, c.title) << c.name;
    EXPECT_EQ(b.author, c.author) << c.name;
    if (*c.utc == '\0') {
      EXPECT_FALSE(b.date.has_value()) << c.name;
    } else {
      ASSERT_TRUE(b.date.has_value()) << c.name;
      EXPECT_EQ(TimeUtil::ToString(b.date->time.time()), c.utc) << c.name;
    }
  }
}

}  // namespace
}  // namespace claimcheck
