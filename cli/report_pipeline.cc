#include "cli/report_pipeline.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "extract/extractor.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "reconcile/reconciler.h"
#include "cli/atomic_file.h"
#include "cli/report_writer.h"
#include "review/ledger.h"

namespace claimcheck {
namespace {

// Collects reader problems as "<place>: <message>" strings, in order.
class ProblemSink : public IssueSink {
 public:
  explicit ProblemSink(v1::Report* report) : report_(report) {}
  void Report(const std::string& place, absl::string_view message) override {
    report_->add_problems(absl::StrCat(place, ": ", message));
  }

 private:
  v1::Report* report_;
};

google::protobuf::Timestamp Now() {
  google::protobuf::Timestamp t;
  int64_t epoch = 0;
  const char* fixed = getenv("SOURCE_DATE_EPOCH");
  if (fixed != nullptr && absl::SimpleAtoi(fixed, &epoch)) {
    t.set_seconds(epoch);
  } else {
    t.set_seconds(absl::ToUnixSeconds(absl::Now()));
  }
  return t;
}

}  // namespace

std::vector<FlagSpec> PipelineFlags() {
  return {
      {"reference-date", true, "", "resolve relative dates (\"yesterday\") against YYYY-MM-DD"},
      {"aliases", true, "", "entity alias file, `Alias = Canonical Name` per line (repeatable, "
                            "or a comma-separated list)"},
      {"metrics", true, "", "metric vocabulary file, `phrase = metric` per line, merged over "
                            "the built-in one (repeatable, or a comma-separated list)"},
      {"rates", true, "", "exchange-rate CSV (year,currency,per_usd,source); default built in"},
      {"reference", true, "", "trusted reference figures (JSON Lines) to check claims against"},
  };
}

std::string ResolveUserPath(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  const char* workspace = getenv("BUILD_WORKSPACE_DIRECTORY");
  if (workspace == nullptr || *workspace == '\0') return path;
  return absl::StrCat(workspace, "/", path);
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

absl::StatusOr<PipelineOptions> PipelineOptionsFromFlags(const CommandLine& args,
                                                         const std::vector<std::string>& paths) {
  PipelineOptions options;
  for (const std::string& p : paths) options.paths.push_back(ResolveUserPath(p));
  if (options.paths.empty()) {
    std::string corpus = ResolveUserPath(kDefaultCorpus);
    struct stat st;
    if (stat(corpus.c_str(), &st) != 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "no PATH given and the default corpus ", corpus,
          " is not here (it is relative to the repository root); name the documents to read"));
    }
    options.paths.push_back(corpus);
  }
  if (args.Has("reference-date")) {
    absl::CivilDay day;
    std::string value = args.Get("reference-date");
    if (!absl::ParseCivilTime(value, &day)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--reference-date=", value, ": expected a date as YYYY-MM-DD"));
    }
    options.reference_date = day;
  }
  // --aliases and --metrics: repeatable, each value a file or a comma-separated list.
  for (auto [flag, files] : {std::make_pair("aliases", &options.alias_files),
                             std::make_pair("metrics", &options.metric_files)}) {
    for (const std::string& value : args.GetAll(flag)) {
      for (absl::string_view f : absl::StrSplit(value, ',', absl::SkipWhitespace())) {
        files->push_back(ResolveUserPath(std::string(absl::StripAsciiWhitespace(f))));
      }
    }
  }
  if (args.Has("rates")) options.rates_path = ResolveUserPath(args.Get("rates"));
  if (args.Has("reference")) options.reference_path = ResolveUserPath(args.Get("reference"));
  return options;
}

absl::StatusOr<v1::Report> BuildReport(const PipelineOptions& options) {
  ExtractOptions extract_options;
  extract_options.reference_date = options.reference_date;
  extract_options.alias_files = options.alias_files;
  extract_options.metric_files = options.metric_files;
  auto extractor = Extractor::Create(extract_options);
  if (!extractor.ok()) return extractor.status();
  ReconcileOptions reconcile_options;
  reconcile_options.rates_path = options.rates_path;
  reconcile_options.reference_path = options.reference_path;
  auto reconciler = Reconciler::Create(reconcile_options);
  if (!reconciler.ok()) return reconciler.status();

  v1::Report problems_holder;  // reader problems, before the reconciler's report exists
  std::vector<v1::DocumentSummary> documents;
  ProblemSink sink(&problems_holder);
  ReadOptions read_options;
  read_options.reference_date = options.reference_date;
  DocumentReader reader(read_options, &sink);
  for (const std::string& path : options.paths) {
    absl::Status s = reader.ReadPath(path, [&](v1::Document&& doc) {
      v1::DocumentSummary summary;
      summary.set_id(doc.id());
      summary.set_uri(doc.uri());
      summary.set_title(doc.title());
      *summary.mutable_published() = doc.published();
      summary.set_format(doc.format());
      documents.push_back(std::move(summary));
      (*extractor)->Extract(doc, [&](v1::Claim&& claim) { (*reconciler)->Add(claim); });
    });
    if (!s.ok()) return s;
  }
  v1::Report report = (*reconciler)->Finish();
  *report.mutable_generated() = Now();
  for (v1::DocumentSummary& d : documents) *report.add_documents() = std::move(d);
  report.mutable_summary()->set_documents(static_cast<uint32_t>(report.documents_size()));
  // Reader problems first (they happened first), then the reconciler's own.
  google::protobuf::RepeatedPtrField<std::string> later = std::move(*report.mutable_problems());
  *report.mutable_problems() = std::move(*problems_holder.mutable_problems());
  for (std::string& p : later) report.add_problems(std::move(p));
  return report;
}

absl::StatusOr<std::vector<std::string>> ApplyLedger(const std::string& ledger_path,
                                                     v1::Report* report) {
  std::vector<std::string> problems;
  auto ledger = Ledger::Load(ledger_path, &problems);
  if (!ledger.ok()) return ledger.status();
  ApplyReviews(*ledger, report);
  for (const std::string& p : problems) report->add_problems(p);
  return problems;
}

std::vector<FlagSpec> ReviewSourceFlags() {
  return {
      {"ledger", true, "", "review ledger (JSON Lines); default reviews.jsonl next to --report, "
                           "else in the current directory"},
      {"report", true, "", "take findings from this JSON report (claimcheck report -o x.json) "
                           "instead of re-running on PATHs"},
  };
}

absl::StatusOr<v1::Report> LoadReviewedReport(const CommandLine& args,
                                              const std::vector<std::string>& paths,
                                              std::string* ledger_path,
                                              std::vector<std::string>* ledger_problems) {
  v1::Report report;
  std::string default_ledger = ResolveUserPath("reviews.jsonl");
  if (args.Has("report")) {
    if (!paths.empty()) {
      return absl::InvalidArgumentError("give either --report=FILE or input PATHs, not both");
    }
    std::string report_path = ResolveUserPath(args.Get("report"));
    auto data = ReadFileToString(report_path);
    if (!data.ok()) return data.status();
    auto parsed = ParseJsonReport(*data, report_path);
    if (!parsed.ok()) return parsed.status();
    report = std::move(*parsed);
    default_ledger = absl::StrCat(DirectoryOf(report_path), "/reviews.jsonl");
  } else {
    auto options = PipelineOptionsFromFlags(args, paths);
    if (!options.ok()) return options.status();
    auto built = BuildReport(*options);
    if (!built.ok()) return built.status();
    report = std::move(*built);
  }
  *ledger_path = args.Has("ledger") ? ResolveUserPath(args.Get("ledger")) : default_ledger;
  auto problems = ApplyLedger(*ledger_path, &report);
  if (!problems.ok()) return problems.status();
  *ledger_problems = std::move(*problems);
  return report;
}

}  // namespace claimcheck
