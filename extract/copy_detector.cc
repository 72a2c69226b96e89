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

// Writes the normal form of `text` at `out` (which has room for text.size() * 3 / 2 + 1
// bytes: one space at most per two input bytes) and returns its end.
char* NormalizeForCopyAt(absl::string_view text, char* out, int* words) {
  static const ByteTable* table = new ByteTable;
  char* p = out;
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
      if (p != out) *p++ = ' ';
      ++*words;
      in_word = true;
    }
    *p++ = table->lower[c];
  }
  return p;
}

size_t NormalizedBound(size_t n) { return n + n / 2 + 1; }

}  // namespace

void NormalizeForCopyInto(absl::string_view text, std::string* out, int* words) {
  out->resize(NormalizedBound(text.size()));
  out->resize(NormalizeForCopyAt(text, out->data(), words) - out->data());
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
  // context starts after the last colon, semicolon or opening quote (straight or curly)
  // before the figure.
  for (size_t i = figure_end; i > 0; --i) {
    const char c = sentence[i - 1];
    const bool curly = c == '\x9C' && i >= 3 && sentence[i - 2] == '\x80' &&
                       sentence[i - 3] == '\xE2';
    if (c == ':' || c == ';' || c == '"' || curly) {
      sentence.remove_prefix(i);
      figure_end -= i;
      break;
    }
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
  // buffer_ only grows: its length is not the normal form's.
  if (buffer_.size() < NormalizedBound(figure_end)) buffer_.resize(NormalizedBound(figure_end));
  absl::string_view normal(
      buffer_.data(),
      NormalizeForCopyAt(sentence.substr(0, figure_end), buffer_.data(), &words) - buffer_.data());
  std::string extended;  // the context with words after the figure, when it needs them
  if (words < kMinWords) {
    int unused = 0;
    std::string after = NormalizeForCopy(sentence.substr(figure_end, 200), &unused);
    std::vector<absl::string_view> after_words = absl::StrSplit(after, ' ', absl::SkipEmpty());
    if (words + static_cast<int>(after_words.size()) < kMinWords) return "";
    extended = absl::StrCat(normal, " |");
    for (int i = 0; i < kMinWords - words; ++i) absl::StrAppend(&extended, " ", after_words[i]);
    normal = extended;
  }
  // The key lives only in this process's memory: any good 64-bit hash will do.
  const uint64_t key = absl::HashOf(normal, quantity.value(),
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
