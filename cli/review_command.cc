// claimcheck review: not built yet.
#include "cli/command.h"

namespace claimcheck {
namespace {

int RunReview(const CommandLine&, CommandIO& io) { return NotImplemented("review", io); }

}  // namespace

Command ReviewCommand() {
  return Command{
      "review",
      "list, show and record verdicts on findings in a review ledger",
      "claimcheck review list|show ID|set ID --verdict=V [--note=TEXT] [--reviewer=NAME] [--ledger=FILE]",
      "claimcheck review set 3f2a9c0d1e4b5a6c --verdict=confirmed --note='checked the filing'",
      {},
      &RunReview,
  };
}

}  // namespace claimcheck
