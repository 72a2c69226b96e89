#include "cli/report_writer.h"

#include "absl/strings/match.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "review/sample_report.h"

namespace claimcheck {
namespace {

TEST(ReportWriterTest, FormatFromExtension) {
  struct {
    const char* path;
    bool ok;
    ReportFormat format;
  } cases[] = {
      {"out/report.html", true, ReportFormat::kHtml},
      {"REPORT.HTM", true, ReportFormat::kHtml},
      {"report.md", true, ReportFormat::kMarkdown},
      {"report.json", true, ReportFormat::kJson},
      {"report.txt", false, ReportFormat::kHtml},
      {"report", false, ReportFormat::kHtml},
  };
  for (const auto& c : cases) {
    auto f = ReportFormatFromPath(c.path);
    EXPECT_EQ(f.ok(), c.ok) << c.path;
    if (f.ok()) {
      EXPECT_EQ(*f, c.format) << c.path;
    }
  }
}

TEST(ReportWriterTest, JsonRoundTrips) {
  v1::Report r = SampleReport();
  auto json = RenderReport(r, ReportFormat::kJson);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_TRUE(absl::StrContains(*json, "\"findings_by_kind\""));
  auto back = ParseJsonReport(*json, "report.json");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*back, r));
}

TEST(ReportWriterTest, BadJsonNamesTheFile) {
  auto back = ParseJsonReport("{\"findings\": [", "old/report.json");
  ASSERT_FALSE(back.ok());
  EXPECT_TRUE(absl::StrContains(back.status().message(), "old/report.json"));
}

}  // namespace
}  // namespace claimcheck
