#include "extract/extractor.h"

#include <cstdlib>
#include <fstream>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

v1::Document Doc(const std::string& id, const std::string& text, int64_t published_seconds) {
  v1::Document d;
  d.set_id(id);
  d.set_uri(id + ".txt");
  d.set_title("title " + id);
  d.set_text(text);
  if (published_seconds > 0) d.mutable_published()->mutable_time()->set_seconds(published_seconds);
  return d;
}

std::vector<v1::Claim> ExtractAll(Extractor& e, const v1::Document& d) {
  std::vector<v1::Claim> out;
  e.Extract(d, [&](v1::Claim&& c) { out.push_back(std::move(c)); });
  return out;
}

constexpr char kArticle[] =
    "Big Fund III turns to toolmakers\n\n"
    "In Q3 2025, Big Fund III committed RMB 450 million to Piotech Jianke, a subsidiary of "
    "Piotech. This investment, part of a RMB 71 billion fund, signals a shift.";

TEST(ExtractorTest, FillsEveryField) {
  absl::StatusOr<std::unique_ptr<Extractor>> e = Extractor::Create({});
  ASSERT_TRUE(e.ok()) << e.status();
  std::vector<v1::Claim> claims = ExtractAll(**e, Doc("doc1", kArticle, 1762249140));
  ASSERT_EQ(claims.size(), 2u);
  const v1::Claim& c = claims[0];
  EXPECT_EQ(c.id().size(), 16u);
  EXPECT_EQ(c.subject().key(), "big fund iii|investment|piotech jianke");
  EXPECT_EQ(c.quantity().value(), 450e6);
  EXPECT_EQ(c.scope().start(), "2025-07-01");
  EXPECT_EQ(c.provenance().document_id(), "doc1");
  EXPECT_EQ(c.provenance().uri(), "doc1.txt");
  EXPECT_EQ(c.provenance().title(), "title doc1");
  const std::string text = kArticle;
  EXPECT_EQ(text.substr(c.provenance().figure_begin(),
                        c.provenance().figure_end() - c.provenance().figure_begin()),
            "RMB 450 million");
  EXPECT_EQ(text.substr(c.provenance().sentence_begin(),
                        c.provenance().sentence_end() - c.provenance().sentence_begin()),
            c.provenance().sentence());
  EXPECT_EQ(c.provenance().line(), 3u);
  EXPECT_EQ(c.provenance().column(), c.provenance().figure_begin() - text.find("In Q3") + 1);
  EXPECT_EQ(c.extractor(), "claimcheck");
  EXPECT_EQ(c.extractor_version(), "0.1.0");
  EXPECT_GT(c.confidence(), 0.5);
  EXPECT_FALSE(c.provenance().is_quotation());
  EXPECT_EQ(claims[1].subject().key(), "big fund iii|fund_size");
  EXPECT_TRUE(claims[1].scope().inferred());
}

TEST(ExtractorTest, IdsAreStableAcrossRuns) {
  auto a = Extractor::Create({});
  auto b = Extractor::Create({});
  ASSERT_TRUE(a.ok() && b.ok());
  std::vector<v1::Claim> first = ExtractAll(**a, Doc("doc1", kArticle, 1762249140));
  std::vector<v1::Claim> second = ExtractAll(**b, Doc("doc1", kArticle, 1762249140));
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].id(), second[i].id());
}

TEST(ExtractorTest, CopiesLinkToTheFirstAppearance) {
  auto e = Extractor::Create({});
  ASSERT_TRUE(e.ok());
  std::vector<v1::Claim> original = ExtractAll(**e, Doc("orig", kArticle, 1762249140));
  std::string forum = std::string("Did you read this?\n\n") + kArticle;
  std::vector<v1::Claim> pasted = ExtractAll(**e, Doc("forum", forum, 0));
  ASSERT_EQ(pasted.size(), original.size());
  for (size_t i = 0; i < pasted.size(); ++i) {
    EXPECT_TRUE(pasted[i].provenance().is_quotation());
    EXPECT_EQ(pasted[i].provenance().first_appearance_claim_id(), original[i].id());
    EXPECT_NE(pasted[i].id(), original[i].id());
  }
}

// The Extractor reuses one Claim: a consumer that only reads it (and copies what it
// keeps) must never see a field left over from an earlier claim.
TEST(ExtractorTest, ReusedClaimKeepsNothingFromTheLastOne) {
  auto reused = Extractor::Create({});
  auto fresh = Extractor::Create({});
  ASSERT_TRUE(reused.ok() && fresh.ok());
  auto copy_all = [](Extractor& e, const v1::Document& d) {
    std::vector<std::string> out;
    e.Extract(d, [&](v1::Claim&& c) { out.push_back(c.SerializeAsString()); });
    return out;
  };
  const std::string other =
      "Acme Robotics said revenue rose 12% to $3 billion. It plans to build 4 fabs.";
  // Quotations with attributions and dates, then a dateless document with neither.
  copy_all(**reused, Doc("orig", kArticle, 1762249140));
  copy_all(**reused, Doc("forum", std::string("Did you read this?\n\n") + kArticle, 0));
  std::vector<std::string> after = copy_all(**reused, Doc("other", other, 0));
  std::vector<std::string> alone = copy_all(**fresh, Doc("other", other, 0));
  ASSERT_FALSE(alone.empty());
  EXPECT_EQ(after, alone);
}

// The claim handed over is the consumer's to change or move from: the next claim is
// whole all the same.
TEST(ExtractorTest, AConsumerMayChangeTheClaimItIsGiven) {
  auto meddled = Extractor::Create({});
  auto fresh = Extractor::Create({});
  ASSERT_TRUE(meddled.ok() && fresh.ok());
  v1::Document doc = Doc("orig", kArticle, 1762249140);
  doc.set_title("A title");
  std::vector<std::string> got, want;
  (*meddled)->Extract(doc, [&](v1::Claim&& c) {
    got.push_back(c.SerializeAsString());
    c.mutable_provenance()->set_title("changed");
    c.mutable_provenance()->mutable_published()->set_precision(v1::TIME_PRECISION_YEAR);
    c.set_extractor("someone else");
    v1::Claim taken = std::move(c);
  });
  (*fresh)->Extract(doc, [&](v1::Claim&& c) { want.push_back(c.SerializeAsString()); });
  ASSERT_GE(want.size(), 2u);
  EXPECT_EQ(got, want);
}

TEST(ExtractorTest, AliasFileErrorsNameTheFile) {
  ExtractOptions options;
  options.alias_files = {"/nonexistent/aliases.txt"};
  auto e = Extractor::Create(options);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(std::string(e.status().message()).find("/nonexistent/aliases.txt"), std::string::npos);
}

TEST(ExtractorTest, MetricFilesExtendTheVocabulary) {
  const std::string path = std::string(getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp") +
                           "/extractor_test_metrics.txt";
  {
    std::ofstream out(path);
    out << "# our own words\nbacklog = order_backlog\n";
  }
  const v1::Document d = Doc("m", "Acme's backlog reached $5 billion in 2024.", 0);
  auto plain = Extractor::Create({});
  ASSERT_TRUE(plain.ok()) << plain.status();
  std::vector<v1::Claim> before = ExtractAll(**plain, d);
  ExtractOptions options;
  options.metric_files = {path};
  auto extended = Extractor::Create(options);
  ASSERT_TRUE(extended.ok()) << extended.status();
  std::vector<v1::Claim> after = ExtractAll(**extended, d);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].subject().metric(), "order_backlog");
  EXPECT_EQ(after[0].subject().entity(), "Acme");
  for (const v1::Claim& c : before) EXPECT_NE(c.subject().metric(), "order_backlog");

  options.metric_files = {"/nonexistent/metrics.txt"};
  auto missing = Extractor::Create(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(std::string(missing.status().message()).find("/nonexistent/metrics.txt"),
            std::string::npos);
}

TEST(ExtractorTest, EmptyAndFigurelessDocumentsGiveNoClaims) {
  auto e = Extractor::Create({});
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(ExtractAll(**e, Doc("empty", "", 0)).empty());
  EXPECT_TRUE(ExtractAll(**e, Doc("words", "Nothing here has a number in it.", 0)).empty());
}

}  // namespace
}  // namespace claimcheck

namespace claimcheck {
namespace {

TEST(ExtractorTest, AVeryLongSentenceStaysLinear) {
  // A table flattened into one line: thousands of figures and no full stop.
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "SMIC revenue was $" + std::to_string(i + 2) + " billion, ";
  auto e = Extractor::Create({});
  ASSERT_TRUE(e.ok());
  size_t claims = 0;
  (*e)->Extract(Doc("long", text, 1762249140), [&](v1::Claim&&) { ++claims; });
  EXPECT_GT(claims, 1000u);
}

}  // namespace
}  // namespace claimcheck
