#include "review/claimreview.h"

#include <string>

#include "absl/strings/match.h"
#include "claims/record_stream.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "review/ledger.h"
#include "review/sample_report.h"

namespace claimcheck {
namespace {

using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

v1::Report ReviewedReport(v1::Verdict verdict) {
  v1::Report report = SampleReport();
  v1::Review r;
  r.set_finding_id(kSampleSlipId);
  r.set_topic(kSampleSlipTopic);
  r.set_verdict(verdict);
  r.set_note("Checked the filing </script>");
  r.set_reviewer("Ana");
  r.mutable_time()->set_seconds(1763942400);  // 2025-11-24
  std::string data;
  EXPECT_TRUE(AppendRecord(r, RecordFormat::kJsonLines, &data).ok());
  ApplyReviews(Ledger::Parse(data, "mem", nullptr), &report);
  return report;
}

ListValue Parse(const std::string& json) {
  ListValue list;
  auto s = google::protobuf::util::JsonStringToMessage(json, &list);
  EXPECT_TRUE(s.ok()) << s.ToString() << "\n" << json;
  return list;
}

const Value& Field(const Struct& s, const std::string& key) {
  static const Value* missing = new Value();
  auto it = s.fields().find(key);
  EXPECT_TRUE(it != s.fields().end()) << "missing field " << key;
  return it == s.fields().end() ? *missing : it->second;
}

TEST(ClaimReviewTest, NothingReviewedIsAnEmptyArray) {
  EXPECT_EQ(ClaimReviewJsonLd(SampleReport(), {}), "[]\n");
}

TEST(ClaimReviewTest, ReopenedFindingsAreNotExported) {
  v1::Report report = ReviewedReport(v1::VERDICT_CONFIRMED);
  report.mutable_findings(0)->set_status(v1::REVIEW_STATUS_REOPENED);
  EXPECT_EQ(ClaimReviewJsonLd(report, {}), "[]\n");
}

TEST(ClaimReviewTest, EveryRequiredAndRecommendedField) {
  ClaimReviewOptions options;
  options.review_url = "https://factcheck.example.org/report.html";
  options.organization = "Example Desk";
  options.organization_url = "https://factcheck.example.org/";
  std::string json = ClaimReviewJsonLd(ReviewedReport(v1::VERDICT_CONFIRMED), options);
  EXPECT_FALSE(absl::StrContains(json, "</script>")) << "must be safe inside <script>";
  ListValue list = Parse(json);
  ASSERT_EQ(list.values_size(), 1);
  const Struct& cr = list.values(0).struct_value();
  EXPECT_EQ(Field(cr, "@context").string_value(), "https://schema.org");
  EXPECT_EQ(Field(cr, "@type").string_value(), "ClaimReview");
  // Required.
  EXPECT_EQ(Field(cr, "url").string_value(),
            std::string("https://factcheck.example.org/report.html#finding-") + kSampleSlipId);
  const std::string claim_reviewed = Field(cr, "claimReviewed").string_value();
  EXPECT_EQ(claim_reviewed, "Big Fund III investment (Piotech Jianke) in Q3 2025: RMB 450 billion");
  const Struct& rating = Field(cr, "reviewRating").struct_value();
  EXPECT_EQ(Field(rating, "@type").string_value(), "Rating");
  EXPECT_EQ(Field(rating, "alternateName").string_value(), "Scale error");
  EXPECT_FALSE(absl::StrContains(claim_reviewed, "Scale error")) << "rating kept out of claim";
  // Recommended.
  EXPECT_EQ(Field(rating, "ratingValue").number_value(), 2);
  EXPECT_EQ(Field(rating, "bestRating").number_value(), 5);
  EXPECT_EQ(Field(rating, "worstRating").number_value(), 1);
  EXPECT_EQ(Field(rating, "name").string_value(), "Scale error");
  EXPECT_EQ(Field(cr, "datePublished").string_value(), "2025-11-24");
  const Struct& author = Field(cr, "author").struct_value();
  EXPECT_EQ(Field(author, "@type").string_value(), "Organization");
  EXPECT_EQ(Field(author, "name").string_value(), "Example Desk");
  EXPECT_EQ(Field(author, "url").string_value(), "https://factcheck.example.org/");
  EXPECT_EQ(Field(Field(cr, "contributor").struct_value(), "name").string_value(), "Ana");
  EXPECT_TRUE(absl::StrContains(Field(cr, "reviewBody").string_value(),
                                "Reviewer's note: Checked the filing </script>"));
  const Struct& item = Field(cr, "itemReviewed").struct_value();
  EXPECT_EQ(Field(item, "@type").string_value(), "Claim");
  EXPECT_EQ(Field(Field(item, "author").struct_value(), "name").string_value(),
            "<script>alert(1)</script> \"Bad\" page");
  EXPECT_EQ(Field(item, "datePublished").string_value(), "2025-11-09");
  const ListValue& appearance = Field(item, "appearance").list_value();
  ASSERT_EQ(appearance.values_size(), 1);
  const Struct& work = appearance.values(0).struct_value();
  EXPECT_EQ(Field(work, "@type").string_value(), "CreativeWork");
  EXPECT_EQ(work.fields().count("url"), 0u) << "javascript: is not a URL to publish";
  const Struct& first = Field(item, "firstAppearance").struct_value();
  EXPECT_EQ(Field(first, "datePublished").string_value(), "2025-11-09");
}

TEST(ClaimReviewTest, ReviewsTheOutlierNotTheNewestClaim) {
  v1::Report report = ReviewedReport(v1::VERDICT_CONFIRMED);
  // The slip (RMB 450 billion) is now the oldest claim; it is still the one reviewed.
  report.mutable_claims(2)->mutable_provenance()->mutable_published()->mutable_time()->set_seconds(
      1700000000);
  ListValue list = Parse(ClaimReviewJsonLd(report, {}));
  ASSERT_EQ(list.values_size(), 1);
  EXPECT_TRUE(absl::StrContains(Field(list.values(0).struct_value(), "claimReviewed").string_value(),
                                "RMB 450 billion"));
}

TEST(ClaimReviewTest, SummaryLeavesOutInferredPeriods) {
  v1::Claim c = SampleReport().claims(0);
  EXPECT_EQ(SummarizeClaim(c), "Big Fund III investment (Piotech Jianke) in Q3 2025: RMB 450 million");
  c.mutable_scope()->set_inferred(true);
  c.mutable_scope()->clear_text();
  EXPECT_EQ(SummarizeClaim(c), "Big Fund III investment (Piotech Jianke): RMB 450 million");
  c.mutable_scope()->set_inferred(false);
  EXPECT_EQ(SummarizeClaim(c),
            "Big Fund III investment (Piotech Jianke) 2025-07-01 to 2025-10-01: RMB 450 million");
}

TEST(ClaimReviewTest, UrlsHaveSpacesEncoded) {
  v1::Report report = ReviewedReport(v1::VERDICT_CONFIRMED);
  report.mutable_claims(2)->mutable_provenance()->set_uri("https://wire.example.com/a#line 3");
  ListValue list = Parse(ClaimReviewJsonLd(report, {}));
  ASSERT_EQ(list.values_size(), 1);
  const Struct& item = Field(list.values(0).struct_value(), "itemReviewed").struct_value();
  const Struct& first = Field(item, "firstAppearance").struct_value();
  EXPECT_EQ(Field(first, "url").string_value(), "https://wire.example.com/a#line%203");
}

TEST(ClaimReviewTest, RatingFollowsVerdict) {
  struct {
    v1::Verdict verdict;
    double value;
    const char* label;
  } cases[] = {
      {v1::VERDICT_CONFIRMED, 2, "Scale error"},
      {v1::VERDICT_NEEDS_SOURCE, 3, "Unverified: needs another source"},
      {v1::VERDICT_RESOLVED, 4, "Corrected"},
      {v1::VERDICT_DISMISSED, 5, "Consistent on review"},
  };
  for (const auto& c : cases) {
    ListValue list = Parse(ClaimReviewJsonLd(ReviewedReport(c.verdict), {}));
    ASSERT_EQ(list.values_size(), 1);
    const Struct& rating = Field(list.values(0).struct_value(), "reviewRating").struct_value();
    EXPECT_EQ(Field(rating, "ratingValue").number_value(), c.value) << c.label;
    EXPECT_EQ(Field(rating, "alternateName").string_value(), c.label);
  }
}

TEST(ClaimReviewTest, AppearanceListsEveryDocumentWithTheFigure) {
  v1::Report report = ReviewedReport(v1::VERDICT_DISMISSED);
  // All three sources agree once the third is corrected; the web article is the newest.
  v1::Claim* third = report.mutable_claims(2);
  third->mutable_quantity()->set_value(450e6);
  report.mutable_findings(0)->mutable_values(2)->set_value(450e6);
  report.mutable_claims(0)->mutable_provenance()->mutable_published()->mutable_time()->set_seconds(
      1764000000);
  ListValue list = Parse(ClaimReviewJsonLd(report, {}));
  ASSERT_EQ(list.values_size(), 1);
  const Struct& item = Field(list.values(0).struct_value(), "itemReviewed").struct_value();
  EXPECT_EQ(Field(Field(item, "author").struct_value(), "name").string_value(),
            "news.example.com");
  EXPECT_EQ(Field(item, "appearance").list_value().values_size(), 3);
  const Struct& first = Field(item, "firstAppearance").struct_value();
  EXPECT_EQ(Field(first, "name").string_value(), "Wire: chip funding & more");
  EXPECT_EQ(first.fields().count("url"), 0u) << "a local path is not a URL";
}

}  // namespace
}  // namespace claimcheck
