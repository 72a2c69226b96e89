// Reads the five real seed documents in ../shared/seeds (when present) and checks what
// the readers make of them: the facts listed under "Done when" in issue 3.
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

std::string SeedsDir() {
  const char* shared = std::getenv("CLAIMCHECK_SHARED");
  return std::string(shared != nullptr ? shared : "/work/shared") + "/seeds";
}

// Reads every seed *.txt file (each alone) and returns documents by file name prefix.
std::map<std::string, v1::Document> ReadSeeds(const ReadOptions& options,
                                              CollectingIssueSink* sink) {
  std::map<std::string, v1::Document> docs;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(SeedsDir())) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  DocumentReader reader(options, sink);
  for (const std::string& file : files) {
    std::string prefix = fs::path(file).filename().string().substr(0, 3);
    absl::Status s = reader.ReadPath(file, [&](v1::Document&& d) { docs[prefix] = std::move(d); });
    EXPECT_TRUE(s.ok()) << s;
  }
  return docs;
}

std::string Rfc3339(const v1::PublicationTime& t) {
  return google::protobuf::util::TimeUtil::ToString(t.time());
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(SeedsDir())) GTEST_SKIP() << "no seeds at " << SeedsDir();
  }
};

TEST_F(SeedsTest, FiveDocuments) {
  CollectingIssueSink sink;
  auto docs = ReadSeeds({}, &sink);
  EXPECT_EQ(docs.size(), 5u);
  for (const auto& [name, doc] : docs) {
    EXPECT_EQ(doc.id().size(), 16u) << name;
    EXPECT_FALSE(doc.text().empty()) << name;
  }
}

TEST_F(SeedsTest, PlainTextBylineInEasternTimeAfterDaylightSaving) {
  CollectingIssueSink sink;
  auto docs = ReadSeeds({}, &sink);
  const v1::Document& d = docs["000"];
  EXPECT_EQ(d.format(), v1::DOCUMENT_FORMAT_PLAIN_TEXT);
  EXPECT_EQ(d.published().method(), v1::DATE_METHOD_BYLINE);
  EXPECT_EQ(Rfc3339(d.published()), "2025-11-04T09:39:00Z");
  EXPECT_EQ(d.published().precision(), v1::TIME_PRECISION_MINUTE);
  EXPECT_EQ(d.published().zone(), "America/New_York");
  EXPECT_TRUE(absl::StrContains(d.published().surface(), "Nov 4, 2025 4:39 am ET"));
  EXPECT_FALSE(d.title().empty());
}

TEST_F(SeedsTest, WordPressPostFromDateGmtWithEntitiesDecoded) {
  CollectingIssueSink sink;
  auto docs = ReadSeeds({}, &sink);
  const v1::Document& d = docs["004"];
  EXPECT_EQ(d.format(), v1::DOCUMENT_FORMAT_WORDPRESS_JSON);
  EXPECT_EQ(d.published().method(), v1::DATE_METHOD_METADATA);
  EXPECT_EQ(Rfc3339(d.published()), "2023-09-03T11:20:00Z");
  const std::string& text = d.text();
  EXPECT_TRUE(absl::StrContains(text, "China\xE2\x80\x99s") || absl::StrContains(text, "China's"));
  EXPECT_TRUE(absl::StrContains(d.title(), "Europe\xE2\x80\x99s"));
  for (const char* leak : {"&#8217;", "&amp;", "<p>", "</p>", "class=", "\"id\"", "457076",
                           "_links", "wp-block", "https://", "date_gmt", "rendered",
                           "tag-china-en", "post-457076"}) {
    EXPECT_FALSE(absl::StrContains(text, leak)) << "text contains " << leak;
  }
  // The offset map leads text back into the file.
  EXPECT_GT(d.offset_map_size(), 1);
}

TEST_F(SeedsTest, ForumThreadSplitIntoPostsWithRepeatedArticleMarkedAsQuotation) {
  CollectingIssueSink sink;
  auto docs = ReadSeeds({}, &sink);
  const v1::Document& d = docs["002"];
  EXPECT_EQ(d.format(), v1::DOCUMENT_FORMAT_FORUM_THREAD);
  EXPECT_GE(d.posts_size(), 8);
  // The pasted article starts "Having spent $200 billion" four times: the first is the
  // original, the three repeats are quotations of it.
  const std::string& text = d.text();
  std::vector<size_t> starts;
  for (size_t p = text.find("Having spent $200 billion"); p != std::string::npos;
       p = text.find("Having spent $200 billion", p + 1)) {
    starts.push_back(p);
  }
  ASSERT_EQ(starts.size(), 4u);
  int quoted = 0;
  for (size_t s : starts) {
    for (const v1::Quotation& q : d.quotations()) {
      if (q.begin() <= s && s < q.end()) {
        ++quoted;
        EXPECT_EQ(q.source_document_id(), d.id());
        EXPECT_LT(q.source_offset(), s);
        break;
      }
    }
  }
  EXPECT_EQ(quoted, 3);
  // Page furniture is not text.
  EXPECT_FALSE(absl::StrContains(text, "Log in or Register"));
  EXPECT_FALSE(absl::StrContains(text, "Registered Member"));
}

TEST_F(SeedsTest, ForumRelativeDatesResolvedOnlyWithReferenceDate) {
  CollectingIssueSink sink;
  auto undated = ReadSeeds({}, &sink);
  const v1::Document& d = undated["002"];
  int relative = 0;
  for (const v1::Post& p : d.posts()) {
    if (p.published().surface() == "Yesterday at 10:42 PM") {
      ++relative;
      EXPECT_TRUE(p.published().unresolved_relative());
      EXPECT_FALSE(p.published().has_time());
    }
  }
  EXPECT_GE(relative, 1);
  EXPECT_FALSE(d.published().has_time());
  EXPECT_TRUE(d.published().unresolved_relative());

  ReadOptions with_reference;
  with_reference.reference_date = absl::CivilDay(2025, 11, 22);
  auto dated = ReadSeeds(with_reference, &sink);
  const v1::Document& r = dated["002"];
  EXPECT_EQ(r.published().method(), v1::DATE_METHOD_RELATIVE);
  EXPECT_EQ(Rfc3339(r.published()), "2025-11-21T22:42:00Z");
}

TEST_F(SeedsTest, UndatedArticlesSaySo) {
  CollectingIssueSink sink;
  auto docs = ReadSeeds({}, &sink);
  for (const char* name : {"001", "003"}) {
    const v1::Document& d = docs[name];
    EXPECT_EQ(d.format(), v1::DOCUMENT_FORMAT_PLAIN_TEXT) << name;
    EXPECT_EQ(d.published().method(), v1::DATE_METHOD_UNKNOWN) << name;
    EXPECT_FALSE(d.published().has_time()) << name;
  }
}

}  // namespace
}  // namespace claimcheck
