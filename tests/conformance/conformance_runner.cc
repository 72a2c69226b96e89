// conformance_runner: the recognizers over conformance cases, without the rest of the
// CLI. Reads {"id","input","reference_time"} lines on stdin and writes score.py's
// prediction lines on stdout; the same output as `claimcheck quantities --jsonl`.
//
//   conformance_runner [--types=number,currency,...] < cases.jsonl > pred.jsonl
#include <iostream>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "extract/recognize/conformance_output.h"

int main(int argc, char** argv) {
  absl::flat_hash_set<std::string> types;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (absl::ConsumePrefix(&arg, "--types=")) {
      for (absl::string_view t : absl::StrSplit(arg, ',', absl::SkipEmpty())) {
        types.insert(std::string(t));
      }
    } else {
      std::cerr << "usage: conformance_runner [--types=T1,T2] < cases.jsonl\n";
      return 2;
    }
  }
  auto quantities = claimcheck::QuantityRecognizer::Create();
  auto times = claimcheck::TimeRecognizer::Create();
  if (!quantities.ok() || !times.ok()) {
    std::cerr << "conformance_runner: cannot build the recognizers\n";
    return 2;
  }
  std::string line;
  int n = 0;
  while (std::getline(std::cin, line)) {
    ++n;
    if (line.empty()) continue;
    auto c = claimcheck::ParseConformanceCase(line);
    if (!c.ok()) {
      std::cerr << "stdin:" << n << ": " << c.status().message() << "\n";
      continue;
    }
    std::cout << claimcheck::ConformanceLine(*c, **quantities, **times, types) << "\n";
  }
  return 0;
}
