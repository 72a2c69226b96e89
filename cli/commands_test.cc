#include "cli/commands.h"

#include <sstream>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct RunResult {
  int code;
  std::string out;
  std::string err;
};

RunResult Claimcheck(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  CommandIO io{&in, &out, &err, false};
  int code = RunClaimcheck(args, io);
  return {code, out.str(), err.str()};
}

TEST(CommandsTest, HelpListsTheSixSubcommands) {
  RunResult r = Claimcheck({"help"});
  EXPECT_EQ(r.code, kExitOk);
  for (const char* name : {"extract", "quantities", "reconcile", "report", "review", "export"}) {
    EXPECT_NE(r.out.find(std::string("  ") + name + " "), std::string::npos) << name;
  }
  EXPECT_EQ(CommandTable().size(), 6u);
}

TEST(CommandsTest, UnknownCommandExitsTwoWithASuggestion) {
  RunResult r = Claimcheck({"nosuch"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("unknown command 'nosuch', did you mean '"), std::string::npos) << r.err;
  RunResult typo = Claimcheck({"reconcle"});
  EXPECT_EQ(typo.code, kExitUsage);
  EXPECT_NE(typo.err.find("did you mean 'reconcile'"), std::string::npos) << typo.err;
}

TEST(CommandsTest, EachCommandHasHelpWithAnExample) {
  for (const Command& c : CommandTable()) {
    RunResult r = Claimcheck({c.name, "--help"});
    EXPECT_EQ(r.code, kExitOk) << c.name;
    EXPECT_NE(r.out.find("usage: claimcheck " + c.name), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("example:\n  claimcheck " + c.name), std::string::npos) << r.out;
    RunResult h = Claimcheck({"help", c.name});
    EXPECT_EQ(h.out, r.out);
  }
}

TEST(CommandsTest, NoArgumentsIsAUsageError) {
  RunResult r = Claimcheck({});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("usage: claimcheck COMMAND"), std::string::npos);
}

TEST(CommandsTest, BadFlagIsAUsageError) {
  RunResult r = Claimcheck({"extract", "--no-such-flag"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("unknown flag '--no-such-flag'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace claimcheck
