#include "reconcile/reference.h"

#include "gtest/gtest.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

constexpr char kReference[] =
    "# trusted figures\n"
    "{\"entity\": \"SMIC\", \"metric\": \"revenue\", \"period\": \"2023\", \"value\": 6.32e9,"
    " \"unit\": \"USD\", \"source\": \"SMIC annual report\"}\n"
    "\n"
    "{\"entity\": \"Big Fund III\", \"metric\": \"fund size\", \"value\": 344e9,"
    " \"unit\": \"CNY\", \"source\": \"business registry\"}\n";

TEST(ReferenceTest, ParseAndRejectBadLines) {
  auto table = ReferenceTable::Parse(kReference, "ref.jsonl");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 2u);
  struct Bad {
    const char* text;
    const char* expect;
  } bad[] = {
      {"{\"entity\": \"X\"", "ref.jsonl:1: not a JSON object"},
      {"\n{\"entity\": \"X\", \"metric\": \"y\"}", "ref.jsonl:2: needs a numeric"},
      {"{\"metric\": \"y\", \"value\": 1}", "needs \"entity\""},
      {"{\"entity\": \"X\", \"metric\": \"y\", \"value\": 1, \"period\": \"soon\"}",
       "period 'soon'"},
  };
  for (const auto& b : bad) {
    auto t = ReferenceTable::Parse(b.text, "ref.jsonl");
    ASSERT_FALSE(t.ok()) << b.text;
    EXPECT_NE(t.status().message().find(b.expect), std::string::npos) << t.status();
  }
}

TEST(ReferenceTest, MismatchesAreReportedPerFigure) {
  auto table = ReferenceTable::Parse(kReference, "ref.jsonl");
  ASSERT_TRUE(table.ok()) << table.status();
  RateTable rates = testing::TestRates();
  Normalizer normalizer(&rates);
  struct Case {
    const char* name;
    std::vector<testing::ClaimSpec> claims;
    int findings;
  } cases[] = {
      {"agrees",
       {{"a", "d1", "2024-02-08", "SMIC", "revenue", 6.32e9, "USD", v1::BOUND_KIND_EXACT, 1e7,
         "2023", "$6.32 billion"}},
       0},
      {"other_period_ignored",
       {{"a", "d1", "2024-02-08", "SMIC", "revenue", 7.27e9, "USD", v1::BOUND_KIND_EXACT, 1e7,
         "2022", "$7.27 billion"}},
       0},
      {"disagrees",
       {{"a", "d1", "2024-02-08", "SMIC", "revenue", 6.5e9, "USD", v1::BOUND_KIND_EXACT, 1e8,
         "2023", "$6.5 billion"},
        {"b", "d2", "2024-02-08", "SMIC", "revenue", 6.32e9, "USD", v1::BOUND_KIND_EXACT, 1e7,
         "2023", "$6.32 billion"}},
       1},
      {"undated_held_to_the_latest_figure_before_publication",
       {{"a", "d1", "2024-05-27", "SMIC", "revenue", 6.32e9, "USD", v1::BOUND_KIND_EXACT, 1e7,
         "", "$6.32 billion"},
        {"b", "d1", "2022-05-27", "SMIC", "revenue", 5e9, "USD", v1::BOUND_KIND_EXACT, 1e9,
         "", "$5 billion"}},
       0},
      {"undated_after_the_period_disagrees",
       {{"a", "d1", "2025-05-27", "SMIC", "revenue", 7e9, "USD", v1::BOUND_KIND_EXACT, 1e9,
         "", "$7 billion"}},
       1},
      {"any_period_in_dollars",
       {{"a", "d1", "2024-05-27", "Big Fund III", "fund size", 47.5e9, "USD",
         v1::BOUND_KIND_APPROXIMATE, 1e8, "", "about $47.5 billion"},
        {"b", "d1", "2025-11-04", "Big Fund III", "fund size", 344e6, "CNY",
         v1::BOUND_KIND_EXACT, 1e6, "", "RMB 344 million"}},
       1},
  };
  for (const auto& c : cases) {
    std::vector<v1::Claim> claims;
    for (const auto& s : c.claims) claims.push_back(testing::MakeClaim(s));
    // The reference matches by the subject's fields, as the grouper builds keys.
    for (auto& claim : claims) claim.mutable_subject()->clear_key();
    std::vector<const v1::Claim*> pointers;
    for (const auto& claim : claims) pointers.push_back(&claim);
    std::vector<std::string> problems;
    SubjectAnalysis a = AnalyzeSubject("k", pointers, normalizer, &problems);
    std::vector<v1::Finding> findings;
    table->Check(a, normalizer, &findings);
    ASSERT_EQ(static_cast<int>(findings.size()), c.findings) << c.name;
    for (const auto& f : findings) {
      EXPECT_EQ(f.kind(), v1::FINDING_KIND_REFERENCE_MISMATCH);
      EXPECT_EQ(f.claim_ids_size(), 1);
      EXPECT_NE(f.explanation().find("ref.jsonl:"), std::string::npos) << f.explanation();
    }
  }
}

}  // namespace
}  // namespace claimcheck
