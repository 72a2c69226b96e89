// CommandLine: the arguments of one subcommand, split into flags and positionals.
//
// Accepted spellings: --name=value, --name value (when the flag takes a value),
// --name (a boolean), -o value (short aliases declared by the command), and "--" to end
// flags. Each command declares the flags it accepts; anything else is a usage error that
// names the flag, so typos never pass silently.
#ifndef CLAIMCHECK_CLI_COMMAND_LINE_H_
#define CLAIMCHECK_CLI_COMMAND_LINE_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimcheck {

// One flag a command accepts.
struct FlagSpec {
  std::string name;        // without dashes: "format"
  bool takes_value;        // false for booleans like --jsonl
  std::string short_name;  // "o" for -o, or empty
  std::string help;        // one line for `claimcheck SUB --help`
};

class CommandLine {
 public:
  // Parses `args` (the words after the subcommand name) against `specs`. "--help" and
  // "-h" are always accepted. Returns InvalidArgument naming the offending word for an
  // unknown flag, a missing value, or a value given to a boolean.
  static absl::StatusOr<CommandLine> Parse(const std::vector<std::string>& args,
                                           const std::vector<FlagSpec>& specs);

  bool Has(absl::string_view name) const;
  // The flag's last value, or `fallback` when absent.
  std::string Get(absl::string_view name, absl::string_view fallback = "") const;
  // Every value given for a repeatable flag, in order.
  std::vector<std::string> GetAll(absl::string_view name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  bool help() const { return Has("help"); }

 private:
  std::multimap<std::string, std::string, std::less<>> flags_;
  std::vector<std::string> positional_;
};

// Levenshtein distance, used to suggest the nearest command or flag.
int EditDistance(absl::string_view a, absl::string_view b);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_COMMAND_LINE_H_
