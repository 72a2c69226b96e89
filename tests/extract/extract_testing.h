// Helpers shared by the extraction integration tests and benchmark: run the whole
// pipeline (read, recognise, assemble) over paths, and read answer-file periods.
#ifndef CLAIMCHECK_TESTS_EXTRACT_EXTRACT_TESTING_H_
#define CLAIMCHECK_TESTS_EXTRACT_EXTRACT_TESTING_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/extractor.h"
#include "proto/claim.pb.h"

namespace claimcheck {

struct ExtractedClaim {
  std::string file;  // base name of the document's file
  std::string item;  // the item's url for JSON Lines documents, else ""
  v1::Claim claim;
};

// Reads every path (files in the given order; directories recursively) and extracts
// claims with one Extractor, so copies across documents are linked. Problems reading
// go to *problems as "place: message".
std::vector<ExtractedClaim> ExtractPaths(const std::vector<std::string>& paths,
                                         const ExtractOptions& options,
                                         std::vector<std::string>* problems);

// An answer-file period as [start, end) civil dates: "2025-Q3", "2024-H1", "2024",
// "2019..2021", "2023-Q3..2024-Q3". Returns false for anything else (null, prose).
bool ParseAnswerPeriod(absl::string_view period, std::string* start, std::string* end);

// One line describing a claim, for failure messages.
std::string DescribeClaim(const ExtractedClaim& c);

}  // namespace claimcheck

#endif  // CLAIMCHECK_TESTS_EXTRACT_EXTRACT_TESTING_H_
