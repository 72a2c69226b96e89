// claimcheck reconcile: not built yet.
#include "cli/command.h"

namespace claimcheck {
namespace {

int RunReconcile(const CommandLine&, CommandIO& io) { return NotImplemented("reconcile", io); }

}  // namespace

Command ReconcileCommand() {
  return Command{
      "reconcile",
      "group claims by subject and report disagreements and timelines",
      "claimcheck reconcile CLAIMS... [-o FILE] [--rates=FILE] [--reference=FILE] [--fail-on=KIND,...]",
      "claimcheck reconcile claims.jsonl -o report.json",
      {},
      &RunReconcile,
  };
}

}  // namespace claimcheck
