#include "extract/copy_detector.h"

#include <string.h>  // memrchr

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/hash/hash.h"
#include "extract/read/byte_words.h"

namespace claimcheck {

namespace {

// What NormalizeForCopy makes of each byte: 0 for a separator, 0xE2 (which may start
// typographic punctuation, U+2010..U+201F, a separator too) for itself, otherwise the
// byte as kept: ASCII letters and digits lower-cased, non-ASCII bytes as they are. One
// lookup tells both what a byte is and what to write.
struct ByteTable {
  ByteTable() {
    for (int c = 0; c < 256; ++c) {
      const bool keep = c >= 0x80 || absl::ascii_isalnum(static_cast<unsigned char>(c));
      normal[c] = keep ? absl::ascii_tolower(static_cast<unsigned char>(c)) : 0;
    }
  }
  unsigned char normal[256];
};
constexpr unsigned char kMaybePunctuation = 0xE2;
constexpr uint64_t kEachByte = 0x0101010101010101ull;


// Writes the normal form of `text` at `out` (which has room for text.size() * 3 / 2 + 1
// bytes: one space at most per two input bytes) and returns its end. Words are copied in
// one tight loop, eight ASCII letters and digits at a time where it can (lower-cased by
// setting bit 0x20, which digits already have); the separators between them are skipped
// in another.
char* NormalizeForCopyAt(absl::string_view text, char* out, int* words) {
  static const ByteTable* table = new ByteTable;
  const unsigned char* const normal = table->normal;
  char* p = out;
  *words = 0;
  const unsigned char* in = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // Typographic punctuation: E2 80 xx, with both continuation bytes inside the text.
  auto punctuation = [&](size_t i) { return i + 2 < n && in[i + 1] == 0x80; };
  size_t i = 0;
  while (i < n) {
    // Separators.
    while (i < n) {
      const unsigned char v = normal[in[i]];
      if (v == 0) {
        ++i;
      } else if (v == kMaybePunctuation && punctuation(i)) {
        i += 3;
      } else {
        break;
      }
    }
    if (i == n) break;
    // A word.
    if (p != out) *p++ = ' ';
    ++*words;
    while (i < n) {
      if (i + 8 <= n) {
        // Eight bytes are stored whole but only the letters and digits among them kept:
        // the output is never ahead of 3/2 of the input read, so the store stays in room.
        uint64_t x;
        std::memcpy(&x, in + i, 8);
        const uint64_t lowered = x | (0x20 * kEachByte);
        std::memcpy(p, &lowered, 8);
        const uint64_t stop = NonAlnumBytes(x);
        const size_t run = stop == 0 ? 8 : __builtin_ctzll(stop) / 8;
        p += run;
        i += run;
        if (run == 8) continue;
      }
      const unsigned char v = normal[in[i]];
      if (v == 0 || (v == kMaybePunctuation && punctuation(i))) break;
      *p++ = static_cast<char>(v);
      ++i;
    }
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

absl::string_view CopyDetector::FirstAppearance(absl::string_view sentence, size_t figure_end,
                                                const v1::Quantity& quantity,
                                                const std::string& claim_id,
                                                v1::TimeScope* scope) {
  int words = 0;
  figure_end = std::min(figure_end, sentence.size());
  // A quotation often starts inside a sentence ("Not bad: SMIC's revenue rose ..."): the
  // context starts after the last colon, semicolon or opening quote (straight or curly)
  // before the figure.
  size_t start = 0;  // just after the last such mark
  for (char mark : {':', ';', '"'}) {
    const void* at = memrchr(sentence.data(), mark, figure_end);
    if (at != nullptr) {
      start = std::max<size_t>(start, static_cast<const char*>(at) - sentence.data() + 1);
    }
  }
  for (size_t end = figure_end; end > start;) {  // the closing byte of U+201C
    const void* at = memrchr(sentence.data(), '\x9C', end);
    if (at == nullptr) break;
    const size_t i = static_cast<const char*>(at) - sentence.data();
    if (i >= 2 && sentence[i - 1] == '\x80' && sentence[i - 2] == '\xE2') {
      start = std::max(start, i + 1);
      break;
    }
    end = i;
  }
  sentence.remove_prefix(start);
  figure_end -= start;
  // At most kMaxContextBytes before the figure, from a word start: long run-on "sentences"
  // stay linear, and 400 bytes of identical words are evidence enough of a copy.
  if (figure_end > kMaxContextBytes) {
    size_t cut = sentence.find(' ', figure_end - kMaxContextBytes);
    if (cut != absl::string_view::npos && cut < figure_end) {
      sentence.remove_prefix(cut + 1);
      figure_end -= cut + 1;
    }
  }
  // buffer_ only grows: its length is not the normal form's. Room for the context, and
  // for " | " and the words after the figure when the context needs them.
  const absl::string_view after = sentence.substr(figure_end, 200);
  const size_t room = NormalizedBound(figure_end) + 3 + NormalizedBound(after.size());
  if (buffer_.size() < room) buffer_.resize(room);
  char* const context = buffer_.data();
  char* end = NormalizeForCopyAt(sentence.substr(0, figure_end), context, &words);
  if (words < kMinWords) {
    // The context with words after the figure: "<context> | w1 w2".
    end = std::copy_n(" | ", 3, end);
    int after_words = 0;
    char* const after_end = NormalizeForCopyAt(after, end, &after_words);
    if (words + after_words < kMinWords) return "";
    for (int needed = kMinWords - words; end < after_end; ++end) {
      if (*end == ' ' && --needed == 0) break;
    }
  }
  const absl::string_view normal(context, end - context);
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
