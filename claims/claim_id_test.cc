#include "claims/claim_id.h"

#include <set>
#include <string>

#include "claims/fingerprint.h"
#include "claims/subject_key.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

v1::Quantity Money(double value, const char* unit) {
  v1::Quantity q;
  q.set_value(value);
  q.set_unit(unit);
  q.set_bound(v1::BOUND_KIND_EXACT);
  return q;
}

TEST(ClaimIdTest, SameInputSameIdAndAnyChangeDiffers) {
  const std::string base = MakeClaimId("doc1", 10, 25, Money(450e6, "CNY"));
  EXPECT_EQ(base.size(), 16u);
  EXPECT_EQ(base, MakeClaimId("doc1", 10, 25, Money(450e6, "CNY")));
  struct {
    const char* name;
    std::string id;
  } variants[] = {
      {"other document", MakeClaimId("doc2", 10, 25, Money(450e6, "CNY"))},
      {"other begin", MakeClaimId("doc1", 11, 25, Money(450e6, "CNY"))},
      {"other end", MakeClaimId("doc1", 10, 26, Money(450e6, "CNY"))},
      {"other value", MakeClaimId("doc1", 10, 25, Money(451e6, "CNY"))},
      {"other unit", MakeClaimId("doc1", 10, 25, Money(450e6, "USD"))},
  };
  std::set<std::string> seen = {base};
  for (const auto& v : variants) EXPECT_TRUE(seen.insert(v.id).second) << v.name;
}

TEST(ClaimIdTest, SubjectAndTextDoNotChangeTheId) {
  v1::Claim a;
  a.mutable_provenance()->set_document_id("d");
  a.mutable_provenance()->set_figure_begin(3);
  a.mutable_provenance()->set_figure_end(9);
  *a.mutable_quantity() = Money(71e9, "CNY");
  v1::Claim b = a;
  b.mutable_subject()->set_entity("Big Fund III");
  b.mutable_quantity()->set_text("RMB 71 billion");
  EXPECT_EQ(ClaimId(a), ClaimId(b));
  EXPECT_EQ(ClaimId(a), MakeClaimId("d", 3, 9, Money(71e9, "CNY")));
}

TEST(ClaimIdTest, PerDocumentPrefixGivesTheSameIds) {
  const ClaimIdPrefix doc1("doc1");
  EXPECT_EQ(MakeClaimId(doc1, 10, 25, Money(450e6, "CNY")),
            MakeClaimId("doc1", 10, 25, Money(450e6, "CNY")));
  EXPECT_EQ(MakeClaimId(doc1, 0, 7, Money(0.5, "percent")),
            MakeClaimId("doc1", 0, 7, Money(0.5, "percent")));
  EXPECT_NE(MakeClaimId(ClaimIdPrefix("doc2"), 10, 25, Money(450e6, "CNY")),
            MakeClaimId(doc1, 10, 25, Money(450e6, "CNY")));
}

// Review verdicts are stored by claim id: an id must never change between versions.
TEST(ClaimIdTest, IdsAreStableAcrossVersions) {
  EXPECT_EQ(MakeClaimId("doc1", 10, 25, Money(450e6, "CNY")), "e6dd95a647c84135");
}

// The unit goes in as NormalizeKeyPart gives it, however it is stored.
TEST(ClaimIdTest, UnitsHashInTheirNormalForm) {
  EXPECT_EQ(MakeClaimId("doc1", 10, 25, Money(450e6, "USD")),
            MakeClaimId("doc1", 10, 25, Money(450e6, "usd")));
  EXPECT_EQ(MakeClaimId("doc1", 0, 9, Money(3, " Soccer  Field")),
            MakeClaimId("doc1", 0, 9, Money(3, "soccer field")));
  const std::string long_unit = "Square Metres of " + std::string(80, 'X');
  EXPECT_EQ(MakeClaimId("doc1", 0, 9, Money(3, long_unit.c_str())),
            MakeClaimId("doc1", 0, 9, Money(3, NormalizeKeyPart(long_unit).c_str())));
}

// The id is the fingerprint of its fields, as the header describes it.
TEST(ClaimIdTest, IdIsTheFingerprintOfItsFields) {
  struct {
    uint64_t begin, end;
    double value;
    const char* unit;
  } cases[] = {{10, 25, 450e6, "CNY"}, {0, 1, 0.5, "percent"}, {123456789, 123456799, -7, ""},
               {99, 100, 2.3, "nm"}, {100000, 100001, 1e20, "usd"}};
  for (const auto& c : cases) {
    Fingerprinter f;
    f.Add("claim").Add("doc9");
    f.Add(std::to_string(c.begin)).Add(std::to_string(c.end)).AddNumber(c.value);
    f.Add(NormalizeKeyPart(c.unit)).Add("1");  // BOUND_KIND_EXACT
    EXPECT_EQ(MakeClaimId("doc9", c.begin, c.end, Money(c.value, c.unit)), f.Hex()) << c.begin;
  }
}

TEST(ClaimIdTest, WriteClaimIdReusesTheString) {
  const ClaimIdPrefix doc1("doc1");
  const std::string want = MakeClaimId("doc1", 10, 25, Money(450e6, "CNY"));
  for (std::string id : {std::string(), std::string("0123456789abcdef"),
                         std::string("a longer string than an id")}) {
    WriteClaimId(doc1, 10, 25, Money(450e6, "CNY"), &id);
    EXPECT_EQ(id, want);
  }
}

}  // namespace
}  // namespace claimcheck
