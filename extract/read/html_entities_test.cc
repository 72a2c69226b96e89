#include "extract/read/html_entities.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(HtmlEntitiesTest, Table) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"China&#8217;s", "China\xE2\x80\x99s"},
      {"China&#x2019;s", "China\xE2\x80\x99s"},
      {"Europe&rsquo;s", "Europe\xE2\x80\x99s"},
      {"R&amp;D", "R&D"},
      {"R&amp D", "R& D"},  // legacy: no semicolon
      {"a&nbsp;b", "a\xC2\xA0" "b"},
      {"&lt;p&gt;", "<p>"},
      {"&#146;", "\xE2\x80\x99"},  // Windows-1252 reading
      {"&#0;", "\xEF\xBF\xBD"},
      {"&#xD800;", "\xEF\xBF\xBD"},
      {"AT&T", "AT&T"},          // not an entity
      {"&unknown;", "&unknown;"},  // unknown names stay
      {"&copy 2024", "&copy 2024"},  // modern names need the semicolon
      {"trailing &", "trailing &"},
      {"&epsilon;&NewLine;&nbhy;", "\xCE\xB5\n\xE2\x80\x91"},  // longest names, last one
      {"&Prime;&prime;", "\xE2\x80\xB3\xE2\x80\xB2"},          // names differing in case
      {"&ampx;", "&ampx;"},          // a listed name's prefix is not enough
      {"&thinspace;", "&thinspace;"},  // longer than any listed name
  };
  for (const auto& c : cases) EXPECT_EQ(DecodeEntities(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace claimcheck
