#include "extract/read/format_detector.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "extract/read/byte_words.h"
#include "extract/read/forum_reader.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace claimcheck {
namespace {

constexpr size_t kSniffBytes = 8192;

#if defined(__x86_64__)
// What WhyBinary's block loop finds in the bytes it passes.
struct ControlCount {
  size_t passed = 0;   // bytes looked at: whole blocks of 32 from the start
  size_t control = 0;  // control bytes among them (see WhyBinary)
  bool nul = false;
};

// WhyBinary's count over the 32-byte blocks of `head` on a processor with AVX2 (asked
// once, at start-up): a block whose only bytes below 0x20 are line feeds, and with no
// 0x7F (most blocks of text), is passed after one test; another has its control bytes
// (below 0x20 but line breaks, tabs, form feeds and ESC; and 0x7F) and NUL bytes
// counted in the same registers.
__attribute__((target("avx2"))) ControlCount CountControlBlocks32(absl::string_view head) {
  ControlCount count;
  const __m256i max_control = _mm256_set1_epi8(0x1F);
  const __m256i line_feed = _mm256_set1_epi8('\n');
  const __m256i del = _mm256_set1_epi8(0x7F);
  size_t i = 0;
  for (; i + 32 <= head.size(); i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(head.data() + i));
    const __m256i below_20 = _mm256_cmpeq_epi8(_mm256_min_epu8(v, max_control), v);
    const __m256i is_del = _mm256_cmpeq_epi8(v, del);
    const __m256i suspect = _mm256_or_si256(
        _mm256_andnot_si256(_mm256_cmpeq_epi8(v, line_feed), below_20), is_del);
    if (_mm256_testz_si256(suspect, suspect)) continue;
    const __m256i allowed = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, line_feed), _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\r'))),
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')),
                                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\f'))),
                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x1B))));
    const __m256i control = _mm256_or_si256(_mm256_andnot_si256(allowed, below_20), is_del);
    count.control += static_cast<size_t>(
        __builtin_popcount(static_cast<uint32_t>(_mm256_movemask_epi8(control))));
    count.nul |= _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_setzero_si256())) != 0;
  }
  count.passed = i;
  return count;
}
#endif

}  // namespace

std::optional<std::string> WhyBinary(absl::string_view bytes) {
  absl::string_view head = bytes.substr(0, kSniffBytes);
  if (absl::StartsWith(head, "\xFF\xFE") || absl::StartsWith(head, "\xFE\xFF")) {
    return "UTF-16 text; convert it to UTF-8 to read it";
  }
  if (absl::StartsWith(head, "%PDF-")) return "PDF document";
  if (absl::StartsWith(head, "\x89PNG")) return "PNG image";
  if (absl::StartsWith(head, "\xFF\xD8\xFF")) return "JPEG image";
  if (absl::StartsWith(head, "GIF8")) return "GIF image";
  if (absl::StartsWith(head, "PK\x03\x04")) return "ZIP archive";
  if (absl::StartsWith(head, "\x1F\x8B")) return "gzip data";
  // One pass finds NUL bytes and counts control bytes other than line breaks, tabs, form
  // feeds and ESC. 32 bytes at a time: a block whose only bytes below 0x20 are line feeds,
  // and with no 0x7F (most blocks of text), needs no look at its bytes.
  static const auto* is_control = [] {
    auto* table = new std::array<uint8_t, 256>{};
    for (int c = 0; c < 0x20; ++c) {
      (*table)[c] = c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B;
    }
    (*table)[0x7F] = 1;
    return table;
  }();
  size_t control = 0;
  bool nul = false;
  auto count_bytes = [&](const char* p, size_t n) {
    for (size_t k = 0; k < n; ++k) {
      const unsigned char c = static_cast<unsigned char>(p[k]);
      nul |= c == 0;
      control += (*is_control)[c];
    }
  };
  auto suspect = [](const char* p) {
    const ByteBlock block(p);
    return block.BelowExcept(0x20, '\n') | block.Equal(0x7F);
  };
  size_t i = 0;
#if defined(__x86_64__)
  if (kHasAvx2) {
    const ControlCount count = CountControlBlocks32(head);
    i = count.passed;
    control = count.control;
    nul = count.nul;
  }
#endif
  for (; i + 2 * ByteBlock::kSize <= head.size(); i += 2 * ByteBlock::kSize) {
    if ((suspect(head.data() + i) | suspect(head.data() + i + ByteBlock::kSize)) != 0) {
      count_bytes(head.data() + i, 2 * ByteBlock::kSize);
    }
  }
  for (; i + ByteBlock::kSize <= head.size(); i += ByteBlock::kSize) {
    if (suspect(head.data() + i) != 0) count_bytes(head.data() + i, ByteBlock::kSize);
  }
  count_bytes(head.data() + i, head.size() - i);
  if (nul) return "contains NUL bytes";
  if (control * 20 > head.size()) return "many control bytes";
  return std::nullopt;
}

DetectedFormat DetectFormat(absl::string_view text, absl::string_view name) {
  size_t first = 0;
  while (first < text.size() && absl::ascii_isspace(static_cast<unsigned char>(text[first]))) {
    ++first;
  }
  if (first >= text.size()) return DetectedFormat::kPlainText;
  char c = text[first];
  if (c == '{' || c == '[') return DetectedFormat::kJson;
  absl::string_view head = text.substr(first, kSniffBytes);
  bool html_name = absl::EndsWithIgnoreCase(name, ".html") ||
                   absl::EndsWithIgnoreCase(name, ".htm") ||
                   absl::EndsWithIgnoreCase(name, ".xhtml");
  if (c == '<' || html_name) {
    // An HTML tag named in the first 2 KiB, in any case: each '<' there is compared with
    // the list (no lower-cased copy).
    const absl::string_view start = head.substr(0, 2048);
    for (size_t lt = start.find('<'); lt != absl::string_view::npos;
         lt = start.find('<', lt + 1)) {
      const absl::string_view at = start.substr(lt);
      for (absl::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta",
                                    "<article", "<p>", "<p ", "<div", "<h1", "<h2", "<title",
                                    "<br", "<span", "<a href", "<table", "<ul"}) {
        if (absl::StartsWithIgnoreCase(at, tag)) return DetectedFormat::kHtml;
      }
    }
  }
  if (LooksLikeForumThread(text)) return DetectedFormat::kForumThread;
  return DetectedFormat::kPlainText;
}

}  // namespace claimcheck
