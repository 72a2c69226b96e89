#include "cli/command.h"

#include <ostream>

namespace claimcheck {

int NotImplemented(const std::string& name, CommandIO& io) {
  *io.err << "claimcheck " << name << ": not implemented yet\n";
  return kExitUsage;
}

}  // namespace claimcheck
