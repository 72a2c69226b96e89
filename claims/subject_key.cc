#include "claims/subject_key.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace claimcheck {

std::string NormalizeKeyPart(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // U+2018/U+2019 (quotes) -> '\'', U+2010..U+2015 (dashes) -> '-'.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
      if (c2 == 0x98 || c2 == 0x99) {
        put('\'');
        i += 2;
        continue;
      }
      if (c2 >= 0x90 && c2 <= 0x95) {
        put('-');
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      pending_space = true;  // no-break space
      ++i;
      continue;
    }
    if (absl::ascii_isspace(c) || c == '|') {
      pending_space = true;
      continue;
    }
    put(static_cast<char>(absl::ascii_tolower(c)));
  }
  return out;
}

std::string MakeSubjectKey(absl::string_view entity, absl::string_view metric,
                           const std::vector<std::string>& qualifier_values) {
  std::vector<std::string> parts = {NormalizeKeyPart(entity), NormalizeKeyPart(metric)};
  for (const std::string& q : qualifier_values) {
    std::string part = NormalizeKeyPart(q);
    if (!part.empty()) parts.push_back(std::move(part));
  }
  return absl::StrJoin(parts, "|");
}

std::string SubjectKey(const v1::Subject& subject) {
  std::vector<std::string> values;
  for (const v1::Qualifier& q : subject.qualifiers()) values.push_back(q.value());
  return MakeSubjectKey(subject.entity(), subject.metric(), values);
}

}  // namespace claimcheck
