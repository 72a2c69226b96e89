#include "extract/read/utf8.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct Case {
  const char* name;
  std::string input;
  std::string repaired;
  std::vector<size_t> bad;
};

TEST(Utf8Test, RepairTable) {
  const Case cases[] = {
      {"Ascii", "plain text", "plain text", {}},
      {"ValidMultibyte", "China\xE2\x80\x99s \xE4\xB8\xAD", "China\xE2\x80\x99s \xE4\xB8\xAD", {}},
      {"StrayContinuationByte", "ab\x80" "cd", "ab\xEF\xBF\xBD" "cd", {2}},
      {"Latin1Byte", "caf\xE9 au lait", "caf\xEF\xBF\xBD au lait", {3}},
      {"TruncatedSequenceAtEnd", "end\xE2\x80", "end\xEF\xBF\xBD", {3}},
      {"OverlongSlashIsOneReplacement", "a\xC0\xAF" "b", "a\xEF\xBF\xBD" "b", {1}},
      {"Surrogate", "x\xED\xA0\x80y", "x\xEF\xBF\xBDy", {1}},
      {"TwoBadBytes", "\xFF ok \xFE", "\xEF\xBF\xBD ok \xEF\xBF\xBD", {0, 5}},
  };
  for (const Case& c : cases) {
    std::string out;
    OffsetMap map;
    std::vector<size_t> bad = RepairUtf8(c.input, &out, &map);
    EXPECT_EQ(out, c.repaired) << c.name;
    EXPECT_EQ(bad, c.bad) << c.name;
    EXPECT_EQ(IsValidUtf8(c.input), c.bad.empty()) << c.name;
    EXPECT_TRUE(IsValidUtf8(out)) << c.name;
  }
}

TEST(Utf8Test, MapLeadsRepairedBytesBackToInput) {
  std::string input = "ab\x80" "cdef";
  std::string out;
  OffsetMap map;
  RepairUtf8(input, &out, &map);
  ASSERT_EQ(out, "ab\xEF\xBF\xBD" "cdef");
  EXPECT_EQ(map.ToSource(0), 0u);
  EXPECT_EQ(map.ToSource(2), 2u);  // U+FFFD -> the bad byte
  EXPECT_EQ(map.ToSource(4), 2u);
  EXPECT_EQ(map.ToSource(5), 3u);  // 'c'
  EXPECT_EQ(map.ToSource(8), 6u);  // 'f'
}

TEST(Utf8Test, AppendUtf8EncodesAndRepairs) {
  std::string s;
  AppendUtf8(U'A', &s);
  AppendUtf8(0x2019, &s);
  AppendUtf8(0x1F600, &s);
  AppendUtf8(0xD800, &s);  // lone surrogate
  EXPECT_EQ(s, "A\xE2\x80\x99\xF0\x9F\x98\x80\xEF\xBF\xBD");
}

}  // namespace
}  // namespace claimcheck
