// Micro-benchmarks of the two byte scanners at the start of extraction: the sentence
// splitter over whole document texts and the tokenizer over their sentences, on the
// sample corpus (tests/testdata/corpus, read once by the document readers).
//
//   bazel run --config=opt //tests/extract:tokenize_benchmark
//
// Under callgrind the instruction counts per byte are steadier than the timings.
#include <cstdlib>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "extract/read/sentence_splitter.h"
#include "extract/tokens.h"

namespace claimcheck {
namespace {

struct Corpus {
  std::vector<std::string> texts;          // each document's text
  std::vector<absl::string_view> sentences;  // views into `texts`
  size_t text_bytes = 0, sentence_bytes = 0;
};

const Corpus& SampleCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    CollectingIssueSink sink;
    DocumentReader reader(ReadOptions(), &sink);
    const char* ws = std::getenv("BUILD_WORKSPACE_DIRECTORY");
    const std::string dir = std::string(ws != nullptr ? ws : ".") + "/tests/testdata/corpus";
    (void)reader.ReadPath(dir, [&](v1::Document&& doc) { c->texts.push_back(doc.text()); });
    for (const std::string& text : c->texts) {
      c->text_bytes += text.size();
      for (const TextSpan& s : SplitSentences(text)) {
        c->sentences.push_back(absl::string_view(text).substr(s.begin, s.end - s.begin));
        c->sentence_bytes += s.end - s.begin;
      }
    }
    return c;
  }();
  return *corpus;
}

void BM_SplitSentences(benchmark::State& state) {
  const Corpus& corpus = SampleCorpus();
  size_t spans = 0;
  for (auto _ : state) {
    for (const std::string& text : corpus.texts) spans += SplitSentences(text).size();
  }
  benchmark::DoNotOptimize(spans);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.text_bytes));
}
BENCHMARK(BM_SplitSentences);

void BM_Tokenize(benchmark::State& state) {
  const Corpus& corpus = SampleCorpus();
  size_t tokens = 0;
  for (auto _ : state) {
    for (absl::string_view sentence : corpus.sentences) tokens += Tokenize(sentence).size();
  }
  benchmark::DoNotOptimize(tokens);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.sentence_bytes));
  state.counters["sentences"] = static_cast<double>(corpus.sentences.size());
}
BENCHMARK(BM_Tokenize);

}  // namespace
}  // namespace claimcheck
