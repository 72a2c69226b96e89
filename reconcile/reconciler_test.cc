#include "reconcile/reconciler.h"

#include <cstdio>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "gtest/gtest.h"
#include "reconcile/builtin_rates.h"
#include "reconcile/findings.h"
#include "reconcile/testing.h"

namespace claimcheck {
namespace {

using testing::ClaimSpec;
constexpr auto kExact = v1::BOUND_KIND_EXACT;

std::string TempFile(const std::string& name, const std::string& contents) {
  const char* dir = getenv("TEST_TMPDIR");
  std::string path = std::string(dir ? dir : "/tmp") + "/" + name;
  std::ofstream(path) << contents;
  return path;
}

std::vector<ClaimSpec> Corpus() {
  return {
      {"f1", "registered", "2024-05-27", "Big Fund III", "fund_size", 344e9, "CNY", kExact,
       1e9, "2024", "RMB 344 billion"},
      {"f2", "registered", "2024-05-27", "Big Fund III", "fund_size", 47.5e9, "USD",
       v1::BOUND_KIND_APPROXIMATE, 1e8, "2024", "about $47.5 billion"},
      {"f3", "explainer", "2024-05-28", "Big Fund III", "fund_size", 344e9, "CNY", kExact, 1e9,
       "", "344bn yuan"},
      {"f4", "wire", "2025-11-04", "Big Fund III", "fund_size", 344e6, "CNY", kExact, 1e6, "",
       "RMB 344 million"},
      {"f5", "toolmakers", "2025-11-05", "Big Fund III", "fund_size", 344e9, "CNY", kExact,
       1e9, "", "344bn yuan"},
      {"g1", "forum", "2025-02-20", "SMIC", "revenue_growth", 45, "percent", kExact, 1,
       "2023..2024", "45%"},
      {"r1", "forum", "2025-02-20", "SMIC", "revenue", 8.03e9, "USD", kExact, 1e7, "2024",
       "$8.03 billion"},
      {"r2", "results", "2024-02-08", "SMIC", "revenue", 6.32e9, "USD", kExact, 1e7, "2023",
       "$6.32 billion"},
      {"r3", "full-year", "2025-02-12", "SMIC", "revenue", 6.32e9, "USD", kExact, 1e7, "2023",
       "$6.32 billion"},
  };
}

// Bytes with map entries in a fixed order, so equal reports compare equal.
std::string Bytes(const v1::Report& report) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  report.SerializeToCodedStream(&coded);
  return out;
}

v1::Report Reconcile(Reconciler* r, const std::vector<ClaimSpec>& specs) {
  for (const auto& s : specs) r->Add(testing::MakeClaim(s));
  return r->Finish();
}

TEST(ReconcilerTest, BuiltinRatesCoverMajorCurrencies2010To2025) {
  auto rates = RateTable::Parse(kBuiltinExchangeRates, "builtin");
  ASSERT_TRUE(rates.ok()) << rates.status();
  for (const char* code : {"CNY", "EUR", "GBP", "JPY", "HKD", "TWD", "KRW", "INR", "SGD"}) {
    for (int year = 2010; year <= 2025; ++year) {
      int used = 0;
      const RateTable::Rate* rate = rates->Find(code, year, &used);
      ASSERT_NE(rate, nullptr) << code;
      EXPECT_EQ(used, year) << code << " " << year;
      EXPECT_FALSE(rate->source.empty());
    }
  }
  int used = 0;
  EXPECT_NEAR(rates->Find("CNY", 2024, &used)->per_usd, 7.19, 0.01);
  EXPECT_NEAR(rates->Find("CNY", 2015, &used)->per_usd, 6.23, 0.01);
}

TEST(ReconcilerTest, CreateReportsUnreadableFiles) {
  ReconcileOptions options;
  options.rates_path = "/nonexistent/rates.csv";
  auto r = Reconciler::Create(options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/rates.csv"), std::string::npos);
  options.rates_path = TempFile("bad_rates.csv", "2024,CNY,seven,x\n");
  r = Reconciler::Create(options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad_rates.csv:1: bad rate"), std::string::npos)
      << r.status();
  options.rates_path = "";
  options.reference_path = TempFile("bad_ref.jsonl", "{\"entity\": 1}\n");
  r = Reconciler::Create(options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad_ref.jsonl:1"), std::string::npos) << r.status();
}

TEST(ReconcilerTest, FindsAndSummarises) {
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  v1::Report report = Reconcile(r->get(), Corpus());
  std::vector<std::string> kinds;
  for (const auto& f : report.findings()) kinds.push_back(FindingKindShortName(f.kind()));
  // Big Fund III first (key order), then SMIC revenue_growth.
  EXPECT_EQ(kinds, (std::vector<std::string>{"scale_slip", "arithmetic"}));
  EXPECT_EQ(report.summary().claims(), 9u);
  EXPECT_EQ(report.summary().subjects(), 3u);
  EXPECT_EQ(report.summary().documents(), 7u);
  EXPECT_EQ(report.summary().findings(), 2u);
  EXPECT_EQ(report.summary().open_findings(), 2u);
  EXPECT_EQ(report.summary().findings_by_kind().at("FINDING_KIND_SCALE_SLIP"), 1u);
  EXPECT_EQ(report.timelines_size(), 3);
  ASSERT_EQ(report.claims_size(), 9);
  EXPECT_EQ(report.claims(0).id(), "f1");  // order added
  EXPECT_TRUE(report.problems().empty());
}

TEST(ReconcilerTest, DeterministicAndReusable) {
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<ClaimSpec> specs = Corpus();
  std::string first = Bytes(Reconcile(r->get(), specs));
  std::string again = Bytes(Reconcile(r->get(), specs));
  EXPECT_EQ(first, again);
  EXPECT_EQ(Reconcile(r->get(), {}).summary().claims(), 0u);
}

TEST(ReconcilerTest, FinishIntoAnArenaReportGivesTheSameReport) {
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<ClaimSpec> specs = Corpus();
  std::string by_value = Bytes(Reconcile(r->get(), specs));
  for (const auto& s : specs) (*r)->Add(testing::MakeClaim(s));
  google::protobuf::Arena arena(Reconciler::ReportArenaOptions());
  auto* report = google::protobuf::Arena::CreateMessage<v1::Report>(&arena);
  (*r)->FinishInto(report);
  EXPECT_EQ(report->GetArena(), &arena);
  EXPECT_EQ(Bytes(*report), by_value);
  EXPECT_GT(report->timelines_size(), 0);
}

TEST(ReconcilerTest, ReportClaimsAreTheClaimsAdded) {
  // Claims of one subject share its Subject, which the reconciler stores once: each
  // claim in the report must still carry it, and be exactly the claim added.
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<ClaimSpec> specs = Corpus();
  std::vector<v1::Claim> added;
  for (const auto& s : specs) added.push_back(testing::MakeClaim(s));
  added[2].mutable_subject()->set_entity_as_written("Big Fund 3");  // same key, other bytes
  added[3].clear_subject();
  added[3].mutable_subject()->set_key("big fund iii|fund_size");
  for (const auto& c : added) (*r)->Add(c);
  v1::Report report = (*r)->Finish();
  ASSERT_EQ(report.claims_size(), static_cast<int>(added.size()));
  for (size_t i = 0; i < added.size(); ++i) {
    EXPECT_EQ(report.claims(static_cast<int>(i)).SerializeAsString(),
              added[i].SerializeAsString())
        << i;
  }
  EXPECT_EQ(report.timelines(0).subject().entity(), "Big Fund III");
}

TEST(ReconcilerTest, ExplanationsQuoteTheSources) {
  // Finish first reads claims without their sources' titles, addresses and sentences;
  // a subject with a finding is read again in full, so the explanation quotes them.
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  v1::Report report = Reconcile(r->get(), Corpus());
  ASSERT_GE(report.findings_size(), 1);
  const v1::Finding& slip = report.findings(0);
  ASSERT_EQ(slip.kind(), v1::FINDING_KIND_SCALE_SLIP);
  for (const char* quoted : {"\"wire\"", "https://example.com/wire", "... RMB 344 million ...",
                             "\"explainer\"", "https://example.com/toolmakers",
                             "... 344bn yuan ..."}) {
    EXPECT_NE(slip.explanation().find(quoted), std::string::npos)
        << quoted << " in " << slip.explanation();
  }
}

TEST(ReconcilerTest, CountsDistinctDocumentsInLargeInputs) {
  // Past a few thousand claims the document count takes another path (a radix sort).
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  v1::Claim claim = testing::MakeClaim(Corpus()[0]);
  const int kClaims = 9000;
  const int kDocuments = 1237;
  for (int i = 0; i < kClaims; ++i) {
    claim.set_id(absl::StrCat("c", i));
    claim.mutable_provenance()->set_document_id(absl::StrCat("doc", (i * 7919) % kDocuments));
    (*r)->Add(claim);
  }
  v1::Report report = (*r)->Finish();
  EXPECT_EQ(report.summary().claims(), static_cast<uint32_t>(kClaims));
  EXPECT_EQ(report.summary().documents(), static_cast<uint32_t>(kDocuments));
}

TEST(ReconcilerTest, NewEvidenceChangesIdButNotTopic) {
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<ClaimSpec> specs = {
      {"a", "d1", "2023-09-03", "Big Fund II", "fund_size", 204.2e9, "CNY", kExact, 1e8,
       "2019", "RMB 204.2 billion"},
      {"b", "d2", "2025-11-05", "Big Fund II", "fund_size", 240e9, "CNY", kExact, 1e9, "2019",
       "RMB 240 billion"},
  };
  v1::Report before = Reconcile(r->get(), specs);
  specs.push_back({"c", "d3", "2024-05-27", "Big Fund II", "fund_size", 204.2e9, "CNY",
                   kExact, 1e8, "2019", "RMB 204.2 billion"});
  v1::Report after = Reconcile(r->get(), specs);
  ASSERT_EQ(before.findings_size(), 1);
  ASSERT_EQ(after.findings_size(), 1);
  EXPECT_NE(before.findings(0).id(), after.findings(0).id());
  EXPECT_EQ(before.findings(0).topic(), after.findings(0).topic());
}

TEST(ReconcilerTest, UserRatesAndReferenceAreUsed) {
  ReconcileOptions options;
  // A made-up rate that makes $47.5 billion disagree with RMB 344 billion.
  options.rates_path = TempFile("rates.csv", "2024,CNY,5.0,made up\n");
  options.reference_path = TempFile(
      "ref.jsonl",
      "{\"entity\": \"SMIC\", \"metric\": \"revenue\", \"period\": \"2023\", \"value\": 6.5e9,"
      " \"unit\": \"USD\", \"source\": \"test\"}\n");
  auto r = Reconciler::Create(options);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<ClaimSpec> specs = Corpus();
  specs.resize(2);  // f1, f2
  specs.push_back(Corpus()[7]);  // r2: 6.32 billion in 2023
  for (auto& s : specs) s.bound = kExact;
  v1::Report report = Reconcile(r->get(), specs);
  std::vector<std::string> kinds;
  for (const auto& f : report.findings()) kinds.push_back(FindingKindShortName(f.kind()));
  EXPECT_EQ(kinds, (std::vector<std::string>{"contradiction", "reference_mismatch"}));
  EXPECT_NE(report.findings(0).explanation().find("at 5 (2024 annual average; made up)"),
            std::string::npos)
      << report.findings(0).explanation();
}

TEST(ReconcilerTest, PartsAreCheckedAgainstTheirTotal) {
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<ClaimSpec> specs = {
      {"t", "d1", "2024-05-27", "Big Fund III", "capital", 344e9, "CNY", kExact, 1e9, "2024",
       "RMB 344 billion"},
      {"a", "d2", "2024-05-27", "Big Fund III", "capital", 260e9, "CNY", kExact, 1e9, "2024",
       "RMB 260 billion", "Ministry of Finance"},
      {"b", "d2", "2024-05-27", "Big Fund III", "capital", 114e9, "CNY", kExact, 1e9, "2024",
       "RMB 114 billion", "banks"},
  };
  v1::Report report = Reconcile(r->get(), specs);
  ASSERT_EQ(report.findings_size(), 1);
  EXPECT_EQ(report.findings(0).kind(), v1::FINDING_KIND_ARITHMETIC);
  EXPECT_EQ(report.findings(0).claim_ids_size(), 3);
  EXPECT_EQ(report.findings(0).subject().key(), "big fund iii|capital");
  specs[1].value = 60e9;
  EXPECT_EQ(Reconcile(r->get(), specs).findings_size(), 0);
}

TEST(ReconcilerTest, BadScopeIsAProblemNotAFailure) {
  auto r = Reconciler::Create({});
  ASSERT_TRUE(r.ok()) << r.status();
  v1::Claim claim = testing::MakeClaim(Corpus()[0]);
  claim.mutable_scope()->set_start("2024-02-30");
  (*r)->Add(claim);
  v1::Report report = (*r)->Finish();
  ASSERT_EQ(report.problems_size(), 1);
  EXPECT_NE(report.problems(0).find("claim f1"), std::string::npos) << report.problems(0);
  EXPECT_EQ(report.timelines_size(), 1);
}

}  // namespace
}  // namespace claimcheck
