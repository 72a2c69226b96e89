// The masks of a window: bit k stands for byte base + k. Letters and digits are ASCII
// only; bytes past the end of the text are zero in every mask.
#include "extract/recognize/figure_scan.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "extract/read/byte_words.h"  // kHasAvx2
#include "extract/recognize/number_parser.h"
#include "extract/recognize/number_word_table.h"
#include "extract/recognize/number_words.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace claimcheck {

// Bit L of lengths[Slot(word)]: some word of L letters that may start a figure starts
// with those letters. For a slot and a length that some such word has,
// thirds[row[slot]][L] has bit (c & 31) for the third letter c of each such word of three
// letters or more.
// A 32-byte AVX2 operand, kept in memory (StartTables::vectors) so that every window loads
// it rather than building it anew.
struct alignas(32) ByteVector {
  uint8_t bytes[32] = {};
};

// The operands of a byte-range test (InRange in figure_scan.cc).
struct ByteRange {
  ByteVector shift, bound;
};

struct VectorOperands {
  // The pair filter's tables (entries 0-15 and 16-31 of first_groups and second_groups)
  // in both 128-bit lanes, for byte shuffles.
  ByteVector first_low, first_high, second_low, second_high;
  ByteVector case_bit;               // 0x20
  ByteVector lead;                   // 0xE2
  ByteRange letter, digit, dash;     // 'a'-'z', '0'-'9', '-'-'.'
};

struct StartTables {
  std::array<uint32_t, 32 * 32> lengths = {};
  std::array<uint8_t, 32 * 32> row = {};           // 0: no word of 3+ letters
  std::vector<std::array<uint32_t, 32>> thirds{1};  // row 0 unused

  // The pair filter of the AVX2 windows (BuildPairGroups): the words' first letters in at
  // most eight groups. first_groups[c & 31] is the group bit of a first letter c (0 when
  // no such word starts with c), second_groups[c & 31] has the bits of the groups with a
  // word whose second letter is c. A word of two letters or more passes when its first
  // letter's group bit is among its second letter's groups: every word
  // WordMayStartFigure accepts does, and most others do not.
  std::array<uint8_t, 32> first_groups = {};
  std::array<uint8_t, 32> second_groups = {};
  VectorOperands vectors;
};

namespace {

constexpr size_t kWindow = 64;
constexpr size_t kBlock = 16;

// Masks of the 16 bytes at p: letters [A-Za-z], digits [0-9], and specials, the
// bytes that are candidates whatever precedes them ([0-9], '.', '-', 0xC2, 0xE2).
#if defined(__SSE2__)
void BlockMasks(const char* p, uint32_t* letters, uint32_t* digits, uint32_t* specials) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // x - lo <= hi - lo (unsigned) exactly when min(x - lo, hi - lo) == x - lo. OR-ing 0x20
  // maps 'A'..'Z' onto 'a'..'z' and no other byte into that range.
  auto in_range = [](__m128i x, char lo, char hi) {
    const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
  };
  const __m128i letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
  const __m128i digit = in_range(v, '0', '9');
  const __m128i punct = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
  const __m128i lead = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))),
                                    _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2))));
  *letters = static_cast<uint32_t>(_mm_movemask_epi8(letter));
  *digits = static_cast<uint32_t>(_mm_movemask_epi8(digit));
  *specials = static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_or_si128(digit, _mm_or_si128(punct, lead))));
}
#else
void BlockMasks(const char* p, uint32_t* letters, uint32_t* digits, uint32_t* specials) {
  *letters = *digits = *specials = 0;
  for (size_t k = 0; k < kBlock; ++k) {
    const unsigned char c = static_cast<unsigned char>(p[k]);
    const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    const bool digit = c >= '0' && c <= '9';
    *letters |= static_cast<uint32_t>(letter) << k;
    *digits |= static_cast<uint32_t>(digit) << k;
    *specials |= static_cast<uint32_t>(digit || c == '.' || c == '-' || c == 0xC2 ||
                                       c == 0xE2) << k;
  }
}
#endif

// The raw masks of up to 64 bytes (bit k: byte k), before FigureScanner::Load combines them.
struct RawMasks {
  uint64_t letters = 0, digits = 0, marks = 0;
  uint64_t pairs = ~uint64_t{0};  // words that pass the pair filter (all without AVX2)
};

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

// Fills *w, the window at `base` of `text` (< text size), from its raw masks `m`.
inline void FinishWindow(absl::string_view text, size_t base, const RawMasks& m,
                         ScanWindow* w) {
  const char* p = text.data() + base;
  const uint64_t alnum = m.letters | m.digits;
  const uint64_t alnum_before = base > 0 && IsAsciiAlnum(p[-1]);
  const uint64_t letter_after = base + kWindow < text.size() && IsAsciiLetter(p[kWindow]);
  w->base = base;
  w->letters = m.letters;
  w->seconds = (m.letters >> 1) | (letter_after << 63);
  w->specials = m.digits | m.marks;
  w->marks = m.marks;
  // The pair filter holds only for two letters: a word of one letter, or at the window's
  // last byte (the filter read none after it), passes (WordAt decides).
  const uint64_t pairs = m.pairs | ~w->seconds | uint64_t{1} << 63;
  w->candidates = w->specials | (m.letters & ~((alnum << 1) | alnum_before) & pairs);
}

// The slot of a word's first two letters: a letter's low five bits are 1..26 in either
// case, and 0 stands for "no second letter".
inline size_t Slot(const char* word, bool has_second) {
  const size_t second = has_second ? (word[1] & 31) : 0;
  return (static_cast<size_t>(word[0] & 31) << 5) | second;
}

// Fills the pair filter's tables of *t from `words` (lower case). Each first letter starts
// in a group of its own; while there are more than eight groups, the two whose sets of
// second letters have the smallest union are merged (the first such pair in letter
// order), so that few pairs no word starts with pass. Any grouping keeps every word.
void BuildPairGroups(const std::vector<std::string>& words, StartTables* t) {
  struct Group {
    uint32_t firsts = 0;   // bit c & 31 for each first letter c
    uint32_t seconds = 0;  // bit c & 31 for each second letter c; bit 0: no second letter
  };
  std::vector<Group> groups;
  for (uint32_t c = 1; c <= 26; ++c) {
    Group g;
    for (const std::string& w : words) {
      if (w.empty() || static_cast<uint32_t>(w[0] & 31) != c) continue;
      g.firsts = uint32_t{1} << c;
      g.seconds |= uint32_t{1} << (w.size() > 1 ? (w[1] & 31) : 0);
    }
    if (g.firsts != 0) groups.push_back(g);
  }
  while (groups.size() > 8) {
    size_t best_i = 0, best_j = 1;
    int best = 33;
    for (size_t i = 0; i < groups.size(); ++i) {
      for (size_t j = i + 1; j < groups.size(); ++j) {
        const int size = __builtin_popcount(groups[i].seconds | groups[j].seconds);
        if (size < best) best = size, best_i = i, best_j = j;
      }
    }
    groups[best_i].firsts |= groups[best_j].firsts;
    groups[best_i].seconds |= groups[best_j].seconds;
    groups.erase(groups.begin() + static_cast<std::ptrdiff_t>(best_j));
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    const uint8_t bit = static_cast<uint8_t>(1u << g);
    for (int c = 1; c < 32; ++c) {  // bit 0 of seconds: one-letter words, which all pass
      if (groups[g].firsts >> c & 1) t->first_groups[c] |= bit;
      if (groups[g].seconds >> c & 1) t->second_groups[c] |= bit;
    }
  }
}

// Fills t->vectors, given the pair filter's tables.
void FillVectorOperands(StartTables* t) {
  VectorOperands& v = t->vectors;
  auto fill = [](ByteVector* vector, int byte) {
    std::memset(vector->bytes, static_cast<unsigned char>(byte), sizeof(vector->bytes));
  };
  auto range = [&fill](ByteRange* r, char lo, char hi) {
    fill(&r->shift, 0x80 - lo);
    fill(&r->bound, -128 + (hi - lo) + 1);
  };
  for (size_t k = 0; k < 32; ++k) {
    v.first_low.bytes[k] = t->first_groups[k % 16];
    v.first_high.bytes[k] = t->first_groups[16 + k % 16];
    v.second_low.bytes[k] = t->second_groups[k % 16];
    v.second_high.bytes[k] = t->second_groups[16 + k % 16];
  }
  fill(&v.case_bit, 0x20);
  fill(&v.lead, 0xE2);
  range(&v.letter, 'a', 'z');
  range(&v.digit, '0', '9');
  range(&v.dash, '-', '.');
}

// Out of line: a scanner's constructor only calls it (its first call builds the tables).
__attribute__((noinline)) const StartTables& GetStartTables() {
  static const StartTables* tables = [] {
    auto* t = new StartTables;
    for (int c0 = 0; c0 < 26; ++c0) {
      for (int c1 = 0; c1 <= 26; ++c1) {
        const char word[2] = {static_cast<char>('a' + c0), static_cast<char>('a' + c1)};
        const unsigned char second = c1 == 26 ? 0 : static_cast<unsigned char>(word[1]);
        t->lengths[Slot(word, c1 != 26)] =
            StartWordLengths(static_cast<unsigned char>(word[0]), second);
      }
    }
    // The words themselves for their third letters: the number words a figure may start
    // with (Words() holds them lower-case), and "per", "percent", "percents" ("per cent of
    // 10", "percent of 20").
    std::vector<std::string> words = {"per", "percent", "percents"};
    for (const auto& [word, info] : number_word_table::Words()) {
      if (CanStartNumberWord(word)) words.push_back(word);
    }
    BuildPairGroups(words, t);
    FillVectorOperands(t);
    for (const std::string& w : words) {
      const size_t slot = Slot(w.data(), w.size() > 1);
      if (w.size() < 32) t->lengths[slot] |= uint32_t{1} << w.size();
      if (w.size() < 3 || w.size() >= 32) continue;
      if (t->row[slot] == 0) {
        t->row[slot] = static_cast<uint8_t>(t->thirds.size());
        t->thirds.emplace_back();
      }
      t->thirds[t->row[slot]][w.size()] |= uint32_t{1} << (w[2] & 31);
    }
    return t;
  }();
  return *tables;
}

// Whether the word of `len` ASCII letters at `word`, whose slot's lengths are `lengths`,
// passes the length and third-letter tests.
inline bool PassesLengthAndThird(const StartTables& t, size_t slot, uint32_t lengths,
                                 const char* word, size_t len) {
  if (len >= 32 || !(lengths >> len & 1)) return false;
  return len < 3 || (t.thirds[t.row[slot]][len] >> (word[2] & 31) & 1);
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) inline __m256i Vec(const ByteVector& v) {
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(v.bytes));
}

// Bytes c with lo <= c <= hi, as a vector of 0xFF / 0x00, given range.shift = 0x80 - lo
// (which moves lo to -128, signed) and range.bound = -128 + (hi - lo) + 1.
__attribute__((target("avx2"))) inline __m256i InRange(__m256i x, const ByteRange& range) {
  return _mm256_cmpgt_epi8(Vec(range.bound), _mm256_add_epi8(x, Vec(range.shift)));
}

// Entry (c & 31) of a 32-entry table for each byte c below 0x80 (0 from 0x80 up): `low`
// holds entries 0-15, `high` entries 16-31, both in each 128-bit lane. The entry depends
// on bits 0-4 only, so a letter gets the same one in either case.
__attribute__((target("avx2"))) inline __m256i Lookup32(__m256i x, __m256i low, __m256i high) {
  // The shuffles index by bits 0-3 (bit 7 gives 0); the blend picks by bit 7 of each
  // byte of its mask, which the 16-bit shift fills with bit 4 of the same byte.
  return _mm256_blendv_epi8(_mm256_shuffle_epi8(low, x), _mm256_shuffle_epi8(high, x),
                            _mm256_slli_epi16(x, 3));
}

// The masks of one 32-byte block: `x` its bytes, `y` the bytes one further on. Bit k of
// pairs: the first-letter group of byte k is among the groups of byte k + 1 as a second
// letter; it means something only when both are letters.
__attribute__((target("avx2"))) inline RawMasks BlockMasks32(__m256i x, __m256i y,
                                                            const VectorOperands& v) {
  RawMasks m;
  // OR-ing 0x20 maps 'A'..'Z' onto 'a'..'z', 0xC2 onto 0xE2, and no other byte onto either.
  const __m256i lower = _mm256_or_si256(x, Vec(v.case_bit));
  const __m256i lead = _mm256_cmpeq_epi8(lower, Vec(v.lead));
  m.letters = static_cast<uint32_t>(_mm256_movemask_epi8(InRange(lower, v.letter)));
  m.digits = static_cast<uint32_t>(_mm256_movemask_epi8(InRange(x, v.digit)));
  m.marks = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(InRange(x, v.dash), lead)));
  const __m256i groups =
      _mm256_and_si256(Lookup32(x, Vec(v.first_low), Vec(v.first_high)),
                       Lookup32(y, Vec(v.second_low), Vec(v.second_high)));
  m.pairs = ~static_cast<uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(groups, _mm256_setzero_si256())));
  return m;
}

// The block's bytes one further on, zero after its last.
__attribute__((target("avx2"))) inline __m256i NextBytes(__m256i x) {
  // Per 128-bit lane: the lane's bytes 1-15, then the first byte of the lane above.
  return _mm256_alignr_epi8(_mm256_permute2x128_si256(x, x, 0x81), x, 1);
}

// The masks of the 32 bytes at `p`, all readable. The byte after them is read as none:
// bit 31 of pairs is set, the filter undecided there.
__attribute__((target("avx2"))) inline RawMasks Block32At(const char* p,
                                                         const VectorOperands& v) {
  const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  RawMasks m = BlockMasks32(x, NextBytes(x), v);
  m.pairs |= uint64_t{1} << 31;
  return m;
}

// The masks of the `len` (< 32) bytes at `p`, copied to a block with NUL bytes after them.
__attribute__((target("avx2"), noinline)) RawMasks ShortBlock(const char* p, size_t len,
                                                             const VectorOperands& v) {
  __m256i x = _mm256_setzero_si256();
  std::memcpy(&x, p, len);
  return BlockMasks32(x, NextBytes(x), v);
}

// The masks of the `len` bytes at `p` (bit k: byte k), with AVX2: the whole window of 64
// when len >= 64, else the text ends after them and `p - start` bytes precede them.
// Blocks are loaded inside the text only: the end of a short window is read as part of
// the last 64 or 32 bytes of the text, and the masks shifted.
__attribute__((target("avx2"))) inline RawMasks WindowMasksAvx2(const char* start,
                                                                const char* p, size_t len,
                                                                const VectorOperands& v) {
  const size_t before = static_cast<size_t>(p - start);
  if (len >= 64 || before + len >= 64) {
    const char* q = len >= 64 ? p : p + len - 64;  // 64 bytes ending where the text does
    const __m256i x0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
    const __m256i x1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + 32));
    // The first block one byte further on ends with the second's first byte.
    const __m256i y0 = _mm256_alignr_epi8(_mm256_permute2x128_si256(x0, x1, 0x21), x0, 1);
    const RawMasks low = BlockMasks32(x0, y0, v);
    const RawMasks high = BlockMasks32(x1, NextBytes(x1), v);
    const size_t shift = static_cast<size_t>(p - q);  // 0 for a whole window
    RawMasks m;
    m.letters = (low.letters | high.letters << 32) >> shift;
    m.digits = (low.digits | high.digits << 32) >> shift;
    m.marks = (low.marks | high.marks << 32) >> shift;
    m.pairs = (low.pairs | high.pairs << 32) >> shift;
    return m;
  }
  if (before + len < 32) return ShortBlock(p, len, v);
  // 32 to 63 bytes of text in all: the last 32 of them, shifted, and the 32 from p when
  // the window is longer.
  RawMasks m = Block32At(p + len - 32, v);
  if (len <= 32) {
    const size_t shift = 32 - len;
    m.letters >>= shift, m.digits >>= shift, m.marks >>= shift, m.pairs >>= shift;
    return m;
  }
  const RawMasks head = Block32At(p, v);
  const size_t shift = len - 32;
  m.letters = head.letters | m.letters << shift;
  m.digits = head.digits | m.digits << shift;
  m.marks = head.marks | m.marks << shift;
  m.pairs = head.pairs | m.pairs << shift;
  return m;
}

// FigureScanner::Load with AVX2.
__attribute__((target("avx2"))) void LoadWindowAvx2(absl::string_view text, size_t base,
                                                   const StartTables& t, ScanWindow* w) {
  const char* p = text.data() + base;
  FinishWindow(text, base, WindowMasksAvx2(text.data(), p, text.size() - base, t.vectors), w);
}
#endif  // defined(__x86_64__)

// The masks of the window of `base` in a text of `n` bytes at `p - base`, sixteen bytes at
// a time (SSE2); every word passes the pair filter.
RawMasks WindowMasksSse2(const char* p, size_t base, size_t n) {
  RawMasks m;
  uint64_t specials = 0;
  uint32_t l, d, s;
  if (n - base >= kWindow) {  // the common case: a whole window, four blocks
    for (size_t b = 0; b < kWindow; b += kBlock) {
      BlockMasks(p + b, &l, &d, &s);
      m.letters |= uint64_t{l} << b;
      m.digits |= uint64_t{d} << b;
      specials |= uint64_t{s} << b;
    }
  } else {
    for (size_t b = 0; base + b < n; b += kBlock) {
      const size_t at = base + b;
      if (at + kBlock <= n) {
        BlockMasks(p + b, &l, &d, &s);
      } else if (n >= kBlock) {
        // The last 16 bytes of the text, shifted so that bit 0 is the byte at `at`.
        const int shift = static_cast<int>(at + kBlock - n);
        BlockMasks(p - base + n - kBlock, &l, &d, &s);
        l >>= shift, d >>= shift, s >>= shift;
      } else {
        char padded[kBlock] = {};  // NUL bytes are in no mask
        std::memcpy(padded, p + b, n - at);
        BlockMasks(padded, &l, &d, &s);
      }
      m.letters |= uint64_t{l} << b;
      m.digits |= uint64_t{d} << b;
      specials |= uint64_t{s} << b;
    }
  }
  m.marks = specials & ~m.digits;
  return m;
}

// FigureScanner::Load without AVX2 (out of line: Load, inlined where it is asked, only
// chooses).
__attribute__((noinline)) void LoadWindowSse2(absl::string_view text, size_t base,
                                              ScanWindow* w) {
  FinishWindow(text, base, WindowMasksSse2(text.data() + base, base, text.size()), w);
}

}  // namespace

bool MarkStartsFigure(absl::string_view text, size_t i) {
  const char* t = text.data();
  const size_t n = text.size();
  auto digit = [&](size_t k) { return k < n && t[k] >= '0' && t[k] <= '9'; };
  switch (t[i]) {
    case '.':
      return digit(i + 1) && (i == 0 || !IsAsciiAlnum(t[i - 1]));
    case '-':
      return (i == 0 || t[i - 1] == ' ' || t[i - 1] == '(') &&
             (digit(i + 1) || (i + 1 < n && t[i + 1] == ' ' && digit(i + 2)));
    case '\xC2':
    case '\xE2': {
      size_t len = 0;
      return VulgarFractionAt(text, i, &len) > 0;
    }
    default:
      return false;
  }
}

bool WordMayStartFigure(const char* word, size_t len) {
  if (len == 0) return false;
  const StartTables& t = GetStartTables();
  const size_t slot = Slot(word, len > 1);
  return PassesLengthAndThird(t, slot, t.lengths[slot], word, len);
}

FigureScanner::FigureScanner(absl::string_view text, bool allow_avx2)
    : text_(text), tables_(nullptr) {
  w_.base = text.size() + kWindow;
#if defined(__x86_64__)
  avx2_ = allow_avx2 && kHasAvx2;
#else
  (void)allow_avx2;
#endif
  tables_ = &GetStartTables();  // last: nothing else is kept across the call
}

inline void FigureScanner::Load(size_t base) {
#if defined(__x86_64__)
  if (avx2_) {
    LoadWindowAvx2(text_, base, *tables_, &w_);
    return;
  }
#endif
  LoadWindowSse2(text_, base, &w_);
}

size_t FigureScanner::Next(size_t pos) {
  const size_t n = text_.size();
  while (pos < n) {
    if (pos - w_.base >= kWindow) Load(pos);  // unsigned: also when pos < w_.base
    const uint64_t mine = w_.candidates & (~uint64_t{0} << (pos - w_.base));
    // Word starts before the first special byte are looked at in turn; the first that
    // passes is the answer, else the special byte (if any) is.
    const uint64_t special = mine & w_.specials;
    uint64_t words = mine & ~w_.specials & (special == 0 ? ~uint64_t{0} : (special & -special) - 1);
    const uint64_t checked = words;
    while (words != 0) {
      const int k = __builtin_ctzll(words);
      if (WordAt(k)) {
        w_.candidates &= ~(checked & ((uint64_t{1} << k) - 1));
        return w_.base + k;
      }
      words &= words - 1;
    }
    // The answer depends on the text only: rejected words are never asked again.
    w_.candidates &= ~checked;
    if (special == 0) {
      pos = w_.base + kWindow;
      continue;
    }
    // A digit is the answer; a mark only if it starts a number (tested only when reached:
    // most marks are inside the figures the caller skips).
    const int k = __builtin_ctzll(special);
    const uint64_t bit = uint64_t{1} << k;
    if ((w_.marks & bit) == 0 || MarkStartsFigure(text_, w_.base + k)) return w_.base + k;
    w_.candidates &= ~bit;
    w_.specials &= ~bit;
    pos = w_.base + k + 1;
  }
  return n;
}

bool FigureScanner::WordAt(int k) const {
  const char* word = text_.data() + w_.base + k;
  // Most words fail on their first two letters, before their length is counted; most of
  // the rest on their length or third letter.
  const size_t slot = Slot(word, (w_.seconds >> k) & 1);
  const uint32_t lengths = tables_->lengths[slot];
  if (lengths == 0) return false;
  const uint64_t rest = w_.letters >> k;  // bit 0: the word's first letter
  size_t len = ~rest == 0 ? kWindow : __builtin_ctzll(~rest);  // all ones only if k == 0
  if (k + len == kWindow) {  // the word may go on past the window
    while (w_.base + k + len < text_.size() && IsAsciiLetter(word[len])) ++len;
  }
  return PassesLengthAndThird(*tables_, slot, lengths, word, len);
}

}  // namespace claimcheck
