#include "extract/copy_detector.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/hash/hash.h"
#include "claims/cpu_features.h"
#include "extract/read/byte_words.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

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
// bytes, and 16 bytes for the block stores of the last bytes.
size_t NormalizedBound(size_t n) { return n + n / 2 + 1 + 16; }

// Where NormalizeForCopyAt stands: the output's start and end, the words written, and
// whether the byte before the next one read was kept (is inside a word).
struct NormalWriter {
  explicit NormalWriter(char* out) : out(out), p(out) {}
  char* out;
  char* p;
  int words = 0;
  bool in_word = false;
};

#if defined(__x86_64__)

// For each 8-bit mask, the PSHUFB control that moves the bytes it marks to the front
// (in order) and how many they are.
struct PackTable {
  constexpr PackTable() {
    for (int mask = 0; mask < 256; ++mask) {
      int k = 0;
      for (int b = 0; b < 8; ++b) {
        if ((mask >> b) & 1) control[mask][k++] = static_cast<uint8_t>(b);
      }
      count[mask] = static_cast<uint8_t>(k);
    }
  }
  uint8_t control[256][8] = {};
  uint8_t count[256] = {};
};
constexpr PackTable kPackTable;

// Bytes x with lo <= x <= hi (unsigned): x - lo <= hi - lo exactly when
// min(x - lo, hi - lo) == x - lo.
inline __m128i InRange(__m128i x, char lo, char hi) {
  const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(lo));
  return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
}

// Writes the bytes of `v` marked in the 16-bit `mask` at `p`, in order, and returns their
// end; it stores 16 bytes from `p` (two blocks of 8).
__attribute__((target("ssse3"))) inline char* PackBytes(__m128i v, uint32_t mask, char* p) {
  const uint32_t low = mask & 0xFF, high = mask >> 8;
  const __m128i low_control =
      _mm_loadl_epi64(reinterpret_cast<const __m128i*>(kPackTable.control[low]));
  const __m128i high_control = _mm_add_epi8(
      _mm_loadl_epi64(reinterpret_cast<const __m128i*>(kPackTable.control[high])),
      _mm_set1_epi8(8));
  _mm_storel_epi64(reinterpret_cast<__m128i*>(p), _mm_shuffle_epi8(v, low_control));
  p += kPackTable.count[low];
  _mm_storel_epi64(reinterpret_cast<__m128i*>(p), _mm_shuffle_epi8(v, high_control));
  return p + kPackTable.count[high];
}

// The part of a block's work that does not depend on its size (16 or 32 bytes), on
// masks with bit k for byte k of the block. The bytes before `start` were read with the
// block before.

// Cuts `kept` at the block's first typographic punctuation (E2 80 xx with the xx inside
// the text: the E2 below `punctuation_end`) and returns where that is (`size` when there
// is none).
inline size_t CutAtPunctuation(uint64_t e2, uint64_t then_80, size_t punctuation_end,
                               size_t size, uint64_t* kept) {
  const uint64_t punctuation = e2 & then_80 & ((uint64_t{1} << punctuation_end) - 1);
  if (punctuation == 0) return size;
  const size_t limit = static_cast<size_t>(__builtin_ctzll(punctuation));
  *kept &= (uint64_t{1} << limit) - 1;
  return limit;
}

// The bytes of the block to write: its kept bytes, and the separator just before each
// word that begins in it (a space). A word that begins at `start` has its separator in
// the block before (or it was punctuation): its space is written here. No space goes
// before the first word of the text. Counts the block's words.
inline uint64_t BytesToWrite(uint64_t kept, size_t start, NormalWriter& w) {
  const uint64_t kept_before = (kept << 1) | (uint64_t{w.in_word} << start);
  const uint64_t word_starts = kept & ~kept_before;
  uint64_t spaces = (word_starts >> 1) & ~((uint64_t{1} << start) - 1);
  if ((word_starts >> start) & 1) {
    if (w.p != w.out) *w.p++ = ' ';
  } else if (w.p == w.out) {
    spaces &= spaces - 1;  // no space before the first word
  }
  w.words += __builtin_popcountll(word_starts);
  return kept | spaces;
}

// Where the next block starts (after the punctuation, if the block was cut at some), and
// whether the byte before it was kept.
inline size_t NextBlock(size_t base, size_t limit, size_t size, uint64_t kept,
                        NormalWriter& w) {
  if (limit < size) {
    w.in_word = false;
    return base + limit + 3;
  }
  w.in_word = (kept >> (size - 1)) & 1;
  return base + size;
}

// The normal form of `n` >= 16 bytes at `in`, read in blocks of 16, the last one ending
// with the text (overlapping the one before; the bytes read before are left out). In a
// block every kept byte (ASCII letter or digit, lower-cased, or non-ASCII byte) is
// written, and the separator just before each word that begins in it becomes the space
// between words: one pack of the bytes by a mask, however many words there are. A block
// stops at its first typographic punctuation (E2 80 xx, both continuation bytes inside
// the text): the three bytes are a separator and the next block starts after them.
__attribute__((target("ssse3,popcnt"))) void WriteNormalBlocks16(const char* in, size_t n,
                                                                 NormalWriter& writer) {
  constexpr size_t kSize = 16;
  NormalWriter w = writer;  // in registers while it runs
  for (size_t i = 0; i < n;) {
    const size_t base = std::min(i, n - kSize);
    const size_t start = i - base;
    const uint64_t from_start = ~((uint64_t{1} << start) - 1);
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + base));
    const __m128i non_ascii = _mm_cmplt_epi8(v, _mm_setzero_si128());
    const __m128i kept_bytes =
        _mm_or_si128(_mm_or_si128(InRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'),
                                  InRange(v, '0', '9')),
                     non_ascii);
    uint64_t kept = static_cast<uint32_t>(_mm_movemask_epi8(kept_bytes)) & from_start;
    size_t limit = kSize;
    const __m128i maybe_punctuation = _mm_set1_epi8(static_cast<char>(kMaybePunctuation));
    const uint64_t e2 =
        static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, maybe_punctuation))) &
        from_start;
    if (e2 != 0) {
      const __m128i next = base + kSize + 1 <= n
                               ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + base + 1))
                               : _mm_srli_si128(v, 1);
      const uint64_t then_80 = static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(next, _mm_set1_epi8(static_cast<char>(0x80)))));
      limit = CutAtPunctuation(e2, then_80, std::min(n - base - 2, kSize), kSize, &kept);
    }
    // Each byte as written: kept ones lower-cased, the others (separators, all ASCII) as
    // a space. Bit 5 set on every ASCII byte does both: it lower-cases a letter, leaves a
    // digit as it is, and makes a separator cleared by the mask a space.
    const __m128i normal = _mm_or_si128(_mm_and_si128(kept_bytes, v),
                                        _mm_andnot_si128(non_ascii, _mm_set1_epi8(0x20)));
    const uint32_t mask = static_cast<uint32_t>(BytesToWrite(kept, start, w));
    w.p = PackBytes(normal, mask, w.p);
    i = NextBlock(base, limit, kSize, kept, w);
  }
  writer = w;
}

// Bytes x with lo <= x <= hi (unsigned), for 32 bytes.
__attribute__((target("avx2"))) inline __m256i InRange32(__m256i x, char lo, char hi) {
  const __m256i d = _mm256_sub_epi8(x, _mm256_set1_epi8(lo));
  return _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(static_cast<char>(hi - lo))),
                           d);
}

// WriteNormalBlocks16 in blocks of 32 bytes, for `n` >= 32 on a processor with AVX2
// (its byte shuffle packs each half of 16 bytes: the marked bytes of the four quarters
// are stored one after another).
__attribute__((target("avx2,popcnt"))) void WriteNormalBlocks32(const char* in, size_t n,
                                                                NormalWriter& writer) {
  constexpr size_t kSize = 32;
  NormalWriter w = writer;  // in registers while it runs
  for (size_t i = 0; i < n;) {
    const size_t base = std::min(i, n - kSize);
    const size_t start = i - base;
    const uint64_t from_start = ~((uint64_t{1} << start) - 1);
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + base));
    const __m256i non_ascii = _mm256_cmpgt_epi8(_mm256_setzero_si256(), v);
    const __m256i kept_bytes = _mm256_or_si256(
        _mm256_or_si256(InRange32(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), 'a', 'z'),
                        InRange32(v, '0', '9')),
        non_ascii);
    uint64_t kept = static_cast<uint32_t>(_mm256_movemask_epi8(kept_bytes)) & from_start;
    size_t limit = kSize;
    const __m256i maybe_punctuation = _mm256_set1_epi8(static_cast<char>(kMaybePunctuation));
    const uint64_t e2 =
        static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, maybe_punctuation))) &
        from_start;
    if (e2 != 0) {
      // The byte after each: the block's own bytes shifted down, and the one after it.
      const uint64_t eighty = static_cast<uint32_t>(_mm256_movemask_epi8(
          _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(0x80)))));
      const bool next_is_80 =
          base + kSize < n && static_cast<unsigned char>(in[base + kSize]) == 0x80;
      const uint64_t then_80 = (eighty >> 1) | (uint64_t{next_is_80} << (kSize - 1));
      limit = CutAtPunctuation(e2, then_80, std::min(n - base - 2, kSize), kSize, &kept);
    }
    // As in WriteNormalBlocks16.
    const __m256i normal =
        _mm256_or_si256(_mm256_and_si256(kept_bytes, v),
                        _mm256_andnot_si256(non_ascii, _mm256_set1_epi8(0x20)));
    const uint32_t mask = static_cast<uint32_t>(BytesToWrite(kept, start, w));
    // The controls of the quarters, those of the odd ones raised by 8 (the upper half of
    // their 16 bytes).
    uint64_t control[4];
    for (int q = 0; q < 4; ++q) {
      std::memcpy(&control[q], kPackTable.control[(mask >> (8 * q)) & 0xFF], 8);
    }
    constexpr uint64_t kEights = 0x0808080808080808ull;
    const __m256i controls = _mm256_set_epi64x(
        static_cast<long long>(control[3] + kEights), static_cast<long long>(control[2]),
        static_cast<long long>(control[1] + kEights), static_cast<long long>(control[0]));
    const __m256i packed = _mm256_shuffle_epi8(normal, controls);
    const __m128i low = _mm256_castsi256_si128(packed);
    const __m128i high = _mm256_extracti128_si256(packed, 1);
    const __m128i quarters[4] = {low, _mm_unpackhi_epi64(low, low), high,
                                 _mm_unpackhi_epi64(high, high)};
    for (int q = 0; q < 4; ++q) {
      _mm_storel_epi64(reinterpret_cast<__m128i*>(w.p), quarters[q]);
      w.p += kPackTable.count[(mask >> (8 * q)) & 0xFF];
    }
    i = NextBlock(base, limit, kSize, kept, w);
  }
  writer = w;
}

#endif

// Writes the normal form of `text` at `out` (which has room for NormalizedBound bytes)
// and returns its end. Texts of 16 bytes or more go by blocks (WriteNormalBlocks16, or
// 32 from 32 bytes) where the processor can; others byte by byte.
char* NormalizeForCopyAt(absl::string_view text, char* out, int* words) {
  const char* const in = text.data();
  const size_t n = text.size();
  NormalWriter w(out);
  size_t i = 0;
#if defined(__x86_64__)
  if (n >= 32 && kHasAvx2 && kHasSsse3AndPopcnt) {
    WriteNormalBlocks32(in, n, w);
    i = n;
  } else if (n >= 16 && kHasSsse3AndPopcnt) {
    WriteNormalBlocks16(in, n, w);
    i = n;
  }
#endif
  static const ByteTable* table = new ByteTable;
  const unsigned char* const normal = table->normal;
  const unsigned char* const bytes = reinterpret_cast<const unsigned char*>(in);
  while (i < n) {
    const unsigned char v = normal[bytes[i]];
    if (v == 0 || (v == kMaybePunctuation && i + 2 < n && bytes[i + 1] == 0x80)) {
      w.in_word = false;
      i += v == 0 ? 1 : 3;
      continue;
    }
    if (!w.in_word) {
      if (w.p != out) *w.p++ = ' ';
      ++w.words;
      w.in_word = true;
    }
    *w.p++ = static_cast<char>(v);
    ++i;
  }
  *words = w.words;
  return w.p;
}

// Just after the last mark before `end` that may open a quotation (':', ';', '"' or
// U+201C, E2 80 9C); 0 when there is none. One pass backwards, 16 bytes at a time (the
// last fewer than 16 among the sentence's first 16, or byte by byte in a shorter one).
size_t AfterLastQuotationMark(absl::string_view sentence, size_t end) {
  const unsigned char* const s = reinterpret_cast<const unsigned char*>(sentence.data());
  // A mark at `k`: any of the ASCII ones, the last byte of U+201C only after its first two.
  auto opens = [s](size_t k) {
    return s[k] != 0x9C || (k >= 2 && s[k - 1] == 0x80 && s[k - 2] == 0xE2);
  };
  for (; end > 0; end = end > ByteBlock::kSize ? end - ByteBlock::kSize : 0) {
    // The last bytes (fewer than 16) in the sentence's first 16, when it has them.
    const size_t base = end >= ByteBlock::kSize ? end - ByteBlock::kSize : 0;
    if (base + ByteBlock::kSize > sentence.size()) break;
    const ByteBlock block(sentence.data() + base);
    uint32_t marks = (block.Equal(':') | block.Equal(';') | block.Equal('"') |
                      block.Equal(0x9C)) &
                     ((uint32_t{1} << (end - base)) - 1);  // the bytes below `end`
    while (marks != 0) {
      const int last = 31 - __builtin_clz(marks);
      if (opens(base + last)) return base + last + 1;
      marks &= ~(uint32_t{1} << last);
    }
  }
  while (end > 0) {
    const unsigned char c = s[--end];
    if ((c == ':' || c == ';' || c == '"' || c == 0x9C) && opens(end)) return end + 1;
  }
  return 0;
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
  const size_t start = AfterLastQuotationMark(sentence, figure_end);
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
