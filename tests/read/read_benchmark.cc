// Reading + sentence splitting throughput on plain text and HTML.
//
// The input is a few MB built from the project's own sample corpus
// (tests/testdata/corpus, found through BUILD_WORKSPACE_DIRECTORY under `bazel run`),
// repeated with its figures varied; without the corpus, synthetic paragraphs are used.
// Targets (issue 3): >= 400 MB/s per core on plain text, >= 200 MB/s on HTML.
//
//   bazel run --config=opt //tests/read:read_benchmark
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "extract/read/forum_reader.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "extract/read/sentence_splitter.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

constexpr size_t kTargetBytes = 4 << 20;

class NullSink : public IssueSink {
 public:
  void Report(const std::string&, absl::string_view) override {}
};

// Paragraphs of the sample corpus's plain-text articles, or synthetic ones.
std::vector<std::string> Paragraphs() {
  std::vector<std::string> out;
  const char* ws = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  fs::path corpus = fs::path(ws != nullptr ? ws : ".") / "tests/testdata/corpus";
  std::error_code ec;
  if (fs::is_directory(corpus, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(corpus, ec)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (LooksLikeForumThread(ss.str())) continue;  // articles only
      for (absl::string_view p : absl::StrSplit(ss.str(), "\n\n", absl::SkipWhitespace())) {
        out.emplace_back(p);
      }
    }
  }
  if (out.empty()) {
    out = {
        "The foundry reported third-quarter revenue of $2.38 billion, up 7.8% from the "
        "second quarter and a record for the company. Capacity utilisation was above 95%.",
        "Big Fund III, the third phase of the national chip fund, was registered with "
        "capital of RMB 344 billion (about $47.5 billion) on May 24, 2024.",
        "Analysts at Acme Securities Co. Ltd. said the U.S. controls would bite in 2025. "
        "Mr. Zhao declined to comment on work for Huawei, e.g. its 910B accelerators.",
        "- Revenue for the first half came to $3.65 billion.\n- Gross margin was 19.3%.",
    };
  }
  return out;
}

// Varies the digits of `p` so repeated paragraphs differ.
std::string Vary(const std::string& p, int round) {
  std::string s = p;
  for (char& c : s) {
    if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + round) % 10);
  }
  return s;
}

const std::string& PlainText() {
  static const std::string* text = [] {
    auto* s = new std::string("A sample of the corpus, repeated\n\nBy Bench Mark | Tuesday, Nov 4, 2025 4:39 am ET\n\n");
    std::vector<std::string> paras = Paragraphs();
    for (int round = 0; s->size() < kTargetBytes; ++round) {
      for (const std::string& p : paras) absl::StrAppend(s, Vary(p, round), "\n\n");
    }
    return s;
  }();
  return *text;
}

const std::string& Html() {
  static const std::string* html = [] {
    auto* s = new std::string(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bench | Site</title>"
        "<meta property=\"og:title\" content=\"Bench&#8217;s page\">"
        "<meta property=\"article:published_time\" content=\"2024-05-28T08:15:00Z\">"
        "<style>body{font:serif}</style><script>var x = \"<p>no</p>\";</script></head><body>"
        "<nav><a href=\"/\">Home</a> | <a href=\"/m\">Markets</a></nav><article><h1>Bench</h1>");
    std::vector<std::string> paras = Paragraphs();
    for (int round = 0; s->size() < kTargetBytes; ++round) {
      for (const std::string& p : paras) {
        std::string para = Vary(p, round);
        // Typical markup: entities for quotes and ampersands, a link, emphasis.
        std::string marked;
        for (char c : para) {
          if (c == '\'') marked += "&#8217;";
          else if (c == '&') marked += "&amp;";
          else if (c == '<') marked += "&lt;";
          else if (c == '\n') marked += "<br>\n";
          else marked += c;
        }
        size_t space = marked.find(' ', marked.size() / 2);
        if (space != std::string::npos) {
          marked.insert(space, "</a>");
          marked.insert(marked.rfind(' ', space - 1) + 1, "<a href=\"https://example.com/x\">");
        }
        absl::StrAppend(s, "<p class=\"body\">", marked, "</p>\n");
      }
    }
    absl::StrAppend(s, "</article><footer>&copy; 2024</footer></body></html>");
    return s;
  }();
  return *html;
}

void ReadAndSplit(benchmark::State& state, const std::string& input, const std::string& uri) {
  NullSink sink;
  size_t sentences = 0;
  for (auto _ : state) {
    DocumentReader reader({}, &sink);  // fresh: a reader reads each document once
    reader.ReadBytes(input, uri, [&](v1::Document&& doc) {
      sentences += SplitSentences(doc.text()).size();
    });
  }
  benchmark::DoNotOptimize(sentences);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(input.size()));
  state.counters["input_MB"] = static_cast<double>(input.size()) / 1e6;
}

void BM_PlainText(benchmark::State& state) { ReadAndSplit(state, PlainText(), "bench.txt"); }
void BM_Html(benchmark::State& state) { ReadAndSplit(state, Html(), "bench.html"); }


void BM_SplitSentencesOnly(benchmark::State& state) {
  const std::string& text = PlainText();
  for (auto _ : state) benchmark::DoNotOptimize(SplitSentences(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

BENCHMARK(BM_PlainText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Html)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitSentencesOnly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimcheck
