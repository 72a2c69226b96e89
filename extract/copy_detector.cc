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


// Room NormalizeForCopyAt needs for `n` input bytes: one space at most per two input
// bytes, and 16 bytes for the block copy of the last word.
size_t NormalizedBound(size_t n) { return n + n / 2 + 1 + 16; }

// Writes the normal form of `text` at `out` (which has room for NormalizedBound bytes)
// and returns its end. A text of 16 bytes or more is read in blocks of 16, the last one
// ending with the text (overlapping the one before; the bytes read before are left out).
// A block gives one mask of the bytes kept (ASCII letters and digits, non-ASCII bytes),
// and its runs of kept bytes (words, or the rest of a word begun before) are copied from
// the block lower-cased, each new word after a space. A block stops at its first
// typographic punctuation (E2 80 xx, both continuation bytes inside the text): the
// three bytes are a separator and the next block starts after them. Shorter texts go
// byte by byte.
char* NormalizeForCopyAt(absl::string_view text, char* out, int* words) {
  const char* const in = text.data();
  const size_t n = text.size();
  char* p = out;
  *words = 0;
  bool in_word = false;  // the byte before `i` was kept
  size_t i = 0;
  char lowered[32];  // a block lower-cased; the copy of a run reads 16 from it
  while (n >= 16 && i < n) {
    const size_t base = std::min(i, n - 16);
    const ByteBlock block(in + base);
    // Bytes from `start` on are still to be read; E2 80 xx counts only with the xx
    // inside the text (below `punctuation_end`).
    const size_t start = i - base;
    const uint32_t from_start = ~((uint32_t{1} << start) - 1);
    const size_t punctuation_end = std::min<size_t>(n - base - 2, 16);
    uint32_t kept = (block.AsciiAlnum() | block.NonAscii()) & from_start;
    size_t limit = 16;
    if (uint32_t e2 = block.Equal(kMaybePunctuation) & from_start; e2 != 0) {
      const uint32_t then_80 = base + 17 <= n ? ByteBlock(in + base + 1).Equal(0x80)
                                              : block.Equal(0x80) >> 1;
      const uint32_t punctuation = e2 & then_80 & ((uint32_t{1} << punctuation_end) - 1);
      if (punctuation != 0) {
        limit = FirstMarked(punctuation);
        kept &= (uint32_t{1} << limit) - 1;
      }
    }
    block.StoreLowered(lowered);
    for (size_t pos = start; pos < limit;) {
      if (!in_word) {
        const uint32_t rest = kept >> pos;
        if (rest == 0) break;
        pos += FirstMarked(rest);
        if (p != out) *p++ = ' ';
        ++*words;
        in_word = true;
      }
      // The run of kept bytes from `pos`: the bits from `limit` on are clear, so it ends
      // there at the latest (a word that reaches the block's end goes on in the next).
      const size_t end = pos + FirstMarked(~(kept >> pos));
      std::memcpy(p, lowered + pos, 16);
      p += end - pos;
      if (end < limit) in_word = false;
      pos = end;
    }
    if (limit < 16) {
      in_word = false;
      i = base + limit + 3;
    } else {
      i = base + 16;
    }
  }
  // A short text.
  static const ByteTable* table = new ByteTable;
  const unsigned char* const normal = table->normal;
  const unsigned char* const bytes = reinterpret_cast<const unsigned char*>(in);
  while (i < n) {
    const unsigned char v = normal[bytes[i]];
    if (v == 0 || (v == kMaybePunctuation && i + 2 < n && bytes[i + 1] == 0x80)) {
      in_word = false;
      i += v == 0 ? 1 : 3;
      continue;
    }
    if (!in_word) {
      if (p != out) *p++ = ' ';
      ++*words;
      in_word = true;
    }
    *p++ = static_cast<char>(v);
    ++i;
  }
  return p;
}

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
