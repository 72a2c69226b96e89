#include "extract/read/wordpress_json_reader.h"

#include <string>

#include "absl/strings/match.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

const char kPost[] =
    R"({"id":61,"date":"2024-11-08T09:30:00","date_gmt":"2024-11-08T01:30:00",)"
    R"("link":"https:\/\/example.com\/p\/61\/","title":{"rendered":"SMIC&#8217;s record"},)"
    R"("content":{"rendered":"\n<p>Revenue was $2.17 billion, up 34%.<\/p>\n<p class=\"x\">Next &amp; last.<\/p>"},)"
    R"("class_list":["post-61","category-chips"],"author_meta":{"display_name":"Lin Mei"}})";

v1::Document Read(const std::string& json) {
  auto v = ParseJson(json);
  EXPECT_TRUE(v.ok()) << v.status();
  OffsetMap to_file;
  to_file.AddExact(0, 0);
  v1::Document doc;
  ReadWordPressPost(json, *v, to_file, {}, &doc);
  return doc;
}

TEST(WordPressJsonReaderTest, TitleBodyAuthorAndGmtDate) {
  v1::Document doc = Read(kPost);
  EXPECT_EQ(doc.format(), v1::DOCUMENT_FORMAT_WORDPRESS_JSON);
  EXPECT_EQ(doc.title(), "SMIC\xE2\x80\x99s record");
  EXPECT_EQ(doc.text(),
            "SMIC\xE2\x80\x99s record\n\nRevenue was $2.17 billion, up 34%.\n\nNext & last.");
  EXPECT_EQ(doc.author(), "Lin Mei");
  EXPECT_EQ(doc.published().method(), v1::DATE_METHOD_METADATA);
  EXPECT_EQ(TimeUtil::ToString(doc.published().time()), "2024-11-08T01:30:00Z");
  for (const char* leak : {"post-61", "category", "example.com", "class", "<p>"}) {
    EXPECT_FALSE(absl::StrContains(doc.text(), leak)) << leak;
  }
}

TEST(WordPressJsonReaderTest, OffsetsLeadIntoTheJsonFile) {
  std::string json = kPost;
  v1::Document doc = Read(json);
  size_t text_at = doc.text().find("Revenue");
  // Find the run covering text_at and map it.
  uint64_t source = 0;
  for (const v1::OffsetRun& r : doc.offset_map()) {
    if (r.text_offset() > text_at) break;
    source = r.exact() ? r.source_offset() + (text_at - r.text_offset()) : r.source_offset();
  }
  EXPECT_EQ(source, json.find("Revenue"));
}

TEST(WordPressJsonReaderTest, LocalDateOnlyIsWarned) {
  v1::Document doc = Read(R"({"date":"2024-11-08T09:30:00","title":{"rendered":"T"},"content":{"rendered":"<p>x</p>"}})");
  EXPECT_EQ(TimeUtil::ToString(doc.published().time()), "2024-11-08T09:30:00Z");
  ASSERT_EQ(doc.warnings_size(), 1);
  EXPECT_TRUE(absl::StrContains(doc.warnings(0), "site-local"));
}

TEST(WordPressJsonReaderTest, RecognisesPosts) {
  EXPECT_TRUE(IsWordPressPost(*ParseJson(R"({"content":{"rendered":""}})")));
  EXPECT_FALSE(IsWordPressPost(*ParseJson(R"({"text":"x"})")));
  EXPECT_FALSE(IsWordPressPost(*ParseJson(R"([1])")));
}

}  // namespace
}  // namespace claimcheck
