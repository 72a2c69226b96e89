#include "claims/decimal_digits.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::string Printf(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// protobuf's SimpleDtoa, literally: %.15g, or %.17g when that does not read back.
std::string SimpleDtoa(double v) {
  const std::string short_form = Printf("%.15g", v);
  return std::strtod(short_form.c_str(), nullptr) == v ? short_form : Printf("%.17g", v);
}

// Values around every case the writers tell apart: short decimals, the exact range's
// ends (10^-5, 10^14), numbers that round up to the next power of ten, integers,
// subnormals, extremes, and random bit patterns.
std::vector<double> Values() {
  std::vector<double> values = {0.1, 0.5, 2.3, 27.55, -0.6000000000000001, 1e-5, 9.99999e-6,
                                1e14, 99999999999999.98, 0.99999999999999989, 9.9999999999999982,
                                450000000, -12345678, 4.9e-324, 2.2250738585072014e-308,
                                std::numeric_limits<double>::max(), 123456.789, 1e21, 0.0};
  std::mt19937_64 rng(29);
  for (int i = 0; i < 30000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d)) values.push_back(d);
    values.push_back(static_cast<double>(static_cast<int64_t>(rng() % 2000000) - 1000000) /
                     std::pow(10.0, static_cast<double>(rng() % 12)));
    const int exponent = static_cast<int>(rng() % 120) - 90;
    values.push_back(std::ldexp(static_cast<double>(rng() >> 11), exponent));
  }
  return values;
}

TEST(DecimalDigitsTest, WriteDecimalWritesEveryIntegerAsToString) {
  std::vector<uint64_t> values = {0, 9, 10, 99, 100, 9999, 10000, 99999999, 100000000,
                                  999999999999, 1000000000000, UINT64_MAX};
  std::mt19937_64 rng(3);
  for (int i = 0; i < 20000; ++i) values.push_back(rng() >> (rng() % 64));
  for (uint64_t v : values) {
    char buf[kMaxDecimalSize];
    EXPECT_EQ(std::string(buf, WriteDecimal(v, buf)), std::to_string(v));
  }
}

TEST(DecimalDigitsTest, WritePaddedKeepsLeadingZeros) {
  struct {
    uint64_t v;
    int width;
    const char* want;
  } cases[] = {{0, 1, "0"}, {7, 3, "007"}, {123, 3, "123"}, {5000000, 9, "005000000"},
               {123456789012, 12, "123456789012"}, {42, 10, "0000000042"}};
  for (const auto& c : cases) {
    char buf[kMaxDecimalSize];
    EXPECT_EQ(std::string(buf, WritePadded(c.v, c.width, buf)), c.want);
  }
}

TEST(DecimalDigitsTest, WritePrintfG17IsPrintfs) {
  for (double v : Values()) {
    char buf[kMaxPrintfDoubleSize];
    ASSERT_EQ(std::string(buf, WritePrintfG17(v, buf)), Printf("%.17g", v)) << v;
  }
}

TEST(DecimalDigitsTest, WriteShortestGIsSimpleDtoa) {
  for (double v : Values()) {
    char buf[kMaxPrintfDoubleSize];
    ASSERT_EQ(std::string(buf, WriteShortestG(v, buf)), SimpleDtoa(v)) << Printf("%.17g", v);
  }
}

}  // namespace
}  // namespace claimcheck
