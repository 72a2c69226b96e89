// claimcheck report: extract + reconcile in one go, verdicts from the review ledger
// applied, written as HTML, Markdown or JSON (by the -o extension).
//
// Without -o the Markdown report goes to stdout. The ledger defaults to reviews.jsonl
// next to the report. --fail-on=KIND,... exits 1 when a finding of one of those kinds
// still stands: open, reopened, needs-source, or confirmed and not yet resolved.
#include <sys/stat.h>

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/atomic_file.h"
#include "cli/command.h"
#include "cli/report_format.h"
#include "cli/report_pipeline.h"
#include "cli/report_writer.h"
#include "review/ledger.h"

namespace claimcheck {
namespace {

constexpr size_t kProblemsShown = 20;

bool IsDirectory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string KindList() {
  std::vector<std::string> names;
  for (int k = 1; k <= 8; ++k) names.push_back(FindingKindName(static_cast<v1::FindingKind>(k)));
  return absl::StrJoin(names, ", ");
}

int RunReport(const CommandLine& args, CommandIO& io) {
  std::string output = args.Has("output") ? ResolveUserPath(args.Get("output")) : "";
  ReportFormat format = ReportFormat::kMarkdown;
  if (!output.empty()) {
    auto f = ReportFormatFromPath(output);
    if (!f.ok()) {
      *io.err << "claimcheck report: " << f.status().message() << "\n";
      return kExitUsage;
    }
    format = *f;
    // Fail before the (slow) pipeline when the report could not be written anyway.
    std::string dir = DirectoryOf(output);
    if (!IsDirectory(dir)) {
      *io.err << "claimcheck report: cannot write " << output << ": directory " << dir
              << " does not exist (create it first)\n";
      return kExitUsage;
    }
  }
  std::set<v1::FindingKind> fail_on;
  for (absl::string_view name : absl::StrSplit(args.Get("fail-on"), ',', absl::SkipWhitespace())) {
    if (name == "any" || name == "all") {
      for (int k = 1; k <= 8; ++k) fail_on.insert(static_cast<v1::FindingKind>(k));
      continue;
    }
    v1::FindingKind kind = ParseFindingKind(name);
    if (kind == v1::FINDING_KIND_UNSPECIFIED) {
      *io.err << "claimcheck report: --fail-on: unknown finding kind '" << name
              << "' (expected any, or some of: " << KindList() << ")\n";
      return kExitUsage;
    }
    fail_on.insert(kind);
  }
  auto options = PipelineOptionsFromFlags(args, args.positional());
  if (!options.ok()) {
    *io.err << "claimcheck report: " << options.status().message() << "\n";
    return kExitUsage;
  }
  auto report = BuildReport(*options);
  if (!report.ok()) {
    *io.err << "claimcheck report: " << report.status().message() << "\n";
    return kExitUsage;
  }
  std::string ledger = args.Has("ledger")
                           ? ResolveUserPath(args.Get("ledger"))
                           : absl::StrCat(output.empty() ? ResolveUserPath(".") : DirectoryOf(output),
                                          "/reviews.jsonl");
  // Problems met while reading, shown to the user as well as kept in the report.
  size_t reader_problems = static_cast<size_t>(report->problems_size());
  for (size_t i = 0; i < reader_problems && i < kProblemsShown; ++i) {
    *io.err << "warning: " << report->problems(static_cast<int>(i)) << "\n";
  }
  if (reader_problems > kProblemsShown) {
    *io.err << "warning: ... and " << reader_problems - kProblemsShown
            << " more problems, listed in the report\n";
  }
  auto ledger_problems = ApplyLedger(ledger, &*report);
  if (!ledger_problems.ok()) {
    *io.err << "claimcheck report: " << ledger_problems.status().message() << "\n";
    return kExitUsage;
  }
  for (const std::string& p : *ledger_problems) *io.err << "warning: review ledger: " << p << "\n";

  auto rendered = RenderReport(*report, format);
  if (!rendered.ok()) {
    *io.err << "claimcheck report: " << rendered.status().message() << "\n";
    return kExitUsage;
  }
  if (output.empty()) {
    *io.out << *rendered;
  } else {
    absl::Status s = WriteFileAtomically(output, *rendered);
    if (!s.ok()) {
      *io.err << "claimcheck report: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  const v1::ReportSummary& sum = report->summary();
  *io.err << (output.empty() ? "report" : absl::StrCat("wrote ", output)) << ": "
          << report->documents_size() << " documents, " << report->claims_size() << " claims, "
          << sum.subjects() << " subjects, " << report->findings_size() << " findings ("
          << sum.open_findings() << " open); review ledger " << ledger << "\n";

  std::vector<std::string> failing;
  for (const v1::Finding& f : report->findings()) {
    if (fail_on.count(f.kind()) && IsUnsettledFinding(f)) {
      failing.push_back(absl::StrCat(f.id(), " (", FindingKindName(f.kind()), ", ",
                                     DescribeReview(f), ")"));
    }
  }
  if (!failing.empty()) {
    *io.err << "claimcheck report: --fail-on: " << failing.size()
            << " finding(s) still stand: " << absl::StrJoin(failing, ", ") << "\n";
    return kExitFound;
  }
  return kExitOk;
}

}  // namespace

Command ReportCommand() {
  std::vector<FlagSpec> flags = {
      {"output", true, "o", "write to FILE: .html, .md or .json (atomically); default Markdown on stdout"},
      {"ledger", true, "", "review ledger; default reviews.jsonl next to the report"},
      {"fail-on", true, "", "exit 1 if a finding of these kinds still stands "
                            "(open, reopened, needs-source or confirmed), e.g. contradiction,scale_slip or any"},
  };
  for (FlagSpec& f : PipelineFlags()) flags.push_back(std::move(f));
  return Command{
      "report",
      "extract + reconcile in one go and write an HTML, Markdown or JSON report",
      "claimcheck report [PATH...] -o report.html|report.md|report.json [--ledger=FILE] "
      "[--reference-date=YYYY-MM-DD] [--aliases=FILE] [--rates=FILE] [--reference=FILE] "
      "[--fail-on=KIND,...]   (PATH defaults to tests/testdata/corpus)",
      "claimcheck report tests/testdata/corpus -o report.html",
      flags,
      &RunReport,
  };
}

}  // namespace claimcheck
