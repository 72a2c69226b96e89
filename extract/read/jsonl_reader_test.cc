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
  v1::Document doc;
  ReadJsonLines(text, to_file, {}, "feed.jsonl", sink, &doc,
                [&](v1::Document&& d) { docs.push_back(std::move(d)); });
  return docs;
}

// The buffer passed to ReadJsonLines is refilled for each item: a consumer that copies
// (does not move from) each document gets the same documents as one that moves, and no
// field of an item leaks into the next.
TEST(JsonlReaderTest, ReusedDocumentCarriesNothingFromTheItemBefore) {
  const std::string text =
      "{\"url\": \"https://w.example/1\", \"title\": \"T1\", \"author\": \"A. Writer\", "
      "\"publisher\": \"Wire\", \"published\": \"2024-08-09 02:10\", "
      "\"text\": \"<p>Body &amp; one.</p><p>Second paragraph.</p>\"}\n"
      "{\"text\": \"Body two.\"}\n";
  CollectingIssueSink moved_sink;
  const std::vector<v1::Document> moved = ReadAll(text, &moved_sink);
  OffsetMap to_file;
  to_file.AddExact(0, 0);
  CollectingIssueSink sink;
  std::vector<v1::Document> copied;
  v1::Document doc;
  ReadJsonLines(text, to_file, {}, "feed.jsonl", &sink, &doc,
                [&](v1::Document&& d) { copied.push_back(d); });
  ASSERT_EQ(moved.size(), 2u);
  ASSERT_EQ(copied.size(), 2u);
  for (size_t i = 0; i < moved.size(); ++i) {
    EXPECT_EQ(copied[i].SerializeAsString(), moved[i].SerializeAsString()) << "item " << i;
  }
  EXPECT_EQ(moved[0].author(), "A. Writer");
  EXPECT_FALSE(moved[0].warnings().empty());  // a time with no zone
  EXPECT_EQ(moved[1].text(), "Body two.");
  EXPECT_EQ(moved[1].item(), "line 2");
  EXPECT_TRUE(moved[1].uri().empty());
  EXPECT_TRUE(moved[1].title().empty());
  EXPECT_TRUE(moved[1].author().empty());
  EXPECT_TRUE(moved[1].publisher().empty());
  EXPECT_TRUE(moved[1].warnings().empty());
  EXPECT_EQ(moved[1].published().method(), v1::DATE_METHOD_UNKNOWN);
  EXPECT_FALSE(moved[1].published().has_time());
  ASSERT_EQ(moved[1].offset_map_size(), 1);
  EXPECT_EQ(moved[1].offset_map(0).source_offset(), text.find("Body two."));
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

TEST(JsonlReaderTest, FirstJsonLine) {
  struct Case {
    const char* name;
    const char* text;
    const char* line;
  } cases[] = {
      {"FirstLine", "{\"a\":1}\n{\"a\":2}\n", "{\"a\":1}"},
      {"BlankLinesSkipped", "\n  \r\n\t\n {\"a\":1} \r\n{}", " {\"a\":1} \r"},
      {"NoLineBreak", "{\"a\":1}", "{\"a\":1}"},
      {"AllBlank", " \n\n", ""},
      {"Empty", "", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(FirstJsonLine(c.text), c.line) << c.name;
}

// A first line parsed by the caller gives the same documents and reports as one parsed
// by ReadJsonLines, and is not read twice.
TEST(JsonlReaderTest, FirstLineParsedByTheCallerReadsTheSame) {
  const std::string text =
      "\n{\"title\": \"T1\", \"published\": \"2024-08-09T02:10:00Z\", \"text\": \"One.\"}\n"
      "not json\n"
      "{\"text\": \"Two.\"}\n";
  CollectingIssueSink sink;
  const std::vector<v1::Document> expected = ReadAll(text, &sink);
  ASSERT_EQ(expected.size(), 2u);
  absl::StatusOr<JsonValue> first = ParseJson(FirstJsonLine(text));
  ASSERT_TRUE(first.ok()) << first.status();
  OffsetMap to_file;
  to_file.AddExact(0, 0);
  CollectingIssueSink given_sink;
  std::vector<v1::Document> docs;
  v1::Document doc;
  ReadJsonLines(text, to_file, {}, "feed.jsonl", &given_sink, &doc,
                [&](v1::Document&& d) { docs.push_back(std::move(d)); }, &*first);
  ASSERT_EQ(docs.size(), expected.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(docs[i].SerializeAsString(), expected[i].SerializeAsString()) << "item " << i;
  }
  EXPECT_EQ(docs[0].item(), "line 2");
  EXPECT_EQ(given_sink.issues(), sink.issues());  // the bad line 3 in both
}

TEST(JsonlReaderTest, LooksLikeJsonLines) {
  EXPECT_TRUE(LooksLikeJsonLines("{\"a\":1}\n{\"a\":2}\n"));
  EXPECT_FALSE(LooksLikeJsonLines("{\"a\":\n1}"));
  EXPECT_FALSE(LooksLikeJsonLines("{\"a\":1}\n"));
}

}  // namespace
}  // namespace claimcheck
