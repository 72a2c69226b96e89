// The sharded path: `reconcile --keyed` over a sorted KEY<TAB>CLAIM stream (what a
// MapReduce shuffle of `extract --keyed` output gives, keyed by claims/reduce_key.h)
// reports the same findings, ARITHMETIC included, and the same timelines as the in-memory
// `reconcile`. Runs the built claimcheck binary on claims made from
// tests/testdata/expected_claims.jsonl (tests/reconcile/keyed_pipeline_test does the same
// on claims the extractor finds).
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claims/record_stream.h"
#include "claims/reduce_key.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"
#include "tests/reconcile/corpus_claims.h"

namespace claimcheck {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/" + name;
}

int Shell(const std::string& command) {
  int status = std::system(command.c_str());
  return WEXITSTATUS(status);
}

v1::Report ReadReport(const std::string& path) {
  v1::Report report;
  absl::Status s = RecordFromJson(Read(path), &report);
  EXPECT_TRUE(s.ok()) << path << ": " << s;
  return report;
}

TEST(KeyedReconcileTest, SortedKeyedStreamGivesTheSameFindings) {
  std::string expected = Read("tests/testdata/expected_claims.jsonl");
  if (expected.empty()) GTEST_SKIP() << "no tests/testdata/expected_claims.jsonl";
  auto claims = ClaimsFromExpected(expected, {{"big-fund-iii-explainer.html", "2024-05-28"},
                                              {"smic-2023-results.html", "2024-02-08"},
                                              {"wp-json-posts-61842.json", "2024-11-08"},
                                              {"forum-china-chip-industry-thread.txt",
                                               "2025-11-14"}});
  ASSERT_TRUE(claims.ok()) << claims.status();
  std::string jsonl;
  std::vector<std::string> keyed;
  for (const v1::Claim& c : *claims) {
    auto json = RecordToJson(c);
    ASSERT_TRUE(json.ok()) << json.status();
    jsonl += *json + "\n";
    keyed.push_back(ReduceKey(c) + "\t" + *json + "\n");
  }
  std::sort(keyed.begin(), keyed.end());  // the shuffle
  std::ofstream(TempPath("claims.jsonl")) << jsonl;
  std::ofstream keyed_file(TempPath("keyed.tsv"));
  for (const auto& line : keyed) keyed_file << line;
  keyed_file.close();

  const std::string binary = "cli/claimcheck";
  ASSERT_EQ(Shell(binary + " reconcile " + TempPath("claims.jsonl") + " --compact -o " +
                TempPath("memory.json") + " 2>/dev/null"),
            0);
  ASSERT_EQ(Shell("cat " + TempPath("keyed.tsv") + " | " + binary +
                " reconcile --keyed - --compact -o " + TempPath("keyed.json") + " 2>/dev/null"),
            0);
  v1::Report memory = ReadReport(TempPath("memory.json"));
  v1::Report sharded = ReadReport(TempPath("keyed.json"));

  std::set<std::pair<std::string, int>> memory_findings, sharded_findings;
  for (const auto& f : memory.findings()) memory_findings.insert({f.id(), f.kind()});
  for (const auto& f : sharded.findings()) sharded_findings.insert({f.id(), f.kind()});
  EXPECT_GE(memory_findings.size(), 5u);
  EXPECT_TRUE(std::any_of(memory.findings().begin(), memory.findings().end(),
                          [](const v1::Finding& f) {
                            return f.kind() == v1::FINDING_KIND_ARITHMETIC;
                          }));
  EXPECT_EQ(memory_findings, sharded_findings);
  EXPECT_EQ(memory.timelines_size(), sharded.timelines_size());
  EXPECT_EQ(memory.summary().claims(), sharded.summary().claims());
  EXPECT_EQ(memory.summary().subjects(), sharded.summary().subjects());
  EXPECT_EQ(sharded.claims_size(), 0);  // the keyed path does not hold claims
}

TEST(KeyedReconcileTest, BadLinesAreReportedWithTheirPlace) {
  std::ofstream(TempPath("bad.tsv")) << "k|x\t{\"id\": \"a\"}\nno tab here\nk|y\t{broken\n";
  ASSERT_EQ(Shell("cli/claimcheck reconcile --keyed " + TempPath("bad.tsv") + " -o " +
                TempPath("bad.json") + " 2>" + TempPath("bad.err")),
            0);
  std::string err = Read(TempPath("bad.err"));
  EXPECT_NE(err.find("bad.tsv:2: expected KEY<TAB>CLAIM"), std::string::npos) << err;
  EXPECT_NE(err.find("bad.tsv:3:"), std::string::npos) << err;
  EXPECT_EQ(ReadReport(TempPath("bad.json")).summary().claims(), 1u);
}

TEST(KeyedReconcileTest, FailOnAndUnknownKinds) {
  std::ofstream(TempPath("c.jsonl")) << "";
  EXPECT_EQ(Shell("cli/claimcheck reconcile " + TempPath("c.jsonl") +
                " --fail-on=contradiction >/dev/null 2>&1"),
            0);
  EXPECT_EQ(Shell("cli/claimcheck reconcile " + TempPath("c.jsonl") +
                " --fail-on=nonsense >/dev/null 2>&1"),
            2);
  EXPECT_EQ(Shell("cli/claimcheck reconcile /nonexistent.jsonl >/dev/null 2>&1"), 2);
}

}  // namespace
}  // namespace claimcheck
