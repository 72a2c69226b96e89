#include "cli/svg_chart.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "cli/html_checker.h"
#include "cli/report_format.h"
#include "gtest/gtest.h"
#include "review/sample_report.h"

namespace claimcheck {
namespace {

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(SvgChartTest, PointsIntervalsSourcesAndAxes) {
  v1::Report r = SampleReport();
  auto claims = ClaimsById(r);
  std::string svg = RenderTimelineSvg(r.timelines(0), claims, FindingsBySeverity(r));
  ASSERT_FALSE(svg.empty());
  EXPECT_TRUE(CheckHtmlWellFormed(svg).ok()) << CheckHtmlWellFormed(svg);
  EXPECT_EQ(Count(svg, "<circle class=\"pt"), 3u);
  EXPECT_EQ(Count(svg, "<circle class=\"src\""), 3u);
  EXPECT_EQ(Count(svg, "<rect class=\"bar\""), 1u) << "only the 2025 point has an interval";
  EXPECT_TRUE(absl::StrContains(svg, ">CNY</text>")) << "y axis names the unit";
  EXPECT_TRUE(absl::StrContains(svg, ">2024</text>"));
  EXPECT_TRUE(absl::StrContains(svg, ">period</text>"));
  EXPECT_FALSE(absl::StrContains(svg, "class=\"flag\"")) << "no finding on fund size";
  EXPECT_TRUE(absl::StrContains(svg, "&lt;script&gt;")) << "source titles escaped in tooltips";
}

TEST(SvgChartTest, FlaggedFiguresAreMarkedOnALogAxis) {
  v1::Report r = SampleReport();
  // Put the scale slip on the fund-size subject: RMB 450 billion vs ~300-360 billion is
  // within 50x, so move it to 450 million to force the log axis.
  v1::Finding* f = r.mutable_findings(0);
  *f->mutable_subject() = r.timelines(0).subject();
  f->clear_values();
  f->clear_claim_ids();
  v1::Claim* slip = r.mutable_claims(3);
  slip->mutable_quantity()->set_value(300e6);
  f->add_claim_ids(slip->id());
  auto claims = ClaimsById(r);
  std::string svg = RenderTimelineSvg(r.timelines(0), claims, FindingsBySeverity(r));
  EXPECT_EQ(Count(svg, "class=\"flag\""), 1u);
  EXPECT_TRUE(absl::StrContains(svg, "class=\"pt conflict\""));
  EXPECT_TRUE(absl::StrContains(svg, "CNY (log scale)"));
  EXPECT_TRUE(absl::StrContains(svg, "Scale slip: RMB 300 billion"));
}

TEST(SvgChartTest, FewerThanTwoUsablePointsDrawNothing) {
  v1::Report r = SampleReport();
  v1::Timeline t = r.timelines(0);
  t.mutable_points()->DeleteSubrange(1, 2);
  EXPECT_EQ(RenderTimelineSvg(t, ClaimsById(r), {}), "");
  t = r.timelines(0);
  t.mutable_points(1)->mutable_scope()->clear_start();
  t.mutable_points(1)->mutable_scope()->clear_end();
  t.mutable_points(2)->mutable_scope()->clear_start();
  t.mutable_points(2)->mutable_scope()->clear_end();
  EXPECT_EQ(RenderTimelineSvg(t, ClaimsById(r), {}), "");
}

}  // namespace
}  // namespace claimcheck
