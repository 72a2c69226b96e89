// The recognizers on the seed documents in $CLAIMCHECK_SHARED/seeds: every figure listed in
// expected_claims.jsonl is found in its quote with the right value, unit and bound (and
// its period, when the quote writes one), and nothing in not_quantities.jsonl is reported
// as a quantity, neither in its context nor anywhere in its whole document. Skips when
// the shared folder is missing.
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/conformance/shared_dir.h"

namespace claimcheck {
namespace {

using google::protobuf::Struct;

std::vector<Struct> ReadJsonl(const std::string& path) {
  std::vector<Struct> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    Struct s;
    auto status = google::protobuf::util::JsonStringToMessage(line, &s);
    EXPECT_TRUE(status.ok()) << path << ": " << status.ToString();
    out.push_back(std::move(s));
  }
  return out;
}

std::string Field(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? "" : it->second.string_value();
}

v1::BoundKind BoundOf(const std::string& name) {
  v1::BoundKind kind = v1::BOUND_KIND_UNSPECIFIED;
  v1::BoundKind_Parse("BOUND_KIND_" + absl::AsciiStrToUpper(name), &kind);
  return kind;
}

// The seed files say "soccer fields" and "count"; we say "soccer field" and the noun.
bool UnitMatches(const std::string& expected, const v1::Quantity& q) {
  if (expected == "count") {
    return q.type() == v1::QUANTITY_TYPE_COUNT || q.type() == v1::QUANTITY_TYPE_NUMBER;
  }
  std::string e = absl::AsciiStrToLower(expected);
  if (absl::EndsWith(e, "s") && e.size() > 3 && e != q.unit()) e.pop_back();
  return e == q.unit() || expected == q.currency();
}

class SeedsRecognizersTest : public testing::Test {
 protected:
  void SetUp() override {
    shared_ = SharedDir();
    if (shared_.empty()) GTEST_SKIP() << "no shared seeds folder";
    auto q = QuantityRecognizer::Create();
    ASSERT_TRUE(q.ok()) << q.status();
    quantities_ = std::move(*q);
    auto t = TimeRecognizer::Create();
    ASSERT_TRUE(t.ok()) << t.status();
    times_ = std::move(*t);
  }
  std::string shared_;
  std::unique_ptr<QuantityRecognizer> quantities_;
  std::unique_ptr<TimeRecognizer> times_;
};

TEST_F(SeedsRecognizersTest, FindsEveryExpectedFigure) {
  std::vector<Struct> claims = ReadJsonl(shared_ + "/seeds/expected_claims.jsonl");
  ASSERT_FALSE(claims.empty());
  for (const Struct& claim : claims) {
    std::string quote = Field(claim, "quote");
    std::string figure = Field(claim, "figure");
    double value = claim.fields().at("value").number_value();
    std::string unit = Field(claim, "unit");
    v1::BoundKind bound = BoundOf(Field(claim, "bound"));
    const QuantityMention* hit = nullptr;
    std::vector<QuantityMention> found = quantities_->Find(quote);
    for (const QuantityMention& m : found) {
      if (absl::StrContains(m.quantity.text(), figure) ||
          absl::StrContains(figure, m.quantity.text())) {
        hit = &m;
      }
    }
    ASSERT_NE(hit, nullptr) << "\"" << figure << "\" not found in: " << quote;
    const v1::Quantity& q = hit->quantity;
    EXPECT_NEAR(q.value(), value, 1e-9 * std::fabs(value)) << figure;
    EXPECT_TRUE(UnitMatches(unit, q)) << figure << ": unit " << q.unit() << " vs " << unit;
    EXPECT_EQ(q.bound(), bound) << figure;
    EXPECT_TRUE(q.has_low() || q.has_high()) << figure;
    // Periods written in the quote as years ("in 2023", "from 2019 to 2021", "Q3 2025").
    std::string scope = Field(claim, "scope");
    if (!scope.empty() && absl::ascii_isdigit(static_cast<unsigned char>(scope[0])) &&
        absl::StrContains(quote, scope.substr(0, 4))) {
      std::vector<TimeMention> periods = times_->Find(quote, std::nullopt);
      ASSERT_FALSE(periods.empty()) << "no period in: " << quote;
      std::string year = scope.substr(0, 4);
      bool covered = false;
      for (const TimeMention& t : periods) {
        if (absl::StartsWith(t.scope.start(), year)) covered = true;
      }
      EXPECT_TRUE(covered) << scope << " in: " << quote;
    }
  }
}

TEST_F(SeedsRecognizersTest, ReportsNoListedNonQuantity) {
  std::vector<Struct> items = ReadJsonl(shared_ + "/seeds/not_quantities.jsonl");
  ASSERT_FALSE(items.empty());
  for (const Struct& item : items) {
    std::string text = Field(item, "text");
    const std::string context = Field(item, "context");
    const std::string document = ReadWholeFile(shared_ + "/seeds/" + Field(item, "doc"));
    ASSERT_FALSE(document.empty()) << Field(item, "doc");
    for (const std::string& where : {context, document}) {
      for (const QuantityMention& m : quantities_->Find(where)) {
        EXPECT_FALSE(absl::StrContains(m.quantity.text(), text))
            << "\"" << text << "\" (" << Field(item, "why") << ") reported as the quantity \""
            << m.quantity.text() << "\"";
      }
    }
  }
}

}  // namespace
}  // namespace claimcheck
