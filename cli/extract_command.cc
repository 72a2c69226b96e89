// claimcheck extract: documents -> claims. `--documents` shows the readers' output instead.
//
// Claims stream to stdout as each document is done (or are collected and written to -o
// FILE atomically at the end). A document that cannot be read is reported on stderr as
// "claimcheck: <place>: <message>" and the run goes on; the exit code is 2 only when no
// input at all could be read.
#include <chrono>
#include <cstdio>
#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "claims/record_stream.h"
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
  if (args.Has("documents")) return RunExtractDocuments(args, io);
  if (args.positional().empty()) {
    *io.err << "claimcheck extract: give at least one PATH (file or directory)\n";
    return kExitUsage;
  }
  ReadOptions read_options;
  ExtractOptions options;
  RecordFormat format;
  if (!ParseExtractFlags(args, io.err, &read_options.reference_date, &format)) {
    return kExitUsage;
  }
  options.reference_date = read_options.reference_date;
  options.alias_files = args.GetAll("aliases");
  absl::StatusOr<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    *io.err << "claimcheck: " << extractor.status().message() << "\n";
    return kExitUsage;
  }

  StderrIssueSink sink(io.err);
  DocumentReader reader(read_options, &sink);
  Progress progress(io);
  const bool to_file = args.Has("output");
  std::string out;
  int documents = 0;
  size_t bytes = 0, claims = 0;
  auto on_document = [&](v1::Document&& doc) {
    ++documents;
    bytes += doc.text().size();
    (*extractor)->Extract(doc, [&](v1::Claim&& claim) {
      absl::Status s = AppendRecord(claim, format, &out);
      if (!s.ok()) {
        sink.Report(doc.uri(), absl::StrCat("cannot serialise claim ", claim.id(), ": ",
                                            s.message()));
        return;
      }
      ++claims;
    });
    if (!to_file && out.size() >= (1 << 16)) {  // stream: memory stays flat
      io.out->write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
    progress.Update(documents, bytes, claims, false);
  };
  for (const std::string& path : args.positional()) {
    absl::Status s = reader.ReadPath(path, on_document);
    if (!s.ok()) *io.err << "claimcheck: " << s.message() << "\n";
  }
  if (progress.shown()) progress.Update(documents, bytes, claims, true);
  if (documents == 0) {
    *io.err << "claimcheck extract: no document could be read\n";
    return kExitUsage;
  }
  if (to_file) {
    absl::Status s = WriteFileAtomically(args.Get("output"), out);
    if (!s.ok()) {
      *io.err << "claimcheck: " << s.message() << "\n";
      return kExitUsage;
    }
  } else {
    io.out->write(out.data(), static_cast<std::streamsize>(out.size()));
    io.out->flush();
  }
  return kExitOk;
}

}  // namespace

Command ExtractCommand() {
  return Command{
      "extract",
      "extract claims (figures with subject, period and source) from documents",
      "claimcheck extract PATH... [-o FILE] [--format=jsonl|binpb] "
      "[--reference-date=YYYY-MM-DD] [--aliases=FILE] [--documents]",
      "claimcheck extract tests/testdata/corpus -o claims.jsonl",
      {
          {"output", true, "o", "write to FILE (atomically) instead of stdout"},
          {"format", true, "", "jsonl (default) or binpb (length-delimited binary)"},
          {"reference-date", true, "", "resolve relative dates (\"yesterday\") against this day"},
          {"aliases", true, "",
           "entity alias file, lines 'Alias = Canonical Name', '#' comments (repeatable)"},
          {"documents", false, "", "print the Document records instead of claims"},
      },
      &RunExtract,
  };
}

}  // namespace claimcheck
