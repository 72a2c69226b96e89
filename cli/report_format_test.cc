#include "cli/report_format.h"

#include "gtest/gtest.h"
#include "review/sample_report.h"

namespace claimcheck {
namespace {

TEST(ReportFormatTest, Figures) {
  struct {
    double value;
    const char* unit;
    const char* want;
  } cases[] = {
      {450e6, "CNY", "CNY 450 million"},
      {344e9, "CNY", "CNY 344 billion"},
      {47.5e9, "USD", "USD 47.5 billion"},
      {1.2e12, "USD", "USD 1.2 trillion"},
      {12.5, "percent", "12.5%"},
      {3, "percentage_point", "3 pp"},
      {7, "nm", "7 nm"},
      {20, "soccer field", "20 soccer field"},
      {1234567.0, "count", "1.235 million"},
      {12345, "count", "12,345"},
      {-2.5e9, "USD", "USD -2.5 billion"},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatFigure(c.value, c.unit), c.want) << c.want;
}

TEST(ReportFormatTest, FigureWithInterval) {
  double low = 340e9, high = 348e9;
  EXPECT_EQ(FormatFigureWithInterval(344e9, &low, &high, "CNY"),
            "CNY 344 billion (340 billion to 348 billion)");
  EXPECT_EQ(FormatFigureWithInterval(344e9, &low, nullptr, "CNY"),
            "CNY 344 billion (at least 340 billion)");
  EXPECT_EQ(FormatFigureWithInterval(344e9, nullptr, nullptr, "CNY"), "CNY 344 billion");
}

TEST(ReportFormatTest, Scopes) {
  struct {
    const char* start;
    const char* end;
    v1::Granularity g;
    v1::ScopeKind kind;
    const char* text;
    const char* want;
  } cases[] = {
      {"2025-07-01", "2025-10-01", v1::GRANULARITY_QUARTER, v1::SCOPE_KIND_PERIOD, "", "Q3 2025"},
      {"2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, v1::SCOPE_KIND_PERIOD, "", "2024"},
      {"2025-07-01", "2026-01-01", v1::GRANULARITY_HALF, v1::SCOPE_KIND_PERIOD, "", "H2 2025"},
      {"2025-03-01", "2025-04-01", v1::GRANULARITY_MONTH, v1::SCOPE_KIND_PERIOD, "", "2025-03"},
      {"2019-01-01", "2022-01-01", v1::GRANULARITY_MULTI_YEAR, v1::SCOPE_KIND_PERIOD, "",
       "2019\xE2\x80\x93" "2021"},
      {"2026-01-01", "2028-01-01", v1::GRANULARITY_MULTI_YEAR, v1::SCOPE_KIND_FORECAST, "",
       "2026\xE2\x80\x93" "2027 (forecast)"},
      {"2019-01-01", "", v1::GRANULARITY_YEAR, v1::SCOPE_KIND_PERIOD, "since 2019", "since 2019-01-01"},
      {"", "", v1::GRANULARITY_UNSPECIFIED, v1::SCOPE_KIND_PERIOD, "last year", "last year"},
      {"", "", v1::GRANULARITY_UNSPECIFIED, v1::SCOPE_KIND_PERIOD, "", "period unknown"},
  };
  for (const auto& c : cases) {
    v1::TimeScope s;
    s.set_start(c.start);
    s.set_end(c.end);
    s.set_granularity(c.g);
    s.set_kind(c.kind);
    s.set_text(c.text);
    EXPECT_EQ(FormatScope(s), c.want);
  }
}

TEST(ReportFormatTest, FindingKindNamesRoundTrip) {
  for (int k = 1; k <= 8; ++k) {
    auto kind = static_cast<v1::FindingKind>(k);
    EXPECT_EQ(ParseFindingKind(FindingKindName(kind)), kind);
  }
  EXPECT_EQ(ParseFindingKind("scale-slip"), v1::FINDING_KIND_SCALE_SLIP);
  EXPECT_EQ(ParseFindingKind("FINDING_KIND_CONTRADICTION"), v1::FINDING_KIND_CONTRADICTION);
  EXPECT_EQ(ParseFindingKind("nonsense"), v1::FINDING_KIND_UNSPECIFIED);
}

TEST(ReportFormatTest, SplitSentenceUsesOffsetsRelativeToTheSentence) {
  v1::Report r = SampleReport();
  SentenceParts p = SplitSentence(r.claims(0));
  EXPECT_EQ(p.before, "Big Fund III committed ");
  EXPECT_EQ(p.figure, "RMB 450 million");
  EXPECT_EQ(p.after, " to Piotech Jianke in Q3 2025.");
  // Offsets out of range fall back to finding the figure's text.
  v1::Claim c = r.claims(0);
  c.mutable_provenance()->set_figure_end(100000);
  EXPECT_EQ(SplitSentence(c).figure, "RMB 450 million");
  // Offsets inside a UTF-8 character are not trusted.
  c.mutable_provenance()->set_sentence("\xE4\xB8\x87 yuan");
  c.mutable_provenance()->set_figure_begin(c.provenance().sentence_begin() + 1);
  c.mutable_provenance()->set_figure_end(c.provenance().sentence_begin() + 3);
  c.mutable_quantity()->set_text("nothing");
  EXPECT_EQ(SplitSentence(c).figure, "");
  EXPECT_EQ(SplitSentence(c).before, "\xE4\xB8\x87 yuan");
}

TEST(ReportFormatTest, EscapeHtml) {
  EXPECT_EQ(EscapeHtml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(EscapeHtml("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
  EXPECT_EQ(EscapeHtml("ok \xE4\xB8\x87"), "ok \xE4\xB8\x87");
  EXPECT_EQ(EscapeHtml("bad \xC0<"), "bad \xEF\xBF\xBD&lt;");
}

TEST(ReportFormatTest, OnlyHttpLinksAreSafe) {
  struct {
    const char* url;
    bool safe;
  } cases[] = {
      {"https://example.com/a?b=c", true},
      {"HTTP://example.com", true},
      {"javascript:alert(1)", false},
      {" javascript:alert(1)", false},
      {"JaVaScRiPt:alert(1)", false},
      {"data:text/html,<script>", false},
      {"corpus/file.txt", false},
      {"https://example.com/\"onmouseover=x", false},
      {"https://example.com/a#line 3", true},
      {"https:// example.com", false},
      {"https://example.com/\nx", false},
      {"https://", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsSafeLink(c.url), c.safe) << c.url;
}

TEST(ReportFormatTest, FindingsOrderedBySeverity) {
  v1::Report r = SampleReport();
  std::swap(*r.mutable_findings(0), *r.mutable_findings(1));  // low first in the report
  auto ordered = FindingsBySeverity(r);
  ASSERT_EQ(ordered.size(), 2u);
  EXPECT_EQ(ordered[0]->severity(), v1::SEVERITY_HIGH);
  EXPECT_EQ(ordered[1]->severity(), v1::SEVERITY_LOW);
}

TEST(ReportFormatTest, DescribeReview) {
  v1::Finding f;
  EXPECT_EQ(DescribeReview(f), "open");
  f.set_status(v1::REVIEW_STATUS_REVIEWED);
  f.mutable_review()->set_verdict(v1::VERDICT_NEEDS_SOURCE);
  f.mutable_review()->set_reviewer("Ana");
  f.mutable_review()->mutable_time()->set_seconds(1763942400);
  EXPECT_EQ(DescribeReview(f), "needs-source by Ana on 2025-11-24");
  f.set_status(v1::REVIEW_STATUS_REOPENED);
  EXPECT_EQ(DescribeReview(f),
            "reopened: new evidence (earlier verdict: needs-source by Ana on 2025-11-24)");
}

}  // namespace
}  // namespace claimcheck
