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

// Claims of one document share their document fields, whose text is reused: a claim
// that differs from the one before in any of them (or in another document field's
// presence) prints its own.
TEST(ClaimJsonTest, DocumentFieldsChangingOneAtATime) {
  v1::Claim base;
  v1::Provenance* p = base.mutable_provenance();
  p->set_document_id("c98a8f80739d4552");
  p->set_uri("/articles/fund.html");
  p->set_title("Big Fund III <commits>");
  p->set_sentence_begin(303);
  v1::PublicationTime* t = p->mutable_published();
  t->mutable_time()->set_seconds(1762249140);
  t->set_precision(v1::TIME_PRECISION_MINUTE);
  t->set_method(v1::DATE_METHOD_BYLINE);
  t->set_surface("Tuesday, Nov 4, 2025");
  t->set_zone("America/New_York");
  using Change = void (*)(v1::Provenance*);
  const Change changes[] = {
      [](v1::Provenance* q) { q->set_document_id("d00000000000000"); },
      [](v1::Provenance* q) { q->set_uri("/articles/other.html"); },
      [](v1::Provenance* q) { q->set_title(""); },
      [](v1::Provenance* q) { q->clear_published(); },
      [](v1::Provenance* q) { q->mutable_published()->clear_time(); },
      [](v1::Provenance* q) { q->mutable_published()->mutable_time()->set_seconds(1762249141); },
      [](v1::Provenance* q) { q->mutable_published()->mutable_time()->set_nanos(5000000); },
      [](v1::Provenance* q) { q->mutable_published()->set_precision(v1::TIME_PRECISION_DAY); },
      [](v1::Provenance* q) { q->mutable_published()->set_method(v1::DATE_METHOD_UNSPECIFIED); },
      [](v1::Provenance* q) { q->mutable_published()->set_surface("Nov 4"); },
      [](v1::Provenance* q) { q->mutable_published()->set_zone("UTC"); },
      [](v1::Provenance* q) { q->mutable_published()->set_unresolved_relative(true); },
  };
  for (const Change& change : changes) {
    ExpectSameAsReflective(base);
    v1::Claim changed = base;
    change(changed.mutable_provenance());
    changed.mutable_provenance()->set_sentence_begin(404);  // another claim of the document
    ExpectSameAsReflective(changed);
    ExpectSameAsReflective(changed);
  }
  // A claim declined for its document fields prints nothing, and the next one is whole.
  v1::Claim bad = base;
  bad.mutable_provenance()->set_title("bad \xff title");
  std::string out;
  EXPECT_FALSE(AppendClaimJson(bad, &out));
  ExpectSameAsReflective(base);
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
