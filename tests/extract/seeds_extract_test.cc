// Issue 5, "Done when", on the real seed documents in ../shared/seeds (skipped when absent):
//   * at least 14 of the 16 claims of expected_claims.jsonl are extracted with the right
//     value, unit and bound and with a subject a person would accept;
//   * the Q3 2025 and 2019..2021 periods are attached;
//   * the forum thread's pasted copies count as one independent source;
//   * no claim's figure is one of not_quantities.jsonl.
//
// "A subject a person would accept" is checked loosely, since the answer file's names are
// descriptive ("China Mobile intelligent computing open lab", "best process node"): the
// claim's entity (or a qualifier) shares a significant word with the expected entity, and
// its metric shares a significant word with the expected metric.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/extract/extract_testing.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

std::string SeedsDir() {
  const char* shared = std::getenv("CLAIMCHECK_SHARED");
  return std::string(shared != nullptr ? shared : "/work/shared") + "/seeds";
}

std::vector<google::protobuf::Struct> ReadJsonLines(const std::string& path) {
  std::vector<google::protobuf::Struct> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    google::protobuf::Struct s;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(line, &s).ok()) << line;
    out.push_back(std::move(s));
  }
  return out;
}

std::string Field(const google::protobuf::Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  if (it == s.fields().end() || it->second.kind_case() != google::protobuf::Value::kStringValue) {
    return "";
  }
  return it->second.string_value();
}

// Lower-case words of 3+ letters, split on anything else, with a plural "s" dropped.
std::set<std::string> Words(absl::string_view text) {
  static const std::set<std::string> kStop = {"the", "and", "for", "of", "combined", "previous"};
  std::set<std::string> out;
  std::string lower = absl::AsciiStrToLower(text);
  for (absl::string_view w : absl::StrSplit(lower, absl::ByAnyChar(" _-|(),.'"), absl::SkipEmpty())) {
    std::string word(w);
    if (word.size() > 3 && word.back() == 's') word.pop_back();
    if (word.size() >= 3 && !kStop.count(word)) out.insert(word);
  }
  return out;
}

bool ShareWord(absl::string_view a, absl::string_view b) {
  std::set<std::string> wa = Words(a), wb = Words(b);
  for (const std::string& w : wa) {
    if (wb.count(w)) return true;
  }
  return false;
}

v1::BoundKind Bound(const std::string& name) {
  if (name == "exact") return v1::BOUND_KIND_EXACT;
  if (name == "approximate") return v1::BOUND_KIND_APPROXIMATE;
  if (name == "approximate_below") return v1::BOUND_KIND_APPROXIMATE_BELOW;
  if (name == "at_least") return v1::BOUND_KIND_AT_LEAST;
  if (name == "at_most") return v1::BOUND_KIND_AT_MOST;
  if (name == "range") return v1::BOUND_KIND_RANGE;
  return v1::BOUND_KIND_UNSPECIFIED;
}

bool UnitMatches(const std::string& expected, const std::string& got) {
  std::string e = absl::AsciiStrToLower(expected), g = absl::AsciiStrToLower(got);
  if (e == g) return true;
  if (!e.empty() && e.back() == 's') e.pop_back();  // "soccer fields" ~ "soccer field"
  return e == g;
}

class SeedsExtractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(SeedsDir())) GTEST_SKIP() << "no seeds at " << SeedsDir();
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(SeedsDir())) {
      std::string name = entry.path().filename().string();
      if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> problems;
    claims_ = ExtractPaths(files, ExtractOptions(), &problems);
  }
  std::vector<ExtractedClaim> claims_;
};

TEST_F(SeedsExtractTest, AtLeast14Of16ExpectedClaims) {
  int found = 0;
  std::vector<std::string> missed;
  for (const google::protobuf::Struct& e : ReadJsonLines(SeedsDir() + "/expected_claims.jsonl")) {
    const double value = e.fields().at("value").number_value();
    const ExtractedClaim* match = nullptr;
    const std::string quote = Field(e, "quote");
    // Prefer the claim made from the quoted sentence; the same figure restated elsewhere
    // in the document also counts.
    for (int pass = 0; pass < 2 && match == nullptr; ++pass)
    for (const ExtractedClaim& c : claims_) {
      const v1::Claim& k = c.claim;
      if (pass == 0 && !absl::StrContains(k.provenance().sentence(), quote) &&
          !absl::StrContains(quote, k.provenance().sentence())) {
        continue;
      }
      if (c.file != Field(e, "doc")) continue;
      double tolerance = std::max(k.quantity().precision() / 2, 1e-6 * std::fabs(value));
      if (std::fabs(k.quantity().value() - value) > tolerance) continue;
      // The answer file writes "count" for some counted nouns, the noun for others.
      if (!UnitMatches(Field(e, "unit"), k.quantity().unit()) &&
          !(Field(e, "unit") == "count" && k.quantity().type() == v1::QUANTITY_TYPE_COUNT)) {
        continue;
      }
      if (k.quantity().bound() != Bound(Field(e, "bound"))) continue;
      std::string entity_side = k.subject().entity();
      for (const v1::Qualifier& q : k.subject().qualifiers()) entity_side += " " + q.value();
      if (!ShareWord(Field(e, "entity"), entity_side)) continue;
      if (!ShareWord(Field(e, "metric"), k.subject().metric())) continue;
      match = &c;
      break;
    }
    if (match == nullptr) {
      missed.push_back(absl::StrCat(Field(e, "doc"), ": ", Field(e, "quote")));
      continue;
    }
    ++found;
    // The periods the issue names must be attached.
    const std::string scope = Field(e, "scope");
    std::string start, end;
    if ((scope == "2025-Q3" || scope == "2019..2021") && ParseAnswerPeriod(scope, &start, &end)) {
      EXPECT_EQ(match->claim.scope().start(), start) << Field(e, "quote");
      EXPECT_EQ(match->claim.scope().end(), end) << Field(e, "quote");
    }
  }
  std::vector<std::string> all;
  for (const ExtractedClaim& c : claims_) all.push_back(DescribeClaim(c));
  EXPECT_GE(found, 14) << "missed:\n" << absl::StrJoin(missed, "\n") << "\nclaims:\n"
                       << absl::StrJoin(all, "\n");
  std::cout << "seeds: " << found << " of 16 expected claims extracted; missed: "
            << absl::StrJoin(missed, "; ") << "\n";
}

TEST_F(SeedsExtractTest, PastedCopiesAreOneIndependentSource) {
  // The forum thread pastes one article several times; each of its figures must have
  // exactly one claim that is not a quotation, and every copy must point at it.
  for (double value : {200e9, 56e9}) {
    std::vector<const v1::Claim*> copies;
    for (const ExtractedClaim& c : claims_) {
      if (absl::StartsWith(c.file, "002_") && c.claim.quantity().value() == value &&
          absl::StrContains(c.claim.provenance().sentence(), "Having spent")) {
        copies.push_back(&c.claim);
      }
    }
    ASSERT_GE(copies.size(), 3u) << value;
    int independent = 0;
    std::string first_id;
    for (const v1::Claim* c : copies) {
      if (!c->provenance().is_quotation()) ++independent, first_id = c->id();
    }
    EXPECT_EQ(independent, 1) << value;
    for (const v1::Claim* c : copies) {
      if (c->provenance().is_quotation()) {
        EXPECT_EQ(c->provenance().first_appearance_claim_id(), first_id) << value;
      }
    }
  }
}

TEST_F(SeedsExtractTest, NoFigureIsANonQuantity) {
  for (const google::protobuf::Struct& n : ReadJsonLines(SeedsDir() + "/not_quantities.jsonl")) {
    const std::string text = Field(n, "text");
    for (const ExtractedClaim& c : claims_) {
      if (c.file != Field(n, "doc")) continue;
      EXPECT_FALSE(absl::StrContains(c.claim.quantity().text(), text))
          << text << " (" << Field(n, "why") << ") in " << DescribeClaim(c);
    }
  }
}

}  // namespace
}  // namespace claimcheck
