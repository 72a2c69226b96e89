// claimcheck reconcile: claims files in, a Report (findings and timelines) out.
//
// Claims files are JSON Lines or length-delimited binary (told apart by content; '-' is
// standard input). Bad lines are reported on stderr as file:line and skipped. The report
// goes to stdout or, with -o, atomically to a file; a short summary goes to stderr.
//
// --keyed is the reduce side of a MapReduce job whose map side is `extract --keyed`: it
// reads "KEY<TAB>CLAIM-JSON" lines sorted by key and reconciles one entity at a time,
// writing findings as it goes (cli/keyed_reduce.h): the same findings as the in-memory
// path, in bounded memory; the report then holds no claims.
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "claims/record_stream.h"
#include "cli/atomic_file.h"
#include "cli/command.h"
#include "cli/keyed_reduce.h"
#include "google/protobuf/arena.h"
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

std::string TextReport(const v1::Report& report) {
  std::string out;
  for (const v1::Finding& f : report.findings()) out += TextFinding(f);
  for (const v1::Timeline& t : report.timelines()) out += TextTimeline(t);
  return out;
}

// Prints the first problems and the one-line summary to stderr.
void PrintSummary(const v1::ReportSummary& sum, const std::vector<std::string>& problems,
                  const CommandLine& args, CommandIO& io) {
  for (size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) {
    *io.err << "warning: " << problems[i] << "\n";
  }
  if (problems.size() > kProblemsShown) {
    *io.err << "warning: ... and " << problems.size() - kProblemsShown
            << " more problems, listed in the report\n";
  }
  std::vector<std::string> by_kind;
  std::map<std::string, uint32_t> sorted(sum.findings_by_kind().begin(),
                                         sum.findings_by_kind().end());
  for (const auto& [kind, count] : sorted) {
    v1::FindingKind k;
    if (v1::FindingKind_Parse(kind, &k)) {
      by_kind.push_back(absl::StrCat(FindingKindShortName(k), " ", count));
    }
  }
  *io.err << "reconcile: " << sum.claims() << " claims, " << sum.subjects() << " subjects, "
          << sum.findings() << " findings"
          << (by_kind.empty() ? "" : " (" + absl::StrJoin(by_kind, ", ") + ")") << ", "
          << problems.size() << " problems"
          << (args.Has("output") ? ", written to " + args.Get("output") : "") << "\n";
}

// Reports the --fail-on matches; kExitFound when there are any.
int FailOn(const std::vector<std::string>& failing, CommandIO& io) {
  if (failing.empty()) return kExitOk;
  *io.err << "claimcheck reconcile: --fail-on: " << failing.size()
          << " open finding(s): " << absl::StrJoin(failing, ", ") << "\n";
  return kExitFound;
}

// The --keyed path: streams the inputs through KeyedReduce into stdout or -o FILE.
int RunKeyed(const CommandLine& args, CommandIO& io, Reconciler* reconciler,
             const std::set<v1::FindingKind>& fail_on) {
  const std::string self = "claimcheck reconcile";
  std::unique_ptr<AtomicFileWriter> file;
  if (args.Has("output")) {
    auto opened = AtomicFileWriter::Open(args.Get("output"));
    if (!opened.ok()) {
      *io.err << self << ": " << opened.status().message() << "\n";
      return kExitUsage;
    }
    file = *std::move(opened);
  }
  KeyedReduce::Writer write = [&](absl::string_view bytes) -> absl::Status {
    if (file) return file->Append(bytes);
    io.out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return *io.out ? absl::OkStatus() : absl::DataLossError("cannot write standard output");
  };
  KeyedReduceOptions options;
  options.text = args.Get("format", "json") == "text";
  options.compact = args.Has("compact");
  options.fail_on = fail_on;
  KeyedReduce reduce(reconciler, options, write);
  for (const std::string& path : args.positional()) {
    absl::Status s;
    if (path == "-") {
      s = reduce.Read(*io.in, "<stdin>");
    } else {
      std::ifstream in(path, std::ios::binary);
      s = in ? reduce.Read(in, path)
             : absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    }
    if (!s.ok()) {
      *io.err << self << ": " << s.message() << "\n";
      return kExitUsage;  // -o FILE: the temporary file is removed, FILE left as it was
    }
  }
  absl::Status s = reduce.Finish();
  if (s.ok() && file) s = file->Commit();
  if (!s.ok()) {
    *io.err << self << ": " << s.message() << "\n";
    return kExitUsage;
  }
  io.out->flush();
  PrintSummary(reduce.summary(), reduce.problems(), args, io);
  return FailOn(reduce.failing(), io);
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
  const bool keyed = args.Has("keyed");
  ReconcileOptions options;
  options.rates_path = args.Get("rates");
  options.reference_path = args.Get("reference");
  options.keep_claims = !keyed;  // the keyed path never holds the whole input
  auto reconciler = Reconciler::Create(options);
  if (!reconciler.ok()) {
    *io.err << self << ": " << reconciler.status().message() << "\n";
    return kExitUsage;
  }

  if (keyed) return RunKeyed(args, io, reconciler->get(), fail_on);

  std::vector<std::string> problems;
  for (const std::string& path : args.positional()) {
    std::string name = path == "-" ? "<stdin>" : path;
    auto data = ReadInput(path, io);
    if (!data.ok()) {
      *io.err << self << ": " << data.status().message() << "\n";
      return kExitUsage;
    }
    v1::Claim scratch;
    ReadRecords(
        *data, DetectRecordFormat(*data), name, &scratch,
        [&]() { (*reconciler)->Add(scratch); },
        [&](const std::string& problem) { problems.push_back(problem); });
  }
  // The report is built on an arena (reconcile/reconciler.h, FinishInto): for large
  // inputs its many small messages would otherwise cost a malloc each.
  google::protobuf::Arena arena(Reconciler::ReportArenaOptions());
  v1::Report& report = *google::protobuf::Arena::CreateMessage<v1::Report>(&arena);
  (*reconciler)->FinishInto(&report);
  std::vector<std::string> own(report.problems().begin(), report.problems().end());
  report.clear_problems();
  for (auto& p : problems) report.add_problems(p);
  for (auto& p : own) report.add_problems(p);
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

  PrintSummary(report.summary(), {report.problems().begin(), report.problems().end()}, args,
               io);
  std::vector<std::string> failing;
  for (const v1::Finding& f : report.findings()) {
    bool open = f.status() == v1::REVIEW_STATUS_OPEN || f.status() == v1::REVIEW_STATUS_REOPENED;
    if (open && fail_on.count(f.kind())) {
      failing.push_back(absl::StrCat(f.id(), " (", FindingKindShortName(f.kind()), ")"));
    }
  }
  return FailOn(failing, io);
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
          {"keyed", false, "",
           "input is KEY<TAB>CLAIM lines sorted by key (extract --keyed | LC_ALL=C sort, or "
           "a MapReduce shuffle): reconcile one entity at a time in bounded memory, with "
           "the same findings as the in-memory path; the report holds no claims"},
      },
      &RunReconcile,
  };
}

}  // namespace claimcheck
