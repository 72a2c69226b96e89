// claimcheck reconcile: claims files in, a Report (findings and timelines) out.
//
// Claims files are JSON Lines or length-delimited binary (told apart by content; '-' is
// standard input). Bad lines are reported on stderr as file:line and skipped. The report
// goes to stdout or, with -o, atomically to a file; a short summary goes to stderr.
//
// --keyed is the reduce side of a MapReduce job whose map side is `extract --keyed`: it
// reads lines "KEY<TAB>CLAIM-JSON" with equal keys adjacent (after `LC_ALL=C sort` or a
// shuffle), line by line. The key is the claim's canonical entity (claims/reduce_key.h),
// so each group holds every subject the reconciler's cross-subject checks relate (growth
// and level, parts and total). Each group goes through the ordinary Reconciler as soon
// as the key changes, and the partial reports are merged: findings sorted by subject key,
// kind and id and timelines by subject key, as the in-memory path orders them. The
// findings and their ids are therefore those of the in-memory path. Memory is bounded
// by the largest group plus the report being built (findings and timelines), and an
// 8-byte fingerprint per key and per subject; the report holds no claims.
// Problems: a key that reappears after another (unsorted input), and a subject whose
// claims arrive under two keys (its Subject.key disagrees with its entity field).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "claims/fingerprint.h"
#include "claims/record_stream.h"
#include "claims/reduce_key.h"
#include "claims/time_scope.h"
#include "cli/atomic_file.h"
#include "cli/command.h"
#include "google/protobuf/util/json_util.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "reconcile/findings.h"
#include "reconcile/grouper.h"
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

uint64_t Hash64(absl::string_view text) { return Fingerprinter().Add(text).value(); }

// The reduce side of --keyed: consumes sorted "KEY\tJSON" lines one at a time, runs the
// Reconciler over each run of equal keys and merges the partial reports.
class KeyedReducer {
 public:
  // `reconciler` (created with keep_claims = false) must outlive this object.
  explicit KeyedReducer(Reconciler* reconciler) : reconciler_(reconciler) {}

  // One input line (without its newline), from `name` at `line_no`.
  void Line(absl::string_view line, const std::string& name, size_t line_no) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) return;
    absl::string_view key, json;
    absl::Status s = SplitKeyedLine(line, &key, &json);
    if (s.ok()) s = RecordFromJson(json, &claim_);
    if (!s.ok()) {
      read_problems_.push_back(absl::StrCat(name, ":", line_no, ": ", s.message()));
      return;
    }
    if (!open_ || key != current_) {
      Flush();
      if (!keys_seen_.insert(Hash64(key)).second) {
        read_problems_.push_back(absl::StrCat(
            name, ":", line_no, ": key '", key,
            "' seen before: the input is not sorted by key; its claims are reconciled in "
            "separate groups"));
      }
      current_.assign(key.data(), key.size());
      open_ = true;
    }
    const std::string& document = claim_.provenance().document_id();
    if (!document.empty()) documents_.insert(Hash64(document));
    reconciler_->Add(claim_);
  }

  // Reconciles the last group and returns the merged report: findings and timelines in
  // the in-memory order, the summary, and problems (reading problems first).
  v1::Report Finish() {
    Flush();
    auto by_subject = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::stable_sort(findings_.begin(), findings_.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      if (a.second.kind() != b.second.kind()) return a.second.kind() < b.second.kind();
      return a.second.id() < b.second.id();
    });
    std::stable_sort(timelines_.begin(), timelines_.end(), by_subject);
    v1::Report report;
    v1::ReportSummary* sum = report.mutable_summary();
    sum->set_documents(static_cast<uint32_t>(documents_.size()));
    sum->set_claims(claims_);
    sum->set_subjects(subjects_);
    sum->set_findings(static_cast<uint32_t>(findings_.size()));
    uint32_t open = 0;
    for (auto& [key, f] : findings_) {
      (*sum->mutable_findings_by_kind())[v1::FindingKind_Name(f.kind())]++;
      if (f.status() == v1::REVIEW_STATUS_OPEN || f.status() == v1::REVIEW_STATUS_REOPENED) {
        ++open;
      }
      *report.add_findings() = std::move(f);
    }
    sum->set_open_findings(open);
    for (auto& [key, t] : timelines_) *report.add_timelines() = std::move(t);
    for (auto& p : read_problems_) report.add_problems(std::move(p));
    for (auto& p : problems_) report.add_problems(std::move(p));
    findings_.clear();
    timelines_.clear();
    return report;
  }

 private:
  void Flush() {
    if (!open_) return;
    open_ = false;
    v1::Report part = reconciler_->Finish();
    claims_ += part.summary().claims();
    subjects_ += part.summary().subjects();
    // The Reconciler gives every subject a timeline, so the timelines name the group's
    // subjects; each must be new, or its claims were split between keys.
    for (v1::Timeline& t : *part.mutable_timelines()) {
      std::string subject = GroupKey(t.subject());
      if (!subjects_seen_.insert(Hash64(subject)).second) {
        problems_.push_back(absl::StrCat(
            "subject '", subject, "' has claims under more than one key (its last key: '",
            current_, "'): its Subject.key and entity disagree, so its claims were "
            "reconciled in separate groups"));
      }
      timelines_.emplace_back(std::move(subject), std::move(t));
    }
    for (v1::Finding& f : *part.mutable_findings()) {
      findings_.emplace_back(GroupKey(f.subject()), std::move(f));
    }
    for (std::string& p : *part.mutable_problems()) problems_.push_back(std::move(p));
  }

  Reconciler* reconciler_;
  v1::Claim claim_;
  std::string current_;
  bool open_ = false;
  absl::flat_hash_set<uint64_t> keys_seen_;
  absl::flat_hash_set<uint64_t> subjects_seen_;
  absl::flat_hash_set<uint64_t> documents_;
  uint32_t claims_ = 0;
  uint32_t subjects_ = 0;
  std::vector<std::pair<std::string, v1::Finding>> findings_;
  std::vector<std::pair<std::string, v1::Timeline>> timelines_;
  std::vector<std::string> read_problems_;
  std::vector<std::string> problems_;
};

// Feeds `path` ('-' = io.in) to the reducer line by line. Returns an error naming the
// file when it cannot be opened or read.
absl::Status ReduceKeyedInput(const std::string& path, CommandIO& io, KeyedReducer* reducer) {
  std::ifstream file;
  std::istream* in = io.in;
  std::string name = "<stdin>";
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    in = &file;
    name = path;
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(*in, line)) reducer->Line(line, name, ++line_no);
  if (in->bad()) return absl::DataLossError(absl::StrCat(name, ": read error"));
  return absl::OkStatus();
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

  std::vector<std::string> problems;
  v1::Report report;
  if (keyed) {
    KeyedReducer reducer(reconciler->get());
    for (const std::string& path : args.positional()) {
      absl::Status s = ReduceKeyedInput(path, io, &reducer);
      if (!s.ok()) {
        *io.err << self << ": " << s.message() << "\n";
        return kExitUsage;
      }
    }
    report = reducer.Finish();
  } else {
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
    report = (*reconciler)->Finish();
    std::vector<std::string> own(report.problems().begin(), report.problems().end());
    report.clear_problems();
    for (auto& p : problems) report.add_problems(p);
    for (auto& p : own) report.add_problems(p);
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
          {"keyed", false, "",
           "input is KEY<TAB>CLAIM lines sorted by key (extract --keyed | LC_ALL=C sort, or "
           "a MapReduce shuffle): reconcile one entity at a time in bounded memory, with "
           "the same findings as the in-memory path; the report holds no claims"},
      },
      &RunReconcile,
  };
}

}  // namespace claimcheck
