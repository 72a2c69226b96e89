// Command: one row of claimcheck's command table, and what a command runs with.
//
// Exit codes (the only contract scripts may rely on):
//   0  ran;
//   1  ran and found what --fail-on asked for;
//   2  usage error or unusable input.
#ifndef CLAIMCHECK_CLI_COMMAND_H_
#define CLAIMCHECK_CLI_COMMAND_H_

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

// For commands not built yet: prints "claimcheck <name>: not implemented yet" and
// returns kExitUsage.
int NotImplemented(const std::string& name, CommandIO& io);

// Rows, one per subcommand, each defined in its own <name>_command.cc.
Command ExtractCommand();
Command QuantitiesCommand();
Command ReconcileCommand();
Command ReportCommand();
Command ReviewCommand();
Command ExportCommand();

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_COMMAND_H_
