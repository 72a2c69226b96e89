#include "claims/claim_wire.h"

#include <random>
#include <string>

#include "claims/claim_fill_testing.h"
#include "google/protobuf/io/coded_stream.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// protobuf's own serialisation, length-delimited, is the reference.
void ExpectSameAsProtobuf(const v1::Claim& claim) {
  const std::string body = claim.SerializeAsString();
  std::string reference;
  google::protobuf::io::StringOutputStream stream(&reference);
  {
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.WriteVarint32(static_cast<uint32_t>(body.size()));
    coded.WriteRaw(body.data(), static_cast<int>(body.size()));
  }
  std::string out = "prefix";
  ASSERT_TRUE(AppendClaimDelimited(claim, &out)) << claim.DebugString();
  EXPECT_EQ(out, "prefix" + reference) << claim.DebugString();
}

// Every field of every message in a Claim is encoded: a field added to the schema and
// not to claim_wire.cc fails here.
TEST(ClaimWireTest, EveryFieldOfTheSchemaIsEncoded) {
  std::mt19937_64 rng(11);
  for (int k = 0; k < 20; ++k) {
    v1::Claim claim;
    FillFields(&claim, rng, 1.0);
    ExpectSameAsProtobuf(claim);
  }
}

TEST(ClaimWireTest, RandomPresenceMatchesProtobuf) {
  std::mt19937_64 rng(20261123);
  for (int k = 0; k < 2000; ++k) {
    v1::Claim claim;
    FillFields(&claim, rng, 0.4);
    ExpectSameAsProtobuf(claim);
  }
}

TEST(ClaimWireTest, EdgeValues) {
  v1::Claim empty;
  ExpectSameAsProtobuf(empty);

  v1::Claim c;
  c.mutable_subject();  // present but empty
  c.mutable_quantity()->set_value(-0.0);
  c.mutable_quantity()->set_low(0.0);  // explicit presence: written even when zero
  c.mutable_quantity()->set_bound(static_cast<v1::BoundKind>(-3));  // ten-byte varint
  c.mutable_provenance()->set_figure_end(~uint64_t{0});
  c.mutable_provenance()->set_column(~uint32_t{0});
  c.mutable_provenance()->set_sentence(std::string(300, 'x'));  // two-byte length
  c.mutable_provenance()->mutable_published()->mutable_time()->set_seconds(-62135596800LL);
  c.mutable_provenance()->mutable_published()->mutable_time()->set_nanos(-5);
  c.set_confidence(-0.0);
  ExpectSameAsProtobuf(c);
}

// Bodies shorter than 128 bytes, of 128..16383 and longer, and claims whose long
// strings are where the one-pass room guess does not look (counted and written again).
TEST(ClaimWireTest, EveryLengthSizeAndLargeClaims) {
  struct Case {
    const char* name;
    size_t sentence, key, qualifiers;
  };
  const Case cases[] = {
      {"short body", 10, 0, 0},
      {"two-byte length", 400, 0, 0},
      {"three-byte length from the sentence", 20000, 0, 0},
      {"long key beyond the guessed room", 10, 5000, 0},
      {"many qualifiers beyond the guessed room", 10, 0, 200},
      {"all large", 70000, 70000, 300},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    v1::Claim claim;
    claim.set_id("id");
    claim.mutable_provenance()->set_sentence(std::string(c.sentence, 's'));
    claim.mutable_subject()->set_key(std::string(c.key, 'k'));
    for (size_t q = 0; q < c.qualifiers; ++q) {
      v1::Qualifier* qualifier = claim.mutable_subject()->add_qualifiers();
      qualifier->set_role("recipient");
      qualifier->set_value("qualifier value " + std::to_string(q));
    }
    ExpectSameAsProtobuf(claim);
  }
}

// Short strings are copied as 16-byte blocks: every length around the block, held in
// the string object or on the heap (a long string cut short), in every string field of
// a claim at once and alone as its last field (where the block reaches past the bound).
TEST(ClaimWireTest, StringsOfEveryLengthInAndOutOfTheStringObject) {
  for (size_t n = 0; n <= 40; ++n) {
    for (bool heap : {false, true}) {
      SCOPED_TRACE(testing::Message() << n << " bytes" << (heap ? ", on the heap" : ""));
      auto set = [&](std::string* s, char c) {
        if (heap) s->assign(100, '#');
        s->assign(n, c);
      };
      v1::Claim alone;
      set(alone.mutable_extractor_version(), 'v');
      ExpectSameAsProtobuf(alone);
      v1::Claim all;
      set(all.mutable_id(), 'i');
      set(all.mutable_subject()->mutable_entity(), 'e');
      set(all.mutable_subject()->add_qualifiers()->mutable_value(), 'q');
      set(all.mutable_quantity()->mutable_unit(), 'u');
      set(all.mutable_scope()->mutable_text(), 't');
      set(all.mutable_provenance()->mutable_sentence(), 's');
      set(all.mutable_provenance()->mutable_published()->mutable_zone(), 'z');
      set(all.mutable_extractor_version(), 'v');
      ExpectSameAsProtobuf(all);
    }
  }
}

TEST(ClaimWireTest, UnknownFieldsAreDeclined) {
  v1::Claim c;
  c.set_id("abc");
  c.mutable_scope()->GetReflection()->MutableUnknownFields(c.mutable_scope())->AddVarint(99, 1);
  std::string out = "kept";
  EXPECT_FALSE(AppendClaimDelimited(c, &out));
  EXPECT_EQ(out, "kept");
}

}  // namespace
}  // namespace claimcheck
