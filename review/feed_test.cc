#include "review/feed.h"

#include <string>

#include "claims/record_stream.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "gtest/gtest.h"
#include "review/sample_report.h"

namespace claimcheck {
namespace {

TEST(FeedTest, OneItemPerClaimWithItsFindingsAndPoints) {
  v1::Report r = SampleReport();
  std::vector<v1::FeedItem> feed = BuildFeed(r);
  ASSERT_EQ(feed.size(), static_cast<size_t>(r.claims_size()));
  // The slip involves claims 0..2; claim 3 is the single-source 2024 fund size.
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(feed[i].findings_size(), 1);
    EXPECT_EQ(feed[i].findings(0).id(), kSampleSlipId);
    EXPECT_EQ(feed[i].timeline_points_size(), 0);
  }
  EXPECT_EQ(feed[3].findings(0).id(), kSampleSingleId);
  EXPECT_EQ(feed[3].timeline_points_size(), 1);
  EXPECT_EQ(feed[4].findings_size(), 0);
  EXPECT_EQ(feed[0].document().title(), "Fund backs Piotech unit");
}

TEST(FeedTest, BinaryFeedReadsBackWithProtobufAlone) {
  std::string data;
  for (const v1::FeedItem& item : BuildFeed(SampleReport())) {
    ASSERT_TRUE(AppendRecord(item, RecordFormat::kBinary, &data).ok());
  }
  // Read with protobuf's own delimited reader, not ours.
  google::protobuf::io::ArrayInputStream in(data.data(), static_cast<int>(data.size()));
  int n = 0;
  v1::FeedItem item;
  bool clean_eof = false;
  while (google::protobuf::util::ParseDelimitedFromZeroCopyStream(&item, &in, &clean_eof)) ++n;
  EXPECT_TRUE(clean_eof);
  EXPECT_EQ(n, SampleReport().claims_size());
}

}  // namespace
}  // namespace claimcheck
