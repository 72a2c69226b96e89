// claimcheck quantities: not built yet.
#include "cli/command.h"

namespace claimcheck {
namespace {

int RunQuantities(const CommandLine&, CommandIO& io) { return NotImplemented("quantities", io); }

}  // namespace

Command QuantitiesCommand() {
  return Command{
      "quantities",
      "list the quantities and time expressions found in text",
      "claimcheck quantities [TEXT] [--jsonl]",
      "claimcheck quantities 'The fund committed nearly RMB 450 million in Q3 2025.'",
      {},
      &RunQuantities,
  };
}

}  // namespace claimcheck
