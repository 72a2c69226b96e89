#include "extract/read/html_tags.h"

#include <cstring>

#include "gtest/gtest.h"

namespace claimcheck {
namespace html_tags {
namespace {

// TagInfo of `name` as the scanner holds it: in a buffer of kMaxTagName bytes, the bytes
// after the name filled with `fill` (anything may be there).
unsigned InfoOf(const char* name, char fill) {
  char buffer[kMaxTagName];
  std::memset(buffer, fill, sizeof(buffer));
  const size_t size = std::strlen(name);
  std::memcpy(buffer, name, size);
  return TagInfo(buffer, size);
}

TEST(HtmlTagsTest, TagInfo) {
  struct Case {
    const char* name;
    unsigned flags;
  } cases[] = {
      {"p", kBlock | kOptionalEnd},
      {"br", kVoid | kBr},
      {"script", kSkipped | kRawText | kScript},
      {"article", kBlock | kNoFurnitureCheck},        // 7 bytes: the key alone
      {"blockquote", kBlock},                         // longer: the stored name settles it
      {"figcaption", kBlock},
      {"blockquotx", 0},                              // same first 7 bytes and length
      {"b", 0},                                       // inline: no meaning
      {"paragraph", 0},
      {"pre", kBlock | kPre},
      {"verylongelementn", 0},                        // kMaxTagName bytes
  };
  for (const Case& c : cases) {
    EXPECT_EQ(InfoOf(c.name, '\0'), c.flags) << c.name;
    EXPECT_EQ(InfoOf(c.name, 'x'), c.flags) << c.name << " (bytes after the name set)";
  }
}

TEST(HtmlTagsTest, NameBytes) {
  EXPECT_EQ(kTagNameBytes['A'], 'a');
  EXPECT_EQ(kTagNameBytes['z'], 'z');
  EXPECT_EQ(kTagNameBytes['7'], '7');
  EXPECT_EQ(kTagNameBytes[':'], ':');
  EXPECT_EQ(kTagNameBytes['>'], 0);
  EXPECT_EQ(kTagNameBytes[' '], 0);
  EXPECT_EQ(kTagNameBytes[0xC3], 0);
  EXPECT_TRUE(kAttrNameEnds['=']);
  EXPECT_TRUE(kAttrNameEnds['\f']);
  EXPECT_FALSE(kAttrNameEnds['-']);
}

TEST(HtmlTagsTest, FurnitureWords) {
  struct Case {
    const char* value;
    bool furniture;
  } cases[] = {
      {"cookie-banner", true}, {"Share_Bar", true}, {"site-ADS wide", true},
      {"adslot", false},       {"article-body", false}, {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(HasFurnitureWord(c.value), c.furniture) << c.value;
}

}  // namespace
}  // namespace html_tags
}  // namespace claimcheck
