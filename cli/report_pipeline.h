// The report pipeline shared by `report`, `review` and `export`: read documents, extract
// claims, reconcile them, and apply the review ledger, giving one v1::Report.
//
// The three commands take the same input flags (PipelineFlags): PATH... (files or
// directories; default tests/testdata/corpus), --reference-date, --aliases, --metrics,
// --rates, --reference. Relative paths are taken from the directory the user ran the command in:
// under `bazel run` that is $BUILD_WORKSPACE_DIRECTORY, not the runfiles tree.
#ifndef CLAIMCHECK_CLI_REPORT_PIPELINE_H_
#define CLAIMCHECK_CLI_REPORT_PIPELINE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "cli/command_line.h"
#include "proto/report.pb.h"

namespace claimcheck {

// The corpus `report` reads when no PATH is given.
inline constexpr char kDefaultCorpus[] = "tests/testdata/corpus";

struct PipelineOptions {
  std::vector<std::string> paths;                // resolved; never empty after FromFlags
  std::optional<absl::CivilDay> reference_date;  // resolves "yesterday" in documents
  std::vector<std::string> alias_files;          // --aliases (repeatable)
  std::vector<std::string> metric_files;         // --metrics (repeatable, comma lists)
  std::string rates_path;                        // --rates; empty = built-in table
  std::string reference_path;                    // --reference; empty = none
};

// The flags every pipeline command accepts (appended to its own).
std::vector<FlagSpec> PipelineFlags();

// Reads PipelineFlags from `args`; `paths` are the input paths as the user typed them
// (the command's positional words that name inputs). Returns InvalidArgument for a
// malformed --reference-date (naming the value).
absl::StatusOr<PipelineOptions> PipelineOptionsFromFlags(const CommandLine& args,
                                                         const std::vector<std::string>& paths);

// `path` as the user meant it: unchanged when absolute or outside `bazel run`, else
// joined to $BUILD_WORKSPACE_DIRECTORY.
std::string ResolveUserPath(const std::string& path);

// The directory part of `path` ("." when none), for files kept "next to" another.
std::string DirectoryOf(const std::string& path);

// Runs readers, Extractor and Reconciler over options.paths. Fills Report.documents
// (without text), sets `generated` (now, or $SOURCE_DATE_EPOCH when set, so builds can
// be reproducible), and adds every per-item problem to Report.problems as
// "<place>: <message>". Returns an error naming the path when an input path cannot be
// read at all, or when the aliases / rates / reference files are unusable.
absl::StatusOr<v1::Report> BuildReport(const PipelineOptions& options);

// Loads the ledger at `ledger_path` and applies it to `*report` (review/ledger.h).
// Corrupt ledger lines are added to Report.problems and also returned, so a command can
// print them. Returns an error only when the ledger exists but cannot be read.
absl::StatusOr<std::vector<std::string>> ApplyLedger(const std::string& ledger_path,
                                                     v1::Report* report);

// The report `review` and `export` work on, with verdicts applied:
//   * --report=FILE given: that JSON report (written by `claimcheck report -o x.json`);
//     the ledger defaults to reviews.jsonl next to it;
//   * otherwise: BuildReport over `paths` (default corpus), exactly as `report` does;
//     the ledger defaults to reviews.jsonl in the current directory.
// --ledger=FILE overrides the ledger. Sets `*ledger_path` to the ledger used and
// `*ledger_problems` to its corrupt lines. Errors name the file at fault.
absl::StatusOr<v1::Report> LoadReviewedReport(const CommandLine& args,
                                              const std::vector<std::string>& paths,
                                              std::string* ledger_path,
                                              std::vector<std::string>* ledger_problems);

// The flags LoadReviewedReport reads besides PipelineFlags: --report and --ledger.
std::vector<FlagSpec> ReviewSourceFlags();

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_REPORT_PIPELINE_H_
