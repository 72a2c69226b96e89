#include "cli/html_checker.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(HtmlCheckerTest, AcceptsAndRejects) {
  struct {
    const char* name;
    const char* html;
    bool ok;
  } cases[] = {
      {"minimal page", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                       "<p>a &lt; b</p></body></html>", true},
      {"svg self-closed", "<svg viewBox=\"0 0 1 1\"><line x1=\"0\"/><circle r=\"1\"><title>t"
                          "</title></circle></svg>", true},
      {"style raw text", "<style>a>b{color:red}</style>", true},
      {"comment", "<!-- <b> --><p></p>", true},
      {"unclosed", "<div><p></p>", false},
      {"misnested", "<b><i></b></i>", false},
      {"raw script from a document", "<p>x <script>alert(1)</script></p>", true},
      {"stray less-than", "<p>a < b</p>", false},
      {"stray greater-than", "<p>a > b</p>", false},
      {"unquoted attribute", "<a href=x>y</a>", false},
      {"end without start", "</p>", false},
  };
  for (const auto& c : cases) {
    absl::Status s = CheckHtmlWellFormed(c.html);
    EXPECT_EQ(s.ok(), c.ok) << c.name << ": " << s;
  }
}

TEST(HtmlCheckerTest, ListsElements) {
  std::vector<std::string> elements;
  ASSERT_TRUE(CheckHtmlWellFormed("<div><svg><path d=\"M0 0\"/></svg></div>", &elements).ok());
  EXPECT_EQ(elements, (std::vector<std::string>{"div", "svg", "path"}));
}

}  // namespace
}  // namespace claimcheck
