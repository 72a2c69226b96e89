// KeyedReduce: the reduce side of `claimcheck reconcile --keyed`.
//
// `extract --keyed` writes one line per claim, "KEY<TAB>CLAIM-JSON", where KEY is the
// entity part of the claim's subject key (claims/reduce_key.h). After a sort on the
// key (`LC_ALL=C sort`, or a MapReduce shuffle), every subject the reconciler's
// cross-subject checks relate (a growth rate and its levels, parts and their total) is
// in one run of equal keys. KeyedReduce reads such a stream line by line, runs the
// ordinary in-memory Reconciler over each run as soon as the key changes, and writes
// the run's findings and timelines out at once. Because the keys sort like the subject
// keys they begin, the findings come out in the in-memory path's order (subject key,
// kind, id) and the timelines in subject key order, and the findings are the in-memory
// findings: the same ids and kinds.
//
// Memory is bounded by the largest run (the reconciler's working set for one entity),
// not the input: findings go straight to the output, timelines to an anonymous
// temporary file that is copied after them, and the summary and problems come last.
// What grows with the input is an 8-byte fingerprint per key, per subject and per
// document (to count documents once and to notice an unsorted stream), the problem
// messages, and the ids of findings matched by `fail_on`.
//
// Output (JSON): the v1::Report JSON mapping without claims, fields in the order
// findings, timelines, summary, problems; one line with `compact`, else indented like
// the in-memory report. Output (text): the same text as `reconcile --format=text`.
//
// Problems, reported and skipped: a line without a tab or with bad JSON ("file:line:
// ..."); a key that comes back after another (the stream is not sorted: its claims are
// reconciled in separate runs); a subject whose claims arrive under two keys (its
// Subject.key and entity field disagree, possible only for claims from other tools).
//
// Not thread-safe.
#ifndef CLAIMCHECK_CLI_KEYED_REDUCE_H_
#define CLAIMCHECK_CLI_KEYED_REDUCE_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <istream>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "reconcile/reconciler.h"

namespace claimcheck {

struct KeyedReduceOptions {
  bool text = false;     // the text report instead of JSON
  bool compact = false;  // JSON on one line
  // Open (or reopened) findings of these kinds are listed by failing().
  std::set<v1::FindingKind> fail_on;
};

// Renders one finding / one timeline as `reconcile --format=text` does ("" for a
// timeline of fewer than two points).
std::string TextFinding(const v1::Finding& finding);
std::string TextTimeline(const v1::Timeline& timeline);

class KeyedReduce {
 public:
  // Where output bytes go (in pieces of about 64 KiB); a non-OK status stops the run.
  using Writer = std::function<absl::Status(absl::string_view)>;

  // `reconciler` should be created with keep_claims = false; it must outlive this
  // object. Nothing is written before the first Flush of a run.
  KeyedReduce(Reconciler* reconciler, KeyedReduceOptions options, Writer write);
  ~KeyedReduce();
  KeyedReduce(const KeyedReduce&) = delete;
  KeyedReduce& operator=(const KeyedReduce&) = delete;

  // Reads "KEY\tJSON" lines from `in` to its end; `name` names it in problems. Returns
  // an error for a read error or a failed write (the output is then incomplete).
  absl::Status Read(std::istream& in, const std::string& name);

  // One line (without its newline) of `name` at `line_no`. Returns a write error.
  absl::Status Line(absl::string_view line, const std::string& name, size_t line_no);

  // Reconciles the last run and writes the timelines, the summary and the problems.
  // Returns a write error. Call once, after the last Line.
  absl::Status Finish();

  // After Finish: the summary written, all problems (reading problems first), and
  // "id (kind)" for each open finding whose kind is in options.fail_on.
  const v1::ReportSummary& summary() const { return summary_; }
  const std::vector<std::string>& problems() const { return problems_; }
  const std::vector<std::string>& failing() const { return failing_; }

 private:
  absl::Status FlushRun();
  // Appends output, writing it out in large pieces. A write error is kept in status_
  // (later Emits do nothing), which FlushRun, Finish and Drain return.
  void Emit(absl::string_view bytes);
  absl::Status Drain();
  // A finding or timeline as one element of a JSON array (first = no comma before).
  std::string Element(const google::protobuf::Message& message, bool first) const;

  Reconciler* reconciler_;
  KeyedReduceOptions options_;
  Writer write_;
  std::string buffer_;
  std::FILE* spool_ = nullptr;  // timelines, copied after the findings
  absl::Status status_;

  v1::Claim claim_;
  std::string current_;
  bool open_ = false;
  bool any_finding_ = false;
  bool any_timeline_ = false;
  bool started_ = false;
  absl::flat_hash_set<uint64_t> keys_seen_;
  absl::flat_hash_set<uint64_t> subjects_seen_;
  absl::flat_hash_set<uint64_t> documents_;
  v1::ReportSummary summary_;
  std::vector<std::string> read_problems_;
  std::vector<std::string> problems_;
  std::vector<std::string> failing_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_KEYED_REDUCE_H_
