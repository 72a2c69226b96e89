#include "claims/metric_vocabulary.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(MetricVocabularyTest, SynonymsMapToOneMetric) {
  MetricVocabulary v = MetricVocabulary::BuiltIn();
  struct {
    const char* phrase;
    const char* want;
  } cases[] = {
      {"revenue", "revenue"},          {"Revenues", "revenue"},
      {"sales", "revenue"},            {"turnover", "revenue"},
      {"registered capital", "fund_size"}, {"Registered  Capital", "fund_size"},
      {"scale", "fund_size"},          {"fund", "fund_size"},
      {"committed", "investment"},     {"allocated", "investment"},
      {"injected", "investment"},      {"invested", "investment"},
      {"node", "process_node"},        {"process", "process_node"},
      {"capacity", "capacity"},        {"market share", "market_share"},
      {"subsidies", "subsidy"},        {"time to market", "time_to_market"},
      {"raised", "funding"},           {"spent", "spending"},
      {"margin", "gross_margin"},      {"operating margin", "operating_margin"},
      {"net profit margin", "net_margin"}, {"cash and equivalents", "cash"},
      {"market capitalization", "market_cap"}, {"deliveries", "deliveries"},
      {"hires", "hires"},              {"acquired", "deal_value"},
      {"earnings per share", "eps"},   {"adjusted EBITDA", "ebitda"},
      {"free cash flow", "free_cash_flow"}, {"net debt", "debt"},
      {"share buyback", "buyback"},    {"quarterly dividend", "dividend"},
      {"R&D spending", "rd_spending"},
  };
  for (const auto& c : cases) {
    std::optional<std::string> got = v.Find(c.phrase);
    ASSERT_TRUE(got.has_value()) << c.phrase;
    EXPECT_EQ(*got, c.want) << c.phrase;
  }
  EXPECT_FALSE(v.Find("banana").has_value());
  EXPECT_GE(v.max_words(), 3);
}

TEST(MetricVocabularyTest, FindOrNullNormalisesOnlyWhenNeeded) {
  MetricVocabulary v = MetricVocabulary::BuiltIn();
  struct {
    const char* phrase;
    const char* want;  // nullptr: not in the vocabulary
  } cases[] = {
      {"revenue", "revenue"},        {"Revenues", "revenue"},
      {"registered  capital", "fund_size"}, {"subsidies", "subsidy"},
      {"net orders", "orders"},      {"asps", "price"},
      {"losses", "net_loss"},        {"Average Selling Prices", "price"},
      {"time to market", "time_to_market"}, {" revenue ", "revenue"},
      {"banana", nullptr},           {"bananas", nullptr},
      {"", nullptr},                 {"s", nullptr},
  };
  for (const auto& c : cases) {
    const std::string* got = v.FindOrNull(c.phrase);
    if (c.want == nullptr) {
      EXPECT_EQ(got, nullptr) << c.phrase;
    } else {
      ASSERT_NE(got, nullptr) << c.phrase;
      EXPECT_EQ(*got, c.want) << c.phrase;
    }
  }
}

TEST(MetricVocabularyTest, MayEndPhraseAgreesWithFind) {
  MetricVocabulary v = MetricVocabulary::BuiltIn();
  // Every last word of a phrase Find accepts, and its plurals, may end a phrase.
  for (const char* word : {"revenue", "revenues", "capital", "subsidies", "share", "market",
                           "node", "capacity", "sales"}) {
    EXPECT_TRUE(v.MayEndPhrase(word)) << word;
  }
  // Words in no phrase (as written or as a plural) never do, so scans can skip them.
  for (const char* word : {"banana", "the", "said", "bananas", "", "s"}) {
    EXPECT_FALSE(v.MayEndPhrase(word)) << word;
    EXPECT_FALSE(v.Find(word).has_value()) << word;
  }
  // The quick test never turns away a word that ends a phrase.
  for (const char* word : {"revenue", "revenues", "capital", "subsidies", "share", "market",
                           "node", "capacity", "sales", "losses", "asps"}) {
    EXPECT_TRUE(v.MayEndPhraseQuick(word)) << word;
  }
  v.Add("order book", "orders");
  EXPECT_TRUE(v.MayEndPhraseQuick("books"));
  EXPECT_TRUE(v.MayEndPhrase("book"));
  EXPECT_TRUE(v.MayEndPhrase("books"));
}

TEST(MetricVocabularyTest, GrowthVariants) {
  struct {
    const char* base;
    const char* want;
  } cases[] = {
      {"revenue", "revenue_growth"}, {"demand", "demand_growth"},
      {"", "growth"}, {"revenue_growth", "revenue_growth"},
  };
  for (const auto& c : cases) EXPECT_EQ(GrowthMetric(c.base), c.want) << c.base;
}

TEST(MetricVocabularyTest, UserFileExtendsAndOverrides) {
  MetricVocabulary v = MetricVocabulary::BuiltIn();
  absl::Status s = v.AddFromText(
      "# wafer metrics\n"
      "wafer starts = capacity\n"
      "share = stake_share\n",
      "metrics.txt");
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(v.Find("wafer starts").value_or(""), "capacity");
  EXPECT_EQ(v.Find("share").value_or(""), "stake_share");
}

TEST(MetricVocabularyTest, BadLinesAreNamed) {
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"no equals\n", "m.txt:1: expected 'phrase = metric'"},
      {"\n = revenue\n", "m.txt:2: empty phrase"},
      {"sales =  \n", "m.txt:1: empty metric"},
      {"a = b = c\n", "m.txt:1: expected"},
  };
  for (const auto& c : cases) {
    MetricVocabulary v;
    absl::Status s = v.AddFromText(c.text, "m.txt");
    EXPECT_FALSE(s.ok()) << c.text;
    EXPECT_NE(std::string(s.message()).find(c.want), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace claimcheck
