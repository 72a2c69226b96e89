#include "extract/entity_finder.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// "canonical" for each name found, joined by "; ".
std::string Names(DocumentEntities& doc, const std::string& text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const EntityMention& m : doc.Find(text, tokens, {})) {
    out.push_back(m.written == m.canonical ? m.canonical
                                           : absl::StrCat(m.written, "=", m.canonical));
  }
  return absl::StrJoin(out, "; ");
}

TEST(EntityFinderTest, LooksLikeFundFindsFundInAnyCaseAndPlace) {
  struct {
    const char* name;
    bool want;
  } cases[] = {
      {"Big Fund III", true},         {"FUND", true},
      {"fUnD", true},                 {"Refunded", true},
      {"xxxxxxxfund", true},          {"xxxxxxxxfund", true},
      {"ffffffffffffund", true},      {"National Chip Investment Fund", true},
      {"", false},                    {"fun", false},
      {"xxxxxxxfun", false},          {"f und", false},
      {"F\xC3\xBCnd", false},         {"SMIC", false},
  };
  for (const auto& c : cases) EXPECT_EQ(LooksLikeFund(c.name), c.want) << c.name;
}

TEST(EntityFinderTest, FindsNamesNotCapitalisedFunctionWords) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities doc(&aliases);
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"In Q3 2025, Big Fund III committed RMB 450 million to Piotech Jianke.",
       "Big Fund III; Piotech Jianke"},
      {"However, the Mercator Institute for China Studies disagrees.",
       "Mercator Institute for China Studies=MERICS"},
      {"China's top five toolmakers grew.", "China"},
      {"The Huawei-led move surprised SMIC.", "SMIC"},
      {"Demand for HBM chips is expected to soar.", "HBM chips"},
      {"Universities are scaling programs.", ""},
      {"Semiconductor Manufacturing International Corp. reported revenue.",
       "Semiconductor Manufacturing International Corp=SMIC"},
      {"Chinese fabs bought tools from the United States.", "United States"},
  };
  for (const auto& c : cases) EXPECT_EQ(Names(doc, c.text), c.want) << c.text;
}

TEST(EntityFinderTest, LearnsAliasesFromParentheses) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities doc(&aliases);
  struct {
    const char* definition;
    const char* later;
    const char* want;
  } cases[] = {
      {"China's National Integrated Circuit Industry Investment Fund (Big Fund III) moved.",
       "National Integrated Circuit Industry Investment Fund", "Big Fund III"},
      {"ChangXin Memory Technologies (CXMT) could take years.", "ChangXin Memory Technologies",
       "CXMT"},
      {"Work at Fujian Jinhua Integrated Circuit Co. (JHICC) resumed.", "JHICC", "JHICC"},
      {"Quliang Electronics Group (QEG) builds.", "Quliang Electronics Group", "QEG"},
  };
  for (const auto& c : cases) {
    doc.Reset();
    doc.Learn(c.definition, Tokenize(c.definition));
    EXPECT_EQ(doc.Canonicalize(c.later), c.want) << c.definition;
  }
}

TEST(EntityFinderTest, SentenceOpenerCountsWhenSeenMidSentence) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities doc(&aliases);
  const std::string earlier = "Investors like Quliang because it grows.";
  doc.Learn(earlier, Tokenize(earlier));
  EXPECT_EQ(Names(doc, "Quliang is building a site."), "Quliang");
  EXPECT_EQ(Names(doc, "Construction is building a site."), "");
}

TEST(EntityFinderTest, ExcludedRangesAreNotNames) {
  EntityAliases aliases;
  DocumentEntities doc(&aliases);
  const std::string text = "SMIC reported Q3 revenue.";
  std::vector<Token> tokens = Tokenize(text);
  std::vector<EntityMention> found = doc.Find(text, tokens, {{14, 16}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].written, "SMIC");
  EXPECT_FALSE(found[0].possessive);
}

// NameEq says what == says, for every length it compares differently: bytes, four-byte
// words, eight-byte words and memcmp; and for differences at the start, the middle (where
// the overlapping words meet) and the end.
TEST(EntityFinderTest, NameEqComparesAsEquality) {
  const std::string base = "abcdefghijklmnopqrstuvwxyz";
  for (size_t n = 0; n <= 20; ++n) {
    const std::string a = base.substr(0, n);
    EXPECT_TRUE(NameEq()(a, std::string(a))) << n;
    EXPECT_FALSE(NameEq()(a, base.substr(0, n + 1))) << n;
    for (size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = '#';
      EXPECT_FALSE(NameEq()(a, b)) << n << " bytes, differing at " << at;
    }
  }
}

}  // namespace
}  // namespace claimcheck
