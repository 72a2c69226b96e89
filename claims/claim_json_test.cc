#include "claims/claim_json.h"

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "claims/json_printer.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The reflective printer is the reference (json_printer_test checks it against
// protobuf's own printer).
void ExpectSameAsReflective(const v1::Claim& claim) {
  std::string reference;
  ASSERT_TRUE(AppendJsonFast(claim, &reference)) << claim.DebugString();
  std::string out = "prefix";
  ASSERT_TRUE(AppendClaimJson(claim, &out)) << claim.DebugString();
  EXPECT_EQ(out, "prefix" + reference) << claim.DebugString();
}

// Sets fields of `m` and its sub-messages by reflection: each field with probability
// `p` (every field when p is 1), to a value that is not the default.
void Fill(Message* m, std::mt19937_64& rng, double p, int depth = 0) {
  const Descriptor* d = m->GetDescriptor();
  const Reflection* r = m->GetReflection();
  std::bernoulli_distribution set(p);
  static const char* const kTexts[] = {"Big Fund III", "a \"quoted\" <b>", "SMIC\xe2\x80\x99s",
                                       "\xe5\xa4\xa7\xe5\x9f\xba\xe9\x87\x91", "line\nbreak",
                                       "2025-07-01"};
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (!set(rng)) continue;
    const int copies = f->is_repeated() ? 1 + static_cast<int>(rng() % 3) : 1;
    for (int k = 0; k < copies; ++k) {
      switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING: {
          const std::string text = kTexts[rng() % 6];
          f->is_repeated() ? r->AddString(m, f, text) : r->SetString(m, f, text);
          break;
        }
        case FieldDescriptor::CPPTYPE_DOUBLE: {
          const double v = std::ldexp(static_cast<double>(rng() % 100000) + 1, rng() % 60 - 30);
          f->is_repeated() ? r->AddDouble(m, f, v) : r->SetDouble(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_BOOL:
          f->is_repeated() ? r->AddBool(m, f, true) : r->SetBool(m, f, true);
          break;
        case FieldDescriptor::CPPTYPE_ENUM: {
          const int n = f->enum_type()->value_count();
          const int v = f->enum_type()->value(1 + static_cast<int>(rng() % (n - 1)))->number();
          f->is_repeated() ? r->AddEnumValue(m, f, v) : r->SetEnumValue(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_UINT64:
          f->is_repeated() ? r->AddUInt64(m, f, rng() | 1) : r->SetUInt64(m, f, rng() | 1);
          break;
        case FieldDescriptor::CPPTYPE_UINT32: {
          const uint32_t v = static_cast<uint32_t>(rng()) | 1;
          f->is_repeated() ? r->AddUInt32(m, f, v) : r->SetUInt32(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT64: {
          // Timestamp seconds must stay within years 1..9999.
          const int64_t v = static_cast<int64_t>(rng() % 4000000000ULL);
          f->is_repeated() ? r->AddInt64(m, f, v) : r->SetInt64(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT32: {
          const int32_t v = static_cast<int32_t>(rng() % 1000) * 1000000;  // valid nanos
          f->is_repeated() ? r->AddInt32(m, f, v) : r->SetInt32(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE: {
          Message* sub = f->is_repeated() ? r->AddMessage(m, f) : r->MutableMessage(m, f);
          if (depth < 4) Fill(sub, rng, p, depth + 1);
          break;
        }
        default:
          ADD_FAILURE() << "claim.proto has a field type the test does not fill: "
                        << f->full_name();
      }
    }
  }
}

// Every field of every message in a Claim is printed: a field added to the schema and
// not to claim_json.cc fails here.
TEST(ClaimJsonTest, EveryFieldOfTheSchemaIsPrinted) {
  std::mt19937_64 rng(7);
  for (int k = 0; k < 20; ++k) {
    v1::Claim claim;
    Fill(&claim, rng, 1.0);
    ExpectSameAsReflective(claim);
  }
}

TEST(ClaimJsonTest, RandomPresenceMatchesReflective) {
  std::mt19937_64 rng(20261123);
  for (int k = 0; k < 2000; ++k) {
    v1::Claim claim;
    Fill(&claim, rng, 0.4);
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
