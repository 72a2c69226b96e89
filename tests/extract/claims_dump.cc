// Prints one line per claim extracted from the paths given (a development aid for the
// extraction tests): bazel run //tests/extract:claims_dump -- PATH...
// With --jsonl first, prints each whole Claim as a JSON line instead (for comparing the
// extractor's output before and after a change).
#include "claims/record_stream.h"
#include <iostream>

#include "tests/extract/extract_testing.h"

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  const bool jsonl = !paths.empty() && paths[0] == "--jsonl";
  if (jsonl) paths.erase(paths.begin());
  std::vector<std::string> problems;
  claimcheck::ExtractOptions options;
  for (const claimcheck::ExtractedClaim& c : claimcheck::ExtractPaths(paths, options, &problems)) {
    if (jsonl) {
      std::string line;
      (void)claimcheck::AppendRecord(c.claim, claimcheck::RecordFormat::kJsonLines, &line);
      std::cout << line;
    } else {
      std::cout << claimcheck::DescribeClaim(c) << "\n";
    }
  }
  for (const std::string& p : problems) std::cerr << "problem: " << p << "\n";
  return 0;
}
