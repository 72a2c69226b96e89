// Runs the built `claimcheck` binary the way a user does, and checks exit codes and
// output of the whole program.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct Result {
  int code;
  std::string out;  // stdout and stderr, interleaved
};

std::string Runfile(const std::string& path) {
  const char* root = getenv("TEST_SRCDIR");
  return absl::StrCat(root ? root : ".", "/claimcheck/", path);
}

Result Claimcheck(const std::string& args) {
  std::string command = absl::StrCat(Runfile("cli/claimcheck"), " ", args, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  Result r{-1, ""};
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

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
