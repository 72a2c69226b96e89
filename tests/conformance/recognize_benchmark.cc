// Recognition speed on news-like text: QuantityRecognizer, TimeRecognizer, and both.
//
//   bazel run --config=opt //tests/conformance:recognize_benchmark
//
// The text is the project's sample corpus (tests/testdata/corpus, found through
// BUILD_WORKSPACE_DIRECTORY under `bazel run`, or CLAIMCHECK_CORPUS), repeated to about
// 1 MB; when the corpus is not found, built-in synthetic news sentences are used.
// Throughput is reported as bytes/s per thread (single-threaded runs).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"

namespace claimcheck {
namespace {

const char* const kSynthetic[] = {
    "The fund committed RMB 450 million to the toolmaker in Q3 2025, its filing shows. ",
    "Revenue rose nearly 60% to $2.3 billion last year, while margins slipped 3 percentage "
    "points. ",
    "The company plans to build a 28nm line in the next two years at a site the size of 20 "
    "soccer fields. ",
    "Analysts said the deal, worth between $1 billion and $2 billion, could close by 2030. ",
    "Exports of the chips fell 12.5 per cent from 2019 to 2021, according to customs data. ",
    "Some 10,000 wafers per month will be produced, up from about 6,000 in H1 2024. ",
    "The minister, speaking on Tuesday, did not say when the rules would change. ",
    "Its Mate 60 phone uses a 7nm chip, and the A100 remains out of reach. ",
};

std::string LoadText() {
  std::string dir;
  if (const char* c = std::getenv("CLAIMCHECK_CORPUS")) dir = c;
  else if (const char* w = std::getenv("BUILD_WORKSPACE_DIRECTORY")) dir = std::string(w) + "/tests/testdata/corpus";
  std::string corpus;
  std::error_code ec;
  if (!dir.empty() && std::filesystem::is_directory(dir, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      corpus += buffer.str();
      corpus += "\n";
    }
  }
  if (corpus.empty()) {
    for (const char* s : kSynthetic) corpus += s;
  }
  std::string text;
  while (text.size() < (1 << 20)) text += corpus;
  return text;
}

const std::string& Text() {
  static const std::string* text = new std::string(LoadText());
  return *text;
}

void BM_Quantities(benchmark::State& state) {
  auto r = QuantityRecognizer::Create();
  if (!r.ok()) {
    state.SkipWithError("cannot create recognizer");
    return;
  }
  const std::string& text = Text();
  size_t found = 0;
  for (auto _ : state) {
    std::vector<QuantityMention> m = (*r)->Find(text);
    found = m.size();
    benchmark::DoNotOptimize(m.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
  state.counters["mentions"] = found;
}
BENCHMARK(BM_Quantities)->Unit(benchmark::kMillisecond);

void BM_Times(benchmark::State& state) {
  auto r = TimeRecognizer::Create();
  if (!r.ok()) {
    state.SkipWithError("cannot create recognizer");
    return;
  }
  const std::string& text = Text();
  size_t found = 0;
  for (auto _ : state) {
    std::vector<TimeMention> m = (*r)->Find(text, absl::CivilDay(2025, 11, 5));
    found = m.size();
    benchmark::DoNotOptimize(m.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
  state.counters["mentions"] = found;
}
BENCHMARK(BM_Times)->Unit(benchmark::kMillisecond);

void BM_Both(benchmark::State& state) {
  auto q = QuantityRecognizer::Create();
  auto t = TimeRecognizer::Create();
  if (!q.ok() || !t.ok()) {
    state.SkipWithError("cannot create recognizers");
    return;
  }
  const std::string& text = Text();
  for (auto _ : state) {
    auto a = (*q)->Find(text);
    auto b = (*t)->Find(text, absl::CivilDay(2025, 11, 5));
    benchmark::DoNotOptimize(a.data());
    benchmark::DoNotOptimize(b.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_Both)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimcheck
