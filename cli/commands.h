// The command table: every `claimcheck` subcommand is one row (cli/command.h). Help,
// `claimcheck help SUB`, `claimcheck SUB --help` and the "did you mean" suggestion for an
// unknown name all come from the same table.
#ifndef CLAIMCHECK_CLI_COMMANDS_H_
#define CLAIMCHECK_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "cli/command.h"

namespace claimcheck {

// The table, built once, in the order help lists it.
const std::vector<Command>& CommandTable();

// Runs `claimcheck` with `args` (the words after the program name). Handles "help",
// "SUB --help", "--version" and unknown names; returns the exit code.
int RunClaimcheck(const std::vector<std::string>& args, CommandIO& io);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_COMMANDS_H_
