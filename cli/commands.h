// The command table: every `claimcheck` subcommand is one row {name, summary, usage,
// example, flags, run}. Help, `claimcheck help SUB`, and the "did you mean" suggestion for
// an unknown name all come from the same table.
//
// Each subcommand lives in its own <name>_command.cc and returns its row from a
// <Name>Command() factory, so commands can grow independently.
//
// Exit codes (the only contract scripts may rely on):
//   0  ran;
//   1  ran and found what --fail-on asked for;
//   2  usage error or unusable input.
#ifndef CLAIMCHECK_CLI_COMMANDS_H_
#define CLAIMCHECK_CLI_COMMANDS_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/command_line.h"

namespace claimcheck {

enum ExitCode { kExitOk = 0, kExitFound = 1, kExitUsage = 2 };

// Where a command reads and writes. Tests pass string streams.
struct CommandIO {
  std::istream* in;
  std::ostream* out;
  std::ostream* err;
  // True when stderr is a terminal (progress lines are shown only then).
  bool err_is_terminal = false;
};

struct Command {
  std::string name;
  std::string summary;  // one line for `claimcheck help`
  std::string usage;    // "claimcheck extract PATH... [-o FILE]"
  std::string example;  // a command line a user can paste
  std::vector<FlagSpec> flags;
  int (*run)(const CommandLine& args, CommandIO& io);
};

// Rows, one per subcommand, in the order help lists them.
Command ExtractCommand();
Command QuantitiesCommand();
Command ReconcileCommand();
Command ReportCommand();
Command ReviewCommand();
Command ExportCommand();

// The table, built once.
const std::vector<Command>& CommandTable();

// Runs `claimcheck` with `args` (the words after the program name). Handles "help",
// "SUB --help", "--version" and unknown names; returns the exit code.
int RunClaimcheck(const std::vector<std::string>& args, CommandIO& io);

// For commands not built yet: prints "<name>: not implemented yet" and returns 2.
int NotImplemented(const std::string& name, CommandIO& io);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_COMMANDS_H_
