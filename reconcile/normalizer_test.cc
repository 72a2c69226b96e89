#include "reconcile/normalizer.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

constexpr char kRates[] =
    "2023,CNY,7.084,test\n"
    "2024,CNY,7.189,test\n";

v1::Quantity Money(double value, const char* currency, double precision) {
  v1::Quantity q;
  q.set_value(value);
  q.set_type(v1::QUANTITY_TYPE_MONEY);
  q.set_currency(currency);
  q.set_unit(currency);
  q.set_bound(v1::BOUND_KIND_EXACT);
  q.set_precision(precision);
  return q;
}

v1::Quantity Unit(double value, const char* unit, v1::QuantityType type) {
  v1::Quantity q;
  q.set_value(value);
  q.set_unit(unit);
  q.set_type(type);
  q.set_bound(v1::BOUND_KIND_EXACT);
  return q;
}

TEST(NormalizerTest, CanonicalUnits) {
  struct Case {
    v1::Quantity q;
    const char* unit;
  } cases[] = {
      {Money(1, "CNY", 1), "CNY"},
      {Unit(60, "%", v1::QUANTITY_TYPE_PERCENT), "percent"},
      {Unit(60, "", v1::QUANTITY_TYPE_PERCENT), "percent"},
      {Unit(3, "percentage points", v1::QUANTITY_TYPE_PERCENTAGE_POINT), "percentage_point"},
      {Unit(20, "soccer fields", v1::QUANTITY_TYPE_COUNT), "soccer field"},
      {Unit(20, "companies", v1::QUANTITY_TYPE_COUNT), "company"},
      {Unit(4, "years", v1::QUANTITY_TYPE_DURATION), "year"},
      {Unit(2, "TB", v1::QUANTITY_TYPE_DIMENSION), "TB"},
      {Unit(7, "nm", v1::QUANTITY_TYPE_DIMENSION), "nm"},
      {Unit(10, "", v1::QUANTITY_TYPE_COUNT), "count"},
      {Unit(10, "", v1::QUANTITY_TYPE_NUMBER), ""},
  };
  for (const auto& c : cases) EXPECT_EQ(CanonicalUnit(c.q), c.unit) << c.q.ShortDebugString();
}

TEST(NormalizerTest, CurrencyConversionUsesYearAndWidens) {
  auto rates = RateTable::Parse(kRates, "rates");
  ASSERT_TRUE(rates.ok()) << rates.status();
  Normalizer normalizer(&*rates);
  // "$47.5 billion" in CNY at 2024's rate: 341.5 billion, widened by 3%.
  auto n = normalizer.Express(Money(47.5e9, "USD", 1e8), "USD", 2024, "CNY");
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_NEAR(n->value, 47.5e9 * 7.189, 1);
  EXPECT_NEAR(n->interval.low, 47.45e9 * 7.189 * 0.97, 1e3);
  EXPECT_NEAR(n->interval.high, 47.55e9 * 7.189 * 1.03, 1e3);
  EXPECT_NE(n->conversion.find("USD->CNY at 7.189 (2024 annual average"), std::string::npos)
      << n->conversion;
  // ... which agrees with "RMB 344 billion".
  Interval rmb = QuantityInterval(Money(344e9, "CNY", 1e9));
  EXPECT_TRUE(Overlaps(n->interval, rmb));
  // Without a year the table's latest is used and the description says so.
  auto latest = normalizer.Express(Money(1, "USD", 0), "USD", std::nullopt, "CNY");
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_NE(latest->conversion.find("2024"), std::string::npos);
  EXPECT_NE(latest->conversion.find("unknown"), std::string::npos);
}

TEST(NormalizerTest, ScalesWithinADimension) {
  auto rates = RateTable::Parse(kRates, "rates");
  ASSERT_TRUE(rates.ok()) << rates.status();
  Normalizer normalizer(&*rates);
  auto n = normalizer.Express(Unit(2, "TB", v1::QUANTITY_TYPE_DIMENSION), "TB", 2024, "GB");
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_DOUBLE_EQ(n->value, 2000);
  auto decade = normalizer.Express(Unit(2, "decade", v1::QUANTITY_TYPE_DURATION), "decade",
                                   std::nullopt, "year");
  ASSERT_TRUE(decade.ok()) << decade.status();
  EXPECT_DOUBLE_EQ(decade->value, 20);
}

TEST(NormalizerTest, IncompatibleUnitsAreRefused) {
  auto rates = RateTable::Parse(kRates, "rates");
  ASSERT_TRUE(rates.ok()) << rates.status();
  Normalizer normalizer(&*rates);
  struct Case {
    const char* from;
    const char* to;
  } cases[] = {{"percent", "percentage_point"}, {"CNY", "percent"}, {"nm", "GB"},
               {"XAU", "USD"}, {"soccer field", "count"}};
  for (const auto& c : cases) {
    EXPECT_FALSE(normalizer.Convertible(c.from, c.to)) << c.from << "->" << c.to;
    auto n = normalizer.Express(Unit(1, c.from, v1::QUANTITY_TYPE_NUMBER), c.from, 2024, c.to);
    EXPECT_FALSE(n.ok()) << c.from << "->" << c.to;
  }
  EXPECT_TRUE(normalizer.Convertible("CNY", "USD"));
  EXPECT_TRUE(normalizer.Convertible("percent", "percent"));
}

}  // namespace
}  // namespace claimcheck
