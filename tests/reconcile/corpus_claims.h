// Claims built from a hand-written expected-claims file (tests/testdata/
// expected_claims.jsonl), so the reconciler can be tested on the sample corpus without
// the extraction pipeline.
//
// Each line {"doc", "item"?, "quote", "figure", "value", "unit", "bound", "low"?,
// "high"?, "scope", "entity", "metric", "qualifier"?, "hedge"?} becomes a v1::Claim as
// the extractor would write it: subject key, quantity type and interval (precision from
// the digits of the figure), scope from the period notation, provenance with the
// document's publication day. A claim whose quote and figure already appeared in an
// earlier-published document is marked as a quotation of that first appearance.
#ifndef CLAIMCHECK_TESTS_RECONCILE_CORPUS_CLAIMS_H_
#define CLAIMCHECK_TESTS_RECONCILE_CORPUS_CLAIMS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// `published` maps a document name (or a JSON Lines item's url) to "YYYY-MM-DD"; names
// starting with a date ("2024-05-27-...") and urls containing "/YYYY/MM/DD/" need no
// entry. Returns an error naming the line for a line that cannot be read.
absl::StatusOr<std::vector<v1::Claim>> ClaimsFromExpected(
    absl::string_view jsonl, const std::map<std::string, std::string>& published);

}  // namespace claimcheck

#endif  // CLAIMCHECK_TESTS_RECONCILE_CORPUS_CLAIMS_H_
