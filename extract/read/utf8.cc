#include "extract/read/utf8.h"

#include <cstdint>

#include "extract/read/byte_words.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace claimcheck {

size_t ValidUtf8SequenceLength(absl::string_view data, size_t i) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data()) + i;
  size_t left = data.size() - i;
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return k < left && (p[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

namespace {

#if defined(__x86_64__)
// The ASCII bytes from `i` on, 32 at a time with AVX2: the index of the first byte that
// is not ASCII, or where fewer than 32 bytes remain.
__attribute__((target("avx2"))) size_t SkipAsciiBlocks32(const char* d, size_t i, size_t n) {
  for (; i + 32 <= n; i += 32) {
    const uint32_t high = static_cast<uint32_t>(
        _mm256_movemask_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(d + i))));
    if (high != 0) return i + static_cast<size_t>(__builtin_ctz(high));
  }
  return i;
}
#endif

// Index of the first invalid byte at or after `i`, or data.size().
size_t FirstInvalid(absl::string_view data, size_t i) {
  const size_t n = data.size();
  const char* d = data.data();
  while (i < n) {
#if defined(__x86_64__)
    if (kHasAvx2) i = SkipAsciiBlocks32(d, i, n);
#endif
    // ASCII fast path, 16 bytes at a time, to the first byte that is not ASCII.
    while (i + ByteBlock::kSize <= n) {
      const uint32_t non_ascii = ByteBlock(d + i).NonAscii();
      if (non_ascii != 0) {
        i += FirstMarked(non_ascii);
        break;
      }
      i += ByteBlock::kSize;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(d[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = ValidUtf8SequenceLength(data, i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

}  // namespace

bool IsValidUtf8(absl::string_view data) { return FirstInvalid(data, 0) == data.size(); }

std::vector<size_t> RepairUtf8(absl::string_view data, std::string* out, OffsetMap* map) {
  std::vector<size_t> bad;
  out->clear();
  size_t done = 0;
  while (done <= data.size()) {
    size_t bad_at = FirstInvalid(data, done);
    if (map != nullptr && bad_at > done) map->AddExact(out->size(), done);
    out->append(data.data() + done, bad_at - done);
    if (bad_at >= data.size()) break;
    bad.push_back(bad_at);
    if (map != nullptr) map->AddInexact(out->size(), bad_at);
    out->append("\xEF\xBF\xBD");
    // Skip the maximal invalid run: the lead byte and any continuation bytes after it.
    size_t k = bad_at + 1;
    while (k < data.size() && (static_cast<unsigned char>(data[k]) & 0xC0) == 0x80 &&
           k - bad_at < 4) {
      ++k;
    }
    done = k;
  }
  return bad;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace claimcheck
