// `claimcheck extract --documents`: prints the Document records the readers make of each
// input (JSON Lines), so a user can see text length, title, publication time with
// precision and method, posts and quotations before any claim is extracted.
#ifndef CLAIMCHECK_CLI_EXTRACT_DOCUMENTS_H_
#define CLAIMCHECK_CLI_EXTRACT_DOCUMENTS_H_

#include "cli/command.h"

namespace claimcheck {

// Runs the readers over args.positional() and writes one Document per line to io.out
// (or streamed to -o FILE, atomically). Returns kExitOk, or kExitUsage when nothing could be read.
int RunExtractDocuments(const CommandLine& args, CommandIO& io);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_EXTRACT_DOCUMENTS_H_
