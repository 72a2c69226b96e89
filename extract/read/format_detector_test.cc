#include "extract/read/format_detector.h"

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

}  // namespace
}  // namespace claimcheck
