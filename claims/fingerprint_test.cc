#include "claims/fingerprint.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(FingerprintTest, IsStableAcrossRuns) {
  // Pinned: ids written by earlier runs must keep matching.
  EXPECT_EQ(FingerprintHex(""), Fingerprinter().Add("").Hex());
  EXPECT_EQ(Fingerprinter().Add("abc").Hex(), Fingerprinter().Add("abc").Hex());
  EXPECT_EQ(Fingerprinter().Hex(), "cbf29ce484222325");
}

TEST(FingerprintTest, FieldBoundariesMatter) {
  EXPECT_NE(Fingerprinter().Add("ab").Add("c").Hex(),
            Fingerprinter().Add("a").Add("bc").Hex());
}

TEST(FingerprintTest, EqualNumbersGiveEqualIds) {
  EXPECT_EQ(Fingerprinter().AddNumber(450000000.0).Hex(),
            Fingerprinter().AddNumber(4.5e8).Hex());
  EXPECT_NE(Fingerprinter().AddNumber(2.3).Hex(),
            Fingerprinter().AddNumber(2.30000001).Hex());
  EXPECT_EQ(Fingerprinter().AddInt(7).Hex(), Fingerprinter().Add("7").Hex());
}

// Ids written by earlier runs hashed fractions as printf's "%.17g" digits: the number
// must still hash as those exact digits.
TEST(FingerprintTest, NumbersHashAsPrintfDigits) {
  std::vector<double> values = {0.1, 2.3, 27.5, -0.5, 1e-300, 1.7976931348623157e308,
                                4.9e-324, 9.007199254740993e15, 123456.789, -2.5e20,
                                std::numeric_limits<double>::infinity()};
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d)) values.push_back(d);
    values.push_back(static_cast<double>(rng() % 1000000) / 1000.0);
  }
  for (double v : values) {
    char digits[40];
    std::snprintf(digits, sizeof digits, "%.17g", v);
    if (v == std::floor(v) && std::fabs(v) < 9.007199254740992e15) {
      std::snprintf(digits, sizeof digits, "%.0f", v);
    }
    ASSERT_EQ(Fingerprinter().AddNumber(v).Hex(), Fingerprinter().Add(digits).Hex()) << digits;
  }
}

TEST(FingerprintTest, IntegersHashAsTheirDecimalDigits) {
  const int64_t values[] = {0, 7, 9, 10, 99, 100, 101, 4567, 12345, 999999, 1000000,
                            -1, -10, -12345, 9007199254740993, INT64_MAX, INT64_MIN};
  for (int64_t v : values) {
    EXPECT_EQ(Fingerprinter().AddInt(v).Hex(), Fingerprinter().Add(std::to_string(v)).Hex())
        << v;
  }
}

// The hex digits are the hash's nibbles, most significant first.
TEST(FingerprintTest, HexWritesEveryNibble) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 2000; ++i) {
    Fingerprinter f;
    f.AddInt(static_cast<int64_t>(rng()));
    char want[17];
    std::snprintf(want, sizeof want, "%016llx", static_cast<unsigned long long>(f.value()));
    ASSERT_EQ(f.Hex(), want);
  }
  EXPECT_EQ(Fingerprinter().Hex(), "cbf29ce484222325");
}

// Fields written into one buffer and added at once hash as the same fields added one
// by one.
TEST(FingerprintTest, WrittenFieldsHashAsAddedOnes) {
  std::mt19937_64 rng(13);
  for (int k = 0; k < 5000; ++k) {
    const int64_t i = static_cast<int64_t>(rng()) >> (rng() % 64);
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    const double numbers[] = {d, static_cast<double>(i % 100000) / 100.0,
                              static_cast<double>(i >> 11), -0.0};
    const double x = numbers[k % 4];
    char fields[3 * Fingerprinter::kMaxNumberField + 8];
    char* p = Fingerprinter::WriteIntField(i, fields);
    p = Fingerprinter::WriteNumberField(x, p);
    std::memcpy(p, "usd", 3);
    p[3] = Fingerprinter::kSeparator;
    p = Fingerprinter::WriteIntField(-i, p + 4);
    ASSERT_LE(p - fields, static_cast<ptrdiff_t>(sizeof fields));
    Fingerprinter written, added;
    written.Add("claim").AddFields(absl::string_view(fields, p - fields));
    added.Add("claim").AddInt(i).AddNumber(x).Add("usd").AddInt(-i);
    ASSERT_EQ(written.Hex(), added.Hex()) << i << " " << x;
  }
}

TEST(FingerprintTest, HexIsSixteenLowercaseDigits) {
  std::string hex = FingerprintHex("Big Fund III");
  ASSERT_EQ(hex.size(), 16u);
  for (char c : hex) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << hex;
}

}  // namespace
}  // namespace claimcheck
