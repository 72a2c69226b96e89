// Byte tests sixteen bytes at a time, for the readers' scanning loops.
//
// Most bytes a reader looks at are ordinary (letters, digits, a single space) and need no
// work, yet a loop that tests them one by one spends several instructions on each. A
// ByteBlock loads 16 bytes and answers, for all of them at once, "which bytes equal b" or
// "which bytes are below b" as a 16-bit mask: bit k is set when byte k matches, so the
// first match is FirstMarked(mask). With SSE2 (every x86-64 processor) each test is a
// few instructions; elsewhere the same masks are built byte by byte.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_BYTE_WORDS_H_
#define CLAIMCHECK_EXTRACT_READ_BYTE_WORDS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"
#include "claims/cpu_features.h"  // kHasAvx2, for the scanners built on these blocks

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimcheck {

class ByteBlock {
 public:
  static constexpr size_t kSize = 16;

  // The 16 bytes at `p` (which need no alignment).
  explicit ByteBlock(const char* p);

  // Bytes equal to `b`.
  uint32_t Equal(uint8_t b) const;
  // Bytes below `b` (unsigned).
  uint32_t Below(uint8_t b) const;
  // Bytes from 0x80 up (not ASCII).
  uint32_t NonAscii() const;
  // Bytes below `b` (1 to 0x7F) or from 0x80 up: all but the ASCII bytes from `b` on.
  uint32_t BelowOrNonAscii(uint8_t b) const;
  // ASCII letters and digits ([0-9A-Za-z]).
  uint32_t AsciiAlnum() const;
  // Stores the 16 bytes at `out` with the ASCII capitals lower-cased.
  void StoreLowered(char* out) const;
  // Bytes below `b` (1 to 0xFF) other than `except`.
  uint32_t BelowExcept(uint8_t b, uint8_t except) const;

 private:
#if defined(__SSE2__)
  __m128i v_;
#else
  uint8_t bytes_[kSize];
#endif
};

// Offset of the first byte marked in `mask`, which must not be zero.
inline int FirstMarked(uint32_t mask) { return __builtin_ctz(mask); }

// s.find(c, pos) by memchr, inline (the library's find is an out-of-line call): the
// offset of the first `c` at or after `pos`, or absl::string_view::npos.
inline size_t FindByte(absl::string_view s, char c, size_t pos) {
  if (pos >= s.size()) return absl::string_view::npos;
  const void* at = std::memchr(s.data() + pos, c, s.size() - pos);
  return at == nullptr ? absl::string_view::npos
                       : static_cast<size_t>(static_cast<const char*>(at) - s.data());
}

#if defined(__SSE2__)

inline ByteBlock::ByteBlock(const char* p)
    : v_(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) {}

inline uint32_t ByteBlock::Equal(uint8_t b) const {
  return static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(v_, _mm_set1_epi8(static_cast<char>(b)))));
}

inline uint32_t ByteBlock::Below(uint8_t b) const {
  // x >= b exactly when max(x, b) == x (unsigned).
  const __m128i bb = _mm_set1_epi8(static_cast<char>(b));
  const uint32_t at_least = static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v_, bb), v_)));
  return ~at_least & 0xFFFFu;
}

inline uint32_t ByteBlock::NonAscii() const {
  return static_cast<uint32_t>(_mm_movemask_epi8(v_));
}

inline uint32_t ByteBlock::BelowOrNonAscii(uint8_t b) const {
  // One signed compare: bytes from 0x80 up are negative, so below any b up to 0x7F.
  return static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_cmplt_epi8(v_, _mm_set1_epi8(static_cast<char>(b)))));
}

inline uint32_t ByteBlock::BelowExcept(uint8_t b, uint8_t except) const {
  // x < b exactly when min(x, b - 1) == x (unsigned).
  const __m128i below =
      _mm_cmpeq_epi8(_mm_min_epu8(v_, _mm_set1_epi8(static_cast<char>(b - 1))), v_);
  const __m128i is_except = _mm_cmpeq_epi8(v_, _mm_set1_epi8(static_cast<char>(except)));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_andnot_si128(is_except, below)));
}

inline uint32_t ByteBlock::AsciiAlnum() const {
  // x - lo <= hi - lo (unsigned) exactly when min(x - lo, hi - lo) == x - lo. OR-ing 0x20
  // maps 'A'..'Z' onto 'a'..'z' and no other byte into that range.
  auto in_range = [](__m128i x, char lo, char hi) {
    const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
  };
  const __m128i letters = in_range(_mm_or_si128(v_, _mm_set1_epi8(0x20)), 'a', 'z');
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letters, in_range(v_, '0', '9'))));
}

inline void ByteBlock::StoreLowered(char* out) const {
  // 'A'..'Z' are the bytes b with b - 'A' <= 25 (unsigned): min(b - 'A', 25) == b - 'A'.
  const __m128i d = _mm_sub_epi8(v_, _mm_set1_epi8('A'));
  const __m128i capitals = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8('Z' - 'A')), d);
  const __m128i lowered = _mm_or_si128(v_, _mm_and_si128(capitals, _mm_set1_epi8(0x20)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), lowered);
}

#else  // Portable: the same masks, byte by byte.

inline ByteBlock::ByteBlock(const char* p) {
  for (size_t k = 0; k < kSize; ++k) bytes_[k] = static_cast<uint8_t>(p[k]);
}

inline uint32_t ByteBlock::Equal(uint8_t b) const {
  uint32_t mask = 0;
  for (size_t k = 0; k < kSize; ++k) mask |= static_cast<uint32_t>(bytes_[k] == b) << k;
  return mask;
}

inline uint32_t ByteBlock::Below(uint8_t b) const {
  uint32_t mask = 0;
  for (size_t k = 0; k < kSize; ++k) mask |= static_cast<uint32_t>(bytes_[k] < b) << k;
  return mask;
}

inline uint32_t ByteBlock::NonAscii() const {
  uint32_t mask = 0;
  for (size_t k = 0; k < kSize; ++k) mask |= static_cast<uint32_t>(bytes_[k] >= 0x80) << k;
  return mask;
}

inline uint32_t ByteBlock::BelowOrNonAscii(uint8_t b) const { return Below(b) | NonAscii(); }

inline uint32_t ByteBlock::BelowExcept(uint8_t b, uint8_t except) const {
  return Below(b) & ~Equal(except);
}

inline uint32_t ByteBlock::AsciiAlnum() const {
  uint32_t mask = 0;
  for (size_t k = 0; k < kSize; ++k) {
    const uint8_t c = bytes_[k];
    const bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    mask |= static_cast<uint32_t>(alnum) << k;
  }
  return mask;
}

inline void ByteBlock::StoreLowered(char* out) const {
  for (size_t k = 0; k < kSize; ++k) {
    const uint8_t c = bytes_[k];
    out[k] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
}

#endif

// For scanners that copy runs of ordinary bytes in which a single space between two
// ordinary bytes stays (text normalisers): advances `run` over such bytes, sixteen at a
// time. `special[c]` is true for the bytes that end a run, the space among them;
// `stops(block)` must mark at least every special byte of a block other than the space
// (it may mark more). The byte before `run` must be ordinary, so a space at `run` stays.
// Returns the first offset not skipped; the caller looks at the rest byte by byte.
template <typename Stops>
size_t SkipTextRun(const char* data, size_t run, size_t n, const std::array<bool, 256>& special,
                   Stops stops) {
  while (run + ByteBlock::kSize <= n) {
    const ByteBlock block(data + run);
    const uint32_t spaces = block.Equal(' ');
    // Offsets that end the skip: special bytes, and the first of two spaces.
    uint32_t stop = stops(block) | (spaces & (spaces >> 1));
    if (stop == 0) {
      // A space in the last byte stays when the byte after the block is ordinary.
      if ((spaces >> (ByteBlock::kSize - 1)) == 0 ||
          (run + ByteBlock::kSize < n &&
           !special[static_cast<unsigned char>(data[run + ByteBlock::kSize])])) {
        run += ByteBlock::kSize;
        continue;
      }
      stop = uint32_t{1} << (ByteBlock::kSize - 1);
    }
    size_t end = run + FirstMarked(stop);
    // A space just before the stop is followed by a special byte: it ends the run too.
    if (end > run && data[end - 1] == ' ') --end;
    return end;
  }
  return run;
}

// Eight bytes at a time, as a 64-bit integer loaded with memcpy: the high bit of each
// byte of `x` (all bytes below 0x80) that lies in [lo, hi].
inline uint64_t BytesInRange(uint64_t x, unsigned char lo, unsigned char hi) {
  constexpr uint64_t kEachByte = 0x0101010101010101ull;
  return (x + (0x80 - lo) * kEachByte) & ~(x + (0x7F - hi) * kEachByte) & (0x80 * kEachByte);
}

// The high bit of each byte of `x` that is not an ASCII letter or digit (so the first
// such byte is __builtin_ctzll(result) / 8 on a little-endian machine).
inline uint64_t NonAlnumBytes(uint64_t x) {
  constexpr uint64_t kEachByte = 0x0101010101010101ull;
  constexpr uint64_t kHighBits = 0x80 * kEachByte;
  const uint64_t ascii = x & ~kHighBits;
  const uint64_t alnum =
      BytesInRange(ascii, '0', '9') | BytesInRange(ascii | (0x20 * kEachByte), 'a', 'z');
  return ~(alnum & ~x) & kHighBits;
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_BYTE_WORDS_H_
