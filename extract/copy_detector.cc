#include "extract/copy_detector.h"

#include <algorithm>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/hash/hash.h"

namespace claimcheck {

namespace {

// What NormalizeForCopy does with each byte: ASCII letters and digits (lower-cased) and
// non-ASCII bytes are kept, everything else separates words.
struct ByteTable {
  ByteTable() {
    for (int c = 0; c < 256; ++c) {
      keep[c] = c >= 0x80 || absl::ascii_isalnum(static_cast<unsigned char>(c));
      lower[c] = static_cast<char>(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  bool keep[256];
  char lower[256];
};

}  // namespace

void NormalizeForCopyInto(absl::string_view text, std::string* out, int* words) {
  static const ByteTable* table = new ByteTable;
  out->resize(text.size() * 2 + 1);  // at most one space per kept byte
  char* p = out->data();
  char* const begin = p;
  *words = 0;
  bool in_word = false;
  const unsigned char* in = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = in[i];
    // Typographic punctuation (U+2010..U+201F) separates words like ASCII punctuation.
    if (c == 0xE2 && i + 2 < n && in[i + 1] == 0x80) {
      i += 2;
      in_word = false;
      continue;
    }
    if (!table->keep[c]) {
      in_word = false;
      continue;
    }
    if (!in_word) {
      if (p != begin) *p++ = ' ';
      ++*words;
      in_word = true;
    }
    *p++ = table->lower[c];
  }
  out->resize(p - begin);
}

std::string NormalizeForCopy(absl::string_view text, int* words) {
  std::string out;
  NormalizeForCopyInto(text, &out, words);
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
  std::string& normal = buffer_;
  NormalizeForCopyInto(sentence.substr(0, figure_end), &normal, &words);
  if (words < kMinWords) {
    int unused = 0;
    std::string after = NormalizeForCopy(sentence.substr(figure_end, 200), &unused);
    std::vector<absl::string_view> after_words = absl::StrSplit(after, ' ', absl::SkipEmpty());
    if (words + static_cast<int>(after_words.size()) < kMinWords) return "";
    normal += " |";
    for (int i = 0; i < kMinWords - words; ++i) absl::StrAppend(&normal, " ", after_words[i]);
  }
  // The key lives only in this process's memory: any good 64-bit hash will do.
  const uint64_t key = absl::HashOf(absl::string_view(normal), quantity.value(),
                                    absl::string_view(quantity.unit()));
  auto it = first_.find(key);
  if (it != first_.end()) {
    if (it->second.claim_id == claim_id) return "";
    if (scope != nullptr && (scope->inferred() || scope->start().empty()) &&
        !it->second.scope.start().empty()) {
      *scope = it->second.scope;
    }
    return it->second.claim_id;
  }
  if (first_.size() < max_entries_) {
    first_.emplace(key, First{claim_id, scope != nullptr ? *scope : v1::TimeScope()});
  }
  return "";
}

}  // namespace claimcheck
