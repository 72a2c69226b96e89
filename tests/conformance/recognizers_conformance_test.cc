// The recognizers against the Recognizers-Text conformance cases in
// $CLAIMCHECK_SHARED/conformance/recognizers. Predictions are written in score.py's format
// and scored by score.py itself (python3), so the matching rules are exactly the
// published ones. Fails when a file's F1 drops below the level reached when this test
// was written (minus 0.005). Skips when the shared folder or python3 is missing.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "extract/recognize/conformance_output.h"
#include "gtest/gtest.h"
#include "tests/conformance/shared_dir.h"

namespace claimcheck {
namespace {

struct File {
  const char* name;     // recognizers/<name>.jsonl
  const char* types;    // which Recognizers-Text model the file exercises
  double floor;         // the F1 reached, minus 0.005
  double peer;          // Recognizers-Text JavaScript over all cases
};

const File kFiles[] = {
    {"number", "number", 0.938, 0.835},
    {"percent", "percentage", 0.904, 0.833},
    {"currency", "currency", 0.955, 0.875},
    {"dimension", "dimension", 0.934, 0.857},
};

// Runs score.py and returns the overall F1 from its --json output, or -1.
double Score(const std::string& shared, const std::string& gold, const std::string& pred,
             const std::string& json_out) {
  std::string command = absl::StrCat("python3 ", shared, "/conformance/score.py ", gold, " ",
                                     pred, " --json ", json_out, " > /dev/null 2>&1");
  if (std::system(command.c_str()) != 0) return -1;
  std::string json = ReadWholeFile(json_out);
  // The file is score.py's json.dump of a dict; the top-level "F1" key is written last.
  size_t pos = json.rfind("\"F1\":");
  if (pos == std::string::npos) return -1;
  std::string number = json.substr(pos + 5);
  number = number.substr(0, number.find_first_of(",}\n"));
  double f1 = -1;
  if (!absl::SimpleAtod(absl::StripAsciiWhitespace(number), &f1)) return -1;
  return f1;
}

TEST(RecognizersConformanceTest, F1StaysAboveFloorAndPeer) {
  std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "no shared conformance folder";
  if (std::system("python3 -c 'pass' > /dev/null 2>&1") != 0) GTEST_SKIP() << "no python3";
  auto quantities = QuantityRecognizer::Create();
  ASSERT_TRUE(quantities.ok()) << quantities.status();
  auto times = TimeRecognizer::Create();
  ASSERT_TRUE(times.ok()) << times.status();
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string dir = tmp != nullptr ? tmp : "/tmp";
  for (const File& file : kFiles) {
    std::string gold = absl::StrCat(shared, "/conformance/recognizers/", file.name, ".jsonl");
    std::string pred = absl::StrCat(dir, "/", file.name, ".pred.jsonl");
    absl::flat_hash_set<std::string> types;
    for (absl::string_view t : absl::StrSplit(file.types, ',')) types.insert(std::string(t));
    std::ifstream in(gold);
    ASSERT_TRUE(in.good()) << gold;
    std::ofstream out(pred);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      absl::StatusOr<ConformanceCase> c = ParseConformanceCase(line);
      ASSERT_TRUE(c.ok()) << gold << ":" << n << ": " << c.status();
      out << ConformanceLine(*c, **quantities, **times, types) << "\n";
    }
    out.close();
    double f1 = Score(shared, gold, pred, absl::StrCat(dir, "/", file.name, ".score.json"));
    ASSERT_GE(f1, 0) << "score.py failed on " << pred;
    std::printf("%s: F1=%.3f (floor %.3f, Recognizers-Text JS %.3f)\n", file.name, f1,
                file.floor, file.peer);
    EXPECT_GE(f1, file.floor) << file.name;
    EXPECT_GT(f1, file.peer) << file.name;
  }
}

}  // namespace
}  // namespace claimcheck
