#include "extract/read/text_normalizer.h"

#include <array>
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "extract/read/byte_words.h"

namespace claimcheck {
namespace {

constexpr std::array<bool, 256> MakeSpecialTable() {
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = t['\v'] = true;
  t[0xC2] = t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecialTable();

enum class Kind { kKeep, kSpace, kDrop, kReplace };

struct Mapping {
  Kind kind;
  size_t length;           // bytes consumed from the input
  absl::string_view with;  // for kReplace
};

// What the sequence at text[i] (whose first byte is special) becomes.
Mapping Classify(absl::string_view text, size_t i) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  size_t left = text.size() - i;
  unsigned char c = p[0];
  if (c < 0x80) return {Kind::kSpace, 1, {}};
  if (c == 0xC2 && left >= 2) {
    if (p[1] == 0xA0) return {Kind::kSpace, 2, {}};  // NBSP
    if (p[1] == 0xAD) return {Kind::kDrop, 2, {}};   // soft hyphen
    return {Kind::kKeep, 2, {}};
  }
  if (c == 0xE2 && left >= 3 && p[1] == 0x80) {
    unsigned char d = p[2];
    if (d <= 0x8A || d == 0xAF) return {Kind::kSpace, 3, {}};   // en/em/thin/narrow spaces
    if (d >= 0x8B && d <= 0x8D) return {Kind::kDrop, 3, {}};    // zero-width
    if (d == 0xA8 || d == 0xA9) return {Kind::kSpace, 3, {}};   // line/para separators
    if (d >= 0x90 && d <= 0x95) return {Kind::kReplace, 3, "-"};  // hyphens, dashes
    if (d >= 0x98 && d <= 0x9B) return {Kind::kReplace, 3, "'"};  // ‘ ’ ‚ ‛
    if (d >= 0x9C && d <= 0x9F) return {Kind::kReplace, 3, "\""};  // “ ” „ ‟
    if (d == 0xB2) return {Kind::kReplace, 3, "'"};              // ′
    if (d == 0xB3) return {Kind::kReplace, 3, "\""};             // ″
    if (d == 0xA6) return {Kind::kReplace, 3, "..."};            // …
    return {Kind::kKeep, 3, {}};
  }
  if (c == 0xE2 && left >= 3 && p[1] == 0x81 && p[2] == 0xA0) return {Kind::kDrop, 3, {}};
  if (c == 0xE2 && left >= 3 && p[1] == 0x88 && p[2] == 0x92) {
    return {Kind::kReplace, 3, "-"};  // − minus
  }
  if (c == 0xE3 && left >= 3 && p[1] == 0x80 && p[2] == 0x80) {
    return {Kind::kSpace, 3, {}};  // ideographic space
  }
  if (c == 0xEF && left >= 3 && p[1] == 0xBB && p[2] == 0xBF) return {Kind::kDrop, 3, {}};
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  return {Kind::kKeep, len < left ? len : left, {}};
}

// Sinks receive the normalised text piece by piece: Text() for bytes copied from the
// input at `src`, Byte()/Replacement() for a space or a replacement.
class StringSink {
 public:
  StringSink(std::string* out, OffsetMap* map) : out_(out), map_(map) {
    out_->clear();
  }
  bool empty() const { return out_->empty(); }
  void Text(const char* p, size_t n, size_t src) {
    if (map_) map_->AddExact(out_->size(), src);
    out_->append(p, n);
  }
  void Space(size_t src) {
    if (map_) map_->AddExact(out_->size(), src);
    out_->push_back(' ');
  }
  void Replacement(absl::string_view with, size_t src) {
    if (map_) map_->AddInexact(out_->size(), src);
    out_->append(with.data(), with.size());
  }

 private:
  std::string* out_;
  OffsetMap* map_;
};

// Hashes the normalised text without building it (see DocumentIdForText): whole 8-byte
// words are read straight from the input; the bytes of a word split across pieces gather
// in `acc_` (the first byte lowest, as a little-endian load puts it).
class HashSink {
 public:
  explicit HashSink(absl::string_view text) : text_(text) {}
  bool empty() const { return total_ == 0; }
  // `p` is text_.data() + src.
  void Text(const char* p, size_t n, size_t src) {
    total_ += n;
    if (len_ > 0) {
      const size_t take = std::min(n, 8 - len_);
      acc_ |= Head(p, take, src) << (8 * len_);
      len_ += take;
      p += take;
      src += take;
      n -= take;
      if (len_ < 8) return;
      Mix(acc_);
      acc_ = 0;
      len_ = 0;
    }
    while (n >= 8) {
      Mix(Load(p));
      p += 8;
      src += 8;
      n -= 8;
    }
    if (n > 0) {
      acc_ = Head(p, n, src);
      len_ = n;
    }
  }
  void Space(size_t) { Byte(' '); }
  void Replacement(absl::string_view with, size_t) {
    for (char c : with) Byte(c);
  }
  uint64_t Finish() {
    Mix(acc_ ^ (static_cast<uint64_t>(len_) << 56));
    Mix(total_);
    return h_;
  }

 private:
  static constexpr uint64_t kPrime = 1099511628211ull;
  static uint64_t Load(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  // The first k (< 8) bytes at p (text byte src on) in the low bytes of a word: one load
  // and a mask where 8 bytes can be read there, else byte by byte.
  uint64_t Head(const char* p, size_t k, size_t src) const {
    if (src + 8 <= text_.size()) return Load(p) & ((uint64_t{1} << (8 * k)) - 1);
    uint64_t w = 0;
    for (size_t j = 0; j < k; ++j) w |= uint64_t{static_cast<unsigned char>(p[j])} << (8 * j);
    return w;
  }
  void Byte(char c) {
    ++total_;
    acc_ |= uint64_t{static_cast<unsigned char>(c)} << (8 * len_);
    if (++len_ < 8) return;
    Mix(acc_);
    acc_ = 0;
    len_ = 0;
  }
  void Mix(uint64_t w) {
    h_ = (h_ ^ w) * kPrime;
    h_ ^= h_ >> 29;
  }
  absl::string_view text_;
  uint64_t acc_ = 0;
  size_t len_ = 0;
  uint64_t total_ = 0;
  uint64_t h_ = 14695981039346656037ull;
};

// Advances `run` over bytes the byte loop of Normalize would keep in its run (see
// SkipTextRun): printable ASCII, the only special byte among which is the space.
size_t SkipOrdinaryBytes(const char* data, size_t run, size_t n) {
  return SkipTextRun(data, run, n, kSpecial,
                     [](const ByteBlock& block) { return block.BelowOrNonAscii(0x20); });
}

template <typename Sink>
void Normalize(absl::string_view text, Sink& sink) {
  const unsigned char* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool pending_space = false;
  size_t space_source = 0;
  size_t i = 0;
  while (i < n) {
    // A run of ordinary bytes; a single ' ' between ordinary bytes stays in the run. Whole
    // words are skipped where they can be, the rest is looked at up to 8 bytes at a time.
    size_t run = i;
    bool run_ended = false;
    while (run < n && !run_ended) {
      // The first byte alone (the skip needs an ordinary byte before it), then 16 bytes at
      // a time, then up to 8 one by one where the skip stopped.
      if (run > i) run = SkipOrdinaryBytes(text.data(), run, n);
      const size_t stop = std::min(n, run + (run > i ? 8 : 1));
      while (run < stop) {
        unsigned char c = data[run];
        if (!kSpecial[c]) {
          ++run;
        } else if (c == ' ' && run > i && run + 1 < n && !kSpecial[data[run + 1]]) {
          run += 2;
        } else {
          run_ended = true;
          break;
        }
      }
    }
    if (run > i) {
      if (pending_space && !sink.empty()) sink.Space(space_source);
      pending_space = false;
      sink.Text(text.data() + i, run - i, i);
      i = run;
      if (i >= n) break;
    }
    Mapping m = Classify(text, i);
    switch (m.kind) {
      case Kind::kSpace:
        if (!pending_space) space_source = i;
        pending_space = true;
        break;
      case Kind::kDrop:
        break;
      case Kind::kKeep:
      case Kind::kReplace:
        if (pending_space && !sink.empty()) sink.Space(space_source);
        pending_space = false;
        if (m.kind == Kind::kKeep) {
          sink.Text(text.data() + i, m.length, i);
        } else {
          sink.Replacement(m.with, i);
        }
        break;
    }
    i += m.length;
  }
}

}  // namespace

void NormalizeForMatching(absl::string_view text, std::string* out, OffsetMap* map) {
  // The normalised text is never longer than the text but for replacements ("..." for
  // an ellipsis): room for the text is room for most. A string refilled in a loop keeps
  // its memory (no call to reserve when it is large enough).
  if (out->capacity() < text.size()) out->reserve(text.size());
  StringSink sink(out, map);
  Normalize(text, sink);
}

std::string NormalizeForMatching(absl::string_view text) {
  std::string out;
  NormalizeForMatching(text, &out, nullptr);
  return out;
}

namespace {

// Writes `h` over `*id` as 16 lowercase hex digits, as "%016x" would print them.
void WriteHex16(uint64_t h, std::string* id) {
  id->resize(16);
  for (int k = 15; k >= 0; --k, h >>= 4) (*id)[k] = "0123456789abcdef"[h & 0xF];
}

std::string Hex16(uint64_t h) {
  std::string id;
  WriteHex16(h, &id);
  return id;
}

}  // namespace

std::string DocumentIdForText(absl::string_view text) {
  std::string id;
  DocumentIdForText(text, &id);
  return id;
}

void DocumentIdForText(absl::string_view text, std::string* id) {
  HashSink sink(text);
  Normalize(text, sink);
  WriteHex16(sink.Finish(), id);
}

std::string DocumentIdForNormalizedText(absl::string_view normalized) {
  HashSink sink(normalized);
  sink.Text(normalized.data(), normalized.size(), 0);
  return Hex16(sink.Finish());
}

}  // namespace claimcheck
