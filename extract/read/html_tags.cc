#include "extract/read/html_tags.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"

namespace claimcheck {
namespace html_tags {
namespace {

// The element names the reader gives a meaning, with what they mean.
constexpr std::pair<absl::string_view, unsigned> kTags[] = {
      {"script", kSkipped | kRawText | kScript}, {"style", kSkipped | kRawText},
      {"noscript", kSkipped | kRawText}, {"textarea", kSkipped | kRawText},
      {"xmp", kSkipped | kRawText}, {"title", kRawText | kTitle},
      {"template", kSkipped}, {"svg", kSkipped}, {"math", kSkipped}, {"iframe", kSkipped},
      {"object", kSkipped}, {"canvas", kSkipped}, {"select", kSkipped}, {"nav", kSkipped},
      {"aside", kSkipped}, {"footer", kSkipped}, {"button", kSkipped},
      {"head", kSkipped | kHead},
      {"p", kBlock | kOptionalEnd}, {"div", kBlock}, {"h1", kBlock | kNoFurnitureCheck | kH1},
      {"h2", kBlock}, {"h3", kBlock}, {"h4", kBlock}, {"h5", kBlock}, {"h6", kBlock},
      {"li", kBlock | kOptionalEnd}, {"ul", kBlock}, {"ol", kBlock}, {"dl", kBlock},
      {"dt", kBlock | kOptionalEnd}, {"dd", kBlock | kOptionalEnd},
      {"blockquote", kBlock}, {"section", kBlock}, {"article", kBlock | kNoFurnitureCheck},
      {"header", kBlock}, {"main", kBlock | kNoFurnitureCheck}, {"figure", kBlock},
      {"figcaption", kBlock}, {"table", kBlock}, {"thead", kBlock}, {"tbody", kBlock},
      {"tfoot", kBlock}, {"caption", kBlock}, {"pre", kBlock | kPre}, {"hr", kBlock | kVoid},
      {"address", kBlock}, {"details", kBlock}, {"summary", kBlock}, {"fieldset", kBlock},
      {"legend", kBlock}, {"center", kBlock}, {"hgroup", kBlock}, {"form", kBlock},
      {"tr", kRow | kOptionalEnd}, {"td", kCell | kOptionalEnd}, {"th", kCell | kOptionalEnd},
      {"html", kNoFurnitureCheck}, {"body", kNoFurnitureCheck},
      {"img", kVoid}, {"input", kVoid}, {"link", kVoid}, {"source", kVoid}, {"wbr", kVoid},
      {"meta", kVoid | kMeta}, {"br", kVoid | kBr}, {"col", kVoid}, {"area", kVoid},
      {"base", kVoid}, {"embed", kVoid}, {"param", kVoid}, {"track", kVoid},
      {"time", kTime}, {"option", kOptionalEnd}};

// The first 7 bytes of a tag name packed into a word, with the length on top: a cheap
// table key. `name` points to a buffer of kMaxTagName bytes (read 8 at a time), of which
// the first `size` hold the name.
uint64_t TagKey(const char* name, size_t size) {
  uint64_t key;
  std::memcpy(&key, name, 8);
  key &= (uint64_t{1} << (8 * std::min<size_t>(size, 7))) - 1;
  return key | (static_cast<uint64_t>(size) << 56);
}

// The flags of kTags by name, in an open-addressing table keyed by TagKey: a lookup is a
// multiply and a compare or two (no string hashing). Names longer than 7 bytes
// ("blockquote") share keys only with names that have the same first 7 bytes and length;
// the stored name settles it.
class TagTable {
 public:
  TagTable() {
    for (const auto& [name, flags] : kTags) {
      char buffer[kMaxTagName] = {};
      std::memcpy(buffer, name.data(), name.size());
      const uint64_t key = TagKey(buffer, name.size());
      size_t i = Slot(key);
      while (keys_[i] != 0) i = (i + 1) % kSlots;  // every name is listed once
      keys_[i] = key;
      names_[i] = name;
      flags_[i] = flags;
    }
  }

  // The flags of the name in the first `size` bytes of `name` (a buffer of kMaxTagName
  // bytes), 0 for a name not listed.
  unsigned Get(const char* name, size_t size) const {
    const uint64_t key = TagKey(name, size);
    for (size_t i = Slot(key);; i = (i + 1) % kSlots) {
      if (keys_[i] == 0) return 0;
      if (keys_[i] == key && (size <= 7 || names_[i] == absl::string_view(name, size))) {
        return flags_[i];
      }
    }
  }

 private:
  static constexpr size_t kSlots = 256;  // over three times the names: short probes

  static size_t Slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 56; }

  uint64_t keys_[kSlots] = {};  // 0: empty (a key holds its length, never 0)
  absl::string_view names_[kSlots];
  unsigned flags_[kSlots] = {};
};

// Page furniture announced by class or id words: cookie banners, share bars, related
// links, comment sections, newsletter boxes, adverts.
bool IsFurnitureWord(absl::string_view w) {
  static const auto* words = new absl::flat_hash_set<absl::string_view>{
      "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
      "paywall", "advert", "advertisement", "ad", "ads", "promo", "share", "sharing",
      "social", "related", "comments", "comment", "sidebar", "breadcrumb", "breadcrumbs",
      "popup", "modal", "skip"};
  return words->contains(w);
}

}  // namespace

unsigned TagInfo(const char* name, size_t size) {
  static const TagTable* table = new TagTable;
  return table->Get(name, size);
}

bool HasFurnitureWord(absl::string_view value) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && !absl::ascii_isalnum(static_cast<unsigned char>(value[i]))) ++i;
    size_t b = i;
    while (i < value.size() && absl::ascii_isalnum(static_cast<unsigned char>(value[i]))) ++i;
    if (i > b) {
      char word[24];
      size_t len = std::min(i - b, sizeof(word));
      for (size_t k = 0; k < len; ++k) {
        word[k] = absl::ascii_tolower(static_cast<unsigned char>(value[b + k]));
      }
      if (IsFurnitureWord(absl::string_view(word, len))) return true;
    }
  }
  return false;
}

}  // namespace html_tags
}  // namespace claimcheck
