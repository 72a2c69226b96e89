#include "cli/extract_documents.h"

namespace claimcheck {

int RunExtractDocuments(const CommandLine&, CommandIO& io) {
  return NotImplemented("extract --documents", io);
}

}  // namespace claimcheck
