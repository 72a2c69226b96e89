#include "cli/keyed_reduce.h"

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "claims/record_stream.h"
#include "claims/reduce_key.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "reconcile/reconciler.h"

namespace claimcheck {
namespace {

// A claim as extract writes it, from a few fields.
v1::Claim MakeClaim(const std::string& id, const std::string& entity, const std::string& metric,
                    double value, const std::string& unit, int year_from, int year_to,
                    const std::string& document) {
  std::string key = absl::StrCat(absl::AsciiStrToLower(entity), "|", metric);
  std::string json = absl::StrFormat(
      R"({"id":"%s","subject":{"entity":"%s","metric":"%s","key":"%s"},)"
      R"("quantity":{"value":%f,"low":%f,"high":%f,"bound":"BOUND_KIND_EXACT","unit":"%s"},)"
      R"("scope":{"start":"%d-01-01","end":"%d-01-01","granularity":"GRANULARITY_YEAR",)"
      R"("kind":"SCOPE_KIND_PERIOD"},)"
      R"("provenance":{"document_id":"%s","published":{"time":"2025-03-01T00:00:00Z"}}})",
      id, entity, metric, key, value, value * 0.999, value * 1.001, unit, year_from,
      year_to + 1, document);
  v1::Claim claim;
  absl::Status s = RecordFromJson(json, &claim);
  EXPECT_TRUE(s.ok()) << s << "\n" << json;
  return claim;
}

// Revenue levels that a stated growth rate contradicts (ARITHMETIC), two sources that
// disagree (CONTRADICTION), and entities whose keys are prefixes of one another.
std::vector<v1::Claim> Claims() {
  return {
      MakeClaim("a1", "Acme", "revenue", 100e6, "USD", 2023, 2023, "d1"),
      MakeClaim("a2", "Acme", "revenue", 150e6, "USD", 2024, 2024, "d1"),
      MakeClaim("a3", "Acme", "revenue_growth", 20, "percent", 2023, 2024, "d2"),
      MakeClaim("a4", "Acme", "capex", 40e6, "USD", 2024, 2024, "d2"),
      MakeClaim("a5", "Acme", "capex", 90e6, "USD", 2024, 2024, "d3"),
      MakeClaim("h1", "Acme Holdings", "capex", 5e6, "USD", 2024, 2024, "d3"),
      MakeClaim("h2", "Acme Holdings", "capex", 7e6, "USD", 2024, 2024, "d4"),
      MakeClaim("b1", "Beta", "revenue", 1e9, "USD", 2022, 2022, "d4"),
      MakeClaim("b2", "Beta", "revenue", 1.2e9, "USD", 2023, 2023, "d4"),
  };
}

v1::Report InMemory(const std::vector<v1::Claim>& claims) {
  ReconcileOptions options;
  options.keep_claims = false;
  auto reconciler = Reconciler::Create(options);
  EXPECT_TRUE(reconciler.ok()) << reconciler.status();
  for (const v1::Claim& c : claims) (*reconciler)->Add(c);
  return (*reconciler)->Finish();
}

// The keyed stream of `claims`, sorted as LC_ALL=C sort would.
std::string SortedKeyed(const std::vector<v1::Claim>& claims) {
  std::vector<std::string> lines;
  for (const v1::Claim& c : claims) {
    std::string line;
    AppendReduceKeyPrefix(c, &line);
    absl::Status s = AppendRecord(c, RecordFormat::kJsonLines, &line);
    EXPECT_TRUE(s.ok()) << s;
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines) out += l;
  return out;
}

struct Reduced {
  absl::Status status;
  std::string output;
  std::vector<std::string> problems;
  std::vector<std::string> failing;
};

Reduced Reduce(const std::string& input, KeyedReduceOptions options) {
  Reduced r;
  ReconcileOptions reconcile;
  reconcile.keep_claims = false;
  auto reconciler = Reconciler::Create(reconcile);
  EXPECT_TRUE(reconciler.ok()) << reconciler.status();
  KeyedReduce reduce(reconciler->get(), options, [&](absl::string_view bytes) {
    r.output.append(bytes.data(), bytes.size());
    return absl::OkStatus();
  });
  std::istringstream in(input);
  r.status = reduce.Read(in, "keyed.tsv");
  if (r.status.ok()) r.status = reduce.Finish();
  r.problems = reduce.problems();
  r.failing = reduce.failing();
  return r;
}

TEST(KeyedReduceTest, JsonIsTheInMemoryReportInBothLayouts) {
  std::vector<v1::Claim> claims = Claims();
  v1::Report expected = InMemory(claims);
  int arithmetic = 0;
  for (const auto& f : expected.findings()) arithmetic += f.kind() == v1::FINDING_KIND_ARITHMETIC;
  ASSERT_GE(arithmetic, 1) << "the test claims should give an ARITHMETIC finding";
  ASSERT_GE(expected.findings_size(), 3);
  for (bool compact : {true, false}) {
    KeyedReduceOptions options;
    options.compact = compact;
    Reduced r = Reduce(SortedKeyed(claims), options);
    ASSERT_TRUE(r.status.ok()) << r.status;
    EXPECT_EQ(compact, r.output.find('\n') == r.output.size() - 1) << r.output;
    v1::Report got;
    absl::Status s = RecordFromJson(r.output, &got);
    ASSERT_TRUE(s.ok()) << s << "\n" << r.output;
    std::string diff;
    google::protobuf::util::MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(expected, got)) << diff;
  }
}

TEST(KeyedReduceTest, TextIsTheInMemoryText) {
  std::vector<v1::Claim> claims = Claims();
  v1::Report expected = InMemory(claims);
  std::string text;
  for (const auto& f : expected.findings()) text += TextFinding(f);
  for (const auto& t : expected.timelines()) text += TextTimeline(t);
  KeyedReduceOptions options;
  options.text = true;
  Reduced r = Reduce(SortedKeyed(claims), options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.output, text);
  EXPECT_NE(text.find("timeline Beta / revenue"), std::string::npos) << text;
}

TEST(KeyedReduceTest, EmptyInputIsAnEmptyReport) {
  for (bool compact : {true, false}) {
    KeyedReduceOptions options;
    options.compact = compact;
    Reduced r = Reduce("", options);
    ASSERT_TRUE(r.status.ok()) << r.status;
    v1::Report got;
    absl::Status s = RecordFromJson(r.output, &got);
    EXPECT_TRUE(s.ok()) << s << "\n" << r.output;
    EXPECT_EQ(got.findings_size() + got.timelines_size(), 0);
  }
}

TEST(KeyedReduceTest, FailOnListsOpenFindingsOfTheKinds) {
  KeyedReduceOptions options;
  options.fail_on = {v1::FINDING_KIND_ARITHMETIC};
  Reduced r = Reduce(SortedKeyed(Claims()), options);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.failing.size(), 1u);
  EXPECT_NE(r.failing[0].find("(arithmetic)"), std::string::npos) << r.failing[0];
}

TEST(KeyedReduceTest, BadLinesAndUnsortedKeysAreProblems) {
  std::string sorted = SortedKeyed(Claims());
  // Move the first line (an "acme holdings|" claim) to the end: its key comes back.
  size_t first_end = sorted.find('\n') + 1;
  std::string unsorted = sorted.substr(first_end) + sorted.substr(0, first_end) +
                         "no tab here\n" + "acme|\t{not json\n";
  Reduced r = Reduce(unsorted, KeyedReduceOptions{});
  ASSERT_TRUE(r.status.ok()) << r.status;
  std::string all;
  for (const auto& p : r.problems) all += p + "\n";
  EXPECT_NE(all.find("seen before: the input is not sorted"), std::string::npos) << all;
  EXPECT_NE(all.find("keyed.tsv:10: expected KEY<TAB>CLAIM"), std::string::npos) << all;
  EXPECT_NE(all.find("keyed.tsv:11:"), std::string::npos) << all;
  v1::Report got;
  ASSERT_TRUE(RecordFromJson(r.output, &got).ok()) << r.output;
  EXPECT_EQ(got.summary().claims(), 9u);
  EXPECT_EQ(got.problems_size(), static_cast<int>(r.problems.size()));
}

TEST(KeyedReduceTest, AWriteErrorStopsTheRun) {
  ReconcileOptions reconcile;
  reconcile.keep_claims = false;
  auto reconciler = Reconciler::Create(reconcile);
  ASSERT_TRUE(reconciler.ok()) << reconciler.status();
  KeyedReduce reduce(reconciler->get(), KeyedReduceOptions{}, [](absl::string_view) {
    return absl::DataLossError("disk full");
  });
  std::istringstream in(SortedKeyed(Claims()));
  absl::Status s = reduce.Read(in, "keyed.tsv");
  if (s.ok()) s = reduce.Finish();
  EXPECT_EQ(s.message(), "disk full") << s;
}

}  // namespace
}  // namespace claimcheck
