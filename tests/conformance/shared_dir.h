// Where the shared, read-only test material lives: $CLAIMCHECK_SHARED, else /work/shared.
// Tests that need it call GTEST_SKIP() when it is missing (a fresh clone has none).
#ifndef CLAIMCHECK_TESTS_CONFORMANCE_SHARED_DIR_H_
#define CLAIMCHECK_TESTS_CONFORMANCE_SHARED_DIR_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace claimcheck {

// The shared directory, or "" when it does not exist.
inline std::string SharedDir() {
  const char* env = std::getenv("CLAIMCHECK_SHARED");
  std::string dir = env != nullptr && *env != '\0' ? env : "/work/shared";
  std::ifstream probe(dir + "/conformance/score.py");
  return probe.good() ? dir : "";
}

// The whole file, or "" when it cannot be read.
inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_TESTS_CONFORMANCE_SHARED_DIR_H_
