// IssueSink: where readers report per-item problems without stopping the batch.
//
// A reader that meets a bad item (an invalid UTF-8 byte, a truncated JSON value, one
// broken line of a JSON Lines file, a binary file in a directory) reports it here and
// goes on with the next item, as leveldb's log::Reader::Reporter does for corrupt
// records. Only the CLI decides how to show problems (stderr, a report); libraries never
// print.
//
// Implementations must be safe to call from the thread that runs the reader; readers
// never call a sink from more than one thread at a time.
#ifndef CLAIMCHECK_EXTRACT_READ_ISSUE_SINK_H_
#define CLAIMCHECK_EXTRACT_READ_ISSUE_SINK_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimcheck {

class IssueSink {
 public:
  virtual ~IssueSink() = default;
  // `place` is "path", "path:LINE" or "path: byte N"; `message` says what went wrong
  // ("invalid UTF-8 replaced with U+FFFD", "truncated JSON: unexpected end of input").
  virtual void Report(const std::string& place, absl::string_view message) = 0;
};

// A sink that keeps every issue in memory, in the order reported. For tests and for
// callers that print problems after a run.
class CollectingIssueSink : public IssueSink {
 public:
  void Report(const std::string& place, absl::string_view message) override {
    issues_.emplace_back(place, std::string(message));
  }
  // (place, message) pairs.
  const std::vector<std::pair<std::string, std::string>>& issues() const { return issues_; }

 private:
  std::vector<std::pair<std::string, std::string>> issues_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_ISSUE_SINK_H_
