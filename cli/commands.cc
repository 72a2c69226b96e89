#include "cli/commands.h"

#include <ostream>

#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

constexpr char kVersion[] = "0.1.0";

void PrintOverview(std::ostream& out) {
  out << "claimcheck: find figures in articles, check them against each other, "
         "track how they move.\n\n"
         "usage: claimcheck COMMAND [ARGS...]\n\ncommands:\n";
  for (const Command& c : CommandTable()) {
    out << "  " << c.name << std::string(12 - std::min<size_t>(11, c.name.size()), ' ')
        << c.summary << "\n";
  }
  out << "  help        show this list, or `claimcheck help COMMAND` for one command\n"
         "\nexit codes: 0 ran; 1 ran and found what --fail-on asked for; "
         "2 usage or input error\n";
}

void PrintCommandHelp(const Command& c, std::ostream& out) {
  out << "usage: " << c.usage << "\n\n" << c.summary << "\n";
  if (!c.flags.empty()) {
    out << "\nflags:\n";
    for (const FlagSpec& f : c.flags) {
      std::string spelled = absl::StrCat("--", f.name, f.takes_value ? "=VALUE" : "");
      if (!f.short_name.empty()) spelled = absl::StrCat("-", f.short_name, ", ", spelled);
      out << "  " << spelled << std::string(spelled.size() < 24 ? 24 - spelled.size() : 1, ' ')
          << f.help << "\n";
    }
  }
  out << "\nexample:\n  " << c.example << "\n";
}

const Command* FindCommand(const std::string& name) {
  for (const Command& c : CommandTable()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string Suggest(const std::string& name) {
  std::string best;
  int best_distance = 1 << 30;
  for (const Command& c : CommandTable()) {
    int d = EditDistance(name, c.name);
    if (c.name.rfind(name, 0) == 0) d = 0;  // a prefix is the best hint
    if (d < best_distance) best_distance = d, best = c.name;
  }
  if (best_distance > std::max<int>(3, static_cast<int>(name.size()) / 2)) return "help";
  return best;
}

}  // namespace

const std::vector<Command>& CommandTable() {
  static const std::vector<Command>* table = new std::vector<Command>{
      ExtractCommand(), QuantitiesCommand(), ReconcileCommand(),
      ReportCommand(),  ReviewCommand(),     ExportCommand(),
  };
  return *table;
}

int RunClaimcheck(const std::vector<std::string>& args, CommandIO& io) {
  if (args.empty()) {
    PrintOverview(*io.err);
    return kExitUsage;
  }
  const std::string& name = args[0];
  if (name == "help" || name == "--help" || name == "-h") {
    if (args.size() > 1) {
      if (const Command* c = FindCommand(args[1])) {
        PrintCommandHelp(*c, *io.out);
        return kExitOk;
      }
      *io.err << "claimcheck: unknown command '" << args[1] << "', did you mean '"
              << Suggest(args[1]) << "'?\n";
      return kExitUsage;
    }
    PrintOverview(*io.out);
    return kExitOk;
  }
  if (name == "--version" || name == "version") {
    *io.out << "claimcheck " << kVersion << "\n";
    return kExitOk;
  }
  const Command* command = FindCommand(name);
  if (command == nullptr) {
    *io.err << "claimcheck: unknown command '" << name << "', did you mean '" << Suggest(name)
            << "'? (run `claimcheck help` for the list)\n";
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  auto parsed = CommandLine::Parse(rest, command->flags);
  if (!parsed.ok()) {
    *io.err << "claimcheck " << name << ": " << parsed.status().message() << "\n"
            << "usage: " << command->usage << "\n";
    return kExitUsage;
  }
  if (parsed->help()) {
    PrintCommandHelp(*command, *io.out);
    return kExitOk;
  }
  return command->run(*parsed, io);
}

}  // namespace claimcheck
