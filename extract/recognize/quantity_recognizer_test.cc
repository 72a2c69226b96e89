#include "extract/recognize/quantity_recognizer.h"

#include <functional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

class QuantityRecognizerTest : public testing::Test {
 protected:
  void SetUp() override {
    auto r = QuantityRecognizer::Create();
    ASSERT_TRUE(r.ok()) << r.status();
    recognizer_ = std::move(*r);
  }
  std::unique_ptr<QuantityRecognizer> recognizer_;
};

struct Case {
  const char* name;
  const char* text;
  const char* figure;  // expected mention text
  double value;
  const char* unit;
  v1::BoundKind bound;
  v1::QuantityType type;
};

const Case kCases[] = {
    {"RmbMillion", "Big Fund III committed RMB 450 million to Piotech Jianke.",
     "RMB 450 million", 450e6, "CNY", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"BareDollarBillion", "Having spent $200 billion to develop chips", "$200 billion", 200e9,
     "USD", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"NearlyPercent", "expected to soar by nearly 60% in 2023 alone", "nearly 60%", 60,
     "percent", v1::BOUND_KIND_APPROXIMATE_BELOW, v1::QUANTITY_TYPE_PERCENT},
    {"UpToYears", "could take up to four years to introduce", "up to four years", 4, "year",
     v1::BOUND_KIND_AT_MOST, v1::QUANTITY_TYPE_DURATION},
    {"CoupleOfDecades", "this could take a couple of decades", "a couple of decades", 20,
     "year", v1::BOUND_KIND_APPROXIMATE, v1::QUANTITY_TYPE_DURATION},
    {"GluedNanometres", "the 2008-vintage 40nm process", "40nm", 40, "nm",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_DIMENSION},
    {"CountedNounCompound", "the size of 20 soccer fields", "20 soccer fields", 20,
     "soccer field", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_COUNT},
    {"CountedNounAdjectiveDropped", "among the 10 initial partners", "10 initial partners",
     10, "partner", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_COUNT},
    {"CountedPluralName", "Apple sold 232 million iPhones in 2024", "232 million iPhones",
     232e6, "iphone", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_COUNT},
    {"CountedPluralAcronym", "it shipped 3.7 million GPUs last year", "3.7 million GPUs",
     3.7e6, "gpu", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_COUNT},
    {"DollarRange", "a $1-2 billion deal", "$1-2 billion", 1.5e9, "USD",
     v1::BOUND_KIND_RANGE, v1::QUANTITY_TYPE_MONEY},
    {"BetweenRange", "growth between 5 and 7 percent", "between 5 and 7 percent", 6,
     "percent", v1::BOUND_KIND_RANGE, v1::QUANTITY_TYPE_PERCENT},
    {"PercentagePoints", "margins rose 3 percentage points", "3 percentage points", 3,
     "percentage_point", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_PERCENTAGE_POINT},
    {"AbbreviatedScale", "sales of US$3.5bn last year", "US$3.5bn", 3.5e9, "USD",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"EuroSign", "a fine of \xE2\x82\xAC" "2 million", "\xE2\x82\xAC" "2 million", 2e6, "EUR",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"YuanAfter", "revenue of 10 billion yuan", "10 billion yuan", 10e9, "CNY",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"MoreThan", "more than 20,000 workers", "more than 20,000 workers", 20000, "worker",
     v1::BOUND_KIND_AT_LEAST, v1::QUANTITY_TYPE_COUNT},
    {"OrMore", "orders of 10,000 or more", "10,000 or more", 10000, "",
     v1::BOUND_KIND_AT_LEAST, v1::QUANTITY_TYPE_NUMBER},
    {"HalfAMillion", "half a million users", "half a million users", 5e5, "user",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_COUNT},
    {"Lakh", "a loan of 35 lakh rupees", "35 lakh rupees", 35e5, "INR",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"ChineseWan", "\xE5\x94\xAE 5\xE4\xB8\x87", "5\xE4\xB8\x87", 5e4, "",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_NUMBER},
    {"CentsAreDollars", "shares fell 34 cents", "34 cents", 0.34, "USD",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"DataRate", "bandwidth of 1.2 TB/s", "1.2 TB/s", 1.2, "TB/s", v1::BOUND_KIND_EXACT,
     v1::QUANTITY_TYPE_DIMENSION},
    {"WafersPerMonth", "making 50,000 wafers per month by 2027", "50,000 wafers per month",
     50000, "wafer per month", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_COUNT},
    {"HyphenatedNoun", "a 128-layer NAND chip", "128-layer", 128, "layer",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_COUNT},
    {"HongKongDollars", "valuing it at HK$250 billion (US$32 billion)", "HK$250 billion",
     250e9, "HKD", v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"Crore", "India offered Rs 500 crore", "Rs 500 crore", 5e9, "INR",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
    {"PercentRange", "prices rose 15-20 per cent", "15-20 per cent", 17.5, "percent",
     v1::BOUND_KIND_RANGE, v1::QUANTITY_TYPE_PERCENT},
    {"Watts", "the chip draws 700W", "700W", 700, "W", v1::BOUND_KIND_EXACT,
     v1::QUANTITY_TYPE_DIMENSION},
    {"FeetAndInches", "he is 5 feet 2 inches", "5 feet 2 inches", 5 + 2.0 / 12, "ft",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_DIMENSION},
    {"ListAfterScale", "about $ 14 million and 25 pounds", "about $ 14 million", 14e6, "USD",
     v1::BOUND_KIND_APPROXIMATE, v1::QUANTITY_TYPE_MONEY},
    {"Multiplier", "it runs at 3x the speed", "3x", 3, "times", v1::BOUND_KIND_EXACT,
     v1::QUANTITY_TYPE_NUMBER},
    {"DollarsAndCents", "it only cost 3 dollars 50 cents", "3 dollars 50 cents", 3.5, "USD",
     v1::BOUND_KIND_EXACT, v1::QUANTITY_TYPE_MONEY},
};

TEST_F(QuantityRecognizerTest, FindsFigures) {
  for (const Case& c : kCases) {
    std::vector<QuantityMention> found = recognizer_->Find(c.text);
    const QuantityMention* hit = nullptr;
    for (const QuantityMention& m : found) {
      if (m.quantity.text() == c.figure) hit = &m;
    }
    ASSERT_NE(hit, nullptr) << c.name << ": no mention \"" << c.figure << "\" in \"" << c.text
                            << "\"; found " << found.size();
    EXPECT_NEAR(hit->quantity.value(), c.value, 1e-6 * std::abs(c.value)) << c.name;
    EXPECT_EQ(hit->quantity.unit(), c.unit) << c.name;
    EXPECT_EQ(hit->quantity.bound(), c.bound) << c.name;
    EXPECT_EQ(hit->quantity.type(), c.type) << c.name;
    EXPECT_EQ(std::string(c.text).substr(hit->begin, hit->end - hit->begin), c.figure)
        << c.name;
  }
}

TEST_F(QuantityRecognizerTest, PrecisionFollowsDigitsWritten) {
  auto found = recognizer_->Find("reaching $2.3 billion last year");
  ASSERT_EQ(found.size(), 1u);
  const v1::Quantity& q = found[0].quantity;
  EXPECT_DOUBLE_EQ(q.precision(), 1e8);
  EXPECT_NEAR(q.low(), 2.25e9, 1);
  EXPECT_NEAR(q.high(), 2.35e9, 1);
  EXPECT_TRUE(q.currency_assumed());
  EXPECT_EQ(q.scale_word(), "billion");
}

TEST_F(QuantityRecognizerTest, BareDollarFollowsOptions) {
  RecognizerOptions options;
  options.bare_dollar_currency = "HKD";
  auto r = QuantityRecognizer::Create(options);
  ASSERT_TRUE(r.ok()) << r.status();
  auto found = (*r)->Find("it cost $5");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].quantity.currency(), "HKD");
  EXPECT_TRUE(found[0].quantity.currency_assumed());
}

TEST_F(QuantityRecognizerTest, RejectsBadBareDollarOption) {
  RecognizerOptions options;
  options.bare_dollar_currency = "dollars";
  EXPECT_FALSE(QuantityRecognizer::Create(options).ok());
}

TEST_F(QuantityRecognizerTest, SkipsNonQuantities) {
  const char* kTexts[] = {
      "Huawei's 910B and 910C trail Nvidia's A100 and H20.",
      "the S10 series GPU and 225BC and 230F-A products",
      "Apple's M2 Ultra chip",
      "Big Fund III backs 3D integration in Phase II",
      "Yesterday at 10:42 PM",
      "Tuesday, Nov 4, 2025 4:39 am ET",
      "In 2023 the market grew.",
      "Call +1-222-333-4444 now",
      "see https://www.example.com/article/3232572/tech-war",
      "{\"id\":457076,\"author\":2580}",
      "1. First point\n2. Second point",
      "SMIC sold its stake in SN1",
      "on 2023-09-03 the post",
      "192.168.1.2",
      "the 4th generation",
      "sales in the first half of 2024",
      "Version 2.0 of the tool",
      "\"categories\":[8553],\"tags\":[5205,75446,8098],\"comment_count\":\"0\"",
      "as shown before [12], the",
  };
  for (const char* text : kTexts) {
    auto found = recognizer_->Find(text);
    for (const QuantityMention& m : found) {
      ADD_FAILURE() << "\"" << text << "\": unexpected figure \"" << m.quantity.text() << "\"";
    }
  }
}

TEST_F(QuantityRecognizerTest, MentionsAreSortedAndDisjoint) {
  auto found = recognizer_->Find(
      "About 30% of the $5 billion went to 12 firms, up 3 percentage points, over 2 years.");
  ASSERT_GE(found.size(), 4u);
  for (size_t i = 1; i < found.size(); ++i) {
    EXPECT_LE(found[i - 1].end, found[i].begin);
  }
}

void ExpectSameMentions(const std::vector<QuantityMention>& fresh,
                        const std::vector<QuantityMention>& reused, const std::string& text) {
  ASSERT_EQ(reused.size(), fresh.size()) << text;
  for (size_t i = 0; i < fresh.size(); ++i) {
    const QuantityMention& a = fresh[i];
    const QuantityMention& b = reused[i];
    EXPECT_EQ(b.quantity.SerializeAsString(), a.quantity.SerializeAsString()) << text;
    EXPECT_EQ(b.begin, a.begin) << text;
    EXPECT_EQ(b.end, a.end) << text;
    EXPECT_EQ(b.figure_begin, a.figure_begin) << text;
    EXPECT_EQ(b.number_begin, a.number_begin) << text;
    EXPECT_EQ(b.number_end, a.number_end) << text;
    EXPECT_EQ(b.number_value, a.number_value) << text;
    EXPECT_EQ(b.high_begin, a.high_begin) << text;
    EXPECT_EQ(b.high_end, a.high_end) << text;
    EXPECT_EQ(b.high_value, a.high_value) << text;
    EXPECT_EQ(b.unit_glued, a.unit_glued) << text;
    EXPECT_EQ(b.unit_name, a.unit_name) << text;
    EXPECT_EQ(b.unit_factor, a.unit_factor) << text;
  }
}

std::vector<std::string> ReuseTexts() {
  std::vector<std::string> texts;
  for (const Case& c : kCases) texts.push_back(c.text);
  texts.push_back("nothing here");
  texts.push_back("percent of 10 and then 5 feet 2 inches, $3 and 50 cents, up to 2-3 years");
  return texts;
}

// The Find that fills a caller's vector gives what the other returns, whatever the vector
// held before: more mentions, fewer, ranges, units, hedges, percent-of, cents.
TEST_F(QuantityRecognizerTest, ReusedVectorGivesTheSameMentions) {
  const std::vector<std::string> texts = ReuseTexts();
  std::vector<QuantityMention> reused;
  // Forwards and backwards, so that each text meets a vector left by a different one.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < texts.size(); ++k) {
      const std::string& text = pass == 0 ? texts[k] : texts[texts.size() - 1 - k];
      recognizer_->Find(text, &reused);
      ExpectSameMentions(recognizer_->Find(text), reused, text);
    }
  }
}

// The same with vectors that share spare messages: a message given back by one vector's
// surplus mentions and taken by another's new one is reset like a reused mention.
TEST_F(QuantityRecognizerTest, SpareMessagesGiveTheSameMentions) {
  const std::vector<std::string> texts = ReuseTexts();
  std::vector<QuantityMention> vectors[3];
  SpareQuantities spare;
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t k = 0; k < texts.size(); ++k) {
      const std::string& text = texts[(k * (pass + 1) + pass) % texts.size()];
      std::vector<QuantityMention>& out = vectors[(k + pass) % 3];
      recognizer_->Find(text, &out, &spare);
      ExpectSameMentions(recognizer_->Find(text), out, text);
    }
  }
  // A vector's surplus is kept, up to kMaxSpare messages, and taken back before any is made.
  std::string many;
  for (size_t i = 0; i < 2 * SpareQuantities::kMaxSpare; ++i) many += "$1 ";
  recognizer_->Find(many, &vectors[0], &spare);
  ASSERT_EQ(vectors[0].size(), 2 * SpareQuantities::kMaxSpare);
  recognizer_->Find("nothing", &vectors[0], &spare);
  EXPECT_TRUE(vectors[0].empty());
  EXPECT_EQ(spare.size(), SpareQuantities::kMaxSpare);
  for (std::vector<QuantityMention>& out : {std::ref(vectors[1]), std::ref(vectors[2])}) {
    out.clear();
    recognizer_->Find("$5 and 7%", &out, &spare);
    ExpectSameMentions(recognizer_->Find("$5 and 7%"), out, "$5 and 7%");
  }
  EXPECT_EQ(spare.size(), SpareQuantities::kMaxSpare - 4);
}

TEST_F(QuantityRecognizerTest, MalformedInputReturns) {
  std::string invalid = "price \xff\xfe\xC2 $\xE2\x82 12 \xE4\xB8 million \x80\x80";
  recognizer_->Find(invalid);  // must not crash
  std::string digits(10 * 1000 * 1000, '7');
  auto found = recognizer_->Find(digits);
  EXPECT_TRUE(found.empty()) << found[0].quantity.text().substr(0, 40);
  std::string dollars(100000, '$');
  EXPECT_TRUE(recognizer_->Find(dollars).empty());
  std::string euros;
  for (int i = 0; i < 100000; ++i) euros += "\xE2\x82\xAC";
  euros += "5";
  auto e = recognizer_->Find(euros);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].quantity.currency(), "EUR");
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "$1 ";
  EXPECT_EQ(recognizer_->Find(many).size(), 20000u);
}

}  // namespace
}  // namespace claimcheck
