// claimcheck reconcile: claims files in, a Report (findings and timelines) out.
//
// Claims files are JSON Lines or length-delimited binary (told apart by content; '-' is
// standard input). Bad lines are reported on stderr as file:line and skipped. The report
// goes to stdout or, with -o, atomically to a file; a short summary goes to stderr.
//
// --keyed reads the output of `extract --keyed` after a sort (or a MapReduce shuffle):
// lines "KEY<TAB>CLAIM-JSON" with equal keys adjacent. Each key's claims are reconciled
// as soon as the key changes, so memory is bounded by the largest subject, not the whole
// input; the report then holds findings and timelines but not the claims. A growth
// claim's arithmetic check needs the level subject in the same reduce group, so
// ARITHMETIC findings appear only in the in-memory mode.
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "claims/record_stream.h"
#include "claims/time_scope.h"
#include "cli/atomic_file.h"
#include "cli/command.h"
#include "google/protobuf/util/json_util.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "reconcile/findings.h"
#include "reconcile/reconciler.h"

namespace claimcheck {
namespace {

constexpr size_t kProblemsShown = 20;

absl::StatusOr<std::string> ReadInput(const std::string& path, CommandIO& io) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(*io.in), std::istreambuf_iterator<char>());
  }
  return ReadFileToString(path);
}

// Reads "KEY\tJSON" lines, calling on_group with each run of equal keys.
void ReadKeyed(absl::string_view data, const std::string& name, Reconciler* reconciler,
               v1::Report* merged, std::vector<std::string>* problems) {
  std::string current;
  bool open = false;
  auto flush = [&]() {
    if (!open) return;
    v1::Report part = reconciler->Finish();
    for (auto& f : *part.mutable_findings()) *merged->add_findings() = std::move(f);
    for (auto& t : *part.mutable_timelines()) *merged->add_timelines() = std::move(t);
    for (auto& p : *part.mutable_problems()) problems->push_back(std::move(p));
    v1::ReportSummary* sum = merged->mutable_summary();
    sum->set_claims(sum->claims() + part.summary().claims());
    sum->set_subjects(sum->subjects() + part.summary().subjects());
    open = false;
  };
  std::set<std::string> seen_keys;
  size_t line_no = 0;
  v1::Claim claim;
  for (absl::string_view line : absl::StrSplit(data, '\n')) {
    ++line_no;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    size_t tab = line.find('\t');
    if (tab == absl::string_view::npos) {
      problems->push_back(absl::StrCat(name, ":", line_no, ": expected KEY<TAB>CLAIM"));
      continue;
    }
    absl::Status s = RecordFromJson(line.substr(tab + 1), &claim);
    if (!s.ok()) {
      problems->push_back(absl::StrCat(name, ":", line_no, ": ", s.message()));
      continue;
    }
    std::string key(line.substr(0, tab));
    if (!open || key != current) {
      flush();
      if (!seen_keys.insert(key).second) {
        problems->push_back(absl::StrCat(name, ":", line_no, ": key '", key,
                                         "' seen before: the input is not sorted by key; "
                                         "its claims are reconciled in separate groups"));
      }
      current = key;
      open = true;
    }
    reconciler->Add(claim);
  }
  flush();
}

std::string TextReport(const v1::Report& report) {
  std::string out;
  for (const v1::Finding& f : report.findings()) {
    absl::StrAppend(&out, "[", FindingKindShortName(f.kind()), ", ",
                    absl::AsciiStrToLower(v1::Severity_Name(f.severity()).substr(9)), "] ",
                    f.subject().entity(), " / ", f.subject().metric(), "  (id ", f.id(),
                    ")\n  ", f.explanation(), "\n\n");
  }
  for (const v1::Timeline& t : report.timelines()) {
    if (t.points_size() < 2) continue;
    absl::StrAppend(&out, "timeline ", t.subject().entity(), " / ", t.subject().metric(),
                    ":\n");
    for (const v1::TimelinePoint& p : t.points()) {
      auto range = ParseScopeRange(p.scope());
      std::string period = range.ok() ? FormatRange(*range) : p.scope().text();
      absl::StrAppend(&out, "  ", period, p.scope().inferred() ? " (as of publication)" : "",
                      ": ", FormatAmount(p.value(), p.unit()), "  [", p.document_ids_size(),
                      p.document_ids_size() == 1 ? " source" : " sources", "]");
      if (p.has_change_percent()) {
        absl::StrAppend(&out, absl::StrFormat("  %+.1f%%", p.change_percent()));
      }
      absl::StrAppend(&out, "\n");
    }
  }
  return out;
}

int RunReconcile(const CommandLine& args, CommandIO& io) {
  const std::string self = "claimcheck reconcile";
  if (args.positional().empty()) {
    *io.err << self << ": give at least one claims file (or - for standard input)\n";
    return kExitUsage;
  }
  std::string format = args.Get("format", "json");
  if (format != "json" && format != "text") {
    *io.err << self << ": --format must be json or text, not '" << format << "'\n";
    return kExitUsage;
  }
  std::set<v1::FindingKind> fail_on;
  for (absl::string_view name : absl::StrSplit(args.Get("fail-on"), ',', absl::SkipWhitespace())) {
    name = absl::StripAsciiWhitespace(name);
    if (name == "any") {
      for (int k = 1; k <= 8; ++k) fail_on.insert(static_cast<v1::FindingKind>(k));
      continue;
    }
    auto kind = FindingKindFromName(name);
    if (!kind) {
      std::vector<std::string> names;
      for (int k = 1; k <= 8; ++k) {
        names.push_back(FindingKindShortName(static_cast<v1::FindingKind>(k)));
      }
      *io.err << self << ": --fail-on: unknown finding kind '" << name
              << "' (expected any, or some of: " << absl::StrJoin(names, ", ") << ")\n";
      return kExitUsage;
    }
    fail_on.insert(*kind);
  }
  ReconcileOptions options;
  options.rates_path = args.Get("rates");
  options.reference_path = args.Get("reference");
  auto reconciler = Reconciler::Create(options);
  if (!reconciler.ok()) {
    *io.err << self << ": " << reconciler.status().message() << "\n";
    return kExitUsage;
  }

  std::vector<std::string> problems;
  v1::Report report;
  const bool keyed = args.Has("keyed");
  size_t read = 0;
  for (const std::string& path : args.positional()) {
    std::string name = path == "-" ? "<stdin>" : path;
    auto data = ReadInput(path, io);
    if (!data.ok()) {
      *io.err << self << ": " << data.status().message() << "\n";
      return kExitUsage;
    }
    if (keyed) {
      ReadKeyed(*data, name, reconciler->get(), &report, &problems);
      continue;
    }
    v1::Claim scratch;
    read += ReadRecords(
        *data, DetectRecordFormat(*data), name, &scratch,
        [&]() { (*reconciler)->Add(scratch); },
        [&](const std::string& problem) { problems.push_back(problem); });
  }
  if (!keyed) {
    report = (*reconciler)->Finish();
    std::vector<std::string> own(report.problems().begin(), report.problems().end());
    report.clear_problems();
    for (auto& p : problems) report.add_problems(p);
    for (auto& p : own) report.add_problems(p);
  } else {
    v1::ReportSummary* sum = report.mutable_summary();
    sum->set_findings(static_cast<uint32_t>(report.findings_size()));
    uint32_t open = 0;
    for (const auto& f : report.findings()) {
      (*sum->mutable_findings_by_kind())[v1::FindingKind_Name(f.kind())]++;
      if (f.status() == v1::REVIEW_STATUS_OPEN) ++open;
    }
    sum->set_open_findings(open);
    for (auto& p : problems) report.add_problems(p);
  }
  for (int i = 0; i < report.problems_size() && i < static_cast<int>(kProblemsShown); ++i) {
    *io.err << "warning: " << report.problems(i) << "\n";
  }
  if (report.problems_size() > static_cast<int>(kProblemsShown)) {
    *io.err << "warning: ... and " << report.problems_size() - kProblemsShown
            << " more problems, listed in the report\n";
  }

  std::string rendered;
  if (format == "text") {
    rendered = TextReport(report);
  } else {
    auto json = RecordToJson(report, args.Has("compact") ? JsonLayout::kOneLine
                                                          : JsonLayout::kIndented);
    if (!json.ok()) {
      *io.err << self << ": " << json.status().message() << "\n";
      return kExitUsage;
    }
    rendered = std::move(*json);
    if (rendered.empty() || rendered.back() != '\n') rendered += '\n';
  }
  if (args.Has("output")) {
    absl::Status s = WriteFileAtomically(args.Get("output"), rendered);
    if (!s.ok()) {
      *io.err << self << ": " << s.message() << "\n";
      return kExitUsage;
    }
  } else {
    *io.out << rendered;
  }

  const v1::ReportSummary& sum = report.summary();
  std::vector<std::string> by_kind;
  std::map<std::string, uint32_t> sorted(sum.findings_by_kind().begin(),
                                         sum.findings_by_kind().end());
  for (const auto& [kind, count] : sorted) {
    v1::FindingKind k;
    if (v1::FindingKind_Parse(kind, &k)) by_kind.push_back(absl::StrCat(FindingKindShortName(k), " ", count));
  }
  *io.err << "reconcile: " << sum.claims() << " claims, " << sum.subjects() << " subjects, "
          << sum.findings() << " findings"
          << (by_kind.empty() ? "" : " (" + absl::StrJoin(by_kind, ", ") + ")") << ", "
          << report.problems_size() << " problems"
          << (args.Has("output") ? ", written to " + args.Get("output") : "") << "\n";

  std::vector<std::string> failing;
  for (const v1::Finding& f : report.findings()) {
    bool open = f.status() == v1::REVIEW_STATUS_OPEN || f.status() == v1::REVIEW_STATUS_REOPENED;
    if (open && fail_on.count(f.kind())) {
      failing.push_back(absl::StrCat(f.id(), " (", FindingKindShortName(f.kind()), ")"));
    }
  }
  if (!failing.empty()) {
    *io.err << self << ": --fail-on: " << failing.size()
            << " open finding(s): " << absl::StrJoin(failing, ", ") << "\n";
    return kExitFound;
  }
  (void)read;
  return kExitOk;
}

}  // namespace

Command ReconcileCommand() {
  return Command{
      "reconcile",
      "group claims by subject and report disagreements and timelines",
      "claimcheck reconcile CLAIMS... [-o FILE] [--format=json|text] [--compact] "
      "[--rates=FILE] [--reference=FILE] [--fail-on=KIND,...] [--keyed]",
      "claimcheck reconcile claims.jsonl -o report.json --fail-on=contradiction,scale_slip",
      {
          {"output", true, "o", "write the report to FILE (atomically) instead of stdout"},
          {"format", true, "", "json (the Report proto, default) or text (for people)"},
          {"compact", false, "", "JSON on one line instead of indented"},
          {"rates", true, "", "exchange-rate CSV (year,currency,per_usd,source) instead of "
                              "the built-in table"},
          {"reference", true, "", "JSON Lines of trusted figures "
                                  "({entity, metric, period, value, unit, source})"},
          {"fail-on", true, "", "exit 1 when an open finding of these kinds exists "
                                "(contradiction,scale_slip,... or any)"},
          {"keyed", false, "", "input is sorted KEY<TAB>CLAIM lines (extract --keyed | sort): "
                               "reconcile one subject at a time in bounded memory"},
      },
      &RunReconcile,
  };
}

}  // namespace claimcheck
