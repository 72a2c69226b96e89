// Claim ids: the same figure in the same document always gets the same id.
//
// A claim id is 16 hex digits of FNV-1a (claims/fingerprint.h) over
//   document id, figure begin and end (byte offsets into the document's clean text),
//   and the normalised value: value, unit and bound kind of the Quantity.
// Nothing else goes in: not the subject (a better extractor may name it differently),
// not the time the run happened. Re-running on the same input gives the same ids, and
// two figures of one document differ in span, so they never share an id.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_CLAIM_ID_H_
#define CLAIMCHECK_CLAIMS_CLAIM_ID_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "claims/fingerprint.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// The id for a figure at [figure_begin, figure_end) of document `document_id`.
std::string MakeClaimId(absl::string_view document_id, uint64_t figure_begin,
                        uint64_t figure_end, const v1::Quantity& quantity);

// The part of every claim id that depends on the document alone: hash it once per
// document and pass it to the overload below, which gives the same id as the one above.
class ClaimIdPrefix {
 public:
  explicit ClaimIdPrefix(absl::string_view document_id);

 private:
  friend void WriteClaimId(const ClaimIdPrefix& prefix, uint64_t figure_begin,
                           uint64_t figure_end, const v1::Quantity& quantity, std::string* id);
  Fingerprinter fingerprint_;
};

std::string MakeClaimId(const ClaimIdPrefix& prefix, uint64_t figure_begin,
                        uint64_t figure_end, const v1::Quantity& quantity);

// The same id written into *id (its memory reused: no allocation once it has held an id).
void WriteClaimId(const ClaimIdPrefix& prefix, uint64_t figure_begin, uint64_t figure_end,
                  const v1::Quantity& quantity, std::string* id);

// The id of a filled claim (provenance.document_id, figure offsets, quantity).
std::string ClaimId(const v1::Claim& claim);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_CLAIM_ID_H_
