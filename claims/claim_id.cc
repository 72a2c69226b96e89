#include "claims/claim_id.h"

#include "claims/fingerprint.h"
#include "claims/subject_key.h"

namespace claimcheck {

ClaimIdPrefix::ClaimIdPrefix(absl::string_view document_id) {
  fingerprint_.Add("claim");  // domain separation from document and finding ids
  fingerprint_.Add(document_id);
}

std::string MakeClaimId(absl::string_view document_id, uint64_t figure_begin,
                        uint64_t figure_end, const v1::Quantity& quantity) {
  return MakeClaimId(ClaimIdPrefix(document_id), figure_begin, figure_end, quantity);
}

std::string MakeClaimId(const ClaimIdPrefix& prefix, uint64_t figure_begin,
                        uint64_t figure_end, const v1::Quantity& quantity) {
  std::string id;
  WriteClaimId(prefix, figure_begin, figure_end, quantity, &id);
  return id;
}

void WriteClaimId(const ClaimIdPrefix& prefix, uint64_t figure_begin, uint64_t figure_end,
                  const v1::Quantity& quantity, std::string* id) {
  Fingerprinter f = prefix.fingerprint_;
  f.AddInt(static_cast<int64_t>(figure_begin));
  f.AddInt(static_cast<int64_t>(figure_end));
  f.AddNumber(quantity.value());
  // Units are normally stored normalised ("usd", "percent"): no copy for those.
  if (IsNormalizedKeyPart(quantity.unit())) {
    f.Add(quantity.unit());
  } else {
    f.Add(NormalizeKeyPart(quantity.unit()));
  }
  f.AddInt(static_cast<int64_t>(quantity.bound()));
  char hex[16];
  f.HexTo(hex);
  id->assign(hex, sizeof hex);
}

std::string ClaimId(const v1::Claim& claim) {
  return MakeClaimId(claim.provenance().document_id(), claim.provenance().figure_begin(),
                     claim.provenance().figure_end(), claim.quantity());
}

}  // namespace claimcheck
