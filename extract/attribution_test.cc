#include "extract/attribution.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(AttributionTest, SourcesAndHedges) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities doc(&aliases);
  struct {
    const char* name;
    const char* text;
    const char* figure;  // the figure's first word
    const char* source;
    v1::Hedge hedge;
  } cases[] = {
      {"plain", "Big Fund III committed RMB 450 million.", "RMB", "", v1::HEDGE_STATED},
      {"according to", "According to TrendForce, revenue rose 12%.", "12", "TrendForce",
       v1::HEDGE_REPORTED},
      {"report notes", "The fund has RMB 71 billion, the TrendForce report notes.", "RMB",
       "TrendForce", v1::HEDGE_REPORTED},
      {"said", "Naura said revenue was $2 billion.", "$", "Naura", v1::HEDGE_REPORTED},
      {"inverted", "Work resumed on a $5 billion fab, reports the Nikkei.", "$", "Nikkei",
       v1::HEDGE_REPORTED},
      {"sources", "Sources familiar with the matter said it raised $3 billion.", "$",
       "Sources familiar with the matter", v1::HEDGE_RUMOURED},
      {"estimate", "Estimates suggest this could take a couple of decades.", "couple", "",
       v1::HEDGE_ESTIMATED},
      {"forecast", "Demand is expected to soar by nearly 60% in 2023.", "nearly", "",
       v1::HEDGE_FORECAST},
      {"cue after figure", "The RMB 71 billion fund is expected to prioritize tools.", "RMB", "",
       v1::HEDGE_STATED},
      {"plans", "Huawei plans to build 3 fabs.", "3", "", v1::HEDGE_FORECAST},
      {"reportedly", "SMIC reportedly sold stakes worth $1 billion.", "$", "", v1::HEDGE_REPORTED},
  };
  for (const auto& c : cases) {
    std::vector<Token> tokens = Tokenize(c.text);
    std::vector<EntityMention> entities = doc.Find(c.text, tokens, {});
    size_t figure = 0;
    std::string first = c.figure;
    for (char& ch : first) ch = static_cast<char>(tolower(ch));
    while (figure < tokens.size() && tokens[figure].word() != first) ++figure;
    ASSERT_LT(figure, tokens.size()) << c.name;
    Attribution a = FindAttribution(c.text, tokens, entities, figure);
    EXPECT_EQ(a.source, c.source) << c.name;
    EXPECT_EQ(a.hedge, c.hedge) << c.name;
  }
}

}  // namespace
}  // namespace claimcheck
