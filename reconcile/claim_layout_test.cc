#include "reconcile/claim_layout.h"

#include <string>

#include "gtest/gtest.h"
#include "proto/claim.pb.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

v1::Claim SampleClaim() {
  return testing::MakeClaim({"c1", "doc", "2024-05-27", "Big Fund III", "fund_size", 344e9,
                             "CNY", v1::BOUND_KIND_EXACT, 1e9, "2024", "RMB 344 billion"});
}

// The claim serialised into a buffer with kDetailSlack bytes to spare.
std::string Serialise(const v1::Claim& claim) {
  std::string bytes = claim.SerializeAsString();
  bytes.resize(bytes.size() + kDetailSlack);
  return bytes;
}

uint8_t* Data(std::string* s) { return reinterpret_cast<uint8_t*>(&(*s)[0]); }

TEST(ClaimLayoutTest, SubjectRecordIsTheSubjectField) {
  struct Case {
    const char* name;
    bool with_id;
    bool with_subject;
  } cases[] = {{"id and subject", true, true},
               {"no id: subject first", false, true},
               {"no subject", true, false}};
  for (const Case& c : cases) {
    v1::Claim claim = SampleClaim();
    if (!c.with_id) claim.clear_id();
    if (!c.with_subject) claim.clear_subject();
    std::string bytes = claim.SerializeAsString();
    absl::string_view record = SubjectRecord(claim, Data(&bytes), bytes.size());
    if (!c.with_subject) {
      EXPECT_TRUE(record.empty()) << c.name;
      continue;
    }
    v1::Claim only_subject;
    ASSERT_TRUE(only_subject.ParseFromArray(record.data(), static_cast<int>(record.size())))
        << c.name;
    EXPECT_EQ(only_subject.subject().SerializeAsString(), claim.subject().SerializeAsString())
        << c.name;
    EXPECT_TRUE(only_subject.id().empty()) << c.name;
  }
}

TEST(ClaimLayoutTest, DetailLastParsesBackWholeOrWithout) {
  v1::Claim claim = SampleClaim();
  claim.mutable_provenance()->set_attribution("a spokesman");
  ASSERT_FALSE(claim.provenance().sentence().empty());
  std::string bytes = Serialise(claim);
  const size_t size = bytes.size() - kDetailSlack;
  std::string core_scratch, detail_scratch;
  size_t core_size = 0;
  size_t new_size = MoveDetailLast(Data(&bytes), size, &core_scratch, &detail_scratch,
                                   &core_size);
  ASSERT_LE(new_size, size + kDetailSlack);
  ASSERT_LT(core_size, new_size);

  v1::Claim whole;
  ASSERT_TRUE(whole.ParseFromArray(bytes.data(), static_cast<int>(new_size)));
  EXPECT_EQ(whole.SerializeAsString(), claim.SerializeAsString());

  v1::Claim core;
  ASSERT_TRUE(core.ParseFromArray(bytes.data(), static_cast<int>(core_size)));
  EXPECT_TRUE(core.provenance().uri().empty());
  EXPECT_TRUE(core.provenance().title().empty());
  EXPECT_TRUE(core.provenance().sentence().empty());
  v1::Claim expected = claim;
  expected.mutable_provenance()->clear_uri();
  expected.mutable_provenance()->clear_title();
  expected.mutable_provenance()->clear_sentence();
  EXPECT_EQ(core.SerializeAsString(), expected.SerializeAsString());
}

TEST(ClaimLayoutTest, NothingToMoveLeavesTheBytesAlone) {
  struct Case {
    const char* name;
    void (*edit)(v1::Claim*);
  } cases[] = {
      {"no provenance", [](v1::Claim* c) { c->clear_provenance(); }},
      {"provenance without detail",
       [](v1::Claim* c) {
         c->mutable_provenance()->clear_uri();
         c->mutable_provenance()->clear_title();
         c->mutable_provenance()->clear_sentence();
       }},
  };
  for (const Case& c : cases) {
    v1::Claim claim = SampleClaim();
    c.edit(&claim);
    std::string bytes = Serialise(claim);
    const std::string before = bytes;
    const size_t size = bytes.size() - kDetailSlack;
    std::string core_scratch, detail_scratch;
    size_t core_size = 0;
    EXPECT_EQ(MoveDetailLast(Data(&bytes), size, &core_scratch, &detail_scratch, &core_size),
              size)
        << c.name;
    EXPECT_EQ(core_size, size) << c.name;
    EXPECT_EQ(bytes, before) << c.name;
  }
}

TEST(ClaimLayoutTest, UnexpectedBytesAreLeftAlone) {
  // A group (wire type 3) is not something the claim serialiser writes.
  std::string bytes = "\x0b\x0c";
  bytes.resize(bytes.size() + kDetailSlack);
  std::string core_scratch, detail_scratch;
  size_t core_size = 0;
  EXPECT_EQ(MoveDetailLast(Data(&bytes), 2, &core_scratch, &detail_scratch, &core_size), 2u);
  EXPECT_EQ(core_size, 2u);
}

}  // namespace
}  // namespace claimcheck
