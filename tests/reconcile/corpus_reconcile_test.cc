// The reconciler on the sample corpus: claims built from the hand-written
// tests/testdata/expected_claims.jsonl, findings checked against
// tests/testdata/expected_findings.jsonl:
//   * every error it lists (contradiction, scale_slip, period_mismatch, stale_figure,
//     arithmetic) is reported with the right kind, subject and figures;
//   * no error finding is raised that it does not list, and none for a "consistent"
//     entry (rounding, hedges, currencies, copies);
//   * every "shift" is on the subject's timeline, not a finding;
// and with tests/testdata/reference.jsonl, the three disagreements its README names.
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"
#include "reconcile/findings.h"
#include "reconcile/reconciler.h"
#include "tests/reconcile/corpus_claims.h"

namespace claimcheck {
namespace {

const char kTestdata[] = "tests/testdata/";

std::string Read(const std::string& name) {
  std::ifstream in(kTestdata + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Documents whose names carry no date (see tests/testdata/README.md).
const std::map<std::string, std::string>& Published() {
  static const auto* m = new std::map<std::string, std::string>{
      {"big-fund-iii-explainer.html", "2024-05-28"},
      {"smic-2023-results.html", "2024-02-08"},
      {"wp-json-posts-61842.json", "2024-11-08"},
      {"forum-china-chip-industry-thread.txt", "2025-11-14"},
  };
  return *m;
}

struct Expected {
  std::string kind;
  std::string entity;
  std::string metric;
  std::string period;
  std::vector<std::string> figures;
};

std::vector<Expected> ExpectedFindings() {
  std::vector<Expected> out;
  for (absl::string_view line : absl::StrSplit(Read("expected_findings.jsonl"), '\n')) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    google::protobuf::Struct o;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(
                    google::protobuf::StringPiece(line.data(), line.size()), &o)
                    .ok())
        << line;
    Expected e;
    e.kind = o.fields().at("kind").string_value();
    e.entity = o.fields().at("entity").string_value();
    e.metric = o.fields().at("metric").string_value();
    auto period = o.fields().find("period");
    if (period != o.fields().end()) e.period = period->second.string_value();
    for (const auto& v : o.fields().at("figures").list_value().values()) {
      e.figures.push_back(v.string_value());
    }
    out.push_back(std::move(e));
  }
  return out;
}

class CorpusReconcileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string claims_text = Read("expected_claims.jsonl");
    if (claims_text.empty()) GTEST_SKIP() << "no tests/testdata/expected_claims.jsonl";
    auto claims = ClaimsFromExpected(claims_text, Published());
    ASSERT_TRUE(claims.ok()) << claims.status();
    claims_ = *std::move(claims);
    for (const v1::Claim& c : claims_) figure_of_[c.id()] = c.quantity().text();
  }

  v1::Report Reconcile(const ReconcileOptions& options) {
    auto reconciler = Reconciler::Create(options);
    EXPECT_TRUE(reconciler.ok()) << reconciler.status();
    for (const v1::Claim& c : claims_) (*reconciler)->Add(c);
    return (*reconciler)->Finish();
  }

  static bool SameSubject(const v1::Subject& s, const Expected& e) {
    return absl::AsciiStrToLower(s.entity()) == absl::AsciiStrToLower(e.entity) &&
           s.metric() == e.metric;
  }

  std::set<std::string> Figures(const v1::Finding& f) {
    std::set<std::string> out;
    for (const auto& id : f.claim_ids()) out.insert(figure_of_[id]);
    return out;
  }

  std::vector<v1::Claim> claims_;
  std::map<std::string, std::string> figure_of_;
};

bool IsError(const std::string& kind) { return kind != "shift" && kind != "consistent"; }

TEST_F(CorpusReconcileTest, EveryListedErrorIsReportedWithItsKind) {
  v1::Report report = Reconcile({});
  for (const Expected& e : ExpectedFindings()) {
    if (!IsError(e.kind)) continue;
    bool found = false;
    for (const v1::Finding& f : report.findings()) {
      if (FindingKindShortName(f.kind()) != e.kind || !SameSubject(f.subject(), e)) continue;
      std::set<std::string> figures = Figures(f);
      bool all = true;
      for (const auto& figure : e.figures) all &= figures.count(figure) > 0;
      found |= all;
    }
    EXPECT_TRUE(found) << e.kind << " " << e.entity << " " << e.metric << " " << e.period
                       << " with figures " << absl::StrJoin(e.figures, ", ")
                       << " not reported";
  }
}

TEST_F(CorpusReconcileTest, NothingElseIsFlagged) {
  v1::Report report = Reconcile({});
  std::vector<Expected> expected = ExpectedFindings();
  for (const v1::Finding& f : report.findings()) {
    if (f.kind() == v1::FINDING_KIND_SINGLE_SOURCE) continue;  // informational
    bool listed = false;
    for (const Expected& e : expected) {
      listed |= e.kind == FindingKindShortName(f.kind()) && SameSubject(f.subject(), e);
    }
    EXPECT_TRUE(listed) << "unexpected finding: " << f.explanation();
    // A consistent restatement never makes a finding on its own.
    std::set<std::string> figures = Figures(f);
    for (const Expected& e : expected) {
      if (e.kind != "consistent" || !SameSubject(f.subject(), e)) continue;
      std::set<std::string> allowed(e.figures.begin(), e.figures.end());
      bool only_consistent = true;
      for (const auto& figure : figures) only_consistent &= allowed.count(figure) > 0;
      EXPECT_FALSE(only_consistent) << "finding on consistent figures "
                                    << absl::StrJoin(e.figures, ", ") << ": "
                                    << f.explanation();
    }
  }
}

TEST_F(CorpusReconcileTest, ShiftsAreTimelinePoints) {
  v1::Report report = Reconcile({});
  for (const Expected& e : ExpectedFindings()) {
    if (e.kind != "shift") continue;
    std::set<std::string> on_timeline;
    for (const v1::Timeline& t : report.timelines()) {
      if (!SameSubject(t.subject(), e)) continue;
      for (const v1::TimelinePoint& p : t.points()) {
        for (const auto& id : p.claim_ids()) on_timeline.insert(figure_of_[id]);
      }
    }
    for (const auto& figure : e.figures) {
      EXPECT_TRUE(on_timeline.count(figure))
          << e.entity << " " << e.metric << ": " << figure << " is not on the timeline";
    }
  }
}

TEST_F(CorpusReconcileTest, ProcessNodeTimelineInOrder) {
  v1::Report report = Reconcile({});
  std::vector<double> nodes;
  for (const v1::Timeline& t : report.timelines()) {
    if (t.subject().entity() != "SMIC" || t.subject().metric() != "process_node") continue;
    for (const v1::TimelinePoint& p : t.points()) {
      if (!p.scope().inferred()) nodes.push_back(p.value());
    }
  }
  EXPECT_EQ(nodes, (std::vector<double>{40, 28, 14, 7}));
}

TEST_F(CorpusReconcileTest, ReferenceFileDisagreements) {
  ReconcileOptions options;
  options.reference_path = std::string(kTestdata) + "reference.jsonl";
  v1::Report report = Reconcile(options);
  std::set<std::string> mismatched;
  for (const v1::Finding& f : report.findings()) {
    if (f.kind() != v1::FINDING_KIND_REFERENCE_MISMATCH) continue;
    for (const auto& figure : Figures(f)) {
      mismatched.insert(absl::StrCat(f.subject().entity(), ": ", figure));
    }
  }
  EXPECT_EQ(mismatched, (std::set<std::string>{"Big Fund II: RMB 240 billion",
                                               "Big Fund III: RMB 344 million",
                                               "SMIC: $3.2 billion"}));
}

TEST_F(CorpusReconcileTest, CurrencyAndRoundingRestatementsAgree) {
  v1::Report report = Reconcile({});
  for (const v1::Finding& f : report.findings()) {
    std::set<std::string> figures = Figures(f);
    // "$47.5 billion" against "RMB 344 billion", "nearly 60%" against "almost 60%".
    if (f.kind() != v1::FINDING_KIND_SINGLE_SOURCE) {
      EXPECT_FALSE(figures.count("about $47.5 billion") && figures.size() == 2 &&
                   figures.count("RMB 344 billion"))
          << f.explanation();
    }
  }
  EXPECT_GT(report.timelines_size(), 10);
  EXPECT_TRUE(report.problems().empty()) << report.problems(0);
}

}  // namespace
}  // namespace claimcheck
