#include "claims/claim_json.h"

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "claims/claim_fill_testing.h"
#include "claims/json_printer.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// The reflective printer is the reference (json_printer_test checks it against
// protobuf's own printer).
void ExpectSameAsReflective(const v1::Claim& claim) {
  std::string reference;
  ASSERT_TRUE(AppendJsonFast(claim, &reference)) << claim.DebugString();
  std::string out = "prefix";
  ASSERT_TRUE(AppendClaimJson(claim, &out)) << claim.DebugString();
  EXPECT_EQ(out, "prefix" + reference) << claim.DebugString();
}

// Every field of every message in a Claim is printed: a field added to the schema and
// not to claim_json.cc fails here.
TEST(ClaimJsonTest, EveryFieldOfTheSchemaIsPrinted) {
  std::mt19937_64 rng(7);
  for (int k = 0; k < 20; ++k) {
    v1::Claim claim;
    FillFields(&claim, rng, 1.0);
    ExpectSameAsReflective(claim);
  }
}

TEST(ClaimJsonTest, RandomPresenceMatchesReflective) {
  std::mt19937_64 rng(20261123);
  for (int k = 0; k < 2000; ++k) {
    v1::Claim claim;
    FillFields(&claim, rng, 0.4);
    ExpectSameAsReflective(claim);
  }
}

TEST(ClaimJsonTest, EmptyClaimAndEmptySubMessages) {
  v1::Claim claim;
  ExpectSameAsReflective(claim);
  claim.mutable_subject();
  claim.mutable_provenance()->mutable_published()->mutable_time();
  ExpectSameAsReflective(claim);
}

TEST(ClaimJsonTest, NegativeZeroAndOptionalZeroBounds) {
  v1::Claim claim;
  claim.mutable_quantity()->set_value(-0.0);
  claim.mutable_quantity()->set_low(0.0);
  claim.mutable_quantity()->set_high(-0.0);
  claim.set_confidence(-0.0);
  ExpectSameAsReflective(claim);
}

TEST(ClaimJsonTest, UnknownEnumNumbersPrintAsNumbers) {
  v1::Claim claim;
  claim.mutable_quantity()->set_bound(static_cast<v1::BoundKind>(77));
  claim.mutable_provenance()->set_hedge(static_cast<v1::Hedge>(-3));
  ExpectSameAsReflective(claim);
  // Numbers in the range the printer keeps a table for, unknown to the schema.
  for (int n : {20, 31, 32}) {
    claim.mutable_scope()->set_granularity(static_cast<v1::Granularity>(n));
    claim.mutable_provenance()->mutable_published()->set_method(static_cast<v1::DateMethod>(n));
    ExpectSameAsReflective(claim);
  }
}

TEST(ClaimJsonTest, DeclinesWhatTheReflectivePrinterDeclines) {
  struct Case {
    const char* name;
    v1::Claim claim;
  };
  Case cases[4];
  cases[0].name = "invalid UTF-8 in a nested string";
  cases[0].claim.mutable_provenance()->set_sentence("ok \xff bad");
  cases[1].name = "infinite value";
  cases[1].claim.mutable_quantity()->set_value(std::numeric_limits<double>::infinity());
  cases[2].name = "timestamp after year 9999";
  cases[2].claim.mutable_provenance()->mutable_published()->mutable_time()->set_seconds(
      253402300800LL);
  cases[3].name = "unknown field";
  cases[3].claim.mutable_scope()->GetReflection()->MutableUnknownFields(
      cases[3].claim.mutable_scope())->AddVarint(99, 1);
  for (const Case& c : cases) {
    std::string reference = "kept";
    EXPECT_FALSE(AppendJsonFast(c.claim, &reference)) << c.name;
    std::string out = "kept";
    EXPECT_FALSE(AppendClaimJson(c.claim, &out)) << c.name;
    EXPECT_EQ(out, "kept") << c.name;
  }
}

}  // namespace
}  // namespace claimcheck
