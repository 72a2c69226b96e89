#include "tests/claimcheck_runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "absl/strings/str_cat.h"

namespace claimcheck {

std::string Runfile(const std::string& path) {
  const char* root = getenv("TEST_SRCDIR");
  std::string base = absl::StrCat(root ? root : ".", "/claimcheck/", path);
  char resolved[4096];
  return realpath(base.c_str(), resolved) ? std::string(resolved) : base;
}

RunResult RunClaimcheck(const std::string& args) {
  std::string command = absl::StrCat(Runfile("cli/claimcheck"), " ", args, " 2>&1");
  RunResult r{-1, ""};
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace claimcheck
