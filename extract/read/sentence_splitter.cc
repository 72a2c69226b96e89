#include "extract/read/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "extract/read/byte_words.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace claimcheck {
namespace {

// Bytes the scanner must stop at; everything else is copied over in the fast loop.
constexpr std::array<bool, 256> MakeStopTable() {
  std::array<bool, 256> t{};
  t['\n'] = t['.'] = t['!'] = t['?'] = true;
  t[0xE2] = true;  // … ” ’ and friends
  t[0xE3] = true;  // 。
  t[0xEF] = true;  // ！ ？ (fullwidth)
  return t;
}
constexpr std::array<bool, 256> kStop = MakeStopTable();

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

using WordSet = absl::flat_hash_set<absl::string_view>;

// What a word before a period is: an abbreviation after which the period never ends a
// sentence (a name, number or date always follows: "Mr", "Jan"), one that may also end
// a sentence ("... bought Acme Corp. The deal ..."), or neither.
enum class Abbreviation : uint8_t { kNone, kStrong, kWeak };

// Words of at most 7 bytes, each packed with its length into one number, in an
// open-addressing table: a lookup is a multiply and a compare or two (no string hashing).
class AbbreviationTable {
 public:
  AbbreviationTable() {
    for (absl::string_view w :
         {"Mr",  "Mrs", "Ms",   "Dr",   "Prof", "Gen",  "Sen",  "Rep",    "Gov",    "Lt",
          "Col", "Capt", "Sgt", "Maj",  "Adm",  "Cmdr", "St",   "Mt",     "Rev",    "Hon",
          "Pres", "vs", "v",    "Fig",  "Figs", "fig",  "Vol",  "vol",    "Ch",     "ch",
          "Art", "Sec", "approx", "Approx", "ca", "cf", "Jan",  "Feb",    "Mar",    "Apr",
          "Jun", "Jul", "Aug",  "Sep",  "Sept", "Oct",  "Nov",  "Dec",    "est",    "Est",
          "al",  "pp",  "p",    "Op",   "Ref"}) {
      Add(w, Abbreviation::kStrong);
    }
    for (absl::string_view w :
         {"Inc", "Corp", "Co",  "Ltd",  "Plc",  "PLC", "Bros", "Jr",    "Sr",  "etc",  "Ave",
          "Dept", "Univ", "Assn", "Intl", "Cos", "Pty", "Bhd", "Hldgs", "Mfg", "AG",   "SA",
          "NV"}) {
      Add(w, Abbreviation::kWeak);
    }
  }

  // The kind of the `size` bytes at `w`, in a text readable up to `end`.
  Abbreviation Get(const char* w, size_t size, const char* end) const {
    if (size == 0 || size > 7) return Abbreviation::kNone;
    const uint64_t key = Key(w, size, end);
    for (size_t i = Slot(key);; i = (i + 1) % kSlots) {
      if (keys_[i] == key) return kinds_[i];
      if (keys_[i] == 0) return Abbreviation::kNone;
    }
  }

 private:
  static constexpr size_t kSlots = 256;  // over three times the words: short probes

  // The `size` (1 to 7) bytes at `w` with the size on top. Where 8 bytes from `w` lie
  // before `end` (everywhere but near the end of the text) they are read in one load and
  // masked; otherwise the word's own bytes are copied.
  static uint64_t Key(const char* w, size_t size, const char* end) {
    uint64_t key = 0;
    if (end - w >= 8) {
      std::memcpy(&key, w, 8);
      key &= (uint64_t{1} << (8 * size)) - 1;
    } else {
      std::memcpy(&key, w, size);
    }
    return key | static_cast<uint64_t>(size) << 56;  // never 0
  }
  static size_t Slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 56; }

  void Add(absl::string_view w, Abbreviation kind) {
    char padded[8] = {};
    std::memcpy(padded, w.data(), w.size());
    const uint64_t key = Key(padded, w.size(), padded + sizeof(padded));
    size_t i = Slot(key);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) % kSlots;
    keys_[i] = key;
    kinds_[i] = kind;  // no word is in both lists
  }

  uint64_t keys_[kSlots] = {};
  Abbreviation kinds_[kSlots] = {};
};

// Inlined into both splitting loops (the compiler would not inline it into the one
// compiled for AVX2 by itself). `w` lies in a text readable up to `end`.
__attribute__((always_inline)) inline Abbreviation AbbreviationOf(absl::string_view w,
                                                                  const char* end) {
  static const AbbreviationTable* table = new AbbreviationTable;
  return table->Get(w.data(), w.size(), end);
}

// Words that typically open a sentence; after a weak abbreviation only these start one.
bool IsSentenceOpener(absl::string_view w) {
  static const WordSet* set = new WordSet{
      "The",   "This",    "That",    "These",     "Those", "It",    "Its",   "In",
      "But",   "And",     "He",      "She",       "They",  "We",    "I",     "A",
      "An",    "However", "Meanwhile", "Also",    "On",    "At",    "As",    "For",
      "If",    "While",   "After",   "Since",     "According", "Some", "Many", "Most",
      "There", "Yet",     "So",      "Still",     "Now",   "Last",  "Earlier", "Later",
      "Both",  "Such",    "What",    "When",      "Why",   "How",   "Our",   "Their",
      "His",   "Her",     "By",      "With"};
  return set->contains(w);
}

#ifdef __SSE2__
// The bytes of `v` the scanner must look at (kStop), as 0xFF.
inline __m128i StopBytes(__m128i v) {
  const __m128i newline_or_dot = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('.')));
  const __m128i bang_or_ask = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
                                           _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
  // 0xE2 and 0xE3 differ in the last bit only.
  const __m128i e2_or_e3 = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xFE))),
                                          _mm_set1_epi8(static_cast<char>(0xE2)));
  const __m128i ef = _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEF)));
  return _mm_or_si128(_mm_or_si128(newline_or_dot, bang_or_ask), _mm_or_si128(e2_or_e3, ef));
}
#endif

// Index of the first byte at or after `i` the scanner must look at (kStop), or `n`:
// sixteen bytes a step with SSE2, then byte by byte.
inline size_t NextStopSse2(const unsigned char* d, size_t i, size_t n) {
#ifdef __SSE2__
  for (; i + 32 <= n; i += 32) {
    const __m128i lo = StopBytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i)));
    const __m128i hi = StopBytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i + 16)));
    if (_mm_movemask_epi8(_mm_or_si128(lo, hi)) != 0) {
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(lo)) |
                            static_cast<unsigned>(_mm_movemask_epi8(hi)) << 16;
      return i + static_cast<size_t>(__builtin_ctz(mask));
    }
  }
  if (i + 16 <= n) {
    const unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(StopBytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i)))));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
    i += 16;
  }
#endif
  while (i < n && !kStop[d[i]]) ++i;
  return i;
}

// The stop finder of Splitter::Run on any processor: NextStopSse2.
struct Sse2StopFinder {
  size_t Next(const unsigned char* d, size_t i, size_t n) const { return NextStopSse2(d, i, n); }
};

#if defined(__x86_64__)
// The stop bytes by their two halves (nibbles): each high nibble that starts one (0, 2,
// 3, E) has a bit, and the entry of a low nibble holds the bits of the high nibbles it
// makes a stop byte with. A byte is a stop byte when the entries of its two nibbles share
// a bit: 0x0A (bit 0), 0x21 and 0x2E (bit 1), 0x3F (bit 2), 0xE2, 0xE3 and 0xEF (bit 3).
alignas(16) constexpr uint8_t kStopLowNibbles[16] = {0, 2, 8, 8, 0, 0, 0, 0,
                                                     0, 0, 1, 0, 0, 0, 2, 4 | 8};
alignas(16) constexpr uint8_t kStopHighNibbles[16] = {1, 0, 2, 4, 0, 0, 0, 0,
                                                      0, 0, 0, 0, 0, 0, 8, 0};

// The stop finder of Splitter::RunAvx2, on a processor with AVX2 (asked once, at
// start-up): 32 bytes a step, two byte shuffles looking the nibbles of 32 bytes up in the
// tables above at once. Its functions are meant to be inlined into RunAvx2 (same target),
// so the tables are loaded once per text, not once per stop.
struct Avx2StopFinder {
  __attribute__((target("avx2"))) Avx2StopFinder()
      : low_table(_mm256_broadcastsi128_si256(
            _mm_load_si128(reinterpret_cast<const __m128i*>(kStopLowNibbles)))),
        high_table(_mm256_broadcastsi128_si256(
            _mm_load_si128(reinterpret_cast<const __m128i*>(kStopHighNibbles)))),
        nibble(_mm256_set1_epi8(0x0F)) {}

  // NextStopSse2(d, i, n), the whole 32-byte blocks first.
  __attribute__((target("avx2"))) size_t Next(const unsigned char* d, size_t i,
                                               size_t n) const {
    for (; i + 32 <= n; i += 32) {
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(d + i));
      const __m256i low = _mm256_shuffle_epi8(low_table, _mm256_and_si256(v, nibble));
      const __m256i high =
          _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
      const __m256i plain =
          _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256());
      const uint32_t stops = ~static_cast<uint32_t>(_mm256_movemask_epi8(plain));
      if (stops != 0) return i + static_cast<size_t>(__builtin_ctz(stops));
    }
    return NextStopSse2(d, i, n);
  }

  __m256i low_table;
  __m256i high_table;
  __m256i nibble;
};
#endif

// Letters and the dot: the bytes of a word before a period ("U.S", "Corp", "e.g"). The
// dot has a bit of its own.
enum WordByte : uint8_t { kLetter = 1, kDot = 2 };
constexpr std::array<uint8_t, 256> MakeWordTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = kLetter;
  t['.'] = kDot;
  return t;
}
constexpr std::array<uint8_t, 256> kWordByte = MakeWordTable();

constexpr uint64_t kEachByte = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x80 * kEachByte;

// The high bit of each byte of `x` (all bytes below 0x80) that lies in [lo, hi].
uint64_t BytesInRange(uint64_t x, unsigned char lo, unsigned char hi) {
  return (x + (0x80 - lo) * kEachByte) & ~(x + (0x7F - hi) * kEachByte) & kHighBits;
}

// The word just before text[pos] made of letters and dots ("U.S", "Corp", "e.g");
// `*dotted` tells whether it holds a dot. Eight bytes at a time, backwards.
// Inlined as AbbreviationOf is.
__attribute__((always_inline)) inline absl::string_view WordBefore(absl::string_view text,
                                                                   size_t pos, bool* dotted) {
  const char* d = text.data();
  size_t b = pos;
  bool dot = false;
  while (b >= 8) {
    uint64_t x;
    std::memcpy(&x, d + b - 8, 8);
    const uint64_t ascii = x & ~kHighBits;
    const uint64_t dots = BytesInRange(ascii, '.', '.') & ~x;
    const uint64_t word = (BytesInRange(ascii | (0x20 * kEachByte), 'a', 'z') & ~x) | dots;
    const uint64_t other = ~word & kHighBits;
    if (other == 0) {  // eight word bytes
      dot |= dots != 0;
      b -= 8;
      continue;
    }
    const int last_other = 63 - __builtin_clzll(other);  // the high bit of its byte
    dot |= (dots >> last_other) != 0;  // dots after it (shifting keeps its own bit: 0)
    b = b - 8 + static_cast<size_t>(last_other / 8) + 1;
    *dotted = dot;
    return absl::string_view(d + b, pos - b);
  }
  for (uint8_t kind; b > 0 && (kind = kWordByte[static_cast<unsigned char>(d[b - 1])]) != 0; --b) {
    dot |= (kind & kDot) != 0;
  }
  *dotted = dot;
  return absl::string_view(d + b, pos - b);
}

// The ASCII word starting at text[pos] (letters only).
absl::string_view WordAt(absl::string_view text, size_t pos) {
  const char* d = text.data();
  size_t e = pos;
  while (e < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(d[e]))) ++e;
  return text.substr(pos, e - pos);
}

// First bytes of the marks below, so the scanner rules most bytes out with one lookup.
enum MarkLead : uint8_t { kClosingLead = 1, kOpeningLead = 2, kBulletLead = 4 };
constexpr std::array<uint8_t, 256> MakeMarkLeadTable() {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {'"', '\'', ')', ']'}) t[c] |= kClosingLead;
  for (unsigned char c : {'"', '\'', '(', '['}) t[c] |= kOpeningLead;
  for (unsigned char c : {'-', '*', '+'}) t[c] |= kBulletLead;
  for (int c = '0'; c <= '9'; ++c) t[c] |= kBulletLead;
  t[0xE2] = kClosingLead | kOpeningLead | kBulletLead;  // ” ’ “ ‘ • – — ▪ ●
  t[0xC2] = kClosingLead | kBulletLead;                 // » ·
  return t;
}
constexpr std::array<uint8_t, 256> kMarkLead = MakeMarkLeadTable();

bool MayStart(absl::string_view text, size_t i, MarkLead mark) {
  return (kMarkLead[static_cast<unsigned char>(text.data()[i])] & mark) != 0;
}

// Length of a closing quote/bracket at text[i], or 0.
size_t ClosingLength(absl::string_view text, size_t i) {
  const char* d = text.data();
  char c = d[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
      static_cast<unsigned char>(d[i + 1]) == 0x80) {
    const unsigned char b = static_cast<unsigned char>(d[i + 2]);
    if (b == 0x9D || b == 0x99) return 3;  // ” ’
  }
  if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
      static_cast<unsigned char>(d[i + 1]) == 0xBB) {
    return 2;  // »
  }
  return 0;
}

// Length of an opening quote/bracket at text[i], or 0.
size_t OpeningLength(absl::string_view text, size_t i) {
  const char* d = text.data();
  char c = d[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[') return 1;
  if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
      static_cast<unsigned char>(d[i + 1]) == 0x80) {
    const unsigned char b = static_cast<unsigned char>(d[i + 2]);
    if (b == 0x9C || b == 0x98) return 3;  // “ ‘
  }
  return 0;
}

// Length of a bullet marker ("- ", "• ", "* ", "1. ", "2) ") at text[i], or 0.
size_t BulletLength(absl::string_view text, size_t i) {
  const char* d = text.data();
  size_t n = text.size();
  auto space_at = [&](size_t k) { return k < n && (d[k] == ' ' || d[k] == '\t'); };
  char c = d[i];
  if ((c == '-' || c == '*' || c == '+') && space_at(i + 1)) return 2;
  if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < n) {
    unsigned char b1 = static_cast<unsigned char>(d[i + 1]);
    unsigned char b2 = static_cast<unsigned char>(d[i + 2]);
    // • (E2 80 A2), – (E2 80 93), — (E2 80 94), ▪ (E2 96 AA), ● (E2 97 8F)
    if (((b1 == 0x80 && (b2 == 0xA2 || b2 == 0x93 || b2 == 0x94)) ||
         (b1 == 0x96 && b2 == 0xAA) || (b1 == 0x97 && b2 == 0x8F)) &&
        space_at(i + 3)) {
      return 4;
    }
  }
  if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < n &&
      static_cast<unsigned char>(d[i + 1]) == 0xB7 && space_at(i + 2)) {
    return 3;  // ·
  }
  if (IsDigit(c)) {
    size_t k = i;
    while (k < n && k - i < 3 && IsDigit(d[k])) ++k;
    if (k < n && (d[k] == '.' || d[k] == ')') && space_at(k + 1)) return k + 2 - i;
  }
  return 0;
}

// Whether the line break at text[nl] (next line starting at text[next]) ends a sentence.
// It does unless the text looks hard-wrapped: the line ends inside a sentence (lowercase
// letter, comma, hyphen) and the next one continues in lowercase or with a digit.
bool LineBreakEndsSentence(absl::string_view text, size_t nl, size_t next) {
  const char* d = text.data();
  if (next >= text.size()) return true;
  if (MayStart(text, next, kBulletLead) && BulletLength(text, next) > 0) return true;
  size_t p = nl;
  while (p > 0 && IsBlank(d[p - 1])) --p;
  if (p == 0) return true;
  char prev = d[p - 1];
  char q = d[next];
  bool continues_prev = IsLower(prev) || prev == ',' || prev == '-' || prev == '(' ||
                        prev == ';' || IsDigit(prev);
  bool continues_next = IsLower(q) || IsDigit(q) || q == '(' || q == '$';
  return !(continues_prev && continues_next);
}

class Splitter {
 public:
  // About one sentence in 100 bytes of text: room for most without regrowing.
  Splitter(absl::string_view text, std::vector<TextSpan>* spans)
      : text_(text), d_(text.data()), spans_(*spans) {
    spans_.clear();
    spans_.reserve(text.size() / 64 + 4);
  }

  void Run() {
#if defined(__x86_64__)
    if (kHasAvx2) {
      RunAvx2();
      return;
    }
#endif
    RunWith(Sse2StopFinder());
  }

 private:
#if defined(__x86_64__)
  // Run with the AVX2 stop finder, inlined here with the loop below.
  __attribute__((target("avx2"))) void RunAvx2() { RunWith(Avx2StopFinder()); }
#endif

  // The splitting loop; `finder.Next(d, i, n)` gives the index of the first byte at or
  // after i the loop must look at (kStop), or n. Inlined into each caller, which so
  // compiles it with its own stop finder.
  template <typename StopFinder>
  __attribute__((always_inline)) void RunWith(const StopFinder& finder) {
    const size_t n = text_.size();
    const unsigned char* data = reinterpret_cast<const unsigned char*>(text_.data());
    size_t start = 0;
    size_t i = 0;
    while (i < n) {
      i = finder.Next(data, i, n);
      if (i >= n) break;
      unsigned char c = data[i];
      if (c == '\n') {
        size_t j = i + 1;
        bool blank_line = false;
        while (j < n && (IsBlank(d_[j]) || d_[j] == '\n')) {
          if (d_[j] == '\n') blank_line = true;
          ++j;
        }
        if (blank_line || LineBreakEndsSentence(text_, i, j)) {
          Emit(start, i);
          start = j;
        }
        i = j;
        continue;
      }
      if (c == 0xE3 && i + 2 < n && data[i + 1] == 0x80 && data[i + 2] == 0x82) {
        size_t e = SkipClosing(i + 3);  // 。 ends a sentence without a space
        Emit(start, e);
        start = i = e;
        continue;
      }
      if (c == 0xEF && i + 2 < n && data[i + 1] == 0xBC &&
          (data[i + 2] == 0x81 || data[i + 2] == 0x9F)) {
        size_t e = SkipClosing(i + 3);  // ！ ？
        Emit(start, e);
        start = i = e;
        continue;
      }
      if (c == 0xE2 || c == 0xEF || c == 0xE3) {
        if (!(c == 0xE2 && IsEllipsisAt(i))) {
          ++i;
          continue;
        }
      }
      // A run of terminators: ".", "?!", "...", "…".
      size_t term_begin = i;
      size_t dots = 0;
      bool ellipsis = false;
      bool exclaim = false;
      while (i < n) {
        if (d_[i] == '.') {
          ++dots;
          ++i;
        } else if (d_[i] == '!' || d_[i] == '?') {
          exclaim = true;
          ++i;
        } else if (IsEllipsisAt(i)) {
          ellipsis = true;
          i += 3;
        } else {
          break;
        }
      }
      if (dots >= 2) ellipsis = true;
      size_t end = SkipClosing(i);
      if (end < n && !IsBlank(d_[end]) && d_[end] != '\n') {
        i = end;  // "2.3", "ioplus.nl", "U.S-made": not a boundary
        continue;
      }
      if (IsBoundary(term_begin, end, dots, ellipsis, exclaim)) {
        Emit(start, end);
        start = end;
      }
      i = end;
    }
    Emit(start, n);
  }

  bool IsEllipsisAt(size_t i) const {
    return i + 2 < text_.size() && static_cast<unsigned char>(d_[i]) == 0xE2 &&
           static_cast<unsigned char>(d_[i + 1]) == 0x80 &&
           static_cast<unsigned char>(d_[i + 2]) == 0xA6;
  }

  // True when text_[dot] follows 1-3 digits that open a line: a numbered list item.
  bool IsListNumber(size_t dot) const {
    size_t b = dot;
    while (b > 0 && dot - b < 3 && IsDigit(d_[b - 1])) --b;
    if (b == dot || (b > 0 && IsDigit(d_[b - 1]))) return false;
    while (b > 0 && IsBlank(d_[b - 1])) --b;
    return b == 0 || d_[b - 1] == '\n';
  }

  size_t SkipClosing(size_t i) const {
    while (i < text_.size()) {
      if (!MayStart(text_, i, kClosingLead)) break;
      size_t len = ClosingLength(text_, i);
      if (len == 0) break;
      i += len;
    }
    return i;
  }

  // Decides whether the terminator text_[term_begin, end) ends a sentence; the byte at
  // `end` is whitespace or the end of the text.
  // Inlined as AbbreviationOf is.
  __attribute__((always_inline)) bool IsBoundary(size_t term_begin, size_t end, size_t dots,
                                                 bool ellipsis, bool exclaim) const {
    size_t k = end;
    while (k < text_.size() && (IsBlank(d_[k]) || d_[k] == '\n')) ++k;
    if (k >= text_.size()) return true;
    // Look through an opening quote or bracket at the next word.
    size_t w = k;
    for (size_t len; w < text_.size() && MayStart(text_, w, kOpeningLead) &&
                     (len = OpeningLength(text_, w)) > 0;) {
      w += len;
    }
    char next = w < text_.size() ? d_[w] : ' ';
    if (IsLower(next)) return false;  // "e.g. the", "Yahoo! said", "...some"
    if (ellipsis) return !IsDigit(next) || exclaim;
    if (exclaim) return true;
    if (dots != 1) return true;
    if (IsDigit(next) || next == ',' || next == ';' || next == ':') return false;
    if (IsListNumber(term_begin)) return false;  // "1. Advanced packaging"
    bool dotted = false;  // U.S, e.g, a.m
    absl::string_view word = WordBefore(text_, term_begin, &dotted);
    if (word.empty()) return true;  // "2025." or ")."
    if (word.size() == 1 && IsUpper(word[0])) return false;  // initial: "J. Smith"
    const Abbreviation abbreviation = AbbreviationOf(word, d_ + text_.size());
    if (abbreviation == Abbreviation::kStrong) return false;
    if (dotted || abbreviation == Abbreviation::kWeak) {
      return IsSentenceOpener(WordAt(text_, w));
    }
    return true;
  }

  void Emit(size_t b, size_t e) {
    while (b < e && (IsBlank(d_[b]) || d_[b] == '\n')) ++b;
    while (e > b && (IsBlank(d_[e - 1]) || d_[e - 1] == '\n')) --e;
    if (b < e) {
      size_t bullet = MayStart(text_, b, kBulletLead) ? BulletLength(text_, b) : 0;
      if (bullet > 0 && bullet < e - b) {
        b += bullet;
        while (b < e && IsBlank(d_[b])) ++b;
      }
    }
    if (b < e) spans_.push_back(TextSpan{b, e});
  }

  absl::string_view text_;
  const char* d_;  // text_.data(): indexing it skips the bounds check of string_view
  std::vector<TextSpan>& spans_;
};

}  // namespace

void SplitSentences(absl::string_view text, std::vector<TextSpan>* spans) {
  Splitter(text, spans).Run();
}

std::vector<TextSpan> SplitSentences(absl::string_view text) {
  std::vector<TextSpan> spans;
  SplitSentences(text, &spans);
  return spans;
}

}  // namespace claimcheck
