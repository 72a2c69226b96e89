#include "cli/markdown_report.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "review/sample_report.h"

namespace claimcheck {
namespace {

TEST(MarkdownReportTest, EscapesMarkup) {
  struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a|b", "a\\|b"},
      {"*bold* _it_ [x](javascript:y)", "\\*bold\\* \\_it\\_ \\[x\\](javascript:y)"},
      {"line\nbreak", "line break"},
      {"A & B", "A &amp; B"},
  };
  for (const auto& c : cases) EXPECT_EQ(EscapeMarkdown(c.in), c.want);
}

TEST(MarkdownReportTest, SameContentAsHtml) {
  v1::Report r = SampleReport();
  r.mutable_findings(0)->set_status(v1::REVIEW_STATUS_REVIEWED);
  r.mutable_findings(0)->mutable_review()->set_verdict(v1::VERDICT_DISMISSED);
  r.mutable_findings(0)->mutable_review()->set_note("rounded | fine");
  std::string md = RenderMarkdownReport(r);
  EXPECT_TRUE(absl::StrContains(md, "## Summary"));
  EXPECT_TRUE(absl::StrContains(md, "| Scale slip (`scale_slip`) | 1 | 0 |"));
  EXPECT_TRUE(absl::StrContains(md, "### Scale slip (high): Big Fund III"));
  EXPECT_TRUE(absl::StrContains(md, "status: dismissed"));
  EXPECT_TRUE(absl::StrContains(md, "- note: rounded \\| fine"));
  EXPECT_TRUE(absl::StrContains(md, "Big Fund III committed **RMB 450 million** to"));
  EXPECT_TRUE(absl::StrContains(md, "[Fund backs Piotech unit](https://news.example.com/piotech)"));
  EXPECT_FALSE(absl::StrContains(md, "](javascript")) << "javascript: is never a link";
  EXPECT_FALSE(absl::StrContains(md, "<script>"));
  EXPECT_TRUE(absl::StrContains(md, "## Timelines"));
  EXPECT_TRUE(absl::StrContains(md, "| period | figure | change | sources | first published in |"));
  EXPECT_TRUE(absl::StrContains(md, "| 2025 | CNY 344 billion (340 billion to 348 billion) | +44 billion (+14.7%) | 1 |"));
  // Findings by severity: high before low.
  EXPECT_LT(md.find("Scale slip (high)"), md.find("Single source (low)"));
}

}  // namespace
}  // namespace claimcheck
