// claimcheck report: not built yet.
#include "cli/command.h"

namespace claimcheck {
namespace {

int RunReport(const CommandLine&, CommandIO& io) { return NotImplemented("report", io); }

}  // namespace

Command ReportCommand() {
  return Command{
      "report",
      "extract + reconcile in one go and write an HTML, Markdown or JSON report",
      "claimcheck report [PATH...] -o report.html|report.md|report.json [--ledger=FILE] [--fail-on=KIND,...]",
      "claimcheck report tests/testdata/corpus -o report.html",
      {},
      &RunReport,
  };
}

}  // namespace claimcheck
