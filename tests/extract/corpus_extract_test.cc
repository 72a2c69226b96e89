// Issue 5, "Done when": on the sample corpus's expected_claims.jsonl, precision and
// recall of (subject key, value within precision, period) are each at least 0.9.
//
// Matching rules (written down so the figures below mean something):
//   * subject: the expected entity and metric, normalised like a key part
//     (claims/subject_key.h), equal the first two parts of the claim's key; qualifiers are
//     not compared (the answer file names them in prose: "year on year", "customs figures");
//   * value: within half the claim's precision (and 1e-6 relative, for float noise);
//   * period: an expected period ("2024-Q3", "2019..2021") equals the claim's [start, end),
//     or contains the publication day the claim's inferred period stands for; an expected
//     null matches a claim with no stated period (inferred, unresolved or empty);
//   * both sides are sets: a claim restated in the same document counts once.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "claims/subject_key.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/extract/extract_testing.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

struct Expected {
  std::string file, item, subject, scope;
  double value = 0;
  std::string line;
};

std::string Str(const google::protobuf::Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  if (it == s.fields().end() || it->second.kind_case() != google::protobuf::Value::kStringValue) {
    return "";
  }
  return it->second.string_value();
}

std::vector<Expected> ReadExpected(const std::string& path) {
  std::vector<Expected> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    google::protobuf::Struct s;
    auto status = google::protobuf::util::JsonStringToMessage(line, &s);
    EXPECT_TRUE(status.ok()) << path << ": " << line;
    Expected e;
    e.file = Str(s, "doc");
    e.item = Str(s, "item");
    e.subject = absl::StrCat(NormalizeKeyPart(Str(s, "entity")), "|", NormalizeKeyPart(Str(s, "metric")));
    e.scope = Str(s, "scope");
    e.value = s.fields().at("value").number_value();
    e.line = line;
    out.push_back(std::move(e));
  }
  return out;
}

std::string SubjectOf(const v1::Claim& c) {
  std::vector<std::string> parts = absl::StrSplit(c.subject().key(), '|');
  if (parts.size() < 2) return c.subject().key();
  return absl::StrCat(parts[0], "|", parts[1]);
}

bool ValueMatches(const v1::Claim& c, double expected) {
  double tolerance = std::max(c.quantity().precision() / 2, 1e-6 * std::fabs(expected));
  return std::fabs(c.quantity().value() - expected) <= tolerance + 1e-9;
}

bool PeriodMatches(const v1::Claim& c, const std::string& expected) {
  const v1::TimeScope& s = c.scope();
  const bool stated = !s.inferred() && !s.unresolved() && !s.start().empty();
  if (expected.empty()) return !stated;
  std::string start, end;
  if (!ParseAnswerPeriod(expected, &start, &end)) return false;
  if (stated) return s.start() == start && s.end() == end;
  return s.inferred() && s.start() >= start && s.start() < end;
}

bool Matches(const ExtractedClaim& c, const Expected& e) {
  if (c.file != e.file) return false;
  if (!e.item.empty() && c.item != e.item) return false;
  return SubjectOf(c.claim) == e.subject && ValueMatches(c.claim, e.value) &&
         PeriodMatches(c.claim, e.scope);
}

fs::path CorpusRoot() {
  // Bazel runs tests in the runfiles tree; the corpus is a data dependency.
  for (const char* candidate : {"tests/testdata", "../claimcheck/tests/testdata"}) {
    if (fs::is_directory(fs::path(candidate) / "corpus")) return candidate;
  }
  return "tests/testdata";
}

TEST(CorpusExtractTest, PrecisionAndRecallOfSubjectValueAndPeriod) {
  const fs::path root = CorpusRoot();
  ASSERT_TRUE(fs::is_directory(root / "corpus")) << fs::absolute(root);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(root / "corpus")) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::vector<std::string> problems;
  ExtractOptions options;
  std::vector<ExtractedClaim> claims = ExtractPaths(files, options, &problems);
  ASSERT_FALSE(claims.empty());
  std::vector<Expected> expected = ReadExpected((root / "expected_claims.jsonl").string());
  ASSERT_FALSE(expected.empty());

  // Sets: one representative per distinct (file, item, subject, value, period) on each side.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, const Expected*> want;
  for (const Expected& e : expected) {
    char value[32];
    snprintf(value, sizeof(value), "%.6g", e.value);
    want.emplace(std::make_tuple(e.file + " " + e.item, e.subject, value, e.scope), &e);
  }
  std::map<std::tuple<std::string, std::string, std::string, std::string>, const ExtractedClaim*> got;
  for (const ExtractedClaim& c : claims) {
    char value[32];
    snprintf(value, sizeof(value), "%.6g", c.claim.quantity().value());
    const v1::TimeScope& s = c.claim.scope();
    std::string period = s.inferred() ? "inferred" : s.start() + ".." + s.end();
    got.emplace(std::make_tuple(c.file + " " + c.item, SubjectOf(c.claim), value, period), &c);
  }
  int found = 0;
  std::vector<std::string> missed, wrong;
  for (const auto& [key, e] : want) {
    bool hit = false;
    for (const auto& [ckey, c] : got) hit = hit || Matches(*c, *e);
    if (hit) ++found;
    else missed.push_back(e->line);
  }
  int right = 0;
  for (const auto& [ckey, c] : got) {
    bool hit = false;
    for (const auto& [key, e] : want) hit = hit || Matches(*c, *e);
    if (hit) ++right;
    else wrong.push_back(DescribeClaim(*c));
  }
  const double recall = static_cast<double>(found) / want.size();
  const double precision = static_cast<double>(right) / got.size();
  std::cout << "corpus: " << got.size() << " distinct claims, " << want.size()
            << " distinct expected; precision " << precision << " (" << right << "/" << got.size()
            << "), recall " << recall << " (" << found << "/" << want.size() << ")\n";
  for (const std::string& w : wrong) std::cout << "  not expected: " << w << "\n";
  for (const std::string& m : missed) std::cout << "  not found: " << m << "\n";
  EXPECT_GE(precision, 0.9) << "claims matching no expected line:\n" << absl::StrJoin(wrong, "\n");
  EXPECT_GE(recall, 0.9) << "expected lines not found:\n" << absl::StrJoin(missed, "\n");
  for (const std::string& p : problems) std::cout << "problem: " << p << "\n";
}

}  // namespace
}  // namespace claimcheck
