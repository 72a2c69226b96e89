#include "extract/copy_detector.h"

#include <algorithm>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
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

std::string CopyDetector::FirstAppearance(absl::string_view sentence, size_t figure_end,
                                          const v1::Quantity& quantity,
                                          const std::string& claim_id, v1::TimeScope* scope) {
  int words = 0;
  figure_end = std::min(figure_end, sentence.size());
  // A quotation often starts inside a sentence ("Not bad: SMIC's revenue rose ..."): the
  // context starts after the last colon, semicolon or opening quote before the figure.
  size_t start = sentence.substr(0, figure_end).find_last_of(":;\"");
  size_t curly = sentence.substr(0, figure_end).rfind("\xE2\x80\x9C");
  if (curly != absl::string_view::npos && (start == absl::string_view::npos || curly > start)) {
    start = curly + 2;
  }
  if (start != absl::string_view::npos) {
    sentence.remove_prefix(start + 1);
    figure_end -= start + 1;
  }
  // At most kMaxContextBytes before the figure, from a word start: long run-on "sentences"
  // stay linear, and 400 bytes of identical words are evidence enough of a copy.
  if (figure_end > kMaxContextBytes) {
    size_t cut = sentence.find(' ', figure_end - kMaxContextBytes);
    if (cut != absl::string_view::npos && cut < figure_end) {
      sentence.remove_prefix(cut + 1);
      figure_end -= cut + 1;
    }
  }
  std::string normal = NormalizeForCopy(sentence.substr(0, figure_end), &words);
  if (words < kMinWords) {
    int unused = 0;
    std::string after = NormalizeForCopy(sentence.substr(figure_end, 200), &unused);
    std::vector<absl::string_view> after_words = absl::StrSplit(after, ' ', absl::SkipEmpty());
    if (words + static_cast<int>(after_words.size()) < kMinWords) return "";
    normal += " |";
    for (int i = 0; i < kMinWords - words; ++i) absl::StrAppend(&normal, " ", after_words[i]);
  }
  Fingerprinter f;
  f.Add(normal).AddNumber(quantity.value()).Add(quantity.unit());
  auto it = first_.find(f.value());
  if (it != first_.end()) {
    if (it->second.claim_id == claim_id) return "";
    if (scope != nullptr && (scope->inferred() || scope->start().empty()) &&
        !it->second.scope.start().empty()) {
      *scope = it->second.scope;
    }
    return it->second.claim_id;
  }
  if (first_.size() < max_entries_) {
    first_.emplace(f.value(), First{claim_id, scope != nullptr ? *scope : v1::TimeScope()});
  }
  return "";
}

}  // namespace claimcheck
