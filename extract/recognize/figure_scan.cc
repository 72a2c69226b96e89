// The masks of a window: bit k stands for byte base + k. Letters and digits are ASCII
// only; bytes past the end of the text are zero in every mask.
#include "extract/recognize/figure_scan.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "extract/recognize/number_parser.h"
#include "extract/recognize/number_word_table.h"
#include "extract/recognize/number_words.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimcheck {

// Bit L of lengths[Slot(word)]: some word of L letters that may start a figure starts
// with those letters. For a slot and a length that some such word has,
// thirds[row[slot]][L] has bit (c & 31) for the third letter c of each such word of three
// letters or more.
struct StartTables {
  std::array<uint32_t, 32 * 32> lengths = {};
  std::array<uint8_t, 32 * 32> row = {};           // 0: no word of 3+ letters
  std::vector<std::array<uint32_t, 32>> thirds{1};  // row 0 unused
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

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

// The slot of a word's first two letters: a letter's low five bits are 1..26 in either
// case, and 0 stands for "no second letter".
inline size_t Slot(const char* word, bool has_second) {
  const size_t second = has_second ? (word[1] & 31) : 0;
  return (static_cast<size_t>(word[0] & 31) << 5) | second;
}

const StartTables& GetStartTables() {
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

FigureScanner::FigureScanner(absl::string_view text)
    : text_(text), tables_(&GetStartTables()), base_(text.size() + kWindow) {}

void FigureScanner::Load(size_t base) {
  const size_t n = text_.size();
  const char* p = text_.data() + base;
  uint64_t letters = 0, digits = 0, specials = 0;
  uint32_t l, d, s;
  if (n - base >= kWindow) {  // the common case: a whole window, four blocks
    for (size_t b = 0; b < kWindow; b += kBlock) {
      BlockMasks(p + b, &l, &d, &s);
      letters |= uint64_t{l} << b;
      digits |= uint64_t{d} << b;
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
        BlockMasks(text_.data() + n - kBlock, &l, &d, &s);
        l >>= shift, d >>= shift, s >>= shift;
      } else {
        char padded[kBlock] = {};  // NUL bytes are in no mask
        std::memcpy(padded, p + b, n - at);
        BlockMasks(padded, &l, &d, &s);
      }
      letters |= uint64_t{l} << b;
      digits |= uint64_t{d} << b;
      specials |= uint64_t{s} << b;
    }
  }
  const uint64_t alnum = letters | digits;
  const uint64_t alnum_before = base > 0 && IsAsciiAlnum(p[-1]);
  base_ = base;
  letters_ = letters;
  const uint64_t letter_after = base + kWindow < n && IsAsciiLetter(text_[base + kWindow]);
  seconds_ = (letters >> 1) | (letter_after << 63);
  specials_ = specials;
  marks_ = specials & ~digits;
  candidates_ = specials | (letters & ~((alnum << 1) | alnum_before));
}

size_t FigureScanner::Next(size_t pos) {
  const size_t n = text_.size();
  while (pos < n) {
    if (pos - base_ >= kWindow) Load(pos);  // unsigned: also when pos < base_
    const uint64_t mine = candidates_ & (~uint64_t{0} << (pos - base_));
    // Word starts before the first special byte are looked at in turn; the first that
    // passes is the answer, else the special byte (if any) is.
    const uint64_t special = mine & specials_;
    uint64_t words = mine & ~specials_ & (special == 0 ? ~uint64_t{0} : (special & -special) - 1);
    const uint64_t checked = words;
    while (words != 0) {
      const int k = __builtin_ctzll(words);
      if (WordAt(k)) {
        candidates_ &= ~(checked & ((uint64_t{1} << k) - 1));
        return base_ + k;
      }
      words &= words - 1;
    }
    // The answer depends on the text only: rejected words are never asked again.
    candidates_ &= ~checked;
    if (special == 0) {
      pos = base_ + kWindow;
      continue;
    }
    // A digit is the answer; a mark only if it starts a number (tested only when reached:
    // most marks are inside the figures the caller skips).
    const int k = __builtin_ctzll(special);
    const uint64_t bit = uint64_t{1} << k;
    if ((marks_ & bit) == 0 || MarkStartsFigure(text_, base_ + k)) return base_ + k;
    candidates_ &= ~bit;
    specials_ &= ~bit;
    pos = base_ + k + 1;
  }
  return n;
}

bool FigureScanner::WordAt(int k) const {
  const char* word = text_.data() + base_ + k;
  // Most words fail on their first two letters, before their length is counted; most of
  // the rest on their length or third letter.
  const size_t slot = Slot(word, (seconds_ >> k) & 1);
  const uint32_t lengths = tables_->lengths[slot];
  if (lengths == 0) return false;
  const uint64_t rest = letters_ >> k;  // bit 0: the word's first letter
  size_t len = ~rest == 0 ? kWindow : __builtin_ctzll(~rest);  // all ones only if k == 0
  if (k + len == kWindow) {  // the word may go on past the window
    while (base_ + k + len < text_.size() && IsAsciiLetter(word[len])) ++len;
  }
  return PassesLengthAndThird(*tables_, slot, lengths, word, len);
}

}  // namespace claimcheck
