// End-to-end extraction throughput and memory: read, recognise, assemble, serialise.
//
// The sample corpus (tests/testdata/corpus) is replicated into a temporary directory
// until it holds CLAIMCHECK_BENCH_MB megabytes (default 100). Each replica is marked with
// a word of letters so every document has its own id (the reader reads a repeated
// document once), while the sentences, and so the claims, repeat. Claims are serialised
// as JSON Lines into a buffer that is dropped after each document, as `claimcheck
// extract` does when it streams to stdout.
//
//   bazel run --config=opt //tests/extract:extract_benchmark
//   CLAIMCHECK_BENCH_MB=200 bazel run --config=opt //tests/extract:extract_benchmark
//
// CLAIMCHECK_BENCH_FORMAT=binpb serialises binary records instead (protobuf's JSON printer
// dominates the JSON Lines run); CLAIMCHECK_BENCH_READ_ONLY=1 times the readers alone;
// CLAIMCHECK_BENCH_KEEP=1 keeps (and reuses) the replicated corpus, for profiling;
// CLAIMCHECK_BENCH_READER_PER_REPLICA=1 gives each replica directory its own DocumentReader
// (whose memory of the ids it has seen grows with the corpus), keeping one Extractor.
//
// Counters: bytes_per_second (input bytes, one thread = one core), documents, claims,
// peak_rss_mb (getrusage ru_maxrss of the whole process, corpus generation included).
//
// Figures on the 2-core build VM (load average about 1), one reader for the whole run:
//   2026-11-22  binpb 6-8 MB/s, JSON Lines 7.3 MB/s (reader per replica, the reader then
//               kept every path and id it had seen)
//   2026-11-23  100 MB: binpb 11.8-12.5 MB/s, JSON Lines 8.1 MB/s; readers alone
//               72 MB/s; peak RSS 13.6 MB at 100 MB, 11.6 MB at 30 MB, 13.7 MB at 150 MB.
//   2026-11-23 03:05, linked with tcmalloc: binpb 13.7-14.1 MB/s, JSON Lines 10.7-10.9
//               MB/s; peak RSS 16.1 MB at 30 MB, 18.0 MB at 100 MB, 18.3 MB at 150 MB.
//   2026-11-23 05:24, quiet machine, 100 MB, after a session of instruction cutting in
//               every stage (claims printed and encoded through generated accessors, no
//               reflection) and --config=opt at -O3: binpb 20.9-21.7 MB/s (median 21.7),
//               JSON Lines 19.4-19.9 MB/s (median 19.7), five runs each; peak RSS 16.7 MB
//               at 30 MB, 18.2-18.7 MB at 100 MB, 18.7 MB at 150 MB.
//   2026-11-23 07:55, quiet machine, 100 MB, after a second session of instruction
//               cutting (tokens own their lowered text, a 64-byte figure scanner, claims
//               assembled into reused messages, no stat per file, ...): binpb 23.8-26.9
//               MB/s (best 26.9), JSON Lines 21.4-25.1 MB/s; peak RSS 16.9 MB at 30 MB,
//               18.7-18.9 MB at 100 MB, 21.1 MB at 150 MB. With DocumentEntities' memo of
//               names cleared for every document (the replicated corpus repeats names
//               more than real text does): binpb 25.2-25.9 MB/s.
//   2026-11-23 10:50, quiet machine, 100 MB, after a third session (tokens and figures
//               kept in reused vectors, files opened by name in their open directory, hand
//               readers for most time anchors, a one-pass JSON writer, ...): binpb
//               29.3-30.2 MiB/s, JSON Lines 28.4-29.4 MiB/s (four runs each; the counter
//               is in MiB/s: 30.7-31.7 and 29.8-30.9 MB/s); peak RSS 16.9 MB at 30 MB,
//               18.5-18.8 MB at 100 MB, 18.7 MB at 150 MB.
//   2026-11-23 16:53, 100 MB, after a fourth session (48-byte tokens, SSE2 word packing,
//               cheaper JSON numbers, class bits in the grammar), alternated with the
//               session's starting binary: binpb 31.6-32.2 MiB/s (start 30.7-31.5), JSON
//               Lines 30.3-30.8 MiB/s (start 28.9-29.4), i.e. 33.1-33.8 and 31.8-32.3
//               MB/s. At 17:08 the host was slower for both binaries: binpb 29.1-30.0,
//               JSON Lines 27.2-28.5 MiB/s (start 27.5-28.4 and 25.9-26.3). Peak RSS
//               17.1 MB at 30 MB, 18.8-19.0 MB at 100 MB, 19.1 MB at 150 MB.
//   2026-11-23 19:00-19:20, 100 MB, after a fifth session (a directory's files opened and
//               read in io_uring batches, and instructions cut in every stage: 362 M ->
//               331 M per 2 MB), alternated with the session's starting binary. Normal
//               host: binpb 40.2-41.6 MiB/s (start 31.7-33.4), JSON Lines 33.6-38.3 MiB/s
//               (start 30.9-31.8). Slow window (19:18): binpb 33.9-36.7 (start 28.3-31.9),
//               JSON Lines 32.5-34.6 (start 27.4-28.2). Peak RSS 16.9 MB at 30 MB,
//               18.6-18.9 MB at 100 MB, 18.8 MB at 150 MB.
//   Identical runs on this VM can differ by up to 1.7x; the figures are repeated runs,
//   after a first run that brings the corpus into the page cache.
//   Instruction counts (valgrind --tool=callgrind, 2 MB, binpb, whole process): 1.46 G
//   (2026-11-22), 0.88 G (2026-11-23 03:40), 0.57 G (05:10), 0.55 G (06:00), 0.42 G
//   (07:55), 0.386 G (10:50), 0.362 G (16:55; JSON Lines 0.377 G), 0.331 G (19:05; JSON Lines
//   0.347 G). Keep the corpus between runs with CLAIMCHECK_BENCH_KEEP=1 so the profile
//   holds only the timed work.
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "benchmark/benchmark.h"
#include "claims/record_stream.h"
#include "extract/extractor.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

class NullSink : public IssueSink {
 public:
  void Report(const std::string&, absl::string_view) override {}
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A word of letters for replica r ("ab", "ac", ...): no digits, so no extra figures.
std::string Mark(int r) {
  std::string word = "replica";
  do {
    word.push_back(static_cast<char>('a' + r % 26));
    r /= 26;
  } while (r > 0);
  return word;
}

// Writes replicas of the corpus into `dir` until `target_bytes` are written.
size_t BuildCorpus(const fs::path& source, const fs::path& dir, size_t target_bytes) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : fs::directory_iterator(source)) {
    files.emplace_back(entry.path().filename().string(), ReadAll(entry.path()));
  }
  std::sort(files.begin(), files.end());
  fs::remove_all(dir);
  fs::create_directories(dir);
  size_t written = 0;
  for (int r = 0; written < target_bytes; ++r) {
    const std::string mark = Mark(r);
    fs::path sub = dir / mark;
    fs::create_directories(sub);
    for (const auto& [name, content] : files) {
      std::string text;
      if (absl::EndsWith(name, ".html")) {
        text = absl::StrReplaceAll(content, {{"</body>", absl::StrCat("<p>", mark, ".</p></body>")}});
      } else if (absl::EndsWith(name, ".jsonl")) {
        text = absl::StrReplaceAll(content, {{"\"text\": \"", absl::StrCat("\"text\": \"", mark, ". ")}});
      } else if (absl::EndsWith(name, ".json")) {
        text = absl::StrReplaceAll(content, {{"\"content\":{\"rendered\":\"",
                                              absl::StrCat("\"content\":{\"rendered\":\"<p>", mark, ".</p>")}});
      } else {
        text = absl::StrCat(content, "\n\n", mark, ".\n");
      }
      std::ofstream(sub / name, std::ios::binary) << text;
      written += text.size();
    }
  }
  return written;
}

fs::path SourceCorpus() {
  for (const char* c : {"tests/testdata/corpus", "../claimcheck/tests/testdata/corpus"}) {
    if (fs::is_directory(c)) return c;
  }
  const char* ws = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  return fs::path(ws != nullptr ? ws : ".") / "tests/testdata/corpus";
}

void BM_ExtractEndToEnd(benchmark::State& state) {
  const char* mb_env = std::getenv("CLAIMCHECK_BENCH_MB");
  const size_t mb = mb_env != nullptr ? std::strtoul(mb_env, nullptr, 10) : 100;
  const fs::path dir = fs::temp_directory_path() / absl::StrCat("claimcheck_bench_", mb, "mb");
  // CLAIMCHECK_BENCH_KEEP=1 keeps the replicated corpus for the next run (and reuses one
  // left by an earlier run), so a profiler sees only the timed work.
  const bool keep = std::getenv("CLAIMCHECK_BENCH_KEEP") != nullptr;
  const fs::path size_file = fs::path(dir.string() + ".bytes");
  size_t bytes = 0;
  if (keep && fs::exists(size_file)) {
    bytes = std::strtoull(ReadAll(size_file).c_str(), nullptr, 10);
  } else {
    bytes = BuildCorpus(SourceCorpus(), dir, mb << 20);
    if (keep) std::ofstream(size_file) << bytes;
  }
  size_t documents = 0, claims = 0;
  // CLAIMCHECK_BENCH_READ_ONLY=1 measures the readers alone, for comparison.
  const bool read_only = std::getenv("CLAIMCHECK_BENCH_READ_ONLY") != nullptr;
  // CLAIMCHECK_BENCH_READER_PER_REPLICA=1 reads each replica with its own DocumentReader.
  const bool reader_per_replica = std::getenv("CLAIMCHECK_BENCH_READER_PER_REPLICA") != nullptr;
  // CLAIMCHECK_BENCH_FORMAT=binpb serialises length-delimited binary instead of JSON Lines.
  const char* format_env = std::getenv("CLAIMCHECK_BENCH_FORMAT");
  const RecordFormat format = format_env != nullptr && std::string(format_env) == "binpb"
                                  ? RecordFormat::kBinary
                                  : RecordFormat::kJsonLines;
  for (auto _ : state) {
    documents = claims = 0;
    NullSink sink;
    DocumentReader reader(ReadOptions(), &sink);
    auto extractor = Extractor::Create(ExtractOptions());
    if (!extractor.ok()) {
      state.SkipWithError(std::string(extractor.status().message()).c_str());
      return;
    }
    std::string out;
    auto on_document = [&](v1::Document&& doc) {
      ++documents;
      if (read_only) return;
      (*extractor)->Extract(doc, [&](v1::Claim&& claim) {
        (void)AppendRecord(claim, format, &out);
        ++claims;
      });
      benchmark::DoNotOptimize(out.data());
      out.clear();
    };
    absl::Status s;
    if (reader_per_replica) {
      // One reader per replica directory: the reader's memory of ids seen is bounded, so
      // what remains is the extractor's own (which keeps one Extractor for the run).
      std::vector<fs::path> subdirs;
      for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_directory()) subdirs.push_back(entry.path());
      }
      std::sort(subdirs.begin(), subdirs.end());
      for (const fs::path& sub : subdirs) {
        DocumentReader replica_reader(ReadOptions(), &sink);
        s.Update(replica_reader.ReadPath(sub.string(), on_document));
      }
    } else {
      s = reader.ReadPath(dir.string(), on_document);
    }
    if (!s.ok()) state.SkipWithError(std::string(s.message()).c_str());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  state.counters["corpus_mb"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["documents"] = static_cast<double>(documents);
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["peak_rss_mb"] = usage.ru_maxrss / 1024.0;
  if (!keep) fs::remove_all(dir), fs::remove(size_file);
}
BENCHMARK(BM_ExtractEndToEnd)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace claimcheck
