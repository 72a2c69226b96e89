// claimcheck's entry point: hands the arguments to the command table and returns its
// exit code. Nothing else happens here.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  claimcheck::CommandIO io{&std::cin, &std::cout, &std::cerr, isatty(2) != 0};
  int code = claimcheck::RunClaimcheck(args, io);
  std::cout.flush();
  return code;
}
