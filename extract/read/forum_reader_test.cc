#include "extract/read/forum_reader.h"

#include <string>

#include "absl/strings/match.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

// A thread written for this test: two posts, a quote of the first, page furniture.
const char kThread[] =
    "Foundry numbers (discussion)\n"
    "\n"
    "Page 3 of 9\n"
    "\n"
    "chipfan\n"
    "Registered Member\n"
    "Nov 14, 2025\n"
    "The foundry booked $2.38 billion in the third quarter. A record.\n"
    "\n"
    "\n"
    "waferwatch\n"
    "Senior Member\n"
    "Yesterday at 10:42 PM\n"
    "chipfan said:\n"
    "The foundry booked $2.38 billion in the third quarter.\n"
    "Click to expand...\n"
    "Not quite, the release says otherwise.\n"
    "Please, Log in or Register to view URLs content!\n";

v1::Document Read(const DateContext& ctx) {
  OffsetMap to_file;
  to_file.AddExact(0, 0);
  v1::Document doc;
  ReadForumThread(kThread, to_file, ctx, &doc);
  return doc;
}

TEST(ForumReaderTest, DetectsThreads) {
  EXPECT_TRUE(LooksLikeForumThread(kThread));
  EXPECT_FALSE(LooksLikeForumThread("An article.\n\nBy Jane Doe\n\nRevenue rose."));
  EXPECT_TRUE(IsForumRankLine("Registered Member"));
  EXPECT_TRUE(IsForumRankLine("Super Moderator"));
  EXPECT_FALSE(IsForumRankLine("The member states agreed."));
}

TEST(ForumReaderTest, RankLines) {
  struct Case {
    const char* line;
    bool rank;
  } cases[] = {
      {"Senior Member", true},          {"ADMINISTRATOR", true},
      {"Site Admin", true},             {"Major", true},
      {"Lieutenant General", true},     {"Forum Enthusiast", true},
      {"Regular", true},                {"Registered Members", false},  // length differs
      {"Junior Membre", false},         {"Staff Sergeant Major Guest Poster", false},
      {"A senior member of staff", false},  // five words
      {"senior Member", false},             // lower-case start
      {"Nov 14, 2025", false},          {"Gold 4ever", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsForumRankLine(c.line), c.rank) << c.line;
}

TEST(ForumReaderTest, PostsWithAuthorsDatesAndNoFurniture) {
  v1::Document doc = Read({});
  EXPECT_EQ(doc.format(), v1::DOCUMENT_FORMAT_FORUM_THREAD);
  EXPECT_EQ(doc.title(), "Foundry numbers (discussion)");
  ASSERT_EQ(doc.posts_size(), 2);
  EXPECT_EQ(doc.posts(0).author(), "chipfan");
  EXPECT_EQ(doc.posts(1).author(), "waferwatch");
  EXPECT_EQ(TimeUtil::ToString(doc.posts(0).published().time()), "2025-11-14T00:00:00Z");
  EXPECT_TRUE(doc.posts(1).published().unresolved_relative());
  std::string post1 = doc.text().substr(doc.posts(0).begin(), doc.posts(0).end() - doc.posts(0).begin());
  EXPECT_EQ(post1, "The foundry booked $2.38 billion in the third quarter. A record.");
  for (const char* furniture : {"Registered Member", "Page 3 of 9", "said:", "Click to expand",
                                "Log in or Register", "Yesterday"}) {
    EXPECT_FALSE(absl::StrContains(doc.text(), furniture)) << furniture;
  }
  // The thread's date is its first dated post.
  EXPECT_EQ(TimeUtil::ToString(doc.published().time()), "2025-11-14T00:00:00Z");
}

TEST(ForumReaderTest, QuoteMarkedWithSource) {
  v1::Document doc = Read({});
  ASSERT_EQ(doc.quotations_size(), 1);
  const v1::Quotation& q = doc.quotations(0);
  EXPECT_EQ(doc.text().substr(q.begin(), q.end() - q.begin()),
            "The foundry booked $2.38 billion in the third quarter.");
  EXPECT_EQ(q.source_document_id(), doc.id());
  EXPECT_EQ(q.source_offset(), doc.posts(0).begin());
}

TEST(ForumReaderTest, RelativePostDateResolvedWithReference) {
  DateContext ctx;
  ctx.reference_date = absl::CivilDay(2025, 11, 22);
  v1::Document doc = Read(ctx);
  ASSERT_EQ(doc.posts_size(), 2);
  EXPECT_EQ(doc.posts(1).published().method(), v1::DATE_METHOD_RELATIVE);
  EXPECT_EQ(TimeUtil::ToString(doc.posts(1).published().time()), "2025-11-21T22:42:00Z");
}

TEST(ForumReaderTest, OffsetsLeadBackToTheFile) {
  v1::Document doc = Read({});
  std::string thread = kThread;
  size_t t = doc.text().find("Not quite");
  uint64_t source = 0;
  for (const v1::OffsetRun& r : doc.offset_map()) {
    if (r.text_offset() > t) break;
    source = r.exact() ? r.source_offset() + (t - r.text_offset()) : r.source_offset();
  }
  EXPECT_EQ(source, thread.find("Not quite"));
}

}  // namespace
}  // namespace claimcheck
