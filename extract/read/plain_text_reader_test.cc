#include "extract/read/plain_text_reader.h"

#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

TEST(PlainTextReaderTest, KeepsTextAndReadsByline) {
  const char text[] = "Headline here\n\nBy Jane Doe\nTuesday, Nov 4, 2025 4:39 am ET\n\nBody.";
  OffsetMap to_file;
  to_file.AddExact(0, 0);
  v1::Document doc;
  ReadPlainText(text, to_file, {}, &doc);
  EXPECT_EQ(doc.text(), text);
  EXPECT_EQ(doc.format(), v1::DOCUMENT_FORMAT_PLAIN_TEXT);
  EXPECT_EQ(doc.title(), "Headline here");
  EXPECT_EQ(doc.author(), "Jane Doe");
  EXPECT_EQ(doc.published().method(), v1::DATE_METHOD_BYLINE);
  EXPECT_EQ(TimeUtil::ToString(doc.published().time()), "2025-11-04T09:39:00Z");
  ASSERT_EQ(doc.offset_map_size(), 1);
}

TEST(PlainTextReaderTest, TimeWithoutZoneIsWarned) {
  OffsetMap to_file;
  v1::Document doc;
  ReadPlainText("Title\nPosted on September 3, 2023 1:20 pm\n\nBody.", to_file, {}, &doc);
  EXPECT_EQ(TimeUtil::ToString(doc.published().time()), "2023-09-03T13:20:00Z");
  ASSERT_EQ(doc.warnings_size(), 1);
  EXPECT_NE(doc.warnings(0).find("no time zone"), std::string::npos);
}

TEST(PlainTextReaderTest, UndatedSaysSo) {
  OffsetMap to_file;
  v1::Document doc;
  ReadPlainText("Title\n\nNo date in here at all.", to_file, {}, &doc);
  EXPECT_EQ(doc.published().method(), v1::DATE_METHOD_UNKNOWN);
  EXPECT_FALSE(doc.published().has_time());
}

}  // namespace
}  // namespace claimcheck
