// claimcheck extract: documents -> claims. `--documents` shows the readers' output instead.
#include "cli/command.h"
#include "cli/extract_documents.h"

namespace claimcheck {
namespace {

int RunExtract(const CommandLine& args, CommandIO& io) {
  if (args.Has("documents")) return RunExtractDocuments(args, io);
  return NotImplemented("extract", io);
}

}  // namespace

Command ExtractCommand() {
  return Command{
      "extract",
      "extract claims (figures with subject, period and source) from documents",
      "claimcheck extract PATH... [-o FILE] [--format=jsonl|binpb] "
      "[--reference-date=YYYY-MM-DD] [--aliases=FILE] [--documents]",
      "claimcheck extract tests/testdata/corpus -o claims.jsonl",
      {
          {"output", true, "o", "write to FILE (atomically) instead of stdout"},
          {"format", true, "", "jsonl (default) or binpb (length-delimited binary)"},
          {"reference-date", true, "", "resolve relative dates (\"yesterday\") against this day"},
          {"aliases", true, "", "entity alias file (see README)"},
          {"documents", false, "", "print the Document records instead of claims"},
      },
      &RunExtract,
  };
}

}  // namespace claimcheck
