// claimcheck export: hand claims, findings and verdicts to downstream tools.
//
//   --format=claimreview  schema.org ClaimReview JSON-LD (a JSON array) for every
//                         reviewed finding (review/claimreview.h);
//   --format=jsonl|binpb  the feed: one v1::FeedItem per claim (proto/feed.proto), as
//                         JSON Lines or length-delimited binary protobuf.
// Findings and verdicts come as for `review` (cli/report_pipeline.h LoadReviewedReport).
// Output goes to -o FILE (atomically) or stdout.
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "claims/record_stream.h"
#include "cli/atomic_file.h"
#include "cli/command.h"
#include "cli/report_pipeline.h"
#include "review/claimreview.h"
#include "review/feed.h"

namespace claimcheck {
namespace {

int RunExport(const CommandLine& args, CommandIO& io) {
  std::string format = args.Get("format", "claimreview");
  if (format != "claimreview" && format != "jsonl" && format != "binpb") {
    *io.err << "claimcheck export: --format=" << format
            << ": expected claimreview, jsonl or binpb\n";
    return kExitUsage;
  }
  std::string output = args.Has("output") ? ResolveUserPath(args.Get("output")) : "";
  std::string ledger_path;
  std::vector<std::string> ledger_problems;
  auto report = LoadReviewedReport(args, args.positional(), &ledger_path, &ledger_problems);
  if (!report.ok()) {
    *io.err << "claimcheck export: " << report.status().message() << "\n";
    return kExitUsage;
  }
  for (const std::string& p : ledger_problems) *io.err << "warning: review ledger: " << p << "\n";

  std::string data;
  size_t records = 0;
  if (format == "claimreview") {
    ClaimReviewOptions options;
    if (args.Has("review-url")) options.review_url = args.Get("review-url");
    if (args.Has("organization")) options.organization = args.Get("organization");
    if (args.Has("organization-url")) options.organization_url = args.Get("organization-url");
    data = ClaimReviewJsonLd(*report, options);
    for (const v1::Finding& f : report->findings()) {
      if (f.status() == v1::REVIEW_STATUS_REVIEWED) ++records;
    }
  } else {
    RecordFormat framing = format == "jsonl" ? RecordFormat::kJsonLines : RecordFormat::kBinary;
    for (const v1::FeedItem& item : BuildFeed(*report)) {
      absl::Status s = AppendRecord(item, framing, &data);
      if (!s.ok()) {
        *io.err << "claimcheck export: claim " << item.claim().id() << ": " << s.message() << "\n";
        return kExitUsage;
      }
      ++records;
    }
  }
  if (output.empty()) {
    *io.out << data;
  } else {
    absl::Status s = WriteFileAtomically(output, data);
    if (!s.ok()) {
      *io.err << "claimcheck export: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  *io.err << (output.empty() ? "exported" : absl::StrCat("wrote ", output)) << ": " << records
          << (format == "claimreview" ? " reviewed findings" : " claims") << " ("
          << format << "); review ledger " << ledger_path << "\n";
  return kExitOk;
}

}  // namespace

Command ExportCommand() {
  std::vector<FlagSpec> flags = {
      {"format", true, "", "claimreview (default), jsonl or binpb (FeedItem records, proto/feed.proto)"},
      {"output", true, "o", "write to FILE (atomically) instead of stdout"},
      {"review-url", true, "", "claimreview: URL of the published report (default report.html); "
                               "each review links to URL#finding-ID"},
      {"organization", true, "", "claimreview: publishing organization (default \"claimcheck user\")"},
      {"organization-url", true, "", "claimreview: its home page"},
  };
  for (FlagSpec& f : ReviewSourceFlags()) flags.push_back(std::move(f));
  for (FlagSpec& f : PipelineFlags()) flags.push_back(std::move(f));
  return Command{
      "export",
      "export claims, findings and verdicts for downstream tools",
      "claimcheck export [PATH...] --format=claimreview|jsonl|binpb [-o FILE] [--ledger=FILE] "
      "[--report=FILE]",
      "claimcheck export tests/testdata/corpus --format=claimreview -o claimreview.json",
      flags,
      &RunExport,
  };
}

}  // namespace claimcheck
