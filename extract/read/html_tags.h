// HTML tag vocabulary for the HTML reader: what each element name means to it (a block,
// a line break, content to skip...), the bytes of tag and attribute names, and the class
// and id words that mark page furniture (cookie banners, share bars, adverts).
//
// Element names are looked up as the scanner holds them: lower-cased, in a buffer of
// kMaxTagName bytes; a lookup is a multiply and a compare or two in an open-addressing
// table (no string hashing, no lower-cased copy).
//
// Thread-safe: constant tables (built once, thread-safely).
#ifndef CLAIMCHECK_EXTRACT_READ_HTML_TAGS_H_
#define CLAIMCHECK_EXTRACT_READ_HTML_TAGS_H_

#include <array>
#include <cstddef>

#include "absl/strings/string_view.h"

namespace claimcheck {
namespace html_tags {

// What an element name means to the scanner, looked up once per tag.
enum TagFlags : unsigned {
  kSkipped = 1,    // whole content dropped
  kRawText = 2,    // content is raw text: the first "</name" ends it
  kBlock = 4,      // paragraph break
  kRow = 8,        // line break
  kCell = 16,      // space
  kNoFurnitureCheck = 32,  // never dropped for its class/id
  kVoid = 64,      // no content
  kOptionalEnd = 128,  // end tag may be omitted (p, li, td...): never skipped whole
  // Names the scanner treats one by one, told apart by a bit instead of a string compare.
  kH1 = 1u << 8,
  kPre = 1u << 9,
  kMeta = 1u << 10,
  kTime = 1u << 11,
  kBr = 1u << 12,
  kTitle = 1u << 13,
  kScript = 1u << 14,
  kHead = 1u << 15,
};

// A tag name as Tag holds it: lower-cased, at most kMaxTagName bytes, in a buffer of
// that many bytes.
inline constexpr size_t kMaxTagName = 16;

// The flags (TagFlags) of the element name in the first `size` bytes of `name`, a buffer
// of kMaxTagName bytes holding it lower-cased (the bytes after the name may be anything);
// 0 for a name the reader gives no meaning.
unsigned TagInfo(const char* name, size_t size);

// The bytes of an element name (ASCII letters and digits, '-', ':', '_') lower-cased;
// 0 for every other byte.
constexpr std::array<char, 256> MakeTagNameBytes() {
  std::array<char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = static_cast<char>(c);
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  t['-'] = '-';
  t[':'] = ':';
  t['_'] = '_';
  return t;
}
inline constexpr std::array<char, 256> kTagNameBytes = MakeTagNameBytes();

// The bytes that end an attribute name: HTML whitespace (space, tab, line feed, carriage
// return, form feed), '=', '>' and '/'.
constexpr std::array<bool, 256> MakeAttrNameEnds() {
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = true;
  t['='] = t['>'] = t['/'] = true;
  return t;
}
inline constexpr std::array<bool, 256> kAttrNameEnds = MakeAttrNameEnds();

// Whether a class or id attribute value names page furniture: one of its words (runs of
// ASCII letters and digits), in any case, is a furniture word: "cookie-banner" and
// "Share_Bar" do, "adslot" (one word) does not.
bool HasFurnitureWord(absl::string_view value);

}  // namespace html_tags
}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_HTML_TAGS_H_
