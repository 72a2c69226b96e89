// `claimcheck extract` through the command table, in process: -o streams atomically
// (the old file survives a failed run, no temporary file is left behind), --metrics
// extends the metric vocabulary (repeatable and comma lists, errors name file:line), and
// the report pipeline takes --metrics too.
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "claims/record_stream.h"
#include "cli/commands.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace claimcheck {
namespace {

constexpr char kCorpus[] = "tests/testdata/corpus";

struct RunResult {
  int code;
  std::string out;
  std::string err;
};

RunResult Claimcheck(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  CommandIO io{&in, &out, &err, false};
  int code = RunClaimcheck(args, io);
  return {code, out.str(), err.str()};
}

// A fresh directory under the test's temporary directory.
std::string NewDir(const std::string& name) {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string dir = std::string(tmp != nullptr ? tmp : "/tmp") + "/" + name;
  mkdir(dir.c_str(), 0755);
  return dir;
}

std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return names;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(d);
  return names;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The metrics of the claims in JSON Lines `jsonl`.
std::vector<std::string> Metrics(const std::string& jsonl) {
  std::vector<std::string> metrics;
  for (absl::string_view line : absl::StrSplit(jsonl, '\n', absl::SkipEmpty())) {
    v1::Claim claim;
    absl::Status s = RecordFromJson(line, &claim);
    EXPECT_TRUE(s.ok()) << s;
    metrics.push_back(claim.subject().metric());
  }
  return metrics;
}

TEST(ExtractCommandTest, OutputFileHoldsExactlyWhatStdoutGets) {
  for (const char* format : {"jsonl", "binpb"}) {
    std::string dir = NewDir(std::string("same_") + format);
    std::string path = dir + "/claims.out";
    RunResult to_stdout = Claimcheck({"extract", kCorpus, std::string("--format=") + format});
    ASSERT_EQ(to_stdout.code, kExitOk) << to_stdout.err;
    RunResult to_file =
        Claimcheck({"extract", kCorpus, std::string("--format=") + format, "-o", path});
    ASSERT_EQ(to_file.code, kExitOk) << to_file.err;
    EXPECT_GT(to_stdout.out.size(), 1000u);
    EXPECT_EQ(Slurp(path), to_stdout.out) << format;
    EXPECT_EQ(to_file.out, "");
    EXPECT_EQ(Entries(dir), std::vector<std::string>{"claims.out"});  // no temp file left
  }
}

TEST(ExtractCommandTest, DocumentsToAFileStreamToo) {
  std::string dir = NewDir("documents_out");
  std::string path = dir + "/documents.jsonl";
  RunResult to_stdout = Claimcheck({"extract", "--documents", kCorpus});
  ASSERT_EQ(to_stdout.code, kExitOk) << to_stdout.err;
  RunResult to_file = Claimcheck({"extract", "--documents", kCorpus, "-o", path});
  ASSERT_EQ(to_file.code, kExitOk) << to_file.err;
  EXPECT_GT(to_stdout.out.size(), 10000u);
  EXPECT_EQ(Slurp(path), to_stdout.out);
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"documents.jsonl"});
}

TEST(ExtractCommandTest, AFailedRunLeavesTheOldFileAndNoTempFile) {
  std::string dir = NewDir("failed_run");
  std::string path = dir + "/claims.jsonl";
  Write(path, "previous run\n");
  RunResult r = Claimcheck({"extract", dir + "/no_such_input.txt", "-o", path});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("no document could be read"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(path), "previous run\n");
  EXPECT_EQ(Entries(dir), std::vector<std::string>{"claims.jsonl"});
}

TEST(ExtractCommandTest, MissingOutputDirectoryIsAUsageErrorNamingIt) {
  std::string dir = NewDir("missing_out");
  RunResult r = Claimcheck({"extract", kCorpus, "-o", dir + "/nope/claims.jsonl"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("nope/claims.jsonl"), std::string::npos) << r.err;
  EXPECT_TRUE(Entries(dir).empty());
}

TEST(ExtractCommandTest, StandardInputIsADocument) {
  std::string text = Slurp(std::string(kCorpus) + "/2025-02-12-smic-full-year-2024.txt");
  ASSERT_FALSE(text.empty());
  RunResult r = Claimcheck({"extract", "-", "--keyed"}, text);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    EXPECT_TRUE(absl::StrContains(line, "\t{\"id\":")) << line;
  }
}

// A document whose figures are about "bookings", a word the built-in vocabulary lacks.
constexpr char kBookings[] =
    "Acme Semiconductor reported bookings of $4.2 billion in 2024, according to the "
    "company.\nAcme Semiconductor said its bookings rose to $5.1 billion in 2025.\n";

TEST(ExtractCommandTest, MetricsFilesExtendTheVocabulary) {
  std::string dir = NewDir("metrics");
  Write(dir + "/doc.txt", kBookings);
  Write(dir + "/orders.txt", "# order metrics\nbookings = order_intake\n");
  Write(dir + "/other.txt", "backlog = order_backlog\n");
  const std::string doc = dir + "/doc.txt";
  const std::vector<std::string> date = {"--reference-date=2026-01-01"};

  RunResult plain = Claimcheck({"extract", doc, date[0]});
  ASSERT_EQ(plain.code, kExitOk) << plain.err;
  for (const std::string& m : Metrics(plain.out)) EXPECT_NE(m, "order_intake");

  const std::vector<std::vector<std::string>> spellings = {
      {"--metrics=" + dir + "/orders.txt"},
      {"--metrics=" + dir + "/other.txt," + dir + "/orders.txt"},
      {"--metrics=" + dir + "/other.txt", "--metrics", dir + "/orders.txt"},
  };
  for (const auto& flags : spellings) {
    std::vector<std::string> args = {"extract", doc, date[0]};
    args.insert(args.end(), flags.begin(), flags.end());
    RunResult r = Claimcheck(args);
    ASSERT_EQ(r.code, kExitOk) << r.err;
    std::vector<std::string> metrics = Metrics(r.out);
    EXPECT_EQ(metrics, std::vector<std::string>(2, "order_intake")) << flags[0];
  }
}

TEST(ExtractCommandTest, BadMetricsFilesAreUsageErrorsNamingThePlace) {
  std::string dir = NewDir("bad_metrics");
  Write(dir + "/doc.txt", kBookings);
  Write(dir + "/bad.txt", "bookings = order_intake\nno equals sign here\n");
  RunResult bad = Claimcheck({"extract", dir + "/doc.txt", "--metrics=" + dir + "/bad.txt"});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_NE(bad.err.find("bad.txt:2:"), std::string::npos) << bad.err;
  RunResult missing =
      Claimcheck({"extract", dir + "/doc.txt", "--metrics=" + dir + "/absent.txt"});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_NE(missing.err.find("absent.txt"), std::string::npos) << missing.err;
}

TEST(ExtractCommandTest, ReportTakesMetricsToo) {
  std::string dir = NewDir("report_metrics");
  Write(dir + "/doc.txt", kBookings);
  Write(dir + "/orders.txt", "bookings = order_intake\n");
  const std::string out = dir + "/report.json";
  RunResult r = Claimcheck({"report", dir + "/doc.txt", "--reference-date=2026-01-01",
                            "--metrics=" + dir + "/orders.txt", "-o", out});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  v1::Report report;
  absl::Status s = RecordFromJson(Slurp(out), &report);
  ASSERT_TRUE(s.ok()) << s;
  int intake = 0;
  for (const v1::Claim& c : report.claims()) intake += c.subject().metric() == "order_intake";
  EXPECT_EQ(intake, 2);
}

TEST(ExtractCommandTest, KeyedNeedsJsonLinesAndClaims) {
  RunResult binary = Claimcheck({"extract", kCorpus, "--keyed", "--format=binpb"});
  EXPECT_EQ(binary.code, kExitUsage);
  EXPECT_NE(binary.err.find("--keyed"), std::string::npos) << binary.err;
  EXPECT_EQ(binary.out, "");
  RunResult documents = Claimcheck({"extract", kCorpus, "--keyed", "--documents"});
  EXPECT_EQ(documents.code, kExitUsage);
}

}  // namespace
}  // namespace claimcheck
