// claimcheck extract: documents -> claims. `--documents` shows the readers' output instead.
//
// Claims stream to stdout as each document is done, or to -o FILE through a temporary
// file renamed into place at the end (cli/atomic_file.h), so memory stays flat however
// large the corpus. A document that cannot be read is reported on stderr as
// "claimcheck: <place>: <message>" and the run goes on; the exit code is 2 only when no
// input at all could be read or the output cannot be written (FILE is then untouched).
//
// --keyed prefixes each JSON line with its reduce key and a tab (claims/reduce_key.h):
// the map side of a MapReduce job whose reduce side is `reconcile --keyed`.
#include <chrono>
#include <cstdio>
#include <iterator>
#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "claims/record_stream.h"
#include "claims/reduce_key.h"
#include "cli/atomic_file.h"
#include "cli/command.h"
#include "cli/extract_documents.h"
#include "cli/extract_flags.h"
#include "extract/extractor.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"

namespace claimcheck {
namespace {

// "12 documents, 3.4 MB/s, 210 claims" on one terminal line, refreshed at most 4 times a
// second and only once the run has lasted a second.
class Progress {
 public:
  explicit Progress(CommandIO& io) : io_(io), start_(Clock::now()), last_(start_) {}
  void Update(int documents, size_t bytes, size_t claims, bool final) {
    if (!io_.err_is_terminal) return;
    Clock::time_point now = Clock::now();
    double elapsed = std::chrono::duration<double>(now - start_).count();
    if (elapsed < 1.0) return;
    if (!final && std::chrono::duration<double>(now - last_).count() < 0.25) return;
    last_ = now;
    *io_.err << absl::StrFormat("\r%d documents, %.1f MB/s, %d claims", documents,
                                bytes / 1e6 / elapsed, claims)
             << (final ? "\n" : "") << std::flush;
    shown_ = true;
  }
  bool shown() const { return shown_; }

 private:
  using Clock = std::chrono::steady_clock;
  CommandIO& io_;
  Clock::time_point start_, last_;
  bool shown_ = false;
};

int RunExtract(const CommandLine& args, CommandIO& io) {
  const bool keyed = args.Has("keyed");
  if (args.Has("documents")) {
    if (keyed) {
      *io.err << "claimcheck extract: --keyed applies to claims, not to --documents\n";
      return kExitUsage;
    }
    return RunExtractDocuments(args, io);
  }
  if (args.positional().empty()) {
    *io.err << "claimcheck extract: give at least one PATH (file, directory, or - for "
               "standard input)\n";
    return kExitUsage;
  }
  ReadOptions read_options;
  ExtractOptions options;
  RecordFormat format;
  if (!ParseExtractFlags(args, io.err, &read_options.reference_date, &format)) {
    return kExitUsage;
  }
  if (keyed && format != RecordFormat::kJsonLines) {
    *io.err << "claimcheck extract: --keyed writes KEY<TAB>JSON lines; it cannot be "
               "combined with --format=binpb\n";
    return kExitUsage;
  }
  options.reference_date = read_options.reference_date;
  options.alias_files = FileListFlag(args, "aliases");
  options.metric_files = FileListFlag(args, "metrics");
  absl::StatusOr<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    *io.err << "claimcheck: " << extractor.status().message() << "\n";
    return kExitUsage;
  }

  ExtractOutput output(io.out);
  if (args.Has("output")) {
    absl::Status s = output.OpenFile(args.Get("output"));
    if (!s.ok()) {
      *io.err << "claimcheck: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  StderrIssueSink sink(io.err);
  DocumentReader reader(read_options, &sink);
  Progress progress(io);
  std::string* out = output.buffer();
  absl::Status write_status;
  int documents = 0;
  size_t bytes = 0, claims = 0;
  auto on_document = [&](v1::Document&& doc) {
    if (!write_status.ok()) return;  // the output failed: stop doing work
    ++documents;
    bytes += doc.text().size();
    (*extractor)->Extract(doc, [&](v1::Claim&& claim) {
      const size_t before = out->size();
      if (keyed) AppendReduceKeyPrefix(claim, out);
      absl::Status s = AppendRecord(claim, format, out);
      if (!s.ok()) {
        out->resize(before);
        sink.Report(doc.uri(), absl::StrCat("cannot serialise claim ", claim.id(), ": ",
                                            s.message()));
        return;
      }
      ++claims;
    });
    write_status = output.MaybeFlush();
    progress.Update(documents, bytes, claims, false);
  };
  for (const std::string& path : args.positional()) {
    if (!write_status.ok()) break;
    if (path == "-") {  // standard input (a MapReduce mapper's split), format by content
      std::string input((std::istreambuf_iterator<char>(*io.in)), std::istreambuf_iterator<char>());
      reader.ReadBytes(input, "<stdin>", on_document);
      continue;
    }
    absl::Status s = reader.ReadPath(path, on_document);
    if (!s.ok()) *io.err << "claimcheck: " << s.message() << "\n";
  }
  if (progress.shown()) progress.Update(documents, bytes, claims, true);
  if (!write_status.ok()) {
    *io.err << "claimcheck: " << write_status.message() << "\n";
    return kExitUsage;
  }
  if (documents == 0) {
    *io.err << "claimcheck extract: no document could be read\n";
    return kExitUsage;  // -o FILE: the temporary file is removed, FILE left as it was
  }
  absl::Status s = output.Finish();
  if (!s.ok()) {
    *io.err << "claimcheck: " << s.message() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

Command ExtractCommand() {
  return Command{
      "extract",
      "extract claims (figures with subject, period and source) from documents",
      "claimcheck extract PATH... [-o FILE] [--format=jsonl|binpb] "
      "[--reference-date=YYYY-MM-DD] [--aliases=FILE,...] [--metrics=FILE,...] [--keyed] "
      "[--documents]",
      "claimcheck extract tests/testdata/corpus -o claims.jsonl",
      {
          {"output", true, "o",
           "write to FILE instead of stdout: streamed to a temporary file beside it, "
           "renamed into place when complete"},
          {"format", true, "", "jsonl (default) or binpb (length-delimited binary)"},
          {"reference-date", true, "", "resolve relative dates (\"yesterday\") against this day"},
          {"aliases", true, "",
           "entity alias file, lines 'Alias = Canonical Name', '#' comments (repeatable, "
           "or a comma-separated list)"},
          {"metrics", true, "",
           "metric vocabulary file, lines 'phrase = metric', '#' comments, merged over the "
           "built-in vocabulary (repeatable, or a comma-separated list)"},
          {"keyed", false, "",
           "prefix each JSON line with its reduce key (the entity part of the subject "
           "key, 'big fund iii|') and a tab, for `LC_ALL=C sort | claimcheck reconcile "
           "--keyed -` or a MapReduce shuffle (JSON Lines only)"},
          {"documents", false, "", "print the Document records instead of claims"},
      },
      &RunExtract,
  };
}

}  // namespace claimcheck
