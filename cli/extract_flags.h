// What `extract` and `extract --documents` share: the flags that pick a reference date and
// an output framing, and the sink that prints per-item problems.
//
// Problems print as "claimcheck: <place>: <message>" so a user can jump to the place.
#ifndef CLAIMCHECK_CLI_EXTRACT_FLAGS_H_
#define CLAIMCHECK_CLI_EXTRACT_FLAGS_H_

#include <optional>
#include <ostream>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "claims/record_stream.h"
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

// Reads --reference-date=YYYY-MM-DD and --format=jsonl|binpb (default jsonl). On a bad
// value, prints why to `err` and returns false.
bool ParseExtractFlags(const CommandLine& args, std::ostream* err,
                       std::optional<absl::CivilDay>* reference_date, RecordFormat* format);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_EXTRACT_FLAGS_H_
