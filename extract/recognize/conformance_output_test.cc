#include "extract/recognize/conformance_output.h"

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

class ConformanceOutputTest : public testing::Test {
 protected:
  void SetUp() override {
    auto q = QuantityRecognizer::Create();
    ASSERT_TRUE(q.ok()) << q.status();
    auto t = TimeRecognizer::Create();
    ASSERT_TRUE(t.ok()) << t.status();
    quantities_ = std::move(*q);
    times_ = std::move(*t);
  }
  std::string Line(const std::string& json, absl::flat_hash_set<std::string> types) {
    auto c = ParseConformanceCase(json);
    EXPECT_TRUE(c.ok()) << c.status();
    return ConformanceLine(*c, *quantities_, *times_, types);
  }
  std::unique_ptr<QuantityRecognizer> quantities_;
  std::unique_ptr<TimeRecognizer> times_;
};

TEST_F(ConformanceOutputTest, CurrencyWithCodePointOffsets) {
  // "£" is two bytes but one code point; end is inclusive.
  std::string line = Line(R"({"id":"c1","input":"a \u00a3 8.10 million fee","reference_time":null})",
                          {"currency"});
  EXPECT_EQ(line,
            R"({"id":"c1","found":[{"text":"£ 8.10 million","start":2,"end":15,)"
            R"("type":"currency","value":8100000,"unit":"Pound","iso_currency":"GBP",)"
            R"("low":8095000,"high":8105000,"bound":"BOUND_KIND_EXACT"}]})");
}

TEST_F(ConformanceOutputTest, NumberViewListsNumbersInsideFigures) {
  std::string line = Line(R"({"id":"n1","input":"I want to earn $10000 in 3 years"})", {"number"});
  EXPECT_NE(line.find(R"("text":"10000","start":16,"end":20)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("text":"3","start":25,"end":25)"), std::string::npos) << line;
}

TEST_F(ConformanceOutputTest, CentsKeepTheirWrittenValue) {
  std::string line = Line(R"({"id":"c2","input":"up 50 cents"})", {"currency"});
  EXPECT_NE(line.find(R"("value":50,"unit":"Cent")"), std::string::npos) << line;
}

TEST_F(ConformanceOutputTest, BadJsonIsAnError) {
  EXPECT_FALSE(ParseConformanceCase("{\"id\": ").ok());
}

TEST_F(ConformanceOutputTest, Utf8Helpers) {
  EXPECT_EQ(ValidUtf8("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(JsonNumber(3), "3");
  EXPECT_EQ(JsonNumber(0.5), "0.5");
}

}  // namespace
}  // namespace claimcheck
