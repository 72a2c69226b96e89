// Prints one line per claim extracted from the paths given (a development aid for the
// extraction tests): bazel run //tests/extract:claims_dump -- PATH...
#include <iostream>

#include "tests/extract/extract_testing.h"

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  std::vector<std::string> problems;
  claimcheck::ExtractOptions options;
  for (const claimcheck::ExtractedClaim& c : claimcheck::ExtractPaths(paths, options, &problems)) {
    std::cout << claimcheck::DescribeClaim(c) << "\n";
  }
  for (const std::string& p : problems) std::cerr << "problem: " << p << "\n";
  return 0;
}
