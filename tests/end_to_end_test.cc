// Runs the built `claimcheck` binary the way a user does, and checks exit codes and
// output of the whole program.
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/claimcheck_runner.h"

namespace claimcheck {
namespace {

using Result = RunResult;

Result Claimcheck(const std::string& args) { return RunClaimcheck(args); }

TEST(EndToEndTest, HelpListsEverySubcommand) {
  Result r = Claimcheck("help");
  EXPECT_EQ(r.code, 0) << r.out;
  for (const char* name : {"extract", "quantities", "reconcile", "report", "review", "export"}) {
    EXPECT_NE(r.out.find(absl::StrCat("  ", name, " ")), std::string::npos) << name;
  }
}

TEST(EndToEndTest, UnknownSubcommandExitsTwoWithSuggestion) {
  Result r = Claimcheck("nosuch");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("did you mean"), std::string::npos) << r.out;
  Result typo = Claimcheck("extrct");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.out.find("did you mean 'extract'"), std::string::npos) << typo.out;
}

TEST(EndToEndTest, SubcommandHelpHasAnExample) {
  for (const char* name : {"extract", "quantities", "reconcile", "report", "review", "export"}) {
    Result r = Claimcheck(absl::StrCat(name, " --help"));
    EXPECT_EQ(r.code, 0) << name;
    EXPECT_NE(r.out.find("example:"), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace claimcheck
