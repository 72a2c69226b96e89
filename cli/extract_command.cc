// claimcheck extract: not built yet.
#include "cli/commands.h"

namespace claimcheck {
namespace {

int RunExtract(const CommandLine&, CommandIO& io) { return NotImplemented("extract", io); }

}  // namespace

Command ExtractCommand() {
  return Command{
      "extract",
      "extract claims (figures with subject, period and source) from documents",
      "claimcheck extract PATH... [-o FILE] [--format=jsonl|binpb] [--reference-date=YYYY-MM-DD] [--aliases=FILE] [--documents]",
      "claimcheck extract tests/testdata/corpus -o claims.jsonl",
      {},
      &RunExtract,
  };
}

}  // namespace claimcheck
