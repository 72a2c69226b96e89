#include "extract/read/byte_words.h"

#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// The mask a byte-by-byte loop gives.
template <typename Pred>
uint32_t SlowMask(const std::string& bytes, Pred pred) {
  uint32_t mask = 0;
  for (size_t k = 0; k < ByteBlock::kSize; ++k) {
    if (pred(static_cast<unsigned char>(bytes[k]))) mask |= uint32_t{1} << k;
  }
  return mask;
}

TEST(ByteBlockTest, MasksMatchByteByByteTests) {
  // Neighbours of the tested values on both sides, and every byte value once.
  std::string all(256, '\0');
  for (int c = 0; c < 256; ++c) all[c] = static_cast<char>(c);
  std::vector<std::string> blocks = {
      std::string("abcdefgh ijklmno"),
      std::string("a\"b\\c\x1F\x20\x21\0\x01\xFF\x80\x7F\x22\x22\0", 16),
      std::string("\xE2\x80\x99 it's \"quo\"\n\t"),
  };
  for (size_t at = 0; at < all.size(); at += ByteBlock::kSize) {
    blocks.push_back(all.substr(at, ByteBlock::kSize));
  }
  for (const std::string& bytes : blocks) {
    ASSERT_EQ(bytes.size(), ByteBlock::kSize);
    const ByteBlock block(bytes.data());
    for (int b : {0x00, 0x0A, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0xFF}) {
      EXPECT_EQ(block.Equal(static_cast<uint8_t>(b)),
                SlowMask(bytes, [b](unsigned char c) { return c == b; }))
          << "equal " << b << " in " << bytes;
    }
    for (int b : {0x01, 0x20, 0x21, 0x7F, 0x80, 0xFF}) {
      EXPECT_EQ(block.Below(static_cast<uint8_t>(b)),
                SlowMask(bytes, [b](unsigned char c) { return c < b; }))
          << "below " << b << " in " << bytes;
    }
    for (int b : {0x01, 0x20, 0x7F}) {
      EXPECT_EQ(block.BelowOrNonAscii(static_cast<uint8_t>(b)),
                SlowMask(bytes, [b](unsigned char c) { return c < b || c >= 0x80; }))
          << "below or non-ASCII " << b << " in " << bytes;
    }
    EXPECT_EQ(block.NonAscii(), SlowMask(bytes, [](unsigned char c) { return c >= 0x80; }))
        << bytes;
    for (int b : {0x01, 0x20, 0x80, 0xFF}) {
      EXPECT_EQ(block.BelowExcept(static_cast<uint8_t>(b), '\n'),
                SlowMask(bytes, [b](unsigned char c) { return c < b && c != '\n'; }))
          << "below " << b << " except a line feed in " << bytes;
    }
    EXPECT_EQ(block.AsciiAlnum(), SlowMask(bytes, [](unsigned char c) {
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
              }))
        << bytes;
    char lowered[ByteBlock::kSize];
    block.StoreLowered(lowered);
    std::string want = bytes;
    for (char& c : want) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    EXPECT_EQ(std::string(lowered, ByteBlock::kSize), want) << bytes;
  }
}

TEST(ByteBlockTest, FirstMarkedIsTheFirstByteInMemory) {
  const struct {
    const char* name;
    const char* bytes;
    int first_quote;
  } cases[] = {
      {"FirstByte", "\"bcdefghijklmnop", 0},
      {"LastByte", "abcdefghijklmno\"", 15},
      {"TwoQuotesFirstWins", "abc\"efghij\"lmnop", 3},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FirstMarked(ByteBlock(c.bytes).Equal('"')), c.first_quote) << c.name;
  }
}

TEST(ByteWordsTest, NonAlnumBytesMarksEveryByteThatIsNotAnAsciiLetterOrDigit) {
  for (int c = 0; c < 256; ++c) {
    for (int at = 0; at < 8; ++at) {
      unsigned char bytes[8];
      std::memset(bytes, 'a', 8);
      bytes[at] = static_cast<unsigned char>(c);
      uint64_t x;
      std::memcpy(&x, bytes, 8);
      const bool alnum = c < 0x80 && std::isalnum(c);
      const uint64_t want = alnum ? 0 : uint64_t{0x80} << (8 * at);
      EXPECT_EQ(NonAlnumBytes(x), want) << c << " at " << at;
    }
  }
}

}  // namespace
}  // namespace claimcheck
