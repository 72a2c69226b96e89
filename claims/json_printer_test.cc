#include "claims/json_printer.h"

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "google/protobuf/util/json_util.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"

namespace claimcheck {
namespace {

// What protobuf's own printer writes, the reference this printer must match.
std::string ProtobufJson(const google::protobuf::Message& m) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(m, &json, options);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return json;
}

void ExpectSameAsProtobuf(const google::protobuf::Message& m) {
  std::string fast = "prefix";
  ASSERT_TRUE(AppendJsonFast(m, &fast)) << m.DebugString();
  EXPECT_EQ(fast, "prefix" + ProtobufJson(m)) << m.DebugString();
}

v1::Claim FullClaim() {
  v1::Claim c;
  c.set_id("00ab12cd34ef5678");
  c.mutable_subject()->set_entity("Big Fund III");
  c.mutable_subject()->set_metric("investment");
  c.mutable_quantity()->set_value(450e6);
  c.mutable_quantity()->set_bound(v1::BoundKind(2));
  c.mutable_quantity()->set_currency("CNY");
  c.mutable_quantity()->set_precision(1e6);
  c.mutable_quantity()->set_currency_assumed(true);
  c.mutable_scope()->set_start("2025-07-01");
  c.mutable_provenance()->set_sentence_begin(12345678901234ULL);
  c.mutable_provenance()->set_line(7);
  c.mutable_provenance()->mutable_published()->mutable_time()->set_seconds(1762231140);
  c.set_confidence(0.85);
  return c;
}

TEST(JsonPrinterTest, EmptyClaimIsEmptyObject) {
  v1::Claim c;
  ExpectSameAsProtobuf(c);
}

TEST(JsonPrinterTest, FullClaimMatchesProtobuf) { ExpectSameAsProtobuf(FullClaim()); }

TEST(JsonPrinterTest, EmptySubMessagesArePrinted) {
  v1::Claim c;
  c.mutable_subject();
  c.mutable_provenance()->mutable_published()->mutable_time();
  ExpectSameAsProtobuf(c);
}

TEST(JsonPrinterTest, DoublesMatchProtobuf) {
  const std::vector<double> values = {0.1, -0.0, 1.0 / 3, 1e21, 1e-7, 123456789012345678.0,
                                      2.5e-308, 1.7976931348623157e308, 0.30000000000000004,
                                      -42, 5e-324, 1e15, 1e16, 12345.678};
  for (double v : values) {
    v1::Claim c;
    c.mutable_quantity()->set_value(v);
    c.set_confidence(v);
    ExpectSameAsProtobuf(c);
  }
}

TEST(JsonPrinterTest, ManyDoublesMatchProtobuf) {
  // Integers on both sides of 10^15 (the printer's integer path), figures as extracted,
  // and pseudo-random doubles over many magnitudes.
  std::vector<double> values = {999999999999999.0, -999999999999999.0, 1e15 - 2, 4.5e10,
                                7.27e9, 8.03e9, 0.5, 19.3, 90.4, 884250, 1e14, 123.456e3};
  uint64_t state = 88172645463325252ull;
  for (int i = 0; i < 3000; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    const double mantissa = static_cast<double>(state % 1000000007) / 1000.0;
    const int exponent = static_cast<int>(state % 41) - 20;
    values.push_back(mantissa * std::pow(10.0, exponent));
    values.push_back(std::floor(mantissa * std::pow(10.0, exponent % 16)));
  }
  for (double v : values) {
    v1::Claim c;
    c.mutable_quantity()->set_value(v);
    ExpectSameAsProtobuf(c);
  }
}

TEST(JsonPrinterTest, TimestampsMatchProtobuf) {
  const std::vector<std::pair<int64_t, int32_t>> times = {
      {0, 0}, {1762231140, 0}, {1, 5000000}, {1, 120000}, {1, 7}, {-62135596800LL, 0},
      {253402300799LL, 999999999}, {-1, 500000000}};
  for (const auto& [s, n] : times) {
    v1::Claim c;
    auto* t = c.mutable_provenance()->mutable_published()->mutable_time();
    t->set_seconds(s);
    t->set_nanos(n);
    ExpectSameAsProtobuf(c);
  }
}

TEST(JsonPrinterTest, StringEscapesMatchProtobuf) {
  const std::vector<std::string> texts = {
      "plain", "quote \" backslash \\ slash /", "<b>&amp;</b>", "tab\tnew\nline\r\f\b",
      std::string("nul\0byte", 8), "\x01\x1f\x7f", "caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d",
      "\xc2\x80\xc2\x9f\xc2\xa0\xc2\xad", "\xe2\x80\x8b\xe2\x80\xa8\xe2\x80\xa9\xe2\x81\xa0\xef\xbb\xbf",
      "\xd8\x80\xdb\x9d\xdc\x8f\xe1\x9e\xb4\xef\xbf\xb9", "\xf0\x9f\x98\x80 emoji",
      "\xf3\xa0\x80\x81 tag \xf0\x9d\x85\xb3", "\xe4\xb8\xad\xe6\x96\x87 RMB 450 \xe4\xba\xbf"};
  for (const std::string& t : texts) {
    v1::Claim c;
    c.mutable_provenance()->set_sentence(t);
    ExpectSameAsProtobuf(c);
  }
}

TEST(JsonPrinterTest, EveryCodePointMatchesProtobuf) {
  std::string text;
  for (uint32_t cp = 1; cp < 0x30000; ++cp) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (cp < 0x80) {
      text.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      text.push_back(static_cast<char>(0xc0 | (cp >> 6)));
      text.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      text.push_back(static_cast<char>(0xe0 | (cp >> 12)));
      text.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      text.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      text.push_back(static_cast<char>(0xf0 | (cp >> 18)));
      text.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
      text.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      text.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
  }
  v1::Claim c;
  c.set_extractor(text);
  ExpectSameAsProtobuf(c);
}

TEST(JsonPrinterTest, RepeatedFieldsAndEnumsMatchProtobuf) {
  v1::Document d;
  d.set_id("abc");
  d.set_format(v1::DocumentFormat(1));
  d.add_warnings("first <warning>");
  d.add_warnings("");
  d.add_offset_map()->set_text_offset(5);
  d.add_offset_map();
  d.mutable_retrieved()->set_seconds(1700000000);
  ExpectSameAsProtobuf(d);
}

TEST(JsonPrinterTest, UnknownEnumNumberPrintsNumber) {
  v1::Claim c;
  c.mutable_provenance()->set_hedge(v1::Hedge(97));
  ExpectSameAsProtobuf(c);
}

TEST(JsonPrinterTest, DeclinesWhatItDoesNotHandle) {
  struct Case {
    const char* name;
    v1::Claim claim;
  };
  std::vector<Case> cases;
  cases.push_back({"invalid UTF-8", {}});
  cases.back().claim.set_id("bad \xff byte");
  cases.push_back({"truncated UTF-8", {}});
  cases.back().claim.set_id("cut \xe4\xb8");
  cases.push_back({"overlong UTF-8", {}});
  cases.back().claim.set_id("\xc0\x80");
  cases.push_back({"NaN", {}});
  cases.back().claim.set_confidence(std::nan(""));
  cases.push_back({"infinity", {}});
  cases.back().claim.set_confidence(std::numeric_limits<double>::infinity());
  cases.push_back({"timestamp out of range", {}});
  cases.back().claim.mutable_provenance()->mutable_published()->mutable_time()->set_seconds(
      253402300800LL);
  cases.push_back({"negative nanos", {}});
  cases.back().claim.mutable_provenance()->mutable_published()->mutable_time()->set_nanos(-1);
  for (const Case& c : cases) {
    std::string out = "kept";
    EXPECT_FALSE(AppendJsonFast(c.claim, &out)) << c.name;
    EXPECT_EQ(out, "kept") << c.name;
  }
}

TEST(JsonPrinterTest, RandomClaimsMatchProtobuf) {
  std::mt19937_64 rng(20261123);
  const std::string alphabet[] = {"a", "Z", " ", "9", "\"", "<", "\xe2\x80\x99", "\xc2\xa0",
                                  "\n", "%", "\xe2\x82\xac", "\xf0\x9f\x93\x88"};
  auto text = [&]() {
    std::string s;
    const int n = rng() % 12;
    for (int k = 0; k < n; ++k) s += alphabet[rng() % 12];
    return s;
  };
  for (int k = 0; k < 500; ++k) {
    v1::Claim c;
    if (rng() % 2) c.set_id(text());
    if (rng() % 2) c.mutable_subject()->set_entity(text());
    if (rng() % 2) c.mutable_quantity()->set_value(std::ldexp(static_cast<double>(rng() % 100000), static_cast<int>(rng() % 80) - 40));
    if (rng() % 2) c.mutable_quantity()->set_type(v1::QuantityType(rng() % 5));
    if (rng() % 2) c.mutable_scope()->set_text(text());
    if (rng() % 2) c.mutable_provenance()->set_figure_end(rng());
    if (rng() % 2) c.mutable_provenance()->set_column(static_cast<uint32_t>(rng()));
    if (rng() % 2) c.mutable_provenance()->set_is_quotation(rng() % 2);
    if (rng() % 2) c.set_confidence(static_cast<double>(rng() % 1000) / 1000);
    ExpectSameAsProtobuf(c);
  }
}

}  // namespace
}  // namespace claimcheck
