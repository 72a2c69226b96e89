#include "claims/subject_key.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "absl/strings/ascii.h"

namespace claimcheck {
namespace {

constexpr unsigned char kSpace = 0xFF;  // in kKeyChar: a byte that separates words

// For each ASCII byte: its lower-case form, or kSpace for whitespace and '|'.
const std::array<unsigned char, 128>& KeyChars() {
  static const std::array<unsigned char, 128> table = [] {
    std::array<unsigned char, 128> t{};
    for (int c = 0; c < 128; ++c) {
      t[c] = absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '|'
                 ? kSpace
                 : static_cast<unsigned char>(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
    return t;
  }();
  return table;
}

}  // namespace

bool IsNormalizedKeyPart(absl::string_view text) {
  if (text.empty()) return true;
  if (text.front() == ' ' || text.back() == ' ') return false;
  const std::array<unsigned char, 128>& key_chars = KeyChars();
  char prev = 0;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      // Kept as it is, or a single space between words.
      if (key_chars[c] != c && !(c == ' ' && prev != ' ')) return false;
    } else if (c == 0xC2 || c == 0xE2) {
      return false;  // may start a no-break space, a typographic quote or a dash
    }
    prev = ch;
  }
  return true;
}

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// For a word of 8 bytes of text whose last is byte `last` (the ones above it, if any,
// are padding: plain letters): when every byte is ASCII, not '|' and not whitespace but
// for single spaces between other bytes (so all kept, only lower-cased), sets *key to
// their key form and returns true.
inline bool PlainWord(uint64_t x, int last, uint64_t* key) {
  if (x & kHighs) return false;                                // a non-ASCII byte
  if (((x + 0x60 * kOnes) & kHighs) != kHighs) return false;   // a byte below ' '
  const uint64_t bar = x ^ ('|' * kOnes);
  if ((bar - kOnes) & ~bar & kHighs) return false;             // a '|'
  // The spaces, exactly (every byte is ASCII): none first or last (in memory order, the
  // low byte and byte `last`), no two together.
  const uint64_t space_bytes = x ^ (' ' * kOnes);
  const uint64_t spaces = ~((space_bytes + 0x7F * kOnes) | space_bytes) & kHighs;
  if (spaces & (0x80ull | (0x80ull << (8 * last)) | (spaces << 8))) return false;
  // 'A'..'Z' get 0x20 added: bytes >= 'A' and not > 'Z'.
  const uint64_t upper = (x + (0x80 - 'A') * kOnes) & ~(x + (0x7F - 'Z') * kOnes) & kHighs;
  *key = x | (upper >> 2);
  return true;
}

// PlainWord of the 8 bytes at `text`, stored at `put`.
inline bool PlainChunk(const char* text, char* put) {
  uint64_t x, key;
  std::memcpy(&x, text, 8);
  if (!PlainWord(x, 7, &key)) return false;
  std::memcpy(put, &key, 8);
  return true;
}

// PlainWord of a whole text of 1 to 7 bytes, stored at `put` (which has room for them
// alone): the bytes are read and written as two words of 4 or 2 that overlap (equal
// bytes OR-ed together stay the same), the word padded with letters.
inline bool PlainShortText(const char* text, size_t n, char* put) {
  uint64_t x;
  if (n >= 4) {
    uint32_t head, tail;
    std::memcpy(&head, text, 4);
    std::memcpy(&tail, text + n - 4, 4);
    x = head | static_cast<uint64_t>(tail) << (8 * (n - 4));
  } else if (n >= 2) {
    uint16_t head, tail;
    std::memcpy(&head, text, 2);
    std::memcpy(&tail, text + n - 2, 2);
    x = head | static_cast<uint64_t>(tail) << (8 * (n - 2));
  } else {
    x = static_cast<unsigned char>(text[0]);
  }
  x |= ('a' * kOnes) << (8 * n);
  uint64_t key;
  if (!PlainWord(x, static_cast<int>(n) - 1, &key)) return false;
  if (n >= 4) {
    const uint32_t head = static_cast<uint32_t>(key);
    const uint32_t tail = static_cast<uint32_t>(key >> (8 * (n - 4)));
    std::memcpy(put, &head, 4);
    std::memcpy(put + n - 4, &tail, 4);
  } else if (n >= 2) {
    const uint16_t head = static_cast<uint16_t>(key);
    const uint16_t tail = static_cast<uint16_t>(key >> (8 * (n - 2)));
    std::memcpy(put, &head, 2);
    std::memcpy(put + n - 2, &tail, 2);
  } else {
    *put = static_cast<char>(key);
  }
  return true;
}

// The key form of `text` written from `put`, which has room for text.size() bytes (the
// normalised part is never longer than the text: every byte or sequence gives at most
// one byte, and a space only stands for whitespace it replaces). Returns the end.
char* NormalizeInto(absl::string_view text, char* const begin) {
  char* put = begin;
  const std::array<unsigned char, 128>& key_chars = KeyChars();
  bool pending_space = false;
  const size_t n = text.size();
  // A short text (units, many names) plain as a whole.
  if (n > 0 && n < 8 && PlainShortText(text.data(), n, put)) return put + n;
  // Whether the 8 bytes before `i` were a plain chunk, written as they are just before
  // `put`.
  bool after_chunk = false;
  for (size_t i = 0; i < n; ++i) {
    // Eight plain bytes at once: names and metrics are mostly letters.
    if (i + 8 <= n) {
      if (pending_space && put != begin) {
        // (The space is written first: the chunk test may fail and write nothing.)
        if (PlainChunk(text.data() + i, put + 1)) {
          *put = ' ';
          put += 9;
          i += 7;
          pending_space = false;
          after_chunk = true;
          continue;
        }
      } else if (PlainChunk(text.data() + i, put)) {
        put += 8;
        i += 7;
        pending_space = false;
        after_chunk = true;
        continue;
      }
    } else if (after_chunk) {
      // The last bytes (fewer than 8) after a chunk: the 8 bytes that end the text, over
      // the chunk's last ones (written again as they were), if they are plain.
      const size_t overlap = i - (n - 8);
      if (PlainChunk(text.data() + n - 8, put - overlap)) return put + (n - i);
    }
    after_chunk = false;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char byte = c;
    if (c < 0x80) {
      byte = key_chars[c];
      if (byte == kSpace) {
        pending_space = true;
        continue;
      }
    } else if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      // U+2018/U+2019 (quotes) -> '\'', U+2010..U+2015 (dashes) -> '-'.
      const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
      if (c2 == 0x98 || c2 == 0x99) {
        byte = '\'';
        i += 2;
      } else if (c2 >= 0x90 && c2 <= 0x95) {
        byte = '-';
        i += 2;
      }
    } else if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      pending_space = true;  // no-break space
      ++i;
      continue;
    }
    if (pending_space && put != begin) *put++ = ' ';
    pending_space = false;
    *put++ = static_cast<char>(byte);
  }
  return put;
}

}  // namespace

char* WriteNormalizedKeyPart(absl::string_view text, char* out) {
  return NormalizeInto(text, out);
}

void AppendNormalizedKeyPart(absl::string_view text, std::string* out) {
  // Written straight into the string, sized for the text and trimmed after.
  const size_t start = out->size();
  out->resize(start + text.size());
  char* const begin = &(*out)[0] + start;
  out->resize(start + static_cast<size_t>(NormalizeInto(text, begin) - begin));
}

std::string NormalizeKeyPart(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendNormalizedKeyPart(text, &out);
  return out;
}

namespace {

// Appends the parts of a key, joined by '|', to an empty `*key`; empty qualifier values
// are skipped. `value(i)` gives the i-th of `count` qualifier values. `*key` must not be
// one of the parts. The key is sized once for the longest it can be, written in place,
// and trimmed.
template <typename Values>
void BuildKey(absl::string_view entity, absl::string_view metric, size_t count,
              const Values& value, std::string* key) {
  size_t size = entity.size() + metric.size() + 1;
  for (size_t i = 0; i < count; ++i) size += value(i).size() + 1;
  key->resize(size);
  char* const begin = &(*key)[0];
  char* put = NormalizeInto(entity, begin);
  *put++ = '|';
  put = NormalizeInto(metric, put);
  for (size_t i = 0; i < count; ++i) {
    char* const bar = put;
    *put++ = '|';
    put = NormalizeInto(value(i), put);
    if (put == bar + 1) put = bar;  // normalised to nothing
  }
  key->resize(static_cast<size_t>(put - begin));
}

}  // namespace

std::string MakeSubjectKey(absl::string_view entity, absl::string_view metric,
                           const std::vector<std::string>& qualifier_values) {
  std::string key;
  BuildKey(entity, metric, qualifier_values.size(),
           [&](size_t i) { return absl::string_view(qualifier_values[i]); }, &key);
  return key;
}

std::string SubjectKey(const v1::Subject& subject) {
  std::string key;
  BuildKey(subject.entity(), subject.metric(), subject.qualifiers_size(),
           [&](size_t i) { return absl::string_view(subject.qualifiers(i).value()); }, &key);
  return key;
}

void SetSubjectKey(v1::Subject* subject) {
  std::string* key = subject->mutable_key();
  key->clear();
  BuildKey(subject->entity(), subject->metric(), subject->qualifiers_size(),
           [&](size_t i) { return absl::string_view(subject->qualifiers(i).value()); }, key);
}

}  // namespace claimcheck
