#include "extract/read/jsonl_reader.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

std::vector<v1::Document> ReadAll(const std::string& text, CollectingIssueSink* sink) {
  OffsetMap to_file;
  to_file.AddExact(0, 0);
  std::vector<v1::Document> docs;
  ReadJsonLines(text, to_file, {}, "feed.jsonl", sink,
                [&](v1::Document&& d) { docs.push_back(std::move(d)); });
  return docs;
}

TEST(JsonlReaderTest, ReadsItemsWithUrlTitleDateText) {
  CollectingIssueSink sink;
  auto docs = ReadAll(
      "{\"url\": \"https://w.example/1\", \"title\": \"T1\", \"published\": \"2024-08-09T02:10:00Z\", \"text\": \"Body one.\"}\n"
      "{\"url\": \"https://w.example/2\", \"title\": \"T2\", \"text\": \"Body two.\"}\n",
      &sink);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(sink.issues().empty());
  EXPECT_EQ(docs[0].uri(), "https://w.example/1");
  EXPECT_EQ(docs[0].item(), "line 1");
  EXPECT_EQ(docs[0].text(), "T1\n\nBody one.");
  EXPECT_EQ(docs[0].format(), v1::DOCUMENT_FORMAT_JSON_LINES);
  EXPECT_EQ(TimeUtil::ToString(docs[0].published().time()), "2024-08-09T02:10:00Z");
  EXPECT_EQ(docs[1].published().method(), v1::DATE_METHOD_UNKNOWN);
}

TEST(JsonlReaderTest, BadLineIsReportedWithLineNumberAndOthersAreRead) {
  CollectingIssueSink sink;
  auto docs = ReadAll(
      "{\"title\": \"A\", \"text\": \"First.\"}\n"
      "{\"title\": \"B\", \"text\": \"Second\n"
      "\n"
      "{\"title\": \"C\"}\n"
      "{\"title\": \"D\", \"text\": \"Fourth.\"}\n",
      &sink);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].title(), "A");
  EXPECT_EQ(docs[1].title(), "D");
  EXPECT_EQ(docs[1].item(), "line 5");
  ASSERT_EQ(sink.issues().size(), 2u);
  EXPECT_EQ(sink.issues()[0].first, "feed.jsonl:2");
  EXPECT_TRUE(absl::StrContains(sink.issues()[0].second, "bad JSON")) << sink.issues()[0].second;
  EXPECT_EQ(sink.issues()[1].first, "feed.jsonl:4");
  EXPECT_TRUE(absl::StrContains(sink.issues()[1].second, "no \"text\""));
}

TEST(JsonlReaderTest, OffsetsLeadToTheLineInTheFile) {
  CollectingIssueSink sink;
  std::string text = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n";
  auto docs = ReadAll(text, &sink);
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_GE(docs[1].offset_map_size(), 1);
  EXPECT_EQ(docs[1].offset_map(0).source_offset(), text.find("two"));
}

TEST(JsonlReaderTest, HtmlTextIsConverted) {
  CollectingIssueSink sink;
  auto docs = ReadAll("{\"text\": \"<p>a &amp; b</p><p>c</p>\"}\n{\"text\": \"x\"}\n", &sink);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text(), "a & b\n\nc");
}

TEST(JsonlReaderTest, LooksLikeJsonLines) {
  EXPECT_TRUE(LooksLikeJsonLines("{\"a\":1}\n{\"a\":2}\n"));
  EXPECT_FALSE(LooksLikeJsonLines("{\"a\":\n1}"));
  EXPECT_FALSE(LooksLikeJsonLines("{\"a\":1}\n"));
}

}  // namespace
}  // namespace claimcheck
