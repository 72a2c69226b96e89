#include "extract/copy_detector.h"

#include "absl/strings/ascii.h"
#include "claims/fingerprint.h"

namespace claimcheck {

std::string NormalizeForCopy(absl::string_view text, int* words) {
  std::string out;
  out.reserve(text.size());
  *words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Typographic punctuation (U+2010..U+201F) separates words like ASCII punctuation.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      i += 2;
      in_word = false;
      continue;
    }
    bool letter = c >= 0x80 || absl::ascii_isalnum(c);
    if (!letter) {
      in_word = false;
      continue;
    }
    if (!in_word) {
      if (!out.empty()) out.push_back(' ');
      ++*words;
      in_word = true;
    }
    out.push_back(static_cast<char>(absl::ascii_tolower(c)));
  }
  return out;
}

std::string CopyDetector::FirstAppearance(absl::string_view context, const v1::Quantity& quantity,
                                          const std::string& claim_id) {
  int words = 0;
  std::string normal = NormalizeForCopy(context, &words);
  if (words < kMinWords) return "";
  Fingerprinter f;
  f.Add(normal).AddNumber(quantity.value()).Add(quantity.unit());
  auto it = first_.find(f.value());
  if (it != first_.end()) return it->second == claim_id ? "" : it->second;
  if (first_.size() < max_entries_) first_.emplace(f.value(), claim_id);
  return "";
}

}  // namespace claimcheck
