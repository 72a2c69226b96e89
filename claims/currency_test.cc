#include "claims/currency.h"

#include <cmath>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

constexpr char kTable[] =
    "# test rates\n"
    "year,currency,per_usd,source\n"
    "2023,CNY,7.084,Fed H.10 annual average\n"
    "2024,CNY,7.189,Fed H.10 annual average\n"
    "2024,EUR,0.924,ECB, inverted\n";

TEST(CurrencyTest, IsCurrencyCodeChecksForm) {
  struct Case {
    const char* code;
    bool ok;
  } cases[] = {{"USD", true}, {"CNY", true}, {"usd", false}, {"US", false}, {"RMB1", false}};
  for (const auto& c : cases) EXPECT_EQ(IsCurrencyCode(c.code), c.ok) << c.code;
}

TEST(CurrencyTest, ParseReadsRowsAndSourcesWithCommas) {
  auto table = RateTable::Parse(kTable, "rates.csv");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 3u);
  EXPECT_EQ(table->latest_year(), 2024);
  int year = 0;
  const RateTable::Rate* eur = table->Find("EUR", 2024, &year);
  ASSERT_NE(eur, nullptr);
  EXPECT_EQ(eur->source, "ECB, inverted");
  EXPECT_DOUBLE_EQ(eur->per_usd, 0.924);
}

TEST(CurrencyTest, ParseRejectsBadRowsNamingTheLine) {
  struct Case {
    const char* csv;
    const char* expect;
  } cases[] = {
      {"2024,CNY,7.1\n", "rates.csv:1: expected"},
      {"\n20x4,CNY,7.1,src\n", "rates.csv:2: bad year"},
      {"2024,RMB1,7.1,src\n", "bad currency code"},
      {"2024,CNY,-1,src\n", "bad rate"},
      {"2024,CNY,7.1,a\n2024,CNY,7.2,b\n", "rates.csv:2: duplicate"},
      {"# nothing\n", "no exchange rates"},
  };
  for (const auto& c : cases) {
    auto table = RateTable::Parse(c.csv, "rates.csv");
    ASSERT_FALSE(table.ok()) << c.csv;
    EXPECT_NE(table.status().message().find(c.expect), std::string::npos)
        << table.status() << " for " << c.csv;
  }
}

TEST(CurrencyTest, ConvertUsesTheYearsAverage) {
  auto table = RateTable::Parse(kTable, "rates.csv");
  ASSERT_TRUE(table.ok()) << table.status();
  struct Case {
    const char* from;
    const char* to;
    int year;
    double factor;
    int used_year;
  } cases[] = {
      {"CNY", "USD", 2024, 1 / 7.189, 2024},
      {"USD", "CNY", 2023, 7.084, 2023},
      {"CNY", "EUR", 2024, 0.924 / 7.189, 2024},
      {"USD", "USD", 2024, 1, 2024},
      {"CNY", "USD", 2030, 1 / 7.189, 2024},  // nearest year
      {"CNY", "USD", 2001, 1 / 7.084, 2023},
  };
  for (const auto& c : cases) {
    auto conversion = table->Convert(c.from, c.to, c.year);
    ASSERT_TRUE(conversion.ok()) << conversion.status();
    EXPECT_NEAR(conversion->factor, c.factor, 1e-12) << c.from << "->" << c.to;
    EXPECT_EQ(conversion->year, c.used_year);
  }
}

TEST(CurrencyTest, DescriptionNamesRateYearAndSource) {
  auto table = RateTable::Parse(kTable, "rates.csv");
  ASSERT_TRUE(table.ok()) << table.status();
  auto conversion = table->Convert("CNY", "USD", 2030);
  ASSERT_TRUE(conversion.ok()) << conversion.status();
  EXPECT_NE(conversion->description.find("CNY->USD at 0.139"), std::string::npos)
      << conversion->description;
  EXPECT_NE(conversion->description.find("2024 annual average; Fed H.10"), std::string::npos);
  EXPECT_NE(conversion->description.find("nearest year"), std::string::npos);
}

TEST(CurrencyTest, UnknownCurrencyIsNotFound) {
  auto table = RateTable::Parse(kTable, "rates.csv");
  ASSERT_TRUE(table.ok()) << table.status();
  auto conversion = table->Convert("XAU", "USD", 2024);
  ASSERT_FALSE(conversion.ok());
  EXPECT_TRUE(absl::IsNotFound(conversion.status()));
  EXPECT_NE(conversion.status().message().find("XAU"), std::string::npos);
}

}  // namespace
}  // namespace claimcheck
