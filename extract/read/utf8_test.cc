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

// The definition sequence by sequence: the reference for the block scans.
size_t SlowFirstInvalid(const std::string& text, size_t i) {
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t length = ValidUtf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return text.size();
}

// ASCII is skipped in blocks of 16 and 32 bytes: a sequence, valid or not, at every
// position of texts of lengths around the blocks is found where byte by byte finds it.
TEST(Utf8Test, SequencesAreFoundAtEveryPositionOfABlock) {
  const std::vector<std::string> sequences = {"\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                                              "\xFF", "\x80", "\xE2\x80", "\xED\xA0\x80"};
  for (const std::string& sequence : sequences) {
    for (size_t length : {1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100}) {
      for (size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text.replace(at, 1, sequence);
        const bool valid = SlowFirstInvalid(text, 0) == text.size();
        ASSERT_EQ(IsValidUtf8(text), valid) << "sequence at " << at << " of " << length;
        std::string repaired;
        const std::vector<size_t> bad = RepairUtf8(text, &repaired, nullptr);
        ASSERT_EQ(bad.empty(), valid) << "sequence at " << at << " of " << length;
        if (!valid) {
          EXPECT_EQ(bad[0], SlowFirstInvalid(text, 0)) << at << " of " << length;
        }
      }
    }
  }
}

}  // namespace
}  // namespace claimcheck
