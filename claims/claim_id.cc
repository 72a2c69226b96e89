#include "claims/claim_id.h"

#include "claims/fingerprint.h"
#include "claims/subject_key.h"

namespace claimcheck {
namespace {

constexpr size_t kIdSize = 16;
constexpr size_t kShortUnit = 64;

}  // namespace

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
  // The unit's normal form ("USD" as "usd"): a short one is normalised on the stack.
  const std::string& unit = quantity.unit();
  char normal[kShortUnit];
  if (unit.size() <= kShortUnit) {
    f.Add(absl::string_view(normal, WriteNormalizedKeyPart(unit, normal) - normal));
  } else {
    f.Add(NormalizeKeyPart(unit));
  }
  f.AddInt(static_cast<int64_t>(quantity.bound()));
  // A reused id already has the size: the digits are written over the old ones.
  if (id->size() != kIdSize) id->resize(kIdSize);
  f.HexTo(&(*id)[0]);
}

std::string ClaimId(const v1::Claim& claim) {
  return MakeClaimId(claim.provenance().document_id(), claim.provenance().figure_begin(),
                     claim.provenance().figure_end(), claim.quantity());
}

}  // namespace claimcheck
