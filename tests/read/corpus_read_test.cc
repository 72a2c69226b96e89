// Reads the project's sample corpus (tests/testdata/corpus) and the bad inputs beside it
// (tests/testdata/bad), checking what each reader makes of them against the corpus
// README: formats, publication times with method and precision, posts and quotations,
// and a clear report for every bad input while the good ones are still read.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "extract/read/sentence_splitter.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kCorpus[] = "tests/testdata/corpus";
constexpr char kBad[] = "tests/testdata/bad";

struct Read {
  std::vector<v1::Document> docs;
  CollectingIssueSink sink;
  absl::Status status;
};

void ReadInto(const std::string& path, const ReadOptions& options, Read* out) {
  DocumentReader reader(options, &out->sink);
  out->status = reader.ReadPath(path, [&](v1::Document&& d) { out->docs.push_back(std::move(d)); });
}

const v1::Document* ByUri(const Read& r, absl::string_view part) {
  for (const v1::Document& d : r.docs) {
    if (absl::StrContains(d.uri(), part)) return &d;
  }
  return nullptr;
}

bool Reported(const Read& r, absl::string_view place, absl::string_view message) {
  for (const auto& [p, m] : r.sink.issues()) {
    if (absl::StrContains(p, place) && absl::StrContains(m, message)) return true;
  }
  return false;
}

TEST(CorpusReadTest, EveryDocumentIsReadWithoutProblems) {
  Read r;
  ReadInto(kCorpus, {}, &r);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_TRUE(r.sink.issues().empty()) << r.sink.issues()[0].first << ": " << r.sink.issues()[0].second;
  // 9 files, one of them JSON Lines with 4 items.
  EXPECT_EQ(r.docs.size(), 13u);
  for (const v1::Document& d : r.docs) {
    EXPECT_FALSE(d.text().empty()) << d.uri();
    EXPECT_FALSE(SplitSentences(d.text()).empty()) << d.uri();
    EXPECT_GT(d.offset_map_size(), 0) << d.uri();
  }
}

TEST(CorpusReadTest, PublicationTimesAsTheReadmeStates) {
  Read r;
  ReadInto(kCorpus, {}, &r);
  struct Expect {
    const char* uri_part;
    v1::DocumentFormat format;
    v1::DateMethod method;
    const char* utc;
  } cases[] = {
      {"2022-03-14-toolmakers", v1::DOCUMENT_FORMAT_PLAIN_TEXT, v1::DATE_METHOD_BYLINE, "2022-03-14T10:00:00Z"},
      {"2023-09-03-mate60", v1::DOCUMENT_FORMAT_PLAIN_TEXT, v1::DATE_METHOD_BYLINE, "2023-09-03T13:20:00Z"},
      {"2024-05-27-big-fund", v1::DOCUMENT_FORMAT_PLAIN_TEXT, v1::DATE_METHOD_BYLINE, "2024-05-27T00:00:00Z"},
      {"2025-02-12-smic", v1::DOCUMENT_FORMAT_PLAIN_TEXT, v1::DATE_METHOD_BYLINE, "2025-02-12T10:05:00Z"},
      {"2025-11-05-big-fund", v1::DOCUMENT_FORMAT_PLAIN_TEXT, v1::DATE_METHOD_BYLINE, "2025-11-05T11:15:00Z"},
      {"big-fund-iii-explainer.html", v1::DOCUMENT_FORMAT_HTML, v1::DATE_METHOD_METADATA, "2024-05-28T08:15:00Z"},
      {"smic-2023-results.html", v1::DOCUMENT_FORMAT_HTML, v1::DATE_METHOD_METADATA, "2024-02-08T02:30:00Z"},
      {"wp-json-posts-61842", v1::DOCUMENT_FORMAT_WORDPRESS_JSON, v1::DATE_METHOD_METADATA, "2024-11-08T01:30:00Z"},
      {"smic-q2-2024-guidance", v1::DOCUMENT_FORMAT_JSON_LINES, v1::DATE_METHOD_METADATA, "2024-08-09T02:10:00Z"},
      {"forum-china-chip", v1::DOCUMENT_FORMAT_FORUM_THREAD, v1::DATE_METHOD_BYLINE, "2025-11-14T00:00:00Z"},
  };
  for (const Expect& c : cases) {
    const v1::Document* d = ByUri(r, c.uri_part);
    ASSERT_NE(d, nullptr) << c.uri_part;
    EXPECT_EQ(d->format(), c.format) << c.uri_part;
    EXPECT_EQ(d->published().method(), c.method) << c.uri_part;
    EXPECT_EQ(TimeUtil::ToString(d->published().time()), c.utc) << c.uri_part;
  }
  EXPECT_EQ(ByUri(r, "2024-05-27-big-fund")->published().precision(), v1::TIME_PRECISION_DAY);
  EXPECT_EQ(ByUri(r, "2025-11-05-big-fund")->author(), "Lin Mei");
}

TEST(CorpusReadTest, HtmlDropsScriptsStylesNavAndComments) {
  Read r;
  ReadInto(kCorpus, {}, &r);
  const v1::Document* d = ByUri(r, "big-fund-iii-explainer.html");
  ASSERT_NE(d, nullptr);
  for (const char* dropped : {"RMB 999 billion", "Subscribe for $9.99", "Top 50 chipmakers",
                              "dataLayer", "&amp;", "&#8217;", "&nbsp;"}) {
    EXPECT_FALSE(absl::StrContains(d->text(), dropped)) << dropped;
  }
  EXPECT_TRUE(absl::StrContains(d->text(), "344bn yuan"));
  EXPECT_EQ(d->author(), "Priya Raman");
}

TEST(CorpusReadTest, ForumThreadPostsAndThePastedParagraph) {
  Read r;
  ReadInto(kCorpus, {}, &r);
  const v1::Document* d = ByUri(r, "forum-china-chip");
  ASSERT_NE(d, nullptr);
  ASSERT_GE(d->posts_size(), 4);
  EXPECT_EQ(d->posts(0).author(), "fabwatcher");
  // The registration paragraph appears twice; the second copy is a quotation of the first.
  const std::string& text = d->text();
  size_t first = text.find("China has set up the third phase");
  ASSERT_NE(first, std::string::npos);
  size_t second = text.find("China has set up the third phase", first + 1);
  ASSERT_NE(second, std::string::npos);
  bool quoted = false;
  for (const v1::Quotation& q : d->quotations()) {
    if (q.begin() <= second && second < q.end()) {
      quoted = true;
      EXPECT_EQ(q.source_offset(), first);
    }
    EXPECT_FALSE(q.begin() <= first && first < q.end()) << "the original is not a quotation";
  }
  EXPECT_TRUE(quoted);
  // Explicit "X said:" quotes are quotations too.
  EXPECT_GE(d->quotations_size(), 3);
}

TEST(CorpusReadTest, ForumRelativeDatesNeedAReferenceDate) {
  Read without;
  ReadInto(std::string(kCorpus) + "/forum-china-chip-industry-thread.txt", {}, &without);
  ASSERT_EQ(without.docs.size(), 1u);
  ReadOptions options;
  options.reference_date = absl::CivilDay(2025, 11, 20);
  Read with;
  ReadInto(std::string(kCorpus) + "/forum-china-chip-industry-thread.txt", options, &with);
  ASSERT_EQ(with.docs.size(), 1u);
  int checked = 0;
  for (int i = 0; i < without.docs[0].posts_size(); ++i) {
    const v1::PublicationTime& a = without.docs[0].posts(i).published();
    const v1::PublicationTime& b = with.docs[0].posts(i).published();
    if (a.surface() == "Yesterday at 10:42 PM") {
      EXPECT_TRUE(a.unresolved_relative());
      EXPECT_EQ(TimeUtil::ToString(b.time()), "2025-11-19T22:42:00Z");
      ++checked;
    }
    if (a.surface() == "3 days ago") {
      EXPECT_FALSE(a.has_time());
      EXPECT_EQ(TimeUtil::ToString(b.time()), "2025-11-17T00:00:00Z");
      ++checked;
    }
  }
  EXPECT_GE(checked, 2);
}

TEST(CorpusReadTest, BadInputsAreReportedAndGoodItemsStillRead) {
  Read r;
  ReadInto(kBad, {}, &r);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_TRUE(Reported(r, "binary-blob.bin", "binary file skipped"));
  EXPECT_TRUE(Reported(r, "truncated-wp-post.json: byte ", "truncated JSON"));
  EXPECT_TRUE(Reported(r, "feed-with-bad-line.jsonl:2", "bad JSON"));
  EXPECT_TRUE(Reported(r, "invalid-utf8.txt: byte ", "invalid UTF-8"));
  // The good lines of the feed, the repaired text and the HTML page are still read.
  EXPECT_NE(ByUri(r, "hua-hong-wuxi"), nullptr);
  EXPECT_NE(ByUri(r, "smic-beijing"), nullptr);
  const v1::Document* utf8 = ByUri(r, "invalid-utf8.txt");
  ASSERT_NE(utf8, nullptr);
  EXPECT_TRUE(absl::StrContains(utf8->text(), "\xEF\xBF\xBD"));
  EXPECT_GT(utf8->warnings_size(), 0);
  const v1::Document* html = ByUri(r, "script-injection.html");
  ASSERT_NE(html, nullptr);
  EXPECT_FALSE(absl::StrContains(html->text(), "alert(1)</script>\n"));
  EXPECT_TRUE(absl::StrContains(html->text(), "RMB 344 billion"));
}

TEST(CorpusReadTest, InvalidUtf8OffsetsPointAtTheBadBytes) {
  std::ifstream in(std::string(kBad) + "/invalid-utf8.txt", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  size_t first_bad = 0;
  while (first_bad < bytes.size() && static_cast<unsigned char>(bytes[first_bad]) < 0x80) ++first_bad;
  ASSERT_LT(first_bad, bytes.size());
  Read r;
  ReadInto(std::string(kBad) + "/invalid-utf8.txt", {}, &r);
  EXPECT_TRUE(Reported(r, "invalid-utf8.txt: byte " + std::to_string(first_bad), "invalid UTF-8"));
}

}  // namespace
}  // namespace claimcheck
