#include "extract/tokens.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extract/read/byte_words.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

// One table lookup tells what an ASCII byte is; bytes >= 0x80 start UTF-8 sequences,
// which Classify reads.
enum ByteClass : uint8_t {
  kSpace = 1 << 0,
  kDigit = 1 << 1,
  kUpper = 1 << 2,
  kLower = 1 << 3,
  kAlpha = kUpper | kLower,
  kAlnum = kDigit | kAlpha,
  kJoiner = 1 << 4,  // - ' & . may join the parts of a word
  kHigh = 1 << 5,    // >= 0x80: part of a UTF-8 sequence
};

struct ByteTables {
  uint8_t cls[256] = {};
  char lower[256] = {};
};

constexpr ByteTables MakeByteTables() {
  ByteTables t;
  for (int c = 0; c < 256; ++c) {
    t.lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') t.cls[c] = kSpace;
    if (c >= '0' && c <= '9') t.cls[c] = kDigit;
    if (c >= 'A' && c <= 'Z') t.cls[c] = kUpper;
    if (c >= 'a' && c <= 'z') t.cls[c] = kLower;
    if (c == '-' || c == '\'' || c == '&' || c == '.') t.cls[c] = kJoiner;
    if (c >= 0x80) t.cls[c] = kHigh;
  }
  return t;
}

constexpr ByteTables kBytes = MakeByteTables();

// Length of the UTF-8 sequence starting with lead byte `c` (1 for invalid leads).
size_t Utf8Length(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Non-ASCII characters that are punctuation or spaces, not letters.
enum class Special { kNone, kSpace, kApostrophe, kQuote, kDash, kOther };

// What the `len` bytes at `p` (a sequence led by a byte >= 0x80) are.
Special Classify(const unsigned char* p, size_t len) {
  if (len == 2 && p[0] == 0xC2) {
    if (p[1] == 0xA0) return Special::kSpace;
    return Special::kOther;  // « » § etc.
  }
  if (len == 3 && p[0] == 0xE2 && p[1] == 0x80) {
    if (p[2] == 0x98 || p[2] == 0x99) return Special::kApostrophe;
    if (p[2] == 0x9C || p[2] == 0x9D) return Special::kQuote;
    if (p[2] >= 0x90 && p[2] <= 0x95) return Special::kDash;
    if (p[2] <= 0x8F || p[2] == 0xAF) return Special::kSpace;  // thin, zero-width spaces
    return Special::kOther;  // bullets, ellipsis
  }
  if (len == 3 && p[0] == 0xE3 && p[1] == 0x80) return Special::kOther;  // 、。「」
  if (len == 3 && p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD)) return Special::kOther;  // ，（）
  return Special::kNone;
}

// The character at p[i] of a text of n bytes: its length (a sequence cut by the end of
// the text is shorter) and, for a non-ASCII one, what it is.
size_t CharAt(const unsigned char* p, size_t n, size_t i, Special* special) {
  if (p[i] < 0x80) {
    *special = Special::kNone;
    return 1;
  }
  const size_t len = std::min(Utf8Length(p[i]), n - i);
  *special = Classify(p + i, len);
  return len;
}

// True when a character belonging in a word (ASCII letters and digits, non-ASCII letters)
// starts at p[i].
bool WordCharAt(const unsigned char* p, size_t n, size_t i) {
  if (i >= n) return false;
  if (p[i] < 0x80) return (kBytes.cls[p[i]] & kAlnum) != 0;
  Special special;
  CharAt(p, n, i, &special);
  return special == Special::kNone;
}

// Appends the punctuation token of the `len` bytes at p[i] (a `special` character).
void AddPunct(const unsigned char* p, size_t n, size_t i, size_t len, Special special,
              std::vector<Token>* tokens) {
  const unsigned char c = p[i];
  // A lone apostrophe after a word ending in s is a plural possessive.
  const bool apostrophe = special == Special::kApostrophe || c == '\'';
  const bool possessive = apostrophe && !tokens->empty() && tokens->back().end == i &&
                          tokens->back().kind == TokenKind::kWord &&
                          !tokens->back().word().empty() && tokens->back().word().back() == 's' &&
                          !WordCharAt(p, n, i + len);
  Token& t = tokens->emplace_back();  // built in place: no Token moves
  t.begin = i;
  t.end = i + len;
  t.kind = possessive ? TokenKind::kPossessive : TokenKind::kPunct;
  switch (special) {
    case Special::kApostrophe: *t.ResizeLower(1) = '\''; break;
    case Special::kQuote: *t.ResizeLower(1) = '"'; break;
    case Special::kDash: *t.ResizeLower(1) = '-'; break;
    default:
      if (len == 1) {
        *t.ResizeLower(1) = static_cast<char>(c);
      } else {
        std::memcpy(t.ResizeLower(len), p + i, len);
      }
  }
}

constexpr uint64_t kEachByte = 0x0101010101010101ull;


// The end of the run of ASCII letters and digits starting at p[i]: eight bytes at a time.
size_t SkipAsciiAlnum(const unsigned char* p, size_t n, size_t i) {
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    if (const uint64_t stop = NonAlnumBytes(x)) return i + __builtin_ctzll(stop) / 8;
  }
  while (i < n && (kBytes.cls[p[i]] & kAlnum)) ++i;
  return i;
}

// The `size` bytes (at most 8) at p as an integer (as memcpy packs them), zero padded;
// `available` (>= size) bytes may be read.
uint64_t LoadPrefix(const unsigned char* p, size_t size, size_t available) {
  uint64_t x = 0;
  if (available >= 8) {
    std::memcpy(&x, p, 8);
    return size >= 8 ? x : x & ((uint64_t{1} << (8 * size)) - 1);
  }
  std::memcpy(&x, p, size);
  return x;
}

// The bit 0x40 of each byte of `x` that is an upper-case letter, for the bytes of a word
// (ASCII letters, digits and joiners, or zero padding): only letters have that bit, and
// only lower-case ones also 0x20.
uint64_t UpperBytes(uint64_t x) { return x & ~(x << 1) & (0x40 * kEachByte); }
uint64_t LowerBytes(uint64_t x) { return x & (x << 1) & (0x40 * kEachByte); }

// An ASCII word of at most kMaxPackedWord bytes, lowered: its text packed as memcpy packs
// it into two integers, zero padded (a WordClassTable key), its size and whether it is an
// acronym.
struct PackedWord {
  uint64_t lower_lo = 0, lower_hi = 0;
  size_t size = 0;
  bool acronym = false;
};

// The PackedWord of the word of `size` bytes packed (as written) in `lo` and `hi`.
inline PackedWord LowerPacked(uint64_t lo, uint64_t hi, size_t size) {
  const uint64_t upper_lo = UpperBytes(lo), upper_hi = UpperBytes(hi);
  const bool any_lower = (LowerBytes(lo) | LowerBytes(hi)) != 0;
  // Two or more capitals: two in one half, or one in each.
  const bool two_upper = (upper_lo & (upper_lo - 1)) != 0 || (upper_hi & (upper_hi - 1)) != 0 ||
                         (upper_lo != 0 && upper_hi != 0);
  PackedWord word;
  word.acronym = two_upper && !any_lower;
  word.lower_lo = lo | (upper_lo >> 1);  // +0x20
  word.lower_hi = hi | (upper_hi >> 1);
  word.size = size;
  return word;
}

// Sets t's lowered text, t.acronym and t.classes from `word`. Inlined into both callers:
// with the packing it is most of the work per word.
__attribute__((always_inline)) inline void SetPackedWord(const PackedWord& word,
                                                         const WordClassTable& classes, Token* t) {
  t->acronym = word.acronym;
  static_assert(kMaxPackedWord <= Token::kInlineLower, "a packed word is written whole");
  char* out = t->ResizeLower(word.size);
  std::memcpy(out, &word.lower_lo, 8);
  std::memcpy(out + 8, &word.lower_hi, 8);
  if (t->kind == TokenKind::kWord) t->classes = classes.Get(word.lower_lo, word.lower_hi);
}

// The same for the ASCII word p[begin, begin + size) of a text of n bytes.
void LowerShortAsciiWord(const unsigned char* p, size_t n, size_t begin, size_t size,
                         const WordClassTable& classes, Token* t) {
  const uint64_t lo = LoadPrefix(p + begin, std::min<size_t>(size, 8), n - begin);
  const uint64_t hi = size > 8 ? LoadPrefix(p + begin + 8, size - 8, n - begin - 8) : 0;
  SetPackedWord(LowerPacked(lo, hi, size), classes, t);
}

// The same for any other word: typographic apostrophes become "'" and hyphens "-".
void LowerWord(const unsigned char* p, size_t begin, size_t size, Token* t) {
  int upper = 0, lower = 0;
  char* const out = t->ResizeLower(size);  // the lowered text is never longer
  size_t written = 0;
  for (size_t k = 0; k < size; ++k) {
    const unsigned char b = p[begin + k];
    upper += (kBytes.cls[b] & kUpper) != 0;
    lower += (kBytes.cls[b] & kLower) != 0;
    if (b == 0xE2 && k + 2 < size) {  // typographic apostrophe / hyphen
      const unsigned char b2 = p[begin + k + 2];
      out[written++] = b2 == 0x98 || b2 == 0x99 ? '\'' : '-';
      k += 2;
      continue;
    }
    out[written++] = kBytes.lower[b];
  }
  t->TruncateLower(written);
  t->acronym = upper >= 2 && lower == 0;
  if (t->kind == TokenKind::kWord) t->classes = WordClassesOf(t->word());
}

// Measures and lowers the run of ASCII letters and digits at p[i] (i < n) eight bytes at
// a time. False when it is 16 bytes or longer, or the text is shorter than eight bytes.
inline bool PackPlainWordByWords(const unsigned char* p, size_t n, size_t i, PackedWord* word) {
  uint64_t lo, hi = 0;
  if (i + 8 <= n) {
    std::memcpy(&lo, p + i, 8);
  } else if (n >= 8) {
    // Near the end: the text's last eight bytes, shifted so p[i] comes first; the zero
    // bytes shifted in stop the word at the end of the text.
    std::memcpy(&lo, p + n - 8, 8);
    lo >>= 8 * (i + 8 - n);
  } else {
    return false;
  }
  size_t size;
  if (const uint64_t stop = NonAlnumBytes(lo)) {
    size = __builtin_ctzll(stop) / 8;  // at least 1: p[i] is alphanumeric
    lo &= ~(~uint64_t{0} << (8 * size));
  } else {
    if (i + 16 > n) return false;
    std::memcpy(&hi, p + i + 8, 8);
    const uint64_t stop_hi = NonAlnumBytes(hi);
    if (stop_hi == 0) return false;
    const size_t rest = __builtin_ctzll(stop_hi) / 8;
    size = 8 + rest;
    hi &= ~(~uint64_t{0} << (8 * rest));
  }
  *word = LowerPacked(lo, hi, size);
  return true;
}

#if defined(__SSE2__)
// Sixteen bytes 0xFF, then sixteen 0: the sixteen from kKeepFirst + 16 - k keep the first
// k bytes of a block.
alignas(32) constexpr unsigned char kKeepFirst[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

// The same for i + 16 <= n, sixteen bytes at once: one mask per byte class.
inline bool PackPlainWord16(const unsigned char* p, size_t i, PackedWord* word) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
  // Bytes in [lo, lo + count): shifted so lo is -128, they are the ones below -128 + count.
  auto in_range = [](__m128i x, char lo, char count) {
    return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                          _mm_set1_epi8(static_cast<char>(0x80 + count)));
  };
  // Letters with the 0x20 bit set are lower case; digits have it already: for the bytes
  // of a word this is the lowered text.
  const __m128i with_0x20 = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
  const __m128i alpha = in_range(with_0x20, 'a', 26);
  const __m128i digit = in_range(bytes, '0', 10);
  const unsigned alnum = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)));
  const unsigned stop = ~alnum & 0xFFFF;
  if (stop == 0) return false;  // 16 bytes or more
  const unsigned size = __builtin_ctz(stop);
  const unsigned in_word = ~stop & (stop - 1);  // the bits below the first stop
  const unsigned letters = static_cast<unsigned>(_mm_movemask_epi8(alpha)) & in_word;
  // The 0x20 bit of each byte, shifted to its sign bit: set for lower-case letters.
  const unsigned bit_0x20 = static_cast<unsigned>(_mm_movemask_epi8(_mm_slli_epi16(bytes, 2)));
  // No lower-case letter: every letter is a capital; two or more make an acronym.
  word->acronym = (letters & bit_0x20) == 0 && (letters & (letters - 1)) != 0;
  const __m128i kept = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepFirst + 16 - size));
  const __m128i packed = _mm_and_si128(with_0x20, kept);
  word->lower_lo = static_cast<uint64_t>(_mm_cvtsi128_si64(packed));
  word->lower_hi = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(packed, packed)));
  word->size = size;
  return true;
}
#endif

// The common case of AddWord: when the word at p[i] (which starts with an ASCII letter
// or digit) is ASCII letters and digits only, shorter than kMaxPackedWord bytes, and ends
// at an ASCII byte that cannot continue it (not a joiner, or a dot not between letters),
// appends its token and returns where the next token may start (past the word and one
// space after it); otherwise (also in a text shorter than eight bytes) returns 0 and
// appends nothing. The bytes read to find the word's end are the packed word.
inline size_t AddPlainWord(const unsigned char* p, size_t n, size_t i,
                           const WordClassTable& classes, std::vector<Token>* tokens) {
  static_assert(kMaxPackedWord == 16, "a plain word is read as two 8-byte halves");
  PackedWord word;
#if defined(__SSE2__)
  const bool packed =
      i + 16 <= n ? PackPlainWord16(p, i, &word) : PackPlainWordByWords(p, n, i, &word);
#else
  const bool packed = PackPlainWordByWords(p, n, i, &word);
#endif
  if (!packed) return 0;
  const size_t end = i + word.size;  // <= n
  const unsigned char after = end < n ? p[end] : 0;  // 0: no joiner, no space
  if (kBytes.cls[after] & (kJoiner | kHigh)) {
    // Only a dot between letters joins ("U.S"); after a letter and before a digit, space
    // or the end of the text it ends the word ("2025.", "Inc.").
    if (after != '.') return 0;
    if (end + 1 < n && (kBytes.cls[p[end - 1]] & kAlpha) && (kBytes.cls[p[end + 1]] & kAlpha)) {
      return 0;
    }
  }
  const uint8_t first = kBytes.cls[p[i]];
  const bool number = (first & kDigit) != 0;
  tokens->emplace_back(i, end, number ? TokenKind::kNumber : TokenKind::kWord,
                       number ? 0 : classes.Get(word.lower_lo, word.lower_hi),
                       (first & kUpper) != 0, word.acronym, word.lower_lo, word.lower_hi,
                       word.size);
  return end + (after == ' ');  // the usual space after a word
}

// Reads the word starting at p[i] (a word character) and appends its token, and a
// possessive token after it; returns where the next token may start.
size_t AddWord(const unsigned char* p, size_t n, size_t i, const WordClassTable& classes,
               std::vector<Token>* tokens) {
  // Word characters, with inner joiners followed by a word character.
  const size_t start = i;
  size_t end = i;
  size_t possessive_begin = std::string::npos;
  size_t hyphen = std::string::npos;  // the last ASCII '-' joiner
  bool non_ascii = false;             // any byte >= 0x80
  while (true) {
    end = SkipAsciiAlnum(p, n, end);
    if (end >= n) break;
    const unsigned char c = p[end];
    // Joiners: - ' ’ & . (the dot only between letters, as in U.S or e.g).
    Special special = Special::kNone;
    size_t len = 1;
    if (c < 0x80) {
      if (!(kBytes.cls[c] & kJoiner)) break;
    } else {
      len = CharAt(p, n, end, &special);
      if (special == Special::kNone) {  // a non-ASCII letter
        non_ascii = true;
        end += len;
        continue;
      }
      if (special != Special::kApostrophe && special != Special::kDash) break;
    }
    if (!WordCharAt(p, n, end + len)) break;
    if (c == '.' && !((kBytes.cls[p[end - 1]] & kAlpha) && (kBytes.cls[p[end + 1]] & kAlpha))) {
      break;
    }
    const bool apostrophe = c == '\'' || special == Special::kApostrophe;
    if (apostrophe && (p[end + len] == 's' || p[end + len] == 'S') &&
        !WordCharAt(p, n, end + len + 1)) {
      possessive_begin = end;
      end += len + 1;
      break;
    }
    if (special == Special::kDash && len == 3 && p[end + 2] != 0x90 && p[end + 2] != 0x91) {
      break;  // en/em dashes separate words; only U+2010/2011 hyphens join
    }
    if (c == '-') hyphen = end;
    non_ascii |= c >= 0x80;
    end += len;
  }
  const size_t word_end = possessive_begin == std::string::npos ? end : possessive_begin;
  const size_t size = word_end - start;
  const uint8_t first = kBytes.cls[p[start]];
  Token& t = tokens->emplace_back();  // built in place: no Token moves
  t.begin = start;
  t.end = word_end;
  t.kind = (first & kDigit) ? TokenKind::kNumber : TokenKind::kWord;
  t.capitalized = (first & kUpper) != 0;
  t.modifier = hyphen != std::string::npos && hyphen + 1 < word_end &&
               (kBytes.cls[p[hyphen + 1]] & kLower) != 0;
  if (!non_ascii && size <= kMaxPackedWord) {
    LowerShortAsciiWord(p, n, start, size, classes, &t);
  } else {
    LowerWord(p, start, size, &t);
  }
  if (possessive_begin != std::string::npos) {
    Token& s = tokens->emplace_back();
    s.begin = possessive_begin;
    s.end = end;
    s.kind = TokenKind::kPossessive;
    std::memcpy(s.ResizeLower(2), "'s", 2);
  }
  return end;
}

}  // namespace

char* Token::ResizeLower(size_t size) {
  FreeLongLower();
  char* out = size > kInlineLower ? new char[size] : inline_lower_;
  lower_ = absl::string_view(out, size);
  return out;
}

void Token::TruncateLower(size_t size) {
  if (size >= lower_.size()) return;
  if (HasLongLower() && size <= kInlineLower) {
    // Back inside the token: the length alone says where the text is.
    const char* long_text = lower_.data();
    std::memcpy(inline_lower_, long_text, size);
    delete[] long_text;
    lower_ = absl::string_view(inline_lower_, size);
    return;
  }
  lower_ = absl::string_view(lower_.data(), size);
}

void Token::CopyFieldsFrom(const Token& other) {
  begin = other.begin;
  end = other.end;
  classes = other.classes;
  kind = other.kind;
  capitalized = other.capitalized;
  acronym = other.acronym;
  modifier = other.modifier;
}

void Token::CopyFrom(const Token& other) {
  CopyFieldsFrom(other);
  std::memcpy(ResizeLower(other.lower_.size()), other.lower_.data(), other.lower_.size());
}

void Token::TakeFrom(Token* other) {
  if (!other->HasLongLower()) {
    CopyFrom(*other);  // inline: no allocation
    return;
  }
  FreeLongLower();
  CopyFieldsFrom(*other);
  lower_ = other->lower_;  // the long text stays where it is
  other->lower_ = absl::string_view();
}

Token& Token::operator=(const Token& other) {
  if (this != &other) CopyFrom(other);
  return *this;
}

Token& Token::operator=(Token&& other) noexcept {
  if (this != &other) TakeFrom(&other);
  return *this;
}

bool IsClauseBreak(const Token& t) {
  if (t.kind != TokenKind::kPunct || t.word().size() != 1) return false;
  const char c = t.word()[0];
  return c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '-';
}

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

void Tokenize(absl::string_view text, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  tokens.clear();
  tokens.reserve(text.size() / 3 + 8);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  // Offsets are 32-bit: a text past 4 GiB (no sentence is) is read up to there.
  const size_t n = std::min<size_t>(text.size(), UINT32_MAX);
  static const WordClassTable& classes = WordClasses();
  size_t i = 0;
  while (i < n) {
    const uint8_t cls = kBytes.cls[p[i]];
    if (cls & kAlnum) {  // most tokens are words and numbers
      const size_t next = AddPlainWord(p, n, i, classes, &tokens);
      i = next != 0 ? next : AddWord(p, n, i, classes, &tokens);
    } else if (cls & kSpace) {
      ++i;
    } else if (p[i] < 0x80) {
      if (p[i] == '\'') {
        AddPunct(p, n, i, 1, Special::kNone, &tokens);  // maybe a plural possessive
      } else {
        // Offsets by value: `i` itself is never passed by reference, so it stays in a register.
        *tokens.emplace_back(size_t{i}, i + 1, TokenKind::kPunct).ResizeLower(1) =
            static_cast<char>(p[i]);
      }
      ++i;
    } else {
      Special special;
      const size_t len = CharAt(p, n, i, &special);
      if (special == Special::kSpace) {
        i += len;
      } else if (special == Special::kNone) {
        i = AddWord(p, n, i, classes, &tokens);  // a non-ASCII letter
      } else {
        AddPunct(p, n, i, len, special, &tokens);
        i += len;
      }
    }
  }
}

}  // namespace claimcheck
