// Test helpers that run the built `claimcheck` binary the way a user does.
//
// Tests that use them list "//cli:claimcheck" (and usually "//tests:testdata") as data;
// paths are resolved inside the test's runfiles tree.
#ifndef CLAIMCHECK_TESTS_CLAIMCHECK_RUNNER_H_
#define CLAIMCHECK_TESTS_CLAIMCHECK_RUNNER_H_

#include <string>

namespace claimcheck {

struct RunResult {
  int code;         // the exit code, or -1 when the program did not exit normally
  std::string out;  // stdout and stderr, interleaved
};

// The absolute path of a runfile given relative to the workspace root
// ("tests/testdata/corpus").
std::string Runfile(const std::string& path);

// Runs `claimcheck ARGS` through the shell (so ARGS may quote and redirect).
RunResult RunClaimcheck(const std::string& args);

}  // namespace claimcheck

#endif  // CLAIMCHECK_TESTS_CLAIMCHECK_RUNNER_H_
