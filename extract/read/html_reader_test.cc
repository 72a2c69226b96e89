#include "extract/read/html_reader.h"

#include <string>

#include "absl/strings/match.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::util::TimeUtil;

std::string Text(const std::string& html) {
  std::string text;
  OffsetMap map;
  HtmlMetadata meta;
  HtmlToText(html, &text, &map, &meta);
  return text;
}

TEST(HtmlReaderTest, TextTable) {
  struct Case {
    const char* name;
    const char* html;
    const char* text;
  } cases[] = {
      {"ParagraphsBecomeBreaks", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
      {"WhitespaceCollapses", "<p>a  \n  b</p>", "a b"},
      {"InlineTagsKeepWords", "<p>up <b>34%</b> from</p>", "up 34% from"},
      {"BrIsLineBreak", "a<br>b<br/>c", "a\nb\nc"},
      {"ScriptStyleDropped", "<script>var x = '<p>no</p>';</script><style>p{}</style><p>yes</p>", "yes"},
      {"CommentDropped", "a<!-- <p>hidden</p> -->b", "ab"},
      {"NavAsideFooterDropped", "<nav><a>Home</a></nav><p>Body</p><aside>Ad</aside><footer>(c)</footer>", "Body"},
      {"NestedNavDropped", "<nav><nav>x</nav>y</nav><p>z</p>", "z"},
      {"UnclosedParagraphWithFurnitureClassKept", "<p class=\"share\">Share<p>Real text</p>", "Share\n\nReal text"},
      {"FurnitureClassDropped", "<div class=\"cookie-banner\">We use cookies.</div><p>News</p>", "News"},
      {"EntitiesDecoded", "<p>China&#8217;s R&amp;D &ndash; up</p>", "China\xE2\x80\x99s R&D \xE2\x80\x93 up"},
      {"ListItemsAreParagraphs", "<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"},
      {"TableCellsSpaced", "<table><tr><td>2023</td><td>$6.32bn</td></tr></table>", "2023 $6.32bn"},
      {"PreKeepsNewlines", "<pre>a\nb</pre>", "a\nb"},
      {"UnclosedTagEndsText", "<p>text<a href=\"x", "text"},
      {"LiteralLessThan", "<p>3 < 4</p>", "3 < 4"},
      {"UppercaseTags", "<P>One</P><SCRIPT>x</SCRIPT><P>Two</P>", "One\n\nTwo"},
  };
  for (const auto& c : cases) EXPECT_EQ(Text(c.html), c.text) << c.name;
}

TEST(HtmlReaderTest, OffsetsLeadBackToMarkup) {
  std::string html = "<p>ab &amp; cd</p>";
  std::string text;
  OffsetMap map;
  HtmlMetadata meta;
  HtmlToText(html, &text, &map, &meta);
  ASSERT_EQ(text, "ab & cd");
  EXPECT_EQ(map.ToSource(0), 3u);               // 'a'
  EXPECT_EQ(map.ToSource(3), html.find("&amp;"));  // the entity
  EXPECT_EQ(map.ToSource(5), html.find("cd"));
}

TEST(HtmlReaderTest, MetadataFromMetaTagsAndJsonLd) {
  std::string html =
      "<html><head><title>Headline | Site</title>"
      "<meta property=\"og:title\" content=\"SMIC&#8217;s record\">"
      "<meta name=\"author\" content=\"Priya Raman\">"
      "<meta property=\"og:site_name\" content=\"Chip Ledger\">"
      "<meta property=\"article:published_time\" content=\"2024-05-28T08:15:00Z\">"
      "</head><body><p>Body text.</p></body></html>";
  v1::Document doc;
  ReadHtml(html, OffsetMap(), {}, &doc);
  EXPECT_EQ(doc.format(), v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(doc.title(), "SMIC\xE2\x80\x99s record");
  EXPECT_EQ(doc.author(), "Priya Raman");
  EXPECT_EQ(doc.publisher(), "Chip Ledger");
  EXPECT_EQ(doc.text(), "Body text.");
  EXPECT_EQ(doc.published().method(), v1::DATE_METHOD_METADATA);
  EXPECT_EQ(TimeUtil::ToString(doc.published().time()), "2024-05-28T08:15:00Z");
}

TEST(HtmlReaderTest, JsonLdNewsArticleAndTimeElement) {
  std::string html =
      "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"NewsArticle\", "
      "\"headline\": \"Fund grows\", \"datePublished\": \"2025-01-02T03:04:00+08:00\", "
      "\"author\": [{\"@type\": \"Person\", \"name\": \"Lin Mei\"}]}]}</script><p>x</p>";
  v1::Document doc;
  ReadHtml(html, OffsetMap(), {}, &doc);
  EXPECT_EQ(doc.title(), "Fund grows");
  EXPECT_EQ(doc.author(), "Lin Mei");
  EXPECT_EQ(TimeUtil::ToString(doc.published().time()), "2025-01-01T19:04:00Z");

  v1::Document timed;
  ReadHtml("<h1>Title</h1><time datetime=\"2024-02-08T10:30:00+08:00\">8 Feb</time><p>x</p>",
           OffsetMap(), {}, &timed);
  EXPECT_EQ(timed.title(), "Title");
  EXPECT_EQ(TimeUtil::ToString(timed.published().time()), "2024-02-08T02:30:00Z");
}

TEST(HtmlReaderTest, BrokenJsonLdAndNoDateMeanUndated) {
  v1::Document doc;
  ReadHtml("<script type=\"application/ld+json\">{\"@type\": </script><p>Plain body.</p>",
           OffsetMap(), {}, &doc);
  EXPECT_EQ(doc.text(), "Plain body.");
  EXPECT_EQ(doc.published().method(), v1::DATE_METHOD_UNKNOWN);
  EXPECT_FALSE(doc.published().has_time());
}

TEST(HtmlReaderTest, DeeplyNestedPageDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div><span>";
  html += "deep";
  for (int i = 0; i < 100000; ++i) html += "</span></div>";
  EXPECT_EQ(Text(html), "deep");
}

}  // namespace
}  // namespace claimcheck
