// claimcheck export: not built yet.
#include "cli/command.h"

namespace claimcheck {
namespace {

int RunExport(const CommandLine&, CommandIO& io) { return NotImplemented("export", io); }

}  // namespace

Command ExportCommand() {
  return Command{
      "export",
      "export claims, findings and verdicts for downstream tools",
      "claimcheck export [PATH...] --format=claimreview|jsonl|binpb [-o FILE] [--ledger=FILE]",
      "claimcheck export tests/testdata/corpus --format=claimreview -o claimreview.json",
      {},
      &RunExport,
  };
}

}  // namespace claimcheck
