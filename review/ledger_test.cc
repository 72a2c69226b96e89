#include "review/ledger.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "claims/record_stream.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::string TempPath(const std::string& name) {
  const char* dir = getenv("TEST_TMPDIR");
  return absl::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

v1::Review MakeReview(const std::string& id, const std::string& topic, v1::Verdict verdict,
                      const std::string& note = "") {
  v1::Review r;
  r.set_finding_id(id);
  r.set_topic(topic);
  r.set_verdict(verdict);
  r.set_note(note);
  r.set_reviewer("tester");
  return r;
}

v1::Finding MakeFinding(const std::string& id, const std::string& topic) {
  v1::Finding f;
  f.set_id(id);
  f.set_topic(topic);
  f.set_kind(v1::FINDING_KIND_CONTRADICTION);
  return f;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(LedgerTest, MissingFileIsEmpty) {
  std::vector<std::string> problems;
  auto ledger = Ledger::Load(TempPath("does-not-exist.jsonl"), &problems);
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_TRUE(ledger->reviews().empty());
  EXPECT_TRUE(problems.empty());
}

TEST(LedgerTest, AppendThenLoadRoundTrips) {
  std::string path = TempPath("roundtrip.jsonl");
  unlink(path.c_str());
  v1::Review a = MakeReview("aaaa", "topic1", v1::VERDICT_CONFIRMED, "checked \"filing\"\nline2");
  a.mutable_time()->set_seconds(1700000000);
  ASSERT_TRUE(Ledger::Append(path, a).ok());
  ASSERT_TRUE(Ledger::Append(path, MakeReview("bbbb", "topic2", v1::VERDICT_DISMISSED)).ok());
  std::vector<std::string> problems;
  auto ledger = Ledger::Load(path, &problems);
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  ASSERT_EQ(ledger->reviews().size(), 2u);
  EXPECT_EQ(ledger->reviews()[0].SerializeAsString(), a.SerializeAsString());
  EXPECT_TRUE(problems.empty());
  // One JSON object per line, newline inside the note escaped.
  std::string data = ReadAll(path);
  EXPECT_EQ(std::count(data.begin(), data.end(), '\n'), 2);
}

TEST(LedgerTest, AppendRejectsIncompleteReviews) {
  std::string path = TempPath("incomplete.jsonl");
  EXPECT_FALSE(Ledger::Append(path, MakeReview("", "t", v1::VERDICT_CONFIRMED)).ok());
  EXPECT_FALSE(Ledger::Append(path, MakeReview("id", "t", v1::VERDICT_UNSPECIFIED)).ok());
}

TEST(LedgerTest, AppendIntoMissingDirectoryNamesThePath) {
  std::string path = TempPath("no/such/dir/reviews.jsonl");
  absl::Status s = Ledger::Append(path, MakeReview("id", "t", v1::VERDICT_CONFIRMED));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path), std::string::npos) << s;
}

TEST(LedgerTest, CorruptLineIsReportedWithLineNumberAndSkipped) {
  std::string data =
      "{\"finding_id\":\"a1\",\"topic\":\"t1\",\"verdict\":\"VERDICT_CONFIRMED\"}\n"
      "{\"finding_id\":\"a2\",\"verdict\":\n"
      "\n"
      "{\"finding_id\":\"a3\",\"topic\":\"t3\",\"verdict\":\"VERDICT_DISMISSED\"}\n";
  std::vector<std::string> problems;
  Ledger ledger = Ledger::Parse(data, "reviews.jsonl", &problems);
  ASSERT_EQ(ledger.reviews().size(), 2u);
  EXPECT_EQ(ledger.reviews()[0].finding_id(), "a1");
  EXPECT_EQ(ledger.reviews()[1].finding_id(), "a3");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("reviews.jsonl:2: ", 0), 0u) << problems[0];
}

TEST(LedgerTest, AppendAfterTornLineStartsANewLine) {
  std::string path = TempPath("torn.jsonl");
  {
    std::ofstream out(path, std::ios::trunc);
    out << "{\"finding_id\":\"a1\",\"verdict\":\"VERDICT_CONFIRMED\"}\n{\"finding_id\":\"a2\",";
  }
  ASSERT_TRUE(Ledger::Append(path, MakeReview("a3", "t", v1::VERDICT_RESOLVED)).ok());
  std::vector<std::string> problems;
  auto ledger = Ledger::Load(path, &problems);
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  ASSERT_EQ(ledger->reviews().size(), 2u);
  EXPECT_EQ(ledger->reviews()[1].finding_id(), "a3");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find(":2: "), std::string::npos) << problems[0];
}

TEST(LedgerTest, ConcurrentAppendsFromProcessesAndThreadsLoseNothing) {
  std::string path = TempPath("concurrent.jsonl");
  unlink(path.c_str());
  constexpr int kProcesses = 4, kThreads = 4, kPerThread = 25;
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::vector<std::thread> threads;
      for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
          for (int i = 0; i < kPerThread; ++i) {
            // A long note makes torn writes likely if locking were broken.
            std::string id = absl::StrCat("p", p, "t", t, "i", i);
            if (!Ledger::Append(path, MakeReview(id, "topic", v1::VERDICT_CONFIRMED,
                                                 std::string(3000, 'x')))
                     .ok()) {
              _exit(1);
            }
          }
        });
      }
      for (auto& th : threads) th.join();
      _exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::vector<std::string> problems;
  auto ledger = Ledger::Load(path, &problems);
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_TRUE(problems.empty()) << problems[0];
  EXPECT_EQ(ledger->reviews().size(), size_t{kProcesses * kThreads * kPerThread});
}

struct ApplyCase {
  const char* name;
  std::vector<v1::Review> reviews;
  v1::ReviewStatus want_status;
  v1::Verdict want_verdict;
  bool want_open;
};

TEST(ApplyReviewsTest, StatusFollowsIdAndTopic) {
  const ApplyCase cases[] = {
      {"no review is open", {}, v1::REVIEW_STATUS_OPEN, v1::VERDICT_UNSPECIFIED, true},
      {"same id is reviewed",
       {MakeReview("f1", "t1", v1::VERDICT_DISMISSED)},
       v1::REVIEW_STATUS_REVIEWED,
       v1::VERDICT_DISMISSED,
       false},
      {"latest verdict wins",
       {MakeReview("f1", "t1", v1::VERDICT_DISMISSED),
        MakeReview("f1", "t1", v1::VERDICT_CONFIRMED)},
       v1::REVIEW_STATUS_REVIEWED,
       v1::VERDICT_CONFIRMED,
       false},
      {"needs-source stays open",
       {MakeReview("f1", "t1", v1::VERDICT_NEEDS_SOURCE)},
       v1::REVIEW_STATUS_REVIEWED,
       v1::VERDICT_NEEDS_SOURCE,
       true},
      {"same topic other id is reopened with the old verdict",
       {MakeReview("f0", "t1", v1::VERDICT_DISMISSED)},
       v1::REVIEW_STATUS_REOPENED,
       v1::VERDICT_DISMISSED,
       true},
      {"verdict on this exact evidence beats a later one on older evidence",
       {MakeReview("f1", "t1", v1::VERDICT_RESOLVED),
        MakeReview("f0", "t1", v1::VERDICT_CONFIRMED)},
       v1::REVIEW_STATUS_REVIEWED,
       v1::VERDICT_RESOLVED,
       false},
      {"other topic does not apply",
       {MakeReview("f9", "t9", v1::VERDICT_DISMISSED)},
       v1::REVIEW_STATUS_OPEN,
       v1::VERDICT_UNSPECIFIED,
       true},
  };
  for (const ApplyCase& c : cases) {
    std::string data;
    for (const v1::Review& r : c.reviews) ASSERT_TRUE(AppendRecord(r, RecordFormat::kJsonLines, &data).ok());
    Ledger ledger = Ledger::Parse(data, "mem", nullptr);
    v1::Report report;
    *report.add_findings() = MakeFinding("f1", "t1");
    ApplyReviews(ledger, &report);
    const v1::Finding& f = report.findings(0);
    EXPECT_EQ(f.status(), c.want_status) << c.name;
    EXPECT_EQ(f.review().verdict(), c.want_verdict) << c.name;
    EXPECT_EQ(IsOpenFinding(f), c.want_open) << c.name;
    EXPECT_EQ(report.summary().open_findings(), c.want_open ? 1u : 0u) << c.name;
  }
}

TEST(ApplyReviewsTest, ConfirmedIsSettledForReviewButStillFailsTheGate) {
  v1::Finding f = MakeFinding("f1", "t1");
  f.set_status(v1::REVIEW_STATUS_REVIEWED);
  f.mutable_review()->set_verdict(v1::VERDICT_CONFIRMED);
  EXPECT_FALSE(IsOpenFinding(f));
  EXPECT_TRUE(IsUnsettledFinding(f));
  f.mutable_review()->set_verdict(v1::VERDICT_RESOLVED);
  EXPECT_FALSE(IsUnsettledFinding(f));
}

TEST(VerdictTest, NamesRoundTrip) {
  for (const char* name : {"confirmed", "dismissed", "needs-source", "resolved"}) {
    auto v = ParseVerdict(name);
    ASSERT_TRUE(v.ok()) << v.status();
    EXPECT_EQ(VerdictName(*v), name);
  }
  EXPECT_FALSE(ParseVerdict("maybe").ok());
}

}  // namespace
}  // namespace claimcheck
