// Recognition speed on news-like text: QuantityRecognizer, TimeRecognizer, and both.
//
//   bazel run --config=opt //tests/conformance:recognize_benchmark
//
// The text is the project's sample corpus (tests/testdata/corpus, found through
// BUILD_WORKSPACE_DIRECTORY under `bazel run`, or CLAIMCHECK_CORPUS), repeated to about
// 1 MB; when the corpus is not found, built-in synthetic news sentences are used.
// Throughput is reported as bytes/s per thread (single-threaded runs).
//
// The *PerSentence variants make the calls the extractor makes: the corpus documents are
// read (extract/read, so markup and JSON are gone), split into sentences, and Find is
// called once per sentence; BM_BothPerSentence runs TimeRecognizer only on sentences
// with a figure, as extract/extractor.cc does. Per-call costs show there.
//
// Figures (MB/s, 2026-11-23, 2-core VM shared with other builds; median of 5 runs of
// 0.2 s alternated with the binary built at the start of the session, load avg ~2):
//
//                              before   after
//   BM_Quantities                107     162
//   BM_Times                     140     176
//   BM_Both                       61      84
//   BM_QuantitiesPerSentence     100     157
//   BM_TimesPerSentence          170     228
//   BM_BothPerSentence            68      93
//
// Run outside Bazel from the workspace root:
//   bazel build --config=opt //tests/conformance:recognize_benchmark
//   CLAIMCHECK_CORPUS=tests/testdata/corpus bazel-bin/tests/conformance/recognize_benchmark
//       --benchmark_repetitions=3   (one command line)
// (without CLAIMCHECK_CORPUS or `bazel run` the synthetic sentences are used).
// extract/recognize:recognition_dump prints every mention with every field: diff its
// output before and after a change to the recognizers.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "extract/read/sentence_splitter.h"
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

std::string CorpusDir() {
  if (const char* c = std::getenv("CLAIMCHECK_CORPUS")) return c;
  if (const char* w = std::getenv("BUILD_WORKSPACE_DIRECTORY")) {
    return std::string(w) + "/tests/testdata/corpus";
  }
  return "";
}

std::string LoadText() {
  const std::string dir = CorpusDir();
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

// The corpus documents' clean texts, repeated to about 1 MB, and their sentences.
struct Sentences {
  std::string text;
  std::vector<absl::string_view> sentences;
};

const Sentences& CorpusSentences() {
  static const Sentences* sentences = [] {
    std::string texts;
    std::vector<TextSpan> spans;
    auto add = [&](absl::string_view text) {
      for (const TextSpan& span : SplitSentences(text)) {
        spans.push_back({texts.size() + span.begin, texts.size() + span.end});
      }
      texts.append(text.data(), text.size());
      texts += "\n\n";
    };
    const std::string dir = CorpusDir();
    std::error_code ec;
    if (!dir.empty() && std::filesystem::is_directory(dir, ec)) {
      CollectingIssueSink sink;
      DocumentReader reader(ReadOptions(), &sink);
      (void)reader.ReadPath(dir, [&](v1::Document&& doc) { add(doc.text()); });
    }
    if (texts.empty()) {
      for (const char* s : kSynthetic) add(s);
    }
    auto* out = new Sentences();
    const size_t copies = (size_t{1} << 20) / std::max<size_t>(texts.size(), 1) + 1;
    for (size_t c = 0; c < copies; ++c) out->text += texts;
    for (size_t c = 0; c < copies; ++c) {
      for (const TextSpan& span : spans) {
        out->sentences.push_back(absl::string_view(out->text).substr(
            c * texts.size() + span.begin, span.end - span.begin));
      }
    }
    return out;
  }();
  return *sentences;
}

int64_t SentenceBytes(const Sentences& s) {
  int64_t bytes = 0;
  for (absl::string_view sentence : s.sentences) bytes += sentence.size();
  return bytes;
}

// Calls find(text) on the whole benchmark text, counting the mentions it returns.
template <typename Find>
void RunWholeText(benchmark::State& state, const Find& find) {
  const std::string& text = Text();
  size_t found = 0;
  for (auto _ : state) {
    auto m = find(text);
    found = m.size();
    benchmark::DoNotOptimize(m.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
  state.counters["mentions"] = found;
}

void BM_Quantities(benchmark::State& state) {
  auto r = QuantityRecognizer::Create();
  if (!r.ok()) {
    state.SkipWithError("cannot create recognizer");
    return;
  }
  RunWholeText(state, [&](absl::string_view text) { return (*r)->Find(text); });
}
BENCHMARK(BM_Quantities)->Unit(benchmark::kMillisecond);

void BM_Times(benchmark::State& state) {
  auto r = TimeRecognizer::Create();
  if (!r.ok()) {
    state.SkipWithError("cannot create recognizer");
    return;
  }
  RunWholeText(state, [&](absl::string_view text) {
    return (*r)->Find(text, absl::CivilDay(2025, 11, 5));
  });
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

// Calls find(sentence) on every corpus sentence, as the extractor does, counting the
// mentions it returns.
template <typename Find>
void RunPerSentence(benchmark::State& state, const Find& find) {
  const Sentences& s = CorpusSentences();
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (absl::string_view sentence : s.sentences) {
      auto m = find(sentence);
      found += m.size();
      benchmark::DoNotOptimize(m.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * SentenceBytes(s));
  state.counters["sentences"] = s.sentences.size();
  state.counters["mentions"] = found;
}

void BM_QuantitiesPerSentence(benchmark::State& state) {
  auto r = QuantityRecognizer::Create();
  if (!r.ok()) {
    state.SkipWithError("cannot create recognizer");
    return;
  }
  RunPerSentence(state, [&](absl::string_view sentence) { return (*r)->Find(sentence); });
}
BENCHMARK(BM_QuantitiesPerSentence)->Unit(benchmark::kMillisecond);

void BM_TimesPerSentence(benchmark::State& state) {
  auto r = TimeRecognizer::Create();
  if (!r.ok()) {
    state.SkipWithError("cannot create recognizer");
    return;
  }
  RunPerSentence(state, [&](absl::string_view sentence) {
    return (*r)->Find(sentence, absl::CivilDay(2025, 11, 5));
  });
}
BENCHMARK(BM_TimesPerSentence)->Unit(benchmark::kMillisecond);

// As the extractor calls them: times only in sentences with a figure.
void BM_BothPerSentence(benchmark::State& state) {
  auto q = QuantityRecognizer::Create();
  auto t = TimeRecognizer::Create();
  if (!q.ok() || !t.ok()) {
    state.SkipWithError("cannot create recognizers");
    return;
  }
  const Sentences& s = CorpusSentences();
  for (auto _ : state) {
    for (absl::string_view sentence : s.sentences) {
      std::vector<QuantityMention> a = (*q)->Find(sentence);
      benchmark::DoNotOptimize(a.data());
      if (a.empty()) continue;
      std::vector<TimeMention> b = (*t)->Find(sentence, absl::CivilDay(2025, 11, 5));
      benchmark::DoNotOptimize(b.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * SentenceBytes(s));
}
BENCHMARK(BM_BothPerSentence)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimcheck
