// The sharded path end to end, with the built binary: `extract --keyed | LC_ALL=C sort |
// reconcile --keyed` gives the findings (same ids, same kinds, same order) and the
// timelines of `extract | reconcile`, including the ARITHMETIC findings that relate a
// growth subject to its level subject; and reconciling the extracted claims in the
// sorted order in memory gives the keyed report exactly. Over the sample corpus here;
// keyed_pipeline_seeds_test runs the same checks over ../shared/seeds plus the corpus.
//
// keyed_pipeline_seeds_test is this file built with KEYED_PIPELINE_SEEDS defined: its
// inputs are the seed articles (CLAIMCHECK_SHARED, default /work/shared, + /seeds/*.txt)
// and the corpus, and it is skipped when the seeds are absent.
#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claims/reduce_key.h"
#include "claims/record_stream.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "reconcile/grouper.h"
#include "tests/claimcheck_runner.h"

namespace claimcheck {
namespace {

std::string TestTemp(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return absl::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

#ifdef KEYED_PIPELINE_SEEDS
// The seed articles (*.txt) under $CLAIMCHECK_SHARED/seeds, sorted; empty when absent.
std::vector<std::string> SeedArticles() {
  const char* env = std::getenv("CLAIMCHECK_SHARED");
  std::string dir = absl::StrCat(env != nullptr ? env : "/work/shared", "/seeds");
  std::vector<std::string> files;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return files;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) {
      files.push_back(absl::StrCat(dir, "/", name));
    }
  }
  closedir(d);
  std::sort(files.begin(), files.end());
  return files;
}
#endif

// The extract inputs as shell words; empty when this variant's inputs are missing.
std::string KeyedPipelineInputs() {
  std::string corpus = Runfile("tests/testdata/corpus");
#ifdef KEYED_PIPELINE_SEEDS
  std::vector<std::string> seeds = SeedArticles();
  if (seeds.empty()) return "";
  return absl::StrCat(absl::StrJoin(seeds, " "), " ", corpus);
#else
  return corpus;
#endif
}

bool ReadReport(const std::string& path, v1::Report* report, std::string* log) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  absl::Status s = RecordFromJson(text.str(), report);
  if (!s.ok()) absl::StrAppend(log, path, ": ", s.message(), "\n");
  return s.ok();
}

// The subjects reconcile/arithmetic.h links a subject to, as BuildSubjectKey makes them
// (its LevelSubjectKey and TotalSubjectKey, private to reconcile/): the level of a
// "<base>_growth" subject, and the total (no qualifiers) of a subject with qualifiers.
std::vector<std::string> LinkedSubjectKeys(const v1::Subject& subject) {
  std::vector<std::string> linked;
  const std::string metric = NormalizeMetric(subject.metric());
  const std::string suffix = "_growth";
  if (metric.size() > suffix.size() &&
      metric.compare(metric.size() - suffix.size(), suffix.size(), suffix) == 0) {
    v1::Subject level = subject;
    level.set_metric(metric.substr(0, metric.size() - suffix.size()));
    linked.push_back(BuildSubjectKey(level));
  }
  if (subject.qualifiers_size() > 0) {
    v1::Subject total = subject;
    total.clear_qualifiers();
    linked.push_back(BuildSubjectKey(total));
  }
  return linked;
}

struct PipelineRun {
  bool ok = false;
  std::string log;                // commands and their output, for failure messages
  v1::Report memory;              // extract | reconcile
  v1::Report keyed;               // extract --keyed | LC_ALL=C sort | reconcile --keyed
  v1::Report memory_over_sorted;  // extract | LC_ALL=C sort | reconcile
};

// Runs the three pipelines over `inputs`, files named after `tag`.
PipelineRun RunBothPipelines(const std::string& inputs, const std::string& tag) {
  PipelineRun run;
  const std::string bin = Runfile("cli/claimcheck");
  const std::string claims = TestTemp(tag + "_claims.jsonl");
  const std::string memory = TestTemp(tag + "_memory.json");
  const std::string keyed = TestTemp(tag + "_keyed.json");
  const std::string sorted = TestTemp(tag + "_sorted.json");
  const std::vector<std::string> commands = {
      absl::StrCat("extract ", inputs, " -o ", claims),
      absl::StrCat("reconcile ", claims, " --compact -o ", memory),
      absl::StrCat("extract --keyed ", inputs, " | LC_ALL=C sort | ", bin,
                   " reconcile --keyed - --compact -o ", keyed),
      absl::StrCat("reconcile - --compact -o ", sorted, " < ", claims, ".sorted"),
  };
  for (size_t i = 0; i < commands.size(); ++i) {
    if (i == 3) {  // the extracted claims in the order the keyed path sees them
      std::string sort = absl::StrCat("LC_ALL=C sort ", claims, " > ", claims, ".sorted");
      if (std::system(sort.c_str()) != 0) return run;
    }
    RunResult r = RunClaimcheck(commands[i]);
    absl::StrAppend(&run.log, "$ claimcheck ", commands[i], "\n", r.out);
    if (r.code != 0) return run;
  }
  run.ok = ReadReport(memory, &run.memory, &run.log) &&
           ReadReport(keyed, &run.keyed, &run.log) &&
           ReadReport(sorted, &run.memory_over_sorted, &run.log);
  return run;
}

TEST(KeyedPipelineTest, ShardedFindingsEqualTheInMemoryFindings) {
  const std::string inputs = KeyedPipelineInputs();
  if (inputs.empty()) GTEST_SKIP() << "no inputs (shared seeds missing)";
  PipelineRun run = RunBothPipelines(inputs, "pipeline");
  ASSERT_TRUE(run.ok) << run.log;

  std::vector<std::pair<std::string, v1::FindingKind>> memory, sharded;
  for (const v1::Finding& f : run.memory.findings()) memory.emplace_back(f.id(), f.kind());
  for (const v1::Finding& f : run.keyed.findings()) sharded.emplace_back(f.id(), f.kind());
  EXPECT_EQ(memory, sharded);  // same ids and kinds, in the same order
  EXPECT_GE(memory.size(), 5u) << "too few findings for the comparison to mean much";
  int arithmetic = 0;
  for (const auto& [id, kind] : memory) arithmetic += kind == v1::FINDING_KIND_ARITHMETIC;
  EXPECT_GE(arithmetic, 1) << "the corpus has growth figures that contradict their levels";

  std::vector<std::string> memory_subjects, sharded_subjects;
  for (const v1::Timeline& t : run.memory.timelines()) {
    memory_subjects.push_back(GroupKey(t.subject()));
  }
  for (const v1::Timeline& t : run.keyed.timelines()) {
    sharded_subjects.push_back(GroupKey(t.subject()));
  }
  EXPECT_EQ(memory_subjects, sharded_subjects);

  const v1::ReportSummary& a = run.memory.summary();
  const v1::ReportSummary& b = run.keyed.summary();
  EXPECT_EQ(a.claims(), b.claims());
  EXPECT_EQ(a.subjects(), b.subjects());
  EXPECT_EQ(a.documents(), b.documents());
  EXPECT_EQ(a.findings(), b.findings());
  EXPECT_EQ(a.open_findings(), b.open_findings());
  using ByKind = std::map<std::string, uint32_t>;
  EXPECT_EQ(ByKind(a.findings_by_kind().begin(), a.findings_by_kind().end()),
            ByKind(b.findings_by_kind().begin(), b.findings_by_kind().end()));
  EXPECT_EQ(run.keyed.claims_size(), 0);  // the keyed report does not hold the claims
  EXPECT_EQ(run.keyed.problems_size(), run.memory.problems_size());
}

TEST(KeyedPipelineTest, InMemoryOverTheSortedClaimsIsTheKeyedReportExactly) {
  // Only the order claims arrive in differs between the two paths (a subject's display
  // fields come from its first claim); given the same order the reports are identical.
  const std::string inputs = KeyedPipelineInputs();
  if (inputs.empty()) GTEST_SKIP() << "no inputs (shared seeds missing)";
  PipelineRun run = RunBothPipelines(inputs, "exact");
  ASSERT_TRUE(run.ok) << run.log;
  v1::Report sorted_memory = run.memory_over_sorted;
  sorted_memory.clear_claims();
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differencer.Compare(sorted_memory, run.keyed)) << diff;
}

TEST(KeyedPipelineTest, EveryLinkedPairOfSubjectsSharesAReduceKey) {
  // The reconciler links a growth subject to its level and a part to its total through
  // BuildSubjectKey (reconcile/arithmetic.h); linked subjects must share a reduce key,
  // or the keyed path would lose the check.
  const std::string inputs = KeyedPipelineInputs();
  if (inputs.empty()) GTEST_SKIP() << "no inputs (shared seeds missing)";
  std::string claims_path = TestTemp("linked_claims.jsonl");
  RunResult r = RunClaimcheck(absl::StrCat("extract ", inputs, " -o ", claims_path));
  ASSERT_EQ(r.code, 0) << r.out;
  std::map<std::string, std::set<std::string>> keys_of_subject;  // BuildSubjectKey -> keys
  std::vector<std::pair<std::string, std::string>> links;        // (subject, linked subject)
  std::ifstream in(claims_path);
  std::string line;
  int linked = 0;
  while (std::getline(in, line)) {
    v1::Claim claim;
    ASSERT_TRUE(RecordFromJson(line, &claim).ok()) << line;
    std::string self = BuildSubjectKey(claim.subject());
    keys_of_subject[self].insert(ReduceKey(claim));
    for (const std::string& other : LinkedSubjectKeys(claim.subject())) {
      links.emplace_back(self, other);
    }
  }
  for (const auto& [a, b] : links) {
    auto other = keys_of_subject.find(b);
    if (other == keys_of_subject.end()) continue;  // no claims for the linked subject
    ++linked;
    EXPECT_EQ(keys_of_subject[a], other->second) << a << " and " << b;
  }
  EXPECT_GT(linked, 0) << "no growth/level or part/total pair in the input";
}

TEST(KeyedPipelineTest, UnsortedInputAndSplitSubjectsAreReported) {
  // Two claims of one subject (same Subject.key) whose entity fields differ: another
  // tool's claims, keyed apart. And the same key again after another: not sorted.
  const std::string path = TestTemp("split.tsv");
  std::ofstream(path)
      << "acme\t{\"id\":\"a1\",\"subject\":{\"entity\":\"Acme\",\"metric\":\"revenue\","
         "\"key\":\"acme|revenue\"}}\n"
      << "acme inc\t{\"id\":\"a2\",\"subject\":{\"entity\":\"Acme Inc\",\"metric\":"
         "\"revenue\",\"key\":\"acme|revenue\"}}\n"
      << "acme\t{\"id\":\"a3\",\"subject\":{\"entity\":\"Acme\",\"metric\":\"capex\","
         "\"key\":\"acme|capex\"}}\n"
      << "no tab on this line\n";
  RunResult r = RunClaimcheck(absl::StrCat("reconcile --keyed ", path, " --compact -o ",
                                           TestTemp("split.json")));
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("subject 'acme|revenue' has claims under more than one key"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("split.tsv:3: key 'acme' seen before"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("split.tsv:4: expected KEY<TAB>CLAIM"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 claims"), std::string::npos) << r.out;
}

TEST(KeyedPipelineTest, KeyedOutputIsJsonLinesOnly) {
  RunResult r = RunClaimcheck(
      absl::StrCat("extract --keyed --format=binpb ", Runfile("tests/testdata/corpus")));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--keyed"), std::string::npos) << r.out;
  RunResult docs = RunClaimcheck(
      absl::StrCat("extract --keyed --documents ", Runfile("tests/testdata/corpus")));
  EXPECT_EQ(docs.code, 2) << docs.out;
}

TEST(KeyedPipelineTest, KeyedLinesAreTheClaimsWithTheirKeys) {
  std::string plain = TestTemp("plain.jsonl"), keyed = TestTemp("keyed.tsv");
  const std::string corpus = Runfile("tests/testdata/corpus");
  ASSERT_EQ(RunClaimcheck(absl::StrCat("extract ", corpus, " -o ", plain)).code, 0);
  ASSERT_EQ(RunClaimcheck(absl::StrCat("extract --keyed ", corpus, " -o ", keyed)).code, 0);
  std::ifstream a(plain), b(keyed);
  std::string pl, kl;
  size_t lines = 0;
  while (std::getline(a, pl)) {
    ASSERT_TRUE(std::getline(b, kl)) << "keyed output is shorter";
    absl::string_view key, record;
    ASSERT_TRUE(SplitKeyedLine(kl, &key, &record).ok()) << kl;
    EXPECT_EQ(record, pl);
    v1::Claim claim;
    ASSERT_TRUE(RecordFromJson(record, &claim).ok());
    EXPECT_EQ(key, ReduceKey(claim));
    ++lines;
  }
  EXPECT_FALSE(std::getline(b, kl)) << "keyed output is longer";
  EXPECT_GT(lines, 20u);
}

}  // namespace
}  // namespace claimcheck
