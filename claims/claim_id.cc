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
  // The fields are written one after another and hashed in one pass; the unit in its
  // normal form ("USD" as "usd"), a short one normalised in place.
  char fields[3 * Fingerprinter::kMaxNumberField + kShortUnit + 1];
  char* p = Fingerprinter::WriteIntField(static_cast<int64_t>(figure_begin), fields);
  p = Fingerprinter::WriteIntField(static_cast<int64_t>(figure_end), p);
  p = Fingerprinter::WriteNumberField(quantity.value(), p);
  const std::string& unit = quantity.unit();
  if (unit.size() <= kShortUnit) {
    p = WriteNormalizedKeyPart(unit, p);
    *p++ = Fingerprinter::kSeparator;
  } else {
    f.AddFields(absl::string_view(fields, p - fields));
    f.Add(NormalizeKeyPart(unit));
    p = fields;
  }
  p = Fingerprinter::WriteIntField(static_cast<int64_t>(quantity.bound()), p);
  f.AddFields(absl::string_view(fields, p - fields));
  // A reused id already has the size: the digits are written over the old ones.
  if (id->size() != kIdSize) id->resize(kIdSize);
  f.HexTo(&(*id)[0]);
}

std::string ClaimId(const v1::Claim& claim) {
  return MakeClaimId(claim.provenance().document_id(), claim.provenance().figure_begin(),
                     claim.provenance().figure_end(), claim.quantity());
}

}  // namespace claimcheck
