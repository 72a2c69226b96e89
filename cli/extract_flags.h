// What `extract` and `extract --documents` share: the flags that pick a reference date and
// an output framing, file-list flags, the sink that prints per-item problems, and the
// output that streams to stdout or atomically to -o FILE.
//
// Problems print as "claimcheck: <place>: <message>" so a user can jump to the place.
#ifndef CLAIMCHECK_CLI_EXTRACT_FLAGS_H_
#define CLAIMCHECK_CLI_EXTRACT_FLAGS_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "claims/record_stream.h"
#include "cli/atomic_file.h"
#include "cli/command_line.h"
#include "extract/read/issue_sink.h"

namespace claimcheck {

// Prints each problem to `err` and counts them. `err` must outlive the sink.
class StderrIssueSink : public IssueSink {
 public:
  explicit StderrIssueSink(std::ostream* err) : err_(err) {}
  void Report(const std::string& place, absl::string_view message) override {
    *err_ << "claimcheck: " << place << ": " << message << "\n";
    ++count_;
  }
  int count() const { return count_; }

 private:
  std::ostream* err_;
  int count_ = 0;
};

// Every value of a file-list flag (--aliases, --metrics): the flag may be repeated, and
// each value may be a comma-separated list. Empty items are dropped. Never fails.
std::vector<std::string> FileListFlag(const CommandLine& args, absl::string_view name);

// Reads --reference-date=YYYY-MM-DD and --format=jsonl|binpb (default jsonl). On a bad
// value, prints why to `err` and returns false.
bool ParseExtractFlags(const CommandLine& args, std::ostream* err,
                       std::optional<absl::CivilDay>* reference_date, RecordFormat* format);

// Where extract's records go: stdout, or -o FILE through an AtomicFileWriter (the file
// appears, complete, only on Commit). Records are gathered in a buffer of about 64 KiB
// and written out when it fills, so memory does not grow with the input.
class ExtractOutput {
 public:
  // `out` must outlive this object.
  explicit ExtractOutput(std::ostream* out) : out_(out) {}
  // Switches to writing `path` atomically. Returns the error naming `path` when its
  // temporary file cannot be created.
  absl::Status OpenFile(const std::string& path);

  // The buffer to append records to; call MaybeFlush after each record or document.
  std::string* buffer() { return &buffer_; }
  // Writes the buffer out when it holds 64 KiB or more. Returns a write error (the run
  // should stop: the file would be incomplete).
  absl::Status MaybeFlush();
  // Writes what is left and, for a file, fsyncs and renames it into place. After an
  // error the target is left as it was.
  absl::Status Finish();

 private:
  absl::Status Flush();
  std::ostream* out_;
  std::unique_ptr<AtomicFileWriter> file_;
  std::string buffer_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_EXTRACT_FLAGS_H_
