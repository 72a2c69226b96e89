#include "cli/html_report.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "cli/html_checker.h"
#include "gtest/gtest.h"
#include "review/sample_report.h"

namespace claimcheck {
namespace {

v1::Report Reviewed() {
  v1::Report r = SampleReport();
  v1::Finding* f = r.mutable_findings(0);
  f->set_status(v1::REVIEW_STATUS_REVIEWED);
  f->mutable_review()->set_verdict(v1::VERDICT_CONFIRMED);
  f->mutable_review()->set_note("Filing says <million> & not billion");
  f->mutable_review()->set_reviewer("Ana");
  v1::Finding* g = r.mutable_findings(1);
  g->set_status(v1::REVIEW_STATUS_REOPENED);
  g->mutable_review()->set_verdict(v1::VERDICT_DISMISSED);
  return r;
}

TEST(HtmlReportTest, IsWellFormed) {
  std::string html = RenderHtmlReport(Reviewed());
  absl::Status s = CheckHtmlWellFormed(html);
  EXPECT_TRUE(s.ok()) << s;
}

TEST(HtmlReportTest, DocumentTextIsEscaped) {
  std::string html = RenderHtmlReport(Reviewed());
  std::string lower = absl::AsciiStrToLower(html);
  EXPECT_FALSE(absl::StrContains(lower, "<script")) << "no script element may appear";
  EXPECT_TRUE(absl::StrContains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(absl::StrContains(lower, "href=\"javascript")) << "javascript: stays text";
  EXPECT_TRUE(absl::StrContains(html, "<code>javascript:alert(1)</code>"));
  EXPECT_TRUE(absl::StrContains(html, "&lt;b&gt;one&lt;/b&gt;")) << "explanation escaped";
  EXPECT_TRUE(absl::StrContains(html, "Filing says &lt;million&gt; &amp; not billion"));
  EXPECT_TRUE(absl::StrContains(html, "&amp; &quot;more&quot;."));
}

TEST(HtmlReportTest, SelfContained) {
  std::string html = RenderHtmlReport(Reviewed());
  for (const char* external : {" src=", "@import", "url(", "<link", "@font-face"}) {
    EXPECT_FALSE(absl::StrContains(html, external)) << external;
  }
  EXPECT_TRUE(absl::StrContains(html, "name=\"viewport\""));
  EXPECT_TRUE(absl::StrContains(html, "@media (max-width:700px)"));
  EXPECT_TRUE(absl::StrContains(html, "Content-Security-Policy"));
}

TEST(HtmlReportTest, ShowsFindingsBySeverityWithEvidence) {
  std::string html = RenderHtmlReport(Reviewed());
  size_t high = html.find(std::string("id=\"finding-") + kSampleSlipId);
  size_t low = html.find(std::string("id=\"finding-") + kSampleSingleId);
  ASSERT_NE(high, std::string::npos);
  ASSERT_NE(low, std::string::npos);
  EXPECT_LT(high, low);
  EXPECT_TRUE(absl::StrContains(html, "Big Fund III committed <mark>RMB 450 million</mark> to"));
  EXPECT_TRUE(absl::StrContains(
      html, "<a href=\"https://news.example.com/piotech\" rel=\"noopener noreferrer\">"
            "Fund backs Piotech unit</a> \xC2\xB7 2025-11-01"));
  EXPECT_TRUE(absl::StrContains(html, "CNY 450 billion"));
  EXPECT_TRUE(absl::StrContains(html, "Scale slip"));
  EXPECT_TRUE(absl::StrContains(html, "confirmed by Ana"));
  EXPECT_TRUE(absl::StrContains(html, "reopened: new evidence (earlier verdict: dismissed)"));
}

TEST(HtmlReportTest, SummaryAndTimeline) {
  std::string html = RenderHtmlReport(Reviewed());
  EXPECT_TRUE(absl::StrContains(html, "<li><b>3</b>documents</li>"));
  EXPECT_TRUE(absl::StrContains(html, "Scale slip <span class=\"muted\">(scale_slip)</span>"));
  EXPECT_TRUE(absl::StrContains(html, "<svg class=\"chart\""));
  EXPECT_TRUE(absl::StrContains(html, "CNY 344 billion (340 billion to 348 billion)"));
  EXPECT_TRUE(absl::StrContains(html, "truncated JSON &lt;at end&gt;"));
}

TEST(HtmlReportTest, EmptyReportStillRenders) {
  std::string html = RenderHtmlReport(v1::Report());
  EXPECT_TRUE(CheckHtmlWellFormed(html).ok());
  EXPECT_TRUE(absl::StrContains(html, "No findings"));
}

}  // namespace
}  // namespace claimcheck
