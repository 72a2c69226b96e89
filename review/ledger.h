// Ledger: the review decisions reviewers have made, kept as an append-only file.
//
// The ledger file is JSON Lines: one v1::Review per line in protobuf's JSON mapping
// (claims/record_stream.h), oldest first. Nothing is ever rewritten; a new decision is a
// new line, and for each finding the LAST line naming it wins. Appending takes an
// exclusive flock() on the ledger file and writes the whole line with a single write()
// on an O_APPEND descriptor, so two reviewers appending at once never interleave or
// lose a line, and a reader never sees half a line from a finished append.
//
// A corrupt line (a crash mid-write by another tool, a hand edit gone wrong) is reported
// with its line number and skipped; every other verdict is still loaded.
//
// ApplyReviews() ties verdicts to a fresh report. A Finding has a stable `id` (kind,
// subject and the exact claims) and a `topic` (kind and subject only):
//   * a review of the same id            -> REVIEWED, the verdict applies as is;
//   * a review of the topic, another id  -> REOPENED: new evidence changed the finding
//                                           since it was reviewed; the old review is shown;
//   * no review                          -> OPEN.
//
// Thread-safety: a Ledger is immutable after Load; const methods may be called from any
// thread. Append is safe across threads and processes (file lock).
#ifndef CLAIMCHECK_REVIEW_LEDGER_H_
#define CLAIMCHECK_REVIEW_LEDGER_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace claimcheck {

class Ledger {
 public:
  Ledger() = default;

  // Reads the ledger at `path`. A missing file is an empty ledger (nothing reviewed
  // yet). Each corrupt line is appended to `*problems` as "<path>:<line>: <why>" and
  // skipped. Returns an error naming `path` only when the file exists but cannot be
  // read (permissions, a directory).
  static absl::StatusOr<Ledger> Load(const std::string& path,
                                     std::vector<std::string>* problems);

  // Parses ledger bytes already in memory; `name` is used in problem messages.
  static Ledger Parse(absl::string_view data, absl::string_view name,
                      std::vector<std::string>* problems);

  // Appends `review` as one line to the ledger at `path`, creating the file when
  // missing. Holds an exclusive flock on the file while writing and syncs before
  // unlocking. Returns InvalidArgument when the review has no finding id or verdict, or
  // an error naming `path` when the file cannot be opened, locked or written (the file
  // then holds no part of the line, barring a full disk).
  static absl::Status Append(const std::string& path, const v1::Review& review);

  // Every loaded review, in file order (oldest first).
  const std::vector<v1::Review>& reviews() const { return reviews_; }

  // The latest review of exactly this finding id, or nullptr.
  const v1::Review* LatestForFinding(absl::string_view finding_id) const;
  // The latest review with this topic (of any finding id), or nullptr.
  const v1::Review* LatestForTopic(absl::string_view topic) const;

 private:
  void Add(v1::Review review);

  std::vector<v1::Review> reviews_;
  // Index into reviews_ of the latest review per finding id / per topic.
  std::map<std::string, size_t, std::less<>> by_finding_;
  std::map<std::string, size_t, std::less<>> by_topic_;
};

// Sets status and review on every finding of `report` (see the table above) and
// recomputes report->summary().open_findings. Findings keep their order.
void ApplyReviews(const Ledger& ledger, v1::Report* report);

// True when a finding still needs a reviewer's attention: OPEN, REOPENED, or REVIEWED
// with the verdict NEEDS_SOURCE. This is the default `review list`.
bool IsOpenFinding(const v1::Finding& finding);

// True when a finding still stands as a problem: open (above) or CONFIRMED and not yet
// RESOLVED. This is what `--fail-on` gates on: a confirmed error still fails the build
// until someone marks it resolved.
bool IsUnsettledFinding(const v1::Finding& finding);

// Verdict names as users type them: "confirmed", "dismissed", "needs-source",
// "resolved". ParseVerdict returns InvalidArgument listing them for anything else.
absl::StatusOr<v1::Verdict> ParseVerdict(absl::string_view name);
std::string VerdictName(v1::Verdict verdict);
// "open", "reviewed", "reopened".
std::string ReviewStatusName(v1::ReviewStatus status);

}  // namespace claimcheck

#endif  // CLAIMCHECK_REVIEW_LEDGER_H_
