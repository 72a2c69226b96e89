// claimcheck review: list findings, show one with its evidence, record a verdict.
//
//   claimcheck review list [PATH...] [--status=open|all]
//   claimcheck review show ID [PATH...]
//   claimcheck review set ID [PATH...] --verdict=V [--note=TEXT] [--reviewer=NAME]
//
// Findings come from --report=FILE (a JSON report) when given, else from re-running
// extract + reconcile on PATH... (default: the sample corpus), so they are always the
// findings the next `report` will show. Verdicts are appended to the ledger
// (--ledger; see cli/report_pipeline.h for the default). ID may be any unique prefix of
// at least 4 hex digits.
#include <stdlib.h>

#include <iomanip>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli/command.h"
#include "cli/report_format.h"
#include "cli/report_pipeline.h"
#include "review/ledger.h"

namespace claimcheck {
namespace {

// The finding `id` names, exactly or as a unique prefix; nullptr with a message in
// `*why` otherwise.
const v1::Finding* FindFinding(const v1::Report& report, const std::string& id, std::string* why) {
  const v1::Finding* found = nullptr;
  int matches = 0;
  for (const v1::Finding& f : report.findings()) {
    if (f.id() == id) return &f;
    if (id.size() >= 4 && absl::StartsWith(f.id(), id)) {
      found = &f;
      ++matches;
    }
  }
  if (matches == 1) return found;
  *why = matches > 1 ? absl::StrCat("'", id, "' matches ", matches, " findings; give more digits")
                     : absl::StrCat("no finding '", id,
                                    "' in this report (see `claimcheck review list --status=all`)");
  return nullptr;
}

void PrintList(const v1::Report& report, bool all, std::ostream& out) {
  std::vector<const v1::Finding*> shown;
  for (const v1::Finding* f : FindingsBySeverity(report)) {
    if (all || IsOpenFinding(*f)) shown.push_back(f);
  }
  out << std::left << std::setw(18) << "ID" << std::setw(10) << "STATUS" << std::setw(14)
      << "VERDICT" << std::setw(9) << "SEVERITY" << std::setw(20) << "KIND"
      << "SUBJECT\n";
  for (const v1::Finding* f : shown) {
    std::string verdict =
        f->status() == v1::REVIEW_STATUS_OPEN ? "-" : VerdictName(f->review().verdict());
    out << std::setw(18) << f->id() << std::setw(10) << ReviewStatusName(f->status())
        << std::setw(14) << verdict << std::setw(9) << SeverityName(f->severity())
        << std::setw(20) << FindingKindName(f->kind()) << FormatSubject(f->subject()) << "\n";
  }
  out << shown.size() << (all ? " findings" : " open findings") << " of "
      << report.findings_size() << "\n";
}

void PrintFinding(const v1::Finding& f, const v1::Report& report, std::ostream& out) {
  auto claims = ClaimsById(report);
  out << "finding " << f.id() << ": " << FindingKindLabel(f.kind()) << " ("
      << SeverityName(f.severity()) << ")\nsubject: " << FormatSubject(f.subject())
      << "\nstatus:  " << DescribeReview(f) << "\n";
  if (f.has_review() && !f.review().note().empty()) out << "note:    " << f.review().note() << "\n";
  if (!f.explanation().empty()) out << "\n" << f.explanation() << "\n";
  out << "\nevidence:\n";
  int n = 0;
  for (const std::string& id : f.claim_ids()) {
    ++n;
    auto it = claims.find(id);
    if (it == claims.end()) {
      out << "  [" << n << "] claim " << id << " (not in this report)\n";
      continue;
    }
    const v1::Claim& c = *it->second;
    const v1::Provenance& p = c.provenance();
    std::string compared;
    for (const v1::ComparedValue& v : f.values()) {
      if (v.claim_id() == id) {
        compared = FormatFigure(v.value(), v.unit());
        if (!v.conversion().empty()) absl::StrAppend(&compared, " (", v.conversion(), ")");
      }
    }
    if (compared.empty()) compared = FormatFigure(c.quantity().value(), c.quantity().unit());
    SentenceParts parts = SplitSentence(c);
    out << "  [" << n << "] " << compared << " as \"" << c.quantity().text() << "\", "
        << FormatScope(c.scope()) << "\n      " << (p.title().empty() ? p.uri() : p.title())
        << ", " << FormatPublished(p.published()) << "\n      " << p.uri();
    if (p.line() > 0) out << ":" << p.line() << ":" << p.column();
    out << "\n      \"" << parts.before;
    if (!parts.figure.empty()) out << "[" << parts.figure << "]";
    out << parts.after << "\"\n";
  }
  out << "\nrecord a verdict: claimcheck review set " << f.id()
      << " --verdict=confirmed|dismissed|needs-source|resolved --note=TEXT\n";
}

std::string DefaultReviewer() {
  for (const char* var : {"CLAIMCHECK_REVIEWER", "USER", "LOGNAME"}) {
    const char* v = getenv(var);
    if (v != nullptr && *v != '\0') return v;
  }
  return "";
}

int RunReview(const CommandLine& args, CommandIO& io) {
  const std::vector<std::string>& pos = args.positional();
  if (pos.empty() || (pos[0] != "list" && pos[0] != "show" && pos[0] != "set")) {
    *io.err << "claimcheck review: expected list, show ID or set ID\nusage: "
            << ReviewCommand().usage << "\n";
    return kExitUsage;
  }
  const std::string& action = pos[0];
  bool needs_id = action != "list";
  if (needs_id && pos.size() < 2) {
    *io.err << "claimcheck review " << action << ": missing the finding ID\n";
    return kExitUsage;
  }
  std::string status = args.Get("status", "open");
  if (status != "open" && status != "all") {
    *io.err << "claimcheck review: --status=" << status << ": expected open or all\n";
    return kExitUsage;
  }
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
  if (action == "set") {
    if (!args.Has("verdict")) {
      *io.err << "claimcheck review set: --verdict is required "
                 "(confirmed, dismissed, needs-source or resolved)\n";
      return kExitUsage;
    }
    auto v = ParseVerdict(args.Get("verdict"));
    if (!v.ok()) {
      *io.err << "claimcheck review set: --verdict: " << v.status().message() << "\n";
      return kExitUsage;
    }
    verdict = *v;
  }
  std::vector<std::string> paths(pos.begin() + (needs_id ? 2 : 1), pos.end());
  std::string ledger_path;
  std::vector<std::string> ledger_problems;
  auto report = LoadReviewedReport(args, paths, &ledger_path, &ledger_problems);
  if (!report.ok()) {
    *io.err << "claimcheck review: " << report.status().message() << "\n";
    return kExitUsage;
  }
  for (const std::string& p : ledger_problems) *io.err << "warning: review ledger: " << p << "\n";

  if (action == "list") {
    PrintList(*report, status == "all", *io.out);
    *io.err << "review ledger: " << ledger_path << "\n";
    return kExitOk;
  }
  std::string why;
  const v1::Finding* finding = FindFinding(*report, pos[1], &why);
  if (finding == nullptr) {
    *io.err << "claimcheck review " << action << ": " << why << "\n";
    return kExitUsage;
  }
  if (action == "show") {
    PrintFinding(*finding, *report, *io.out);
    return kExitOk;
  }
  v1::Review review;
  review.set_finding_id(finding->id());
  review.set_topic(finding->topic());
  review.set_verdict(verdict);
  review.set_note(args.Get("note"));
  review.set_reviewer(args.Has("reviewer") ? args.Get("reviewer") : DefaultReviewer());
  review.mutable_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
  absl::Status s = Ledger::Append(ledger_path, review);
  if (!s.ok()) {
    *io.err << "claimcheck review set: " << s.message() << "\n";
    return kExitUsage;
  }
  *io.out << "recorded " << VerdictName(verdict) << " for finding " << finding->id() << " ("
          << FindingKindName(finding->kind()) << ", " << FormatSubject(finding->subject())
          << ") in " << ledger_path << "\n";
  return kExitOk;
}

}  // namespace

Command ReviewCommand() {
  std::vector<FlagSpec> flags = {
      {"status", true, "", "list: open (default: open, reopened, needs-source) or all"},
      {"verdict", true, "", "set: confirmed, dismissed, needs-source or resolved"},
      {"note", true, "", "set: why (shown in reports and exports)"},
      {"reviewer", true, "", "set: who decides; default $CLAIMCHECK_REVIEWER or $USER"},
  };
  for (FlagSpec& f : ReviewSourceFlags()) flags.push_back(std::move(f));
  for (FlagSpec& f : PipelineFlags()) flags.push_back(std::move(f));
  return Command{
      "review",
      "list, show and record verdicts on findings in a review ledger",
      "claimcheck review list|show ID|set ID [PATH...] [--status=open|all] "
      "[--verdict=V --note=TEXT --reviewer=NAME] [--ledger=FILE] [--report=FILE]\n"
      "  findings come from --report=FILE (a JSON report) or from re-running on PATH... "
      "(default tests/testdata/corpus)",
      "claimcheck review set 3f2a9c0d1e4b5a6c --verdict=confirmed --note='checked the filing'",
      flags,
      &RunReview,
  };
}

}  // namespace claimcheck
