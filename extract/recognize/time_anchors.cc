#include "extract/recognize/time_anchors.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "extract/read/byte_words.h"

namespace claimcheck {

LowerWordSet::LowerWordSet(absl::string_view words) {
  for (absl::string_view w : absl::StrSplit(words, '|', absl::SkipEmpty())) {
    const char c = absl::ascii_tolower(static_cast<unsigned char>(w[0]));
    if (c < 'a' || c > 'z') continue;
    std::vector<std::string>& bucket = by_letter_[c - 'a'];
    std::string lower = absl::AsciiStrToLower(w);
    if (std::find(bucket.begin(), bucket.end(), lower) == bucket.end()) {
      bucket.push_back(std::move(lower));
    }
  }
}

namespace {

// The most words (runs of letters and digits) an expression holds before its first
// anchor, read from the patterns of time_recognizer.cc: five in "in the past couple of
// years" (kNextPeriod); four in "in the third fiscal quarter" (kQuarter) and "in the
// next two years"; three or fewer in every other family ("as of" is an anchor itself).
constexpr int kMaxWordsBeforeAnchor = 5;


// The words "year", "quarter", "half", "decade" and "month" are part of an expression
// only after an ordinal ("third quarter", "first half"), a direction ("last year", "the
// current quarter"), a count ("next two years", "past 12 months", "couple of years") or
// "fiscal"/"financial", with blanks or hyphens between. True when the word before
// position i is one of those (a superset: any "of", any one- or two-digit number).
bool PeriodWordBefore(absl::string_view text, size_t i) {
  size_t e = i;
  while (e > 0 && (IsRe2Blank(text[e - 1]) || text[e - 1] == '-')) --e;
  if (e == i) return false;
  size_t b = e;
  while (b > 0 && absl::ascii_isalnum(static_cast<unsigned char>(text[b - 1]))) --b;
  const absl::string_view w = text.substr(b, e - b);
  if (w.empty()) return false;
  if (w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c));
      })) {
    return true;
  }
  static const LowerWordSet* kWords = new LowerWordSet(
      "last|this|next|previous|current|past|coming|following|fiscal|financial|first|second|"
      "third|fourth|final|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
      "fifteen|twenty|of");
  if (kWords->Contains(w)) return true;
  // "1st".."4th".
  return w.size() == 3 && w[0] >= '1' && w[0] <= '4' &&
         absl::EqualsIgnoreCase(w.substr(1), w[0] == '1'   ? "st"
                                             : w[0] == '2' ? "nd"
                                             : w[0] == '3' ? "rd"
                                                           : "th");
}

// A necessary condition for TimeAnchorAt(text, i) on its first three bytes (c1, c2 =
// '\0' past the end): most words starting with an anchor letter ("and", "has", "more",
// "deal", "12") stop here. Keywords in any case: "year", "quarter", "half", "decade",
// "month", "as" + blank, "q1".."q4", "h1"/"h2", "fy"; months as written (Jan, Feb, Mar,
// May, Apr, Jun, Jul, Aug, Sep, Oct, Nov, Dec); digits: "19"/"20", "1q".."4q", "1h"/"2h".
inline bool MayAnchor(char c, char c1, char c2) {
  const char l1 = static_cast<char>(c1 | 0x20);
  const char l2 = static_cast<char>(c2 | 0x20);
  switch (c) {
    case '1': return c1 == '9' || l1 == 'q' || l1 == 'h';
    case '2': return c1 == '0' || l1 == 'q' || l1 == 'h';
    case '3': case '4': return l1 == 'q';
    case 'q': case 'Q': return (c1 >= '1' && c1 <= '4') || (l1 == 'u' && l2 == 'a');
    case 'h': case 'H': return c1 == '1' || c1 == '2' || (l1 == 'a' && l2 == 'l');
    case 'f': return l1 == 'y';
    case 'F': return l1 == 'y' || (c1 == 'e' && c2 == 'b');
    case 'y': case 'Y': return l1 == 'e' && l2 == 'a';
    case 'd': case 'D': return l1 == 'e' && l2 == 'c';
    case 'm': return l1 == 'o' && l2 == 'n';
    case 'M': return (l1 == 'o' && l2 == 'n') || (c1 == 'a' && (c2 == 'r' || c2 == 'y'));
    case 'a': return l1 == 's' && IsRe2Blank(c2);
    case 'A':
      return (l1 == 's' && IsRe2Blank(c2)) || (c1 == 'p' && c2 == 'r') ||
             (c1 == 'u' && c2 == 'g');
    case 'J': return (c1 == 'a' && c2 == 'n') || (c1 == 'u' && (c2 == 'n' || c2 == 'l'));
    case 'S': return c1 == 'e' && c2 == 'p';
    case 'O': return c1 == 'c' && c2 == 't';
    case 'N': return c1 == 'o' && c2 == 'v';
    default: return false;
  }
}

// The bytes that may begin an anchor (a digit 1-4 or one of "qQhHfFyYdDmMaAJSON"; see
// MayAnchor), the first bytes of U+017F and U+212A, and the word bytes ([0-9A-Za-z_],
// RE2's \b), as FirstTimeAnchor's byte table has them.
constexpr bool MayBeginAnchor(int b) {
  const char* const letters = "1234qQhHfFyYdDmMaAJSON";
  for (const char* l = letters; *l != '\0'; ++l) {
    if (b == static_cast<unsigned char>(*l)) return true;
  }
  return false;
}
constexpr bool FoldFirstByte(int b) { return b == 0xC5 || b == 0xE2; }
constexpr bool WordByte(int b) {
  return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
         b == '_';
}

#if defined(__x86_64__)
// A set of bytes by their two halves (nibbles), for a byte shuffle to test 32 bytes at
// once: each high nibble that starts a member has a bit of its own (at most eight), and
// the entry of a low nibble holds the bits of the high nibbles it makes a member with. A
// byte is a member when the entries of its two nibbles share a bit.
struct NibbleSet {
  alignas(16) uint8_t low[16] = {};
  alignas(16) uint8_t high[16] = {};
};
constexpr NibbleSet MakeNibbleSet(bool (*member)(int)) {
  NibbleSet set;
  int bits = 0;
  for (int h = 0; h < 16; ++h) {
    for (int l = 0; l < 16; ++l) {
      if (!member(h << 4 | l)) continue;
      if (set.high[h] == 0) set.high[h] = static_cast<uint8_t>(bits < 8 ? 1 << bits++ : 0);
      set.low[l] = static_cast<uint8_t>(set.low[l] | set.high[h]);
    }
  }
  return set;
}
// True when `set` holds exactly the bytes `member` says (false when they need more than
// eight high-nibble bits).
constexpr bool Holds(const NibbleSet& set, bool (*member)(int)) {
  for (int b = 0; b < 256; ++b) {
    if (((set.low[b & 15] & set.high[b >> 4]) != 0) != member(b)) return false;
  }
  return true;
}
constexpr bool LookedAt(int b) { return MayBeginAnchor(b) || FoldFirstByte(b); }
constexpr NibbleSet kWordBytes = MakeNibbleSet(WordByte);
constexpr NibbleSet kLookedAtBytes = MakeNibbleSet(LookedAt);
static_assert(Holds(kWordBytes, WordByte), "word bytes by nibbles");
static_assert(Holds(kLookedAtBytes, LookedAt), "looked-at bytes by nibbles");

// For the 32 bytes at p: the bytes FirstTimeAnchor looks at (those that may begin an
// anchor at a word start, the byte before p being a word byte when *word_before is 1,
// and the first bytes of U+017F and U+212A anywhere), as a mask; sets *word_before for
// the next 32 bytes. Only on a processor with AVX2 (kHasAvx2).
__attribute__((target("avx2"))) uint32_t LookAt32(const char* p, uint32_t* word_before) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i low = _mm256_and_si256(v, nibble);
  const __m256i high = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
  // The members of each set: the bytes whose two table entries share a bit.
  const __m256i zero = _mm256_setzero_si256();
  const __m256i word_low = _mm256_shuffle_epi8(
      _mm256_broadcastsi128_si256(
          _mm_load_si128(reinterpret_cast<const __m128i*>(kWordBytes.low))),
      low);
  const __m256i word_high = _mm256_shuffle_epi8(
      _mm256_broadcastsi128_si256(
          _mm_load_si128(reinterpret_cast<const __m128i*>(kWordBytes.high))),
      high);
  const uint32_t word = ~static_cast<uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(word_low, word_high), zero)));
  const __m256i looked_low = _mm256_shuffle_epi8(
      _mm256_broadcastsi128_si256(
          _mm_load_si128(reinterpret_cast<const __m128i*>(kLookedAtBytes.low))),
      low);
  const __m256i looked_high = _mm256_shuffle_epi8(
      _mm256_broadcastsi128_si256(
          _mm_load_si128(reinterpret_cast<const __m128i*>(kLookedAtBytes.high))),
      high);
  const uint32_t looked = ~static_cast<uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(looked_low, looked_high), zero)));
  const uint32_t starts = word & ~((word << 1) | *word_before);
  *word_before = word >> 31;
  // A byte looked at that is no word byte is a first byte of U+017F or U+212A.
  return looked & (starts | ~word);
}
#endif

}  // namespace

bool TimeAnchorAt(absl::string_view text, size_t i) {
  const size_t n = text.size();
  const char c = text[i];
  const char c1 = i + 1 < n ? text[i + 1] : '\0';
  auto digit = [](char d) { return d >= '0' && d <= '9'; };
  if (digit(c)) {
    if ((c == '1' && c1 == '9') || (c == '2' && c1 == '0')) {
      return i + 3 < n && digit(text[i + 2]) && digit(text[i + 3]);
    }
    return (c >= '1' && c <= '4' && (c1 | 0x20) == 'q') ||
           ((c == '1' || c == '2') && (c1 | 0x20) == 'h');
  }
  // c is an ASCII letter here. The letters of its word:
  size_t we = i;
  while (we < n && absl::ascii_isalpha(static_cast<unsigned char>(text[we]))) ++we;
  const absl::string_view w = text.substr(i, we - i);
  const bool word_ends = we == n || !(absl::ascii_isdigit(static_cast<unsigned char>(text[we])) ||
                                      text[we] == '_');  // \b after the letters
  // kMonth reads its month case-sensitively, as a whole word.
  if (c >= 'A' && c <= 'Z' && word_ends && w.size() >= 3 && w.size() <= 9) {
    static const std::vector<std::string>* kMonthNames =
        new std::vector<std::string>(absl::StrSplit(CLAIMCHECK_MONTH_SPELLINGS, '|'));
    for (const std::string& m : *kMonthNames) {
      if (m.size() == w.size() && m[1] == w[1] && m[0] == w[0] &&
          std::equal(m.begin() + 2, m.end(), w.begin() + 2)) {
        return true;
      }
    }
  }
  const char l0 = static_cast<char>(c | 0x20);
  if (l0 == 'q' && c1 >= '1' && c1 <= '4') return true;
  if (l0 == 'h' && (c1 == '1' || c1 == '2')) return true;
  if (l0 == 'f' && (c1 | 0x20) == 'y') return true;
  // A keyword (lower case) at i, in any case.
  auto word = [&](absl::string_view w) {
    if (i + w.size() > n) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      if (absl::ascii_tolower(static_cast<unsigned char>(text[i + k])) != w[k]) return false;
    }
    return true;
  };
  // "year", "month", "decade" end their word ("years?\b"); "quarter" and "half" may be
  // followed by a year with no blank ("quarter2024").
  auto whole = [&](absl::string_view singular) {
    return word_ends &&
           (w.size() == singular.size() ||
            (w.size() == singular.size() + 1 && (w.back() | 0x20) == 's')) &&
           word(singular);
  };
  switch (l0) {
    case 'y': return whole("year") && PeriodWordBefore(text, i);
    case 'q': return word("quarter") && PeriodWordBefore(text, i);
    case 'h': return word("half") && PeriodWordBefore(text, i);
    case 'd': return whole("decade") && PeriodWordBefore(text, i);
    case 'm': return whole("month") && PeriodWordBefore(text, i);
    case 'a': {
      if (!word("as")) return false;
      size_t k = i + 2;
      while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' ||
                       text[k] == '\f' || text[k] == '\r')) {
        ++k;
      }
      return k > i + 2 && k + 2 <= n && (text[k] | 0x20) == 'o' && (text[k + 1] | 0x20) == 'f';
    }
    default: return false;
  }
}

size_t FirstTimeAnchor(absl::string_view text, size_t pos, bool* folds) {
  *folds = false;
  // Bit 1: word byte ([0-9A-Za-z_], RE2's \b); 2: first byte of U+017F (C5 BF) or U+212A
  // (E2 84 AA), which (?i) matches as 's' and 'k' (every other non-ASCII byte is outside
  // every expression: the en dash of "2019–2021" comes after the year, the first anchor);
  // 4: may begin an anchor.
  static const auto* kFlags = [] {
    auto* t = new std::array<unsigned char, 256>();
    for (int b = 0; b < 256; ++b) {
      (*t)[b] = static_cast<unsigned char>((WordByte(b) ? 1 : 0) | (FoldFirstByte(b) ? 2 : 0) |
                                           (MayBeginAnchor(b) ? 4 : 0));
    }
    return t;
  }();
  const size_t n = text.size();
  // Raw reads (string_view's operator[] checks bounds): every k below is under n.
  const char* const d = text.data();
  auto flags = [&](size_t k) { return (*kFlags)[static_cast<unsigned char>(d[k])]; };
  auto folds_at = [&](size_t k) {  // U+017F or U+212A at k
    return text.substr(k, 2) == "\xC5\xBF" || text.substr(k, 3) == "\xE2\x84\xAA";
  };
  // Looks at byte k, a word start or a non-ASCII byte: true when an anchor starts there.
  // Sets *fold when U+017F or U+212A starts there.
  auto anchor_at = [&](size_t k, bool* fold) {
    const unsigned f = flags(k);
    if (f & 2) {
      *fold = folds_at(k);
      return false;
    }
    return (f & 4) &&
           MayAnchor(text[k], k + 1 < n ? text[k + 1] : '\0', k + 2 < n ? text[k + 2] : '\0') &&
           TimeAnchorAt(text, k);
  };
  size_t a = pos;
  bool fold = false;
  bool found = false;
  // Looks at byte k, a word start that may begin an anchor or a non-ASCII byte: 1 when an
  // anchor starts there, 2 when U+017F or U+212A does, else 0.
  auto look_at = [&](size_t k) {
    const unsigned f = flags(k);
    // Most word starts end here: their first byte cannot begin an anchor.
    if (!(f & 4)) return (f & 2) && folds_at(k) ? 2 : 0;
    const bool may = k + 2 < n ? MayAnchor(d[k], d[k + 1], d[k + 2])
                               : MayAnchor(d[k], k + 1 < n ? d[k + 1] : '\0', '\0');
    return may && TimeAnchorAt(text, k) ? 1 : 0;
  };
  // Only word starts (a word byte after a byte that is not one, the byte before `pos`
  // counting) and the first bytes of U+017F and U+212A are looked at.
  uint32_t word_before = pos > 0 && (flags(pos - 1) & 1) ? 1 : 0;
#if defined(__x86_64__)
  // Thirty-two bytes at a time with AVX2, whose byte shuffles also leave out the word
  // starts that cannot begin an anchor. The last block ends with the text, overlapping
  // the one before: its bytes before `a` were looked at already.
  while (!found && kHasAvx2 && a < n && n >= 32) {
    size_t base = a;
    uint32_t seen = 0;  // the block's bytes before a
    if (a + 32 > n) {
      base = n - 32;
      seen = (uint32_t{1} << (a - base)) - 1;
      word_before = base > 0 && (flags(base - 1) & 1) ? 1 : 0;
    }
    for (uint32_t look = LookAt32(d + base, &word_before) & ~seen; look != 0;
         look &= look - 1) {
      const size_t k = base + FirstMarked(look);
      const int seen = look_at(k);
      if (seen == 2) {
        *folds = true;
        return k;
      }
      if (seen == 1) {
        a = k;
        found = true;
        break;
      }
    }
    if (!found) a = base + 32;
  }
#endif
  // Sixteen bytes at a time. The last block ends with the text, overlapping the one
  // before: its bytes before `a` were looked at already.
  while (!found && a < n && n >= ByteBlock::kSize) {
    size_t base = a;
    uint32_t seen = 0;  // the block's bytes before a
    if (a + ByteBlock::kSize > n) {
      base = n - ByteBlock::kSize;
      seen = (1u << (a - base)) - 1;
      word_before = base > 0 && (flags(base - 1) & 1) ? 1 : 0;
    }
    const ByteBlock block(text.data() + base);
    const uint32_t word = block.AsciiAlnum() | block.Equal('_');
    uint32_t look = word & ~((word << 1) | word_before);
    if (block.NonAscii() != 0) look |= block.Equal(0xC5) | block.Equal(0xE2);
    look &= ~seen;
    word_before = word >> (ByteBlock::kSize - 1);
    for (; look != 0; look &= look - 1) {
      const size_t k = base + FirstMarked(look);
      const int seen = look_at(k);
      if (seen == 2) {
        *folds = true;
        return k;
      }
      if (seen == 1) {
        a = k;
        found = true;
        break;
      }
    }
    if (!found) a = base + ByteBlock::kSize;
  }
  // A text shorter than a block: byte by byte, the same way.
  if (!found) {
    if (a > 0 && (flags(a - 1) & 1)) {
      while (a < n && (flags(a) & 1)) ++a;
    }
    while (a < n) {
      if (anchor_at(a, &fold)) break;
      if (fold) {
        *folds = true;
        return a;
      }
      const bool starts_word = flags(a) & 1;
      ++a;
      if (starts_word) {
        while (a < n && (flags(a) & 1)) ++a;
      }
    }
  }
  return a < n ? a : n;
}

size_t TimeSearchStart(absl::string_view text, size_t pos, size_t* anchor) {
  *anchor = absl::string_view::npos;
  bool folds = false;
  const size_t a = FirstTimeAnchor(text, pos, &folds);
  if (folds) return pos;
  if (a >= text.size()) return text.size();
  *anchor = a;
  // Back over the words an expression may hold before its first anchor: at most
  // kMaxWordsBeforeAnchor runs of letters and digits, with blanks, '-' and '\'' between.
  size_t s = a;
  int words = 0;
  while (s > pos) {
    const char c = text[s - 1];
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(text[s])) &&
          ++words > kMaxWordsBeforeAnchor) {
        break;
      }
    } else if (!(IsRe2Blank(c) || c == '-' || c == '\'')) {
      break;
    }
    --s;
  }
  return s;
}


}  // namespace claimcheck
