#include "claims/utf8_sequence.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(Utf8SequenceTest, LengthsOfValidAndInvalidSequences) {
  struct {
    const char* bytes;
    size_t expected;
  } cases[] = {
      {"a", 1},
      {"\xC2\xA0", 2},            // no-break space
      {"\xE2\x80\x99", 3},        // right single quote
      {"\xF0\x9F\x98\x80", 4},    // emoji
      {"\x80", 0},                // stray continuation
      {"\xE2\x80", 0},            // truncated
      {"\xC0\xAF", 0},            // overlong '/'
      {"\xED\xA0\x80", 0},        // surrogate
      {"\xF4\x90\x80\x80", 0},    // above U+10FFFF
      {"\xFF", 0},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Utf8SequenceLength(c.bytes, 0), c.expected) << c.bytes;
  }
}

TEST(Utf8SequenceTest, Boundaries) {
  absl::string_view s = "a\xE2\x80\x99" "b";
  EXPECT_TRUE(IsUtf8Boundary(s, 0));
  EXPECT_TRUE(IsUtf8Boundary(s, 1));
  EXPECT_FALSE(IsUtf8Boundary(s, 2));
  EXPECT_FALSE(IsUtf8Boundary(s, 3));
  EXPECT_TRUE(IsUtf8Boundary(s, 4));
  EXPECT_TRUE(IsUtf8Boundary(s, 5));
}

}  // namespace
}  // namespace claimcheck
