#include "claims/record_stream.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "proto/claim.pb.h"

namespace claimcheck {
namespace {

using v1::Claim;

Claim SampleClaim() {
  Claim c;
  c.set_id("0123456789abcdef");
  auto* s = c.mutable_subject();
  s->set_entity("Big Fund III");
  s->set_entity_as_written("the fund");
  s->set_metric("investment");
  s->set_metric_as_written("committed");
  auto* q = s->add_qualifiers();
  q->set_role("recipient");
  q->set_value("Example Recipient Co");
  s->set_key("big fund iii|investment|example recipient co");
  auto* qty = c.mutable_quantity();
  qty->set_value(2.3e9);
  qty->set_low(2.25e9);
  qty->set_high(2.35e9);
  qty->set_bound(v1::BOUND_KIND_EXACT);
  qty->set_type(v1::QUANTITY_TYPE_MONEY);
  qty->set_unit("USD");
  qty->set_unit_as_written("$");
  qty->set_currency("USD");
  qty->set_currency_assumed(true);
  qty->set_scale_word("billion");
  qty->set_precision(1e8);
  qty->set_text("$2.3 billion");
  auto* t = c.mutable_scope();
  t->set_start("2025-07-01");
  t->set_end("2025-10-01");
  t->set_granularity(v1::GRANULARITY_QUARTER);
  t->set_kind(v1::SCOPE_KIND_PERIOD);
  t->set_text("in Q3 2025");
  auto* p = c.mutable_provenance();
  p->set_document_id("fedcba9876543210");
  p->set_uri("corpus/a.txt");
  p->mutable_published()->mutable_time()->set_seconds(1762249140);
  p->mutable_published()->set_precision(v1::TIME_PRECISION_MINUTE);
  p->mutable_published()->set_method(v1::DATE_METHOD_BYLINE);
  p->set_sentence_begin(10);
  p->set_sentence_end(90);
  p->set_figure_begin(40);
  p->set_figure_end(52);
  p->set_sentence("In Q3 2025 the fund committed $2.3 billion, \"officials\" said.\n\u00e9");
  p->set_hedge(v1::HEDGE_REPORTED);
  p->set_attribution("officials");
  c.set_extractor("claimcheck");
  c.set_extractor_version("0.1.0");
  c.set_confidence(0.75);
  return c;
}

TEST(RecordStreamTest, BinaryToJsonToBinaryIsByteIdentical) {
  Claim original = SampleClaim();
  std::string binary;
  ASSERT_TRUE(original.SerializeToString(&binary));

  Claim parsed;
  ASSERT_TRUE(parsed.ParseFromString(binary));
  auto json = RecordToJson(parsed);
  ASSERT_TRUE(json.ok()) << json.status();
  Claim from_json;
  absl::Status s = RecordFromJson(*json, &from_json);
  ASSERT_TRUE(s.ok()) << s;
  std::string again;
  ASSERT_TRUE(from_json.SerializeToString(&again));
  EXPECT_EQ(binary, again);
}

TEST(RecordStreamTest, BothFramingsRoundTripManyRecords) {
  for (RecordFormat format : {RecordFormat::kBinary, RecordFormat::kJsonLines}) {
    std::vector<Claim> written;
    std::string data;
    for (int i = 0; i < 5; ++i) {
      Claim c = SampleClaim();
      c.set_id(std::to_string(i));
      c.mutable_quantity()->set_value(i * 0.1);
      if (i == 3) c.mutable_quantity()->clear_high();  // open interval survives
      written.push_back(c);
      ASSERT_TRUE(AppendRecord(c, format, &data).ok());
    }
    EXPECT_EQ(DetectRecordFormat(data), format);
    std::vector<Claim> read;
    std::vector<std::string> problems;
    Claim scratch;
    size_t n = ReadRecords(
        data, format, "mem", &scratch, [&] { read.push_back(scratch); },
        [&](const std::string& p) { problems.push_back(p); });
    EXPECT_EQ(n, 5u);
    EXPECT_TRUE(problems.empty());
    ASSERT_EQ(read.size(), written.size());
    for (size_t i = 0; i < read.size(); ++i) {
      EXPECT_EQ(read[i].SerializeAsString(), written[i].SerializeAsString()) << i;
    }
    EXPECT_FALSE(read[3].quantity().has_high());
    EXPECT_TRUE(read[2].quantity().has_high());
  }
}

TEST(RecordStreamTest, BadJsonLineIsReportedAndTheRestAreRead) {
  std::string data;
  ASSERT_TRUE(AppendRecord(SampleClaim(), RecordFormat::kJsonLines, &data).ok());
  data += "{\"id\": \"broken\", \n";
  data += "\n";
  ASSERT_TRUE(AppendRecord(SampleClaim(), RecordFormat::kJsonLines, &data).ok());
  std::vector<std::string> problems;
  Claim scratch;
  size_t n = ReadRecords(data, RecordFormat::kJsonLines, "claims.jsonl", &scratch, [] {},
                         [&](const std::string& p) { problems.push_back(p); });
  EXPECT_EQ(n, 2u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("claims.jsonl:2: ", 0), 0u) << problems[0];
}

TEST(RecordStreamTest, TruncatedBinaryIsReportedWithItsOffset) {
  std::string data;
  ASSERT_TRUE(AppendRecord(SampleClaim(), RecordFormat::kBinary, &data).ok());
  size_t first = data.size();
  ASSERT_TRUE(AppendRecord(SampleClaim(), RecordFormat::kBinary, &data).ok());
  data.resize(data.size() - 7);
  std::vector<std::string> problems;
  Claim scratch;
  size_t n = ReadRecords(data, RecordFormat::kBinary, "claims.binpb", &scratch, [] {},
                         [&](const std::string& p) { problems.push_back(p); });
  EXPECT_EQ(n, 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("byte " + std::to_string(first)), std::string::npos)
      << problems[0];
}

TEST(RecordStreamTest, FormatNames) {
  EXPECT_EQ(*ParseRecordFormat("jsonl"), RecordFormat::kJsonLines);
  EXPECT_EQ(*ParseRecordFormat("binpb"), RecordFormat::kBinary);
  EXPECT_FALSE(ParseRecordFormat("xml").ok());
  EXPECT_EQ(DetectRecordFormat(""), RecordFormat::kBinary);
}

}  // namespace
}  // namespace claimcheck
