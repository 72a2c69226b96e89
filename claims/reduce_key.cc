#include "claims/reduce_key.h"

#include "claims/subject_key.h"

namespace claimcheck {

std::string ReduceKeyOfEntity(absl::string_view entity) {
  std::string key = NormalizeKeyPart(entity);
  // NormalizeKeyPart already turns ASCII whitespace into single spaces; other control
  // bytes (0x00-0x1F, 0x7F) would confuse line tools, so they become spaces too.
  for (char& c : key) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) c = ' ';
  }
  key.push_back('|');  // the separator that ends the entity part of a subject key
  return key;
}

std::string ReduceKey(const v1::Claim& claim) {
  return ReduceKeyOfEntity(claim.subject().entity());
}

void AppendReduceKeyPrefix(const v1::Claim& claim, std::string* out) {
  out->append(ReduceKey(claim));
  out->push_back('\t');
}

absl::Status SplitKeyedLine(absl::string_view line, absl::string_view* key,
                            absl::string_view* record) {
  size_t tab = line.find('\t');
  if (tab == absl::string_view::npos) {
    return absl::InvalidArgumentError("expected KEY<TAB>CLAIM");
  }
  *key = line.substr(0, tab);
  *record = line.substr(tab + 1);
  return absl::OkStatus();
}

}  // namespace claimcheck
