#include "claims/fingerprint.h"

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

TEST(FingerprintTest, HexIsSixteenLowercaseDigits) {
  std::string hex = FingerprintHex("Big Fund III");
  ASSERT_EQ(hex.size(), 16u);
  for (char c : hex) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << hex;
}

}  // namespace
}  // namespace claimcheck
