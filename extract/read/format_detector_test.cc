#include "extract/read/format_detector.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(FormatDetectorTest, ByContentNotExtension) {
  struct Case {
    const char* name;
    const char* text;
    const char* file;
    DetectedFormat format;
  } cases[] = {
      {"JsonInTxtFile", "{\"id\": 1}", "004.txt", DetectedFormat::kJson},
      {"JsonArray", "  [{\"text\": \"x\"}]", "items", DetectedFormat::kJson},
      {"HtmlDoctype", "<!DOCTYPE html><html><body>x</body></html>", "page.txt", DetectedFormat::kHtml},
      {"HtmlFragment", "<p>Revenue rose.</p>", "snippet", DetectedFormat::kHtml},
      {"ForumThread", "Thread\n\nuser1\nRegistered Member\nHi.\n\nuser2\nJunior Member\nHello.",
       "thread.txt", DetectedFormat::kForumThread},
      {"PlainText", "Title\n\nRevenue rose 3% to <5 units.", "a.html", DetectedFormat::kPlainText},
  };
  for (const auto& c : cases) EXPECT_EQ(DetectFormat(c.text, c.file), c.format) << c.name;
}

TEST(FormatDetectorTest, BinaryFiles) {
  EXPECT_TRUE(WhyBinary(std::string("ab\0cd", 5)).has_value());
  EXPECT_TRUE(WhyBinary("%PDF-1.7\n...").has_value());
  EXPECT_TRUE(WhyBinary("\x89PNG\r\n\x1A\n").has_value());
  EXPECT_TRUE(WhyBinary(std::string(100, '\x01')).has_value());
  EXPECT_EQ(WhyBinary(std::string("\xFF\xFEh\0i\0", 6)).value_or(""),
            "UTF-16 text; convert it to UTF-8 to read it");
  EXPECT_FALSE(WhyBinary("Plain text with \xE2\x80\x99 and tabs\t.\n").has_value());
  EXPECT_FALSE(WhyBinary("caf\xE9 latin-1 text is not binary").has_value());
}

// The definition byte by byte: the reference for the block scans.
std::optional<std::string> SlowControlVerdict(const std::string& text) {
  const std::string head = text.substr(0, 8192);
  size_t control = 0;
  bool nul = false;
  for (unsigned char c : head) {
    nul |= c == 0;
    control += (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ||
               c == 0x7F;
  }
  if (nul) return "contains NUL bytes";
  if (control * 20 > head.size()) return "many control bytes";
  return std::nullopt;
}

// Every byte value, alone or repeated, at every position of texts of lengths around the
// blocks of 16 and 32 bytes (and past the 8 KiB looked at): the same verdict as byte by
// byte.
TEST(FormatDetectorTest, ControlBytesAreCountedAtEveryPosition) {
  for (int c = 0; c < 256; ++c) {
    for (size_t length : {1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100}) {
      for (size_t at = 0; at < length; ++at) {
        std::string text(length, 'x');
        text[at] = static_cast<char>(c);
        ASSERT_EQ(WhyBinary(text), SlowControlVerdict(text))
            << "byte " << c << " at " << at << " of " << length;
      }
      // Every fourth byte: many control bytes when they count.
      std::string text(length, 'x');
      for (size_t at = 0; at < length; at += 4) text[at] = static_cast<char>(c);
      ASSERT_EQ(WhyBinary(text), SlowControlVerdict(text)) << "byte " << c << " of " << length;
    }
  }
  // Control bytes only after the first 8 KiB are not looked at.
  std::string late(8192, 'x');
  late += std::string(100, '\x01');
  EXPECT_EQ(WhyBinary(late), std::nullopt);
  // Just over one in twenty.
  std::string some(2000, 'x');
  for (size_t at = 0; at < 101; ++at) some[at * 19] = '\x02';
  EXPECT_EQ(WhyBinary(some).value_or(""), "many control bytes");
  some[19] = 'x';
  EXPECT_EQ(WhyBinary(some), std::nullopt);
}

}  // namespace
}  // namespace claimcheck
