#include "extract/sentence_grammar.h"

#include "claims/entity_aliases.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace grammar {
namespace {

// A Sentence for `text` with its names found and no figures or periods.
class SentenceGrammarTest : public ::testing::Test {
 protected:
  Sentence& Make(const std::string& text) {
    text_ = text;
    sentence_ = std::make_unique<Sentence>(text_, nullptr);
    sentence_->ClearMarks();
    entities_.Learn(text_, sentence_->t);
    sentence_->ents = entities_.Find(text_, sentence_->t, {});
    return *sentence_;
  }
  size_t TokenIndex(absl::string_view word) const {
    for (size_t i = 0; i < sentence_->t.size(); ++i) {
      if (sentence_->t[i].word() == word) return i;
    }
    return sentence_->t.size();
  }

  EntityAliases aliases_ = EntityAliases::BuiltIn();
  DocumentEntities entities_{&aliases_};
  MetricVocabulary vocab_ = MetricVocabulary::BuiltIn();
  std::string text_;
  std::unique_ptr<Sentence> sentence_;
};

TEST_F(SentenceGrammarTest, YearOnYearInAnyCase) {
  struct {
    const char* text;
    bool want;
  } cases[] = {
      {"Revenue rose 12% from a year earlier.", true},
      {"Revenue rose 12% from A YEAR AGO.", true},
      {"Revenue rose 12% Year On Year.", true},
      {"Revenue rose 12% year-on-year.", true},
      {"Revenue rose 12% (YoY).", true},
      {"Revenue rose 12% this year.", false},
      {"Revenue rose 12% over the year", false},
      {"year ago", true},
      {"year ag", false},
  };
  for (const auto& c : cases) EXPECT_EQ(YearOnYear(Make(c.text)), c.want) << c.text;
}

TEST_F(SentenceGrammarTest, MetricPhrasesEndingAtAToken) {
  Sentence& s = Make("Acme said its registered capital rose.");
  auto hit = MetricEndingAt(s, vocab_, TokenIndex("capital"), true);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->metric, "fund_size");
  EXPECT_EQ(hit->written, "registered capital");
  // Asked again: the remembered answer.
  auto again = MetricEndingAt(s, vocab_, TokenIndex("capital"), true);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->first, hit->first);
  EXPECT_FALSE(MetricEndingAt(s, vocab_, TokenIndex("said"), true).has_value());
  auto before = MetricBefore(s, vocab_, TokenIndex("rose"));
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->metric, "fund_size");
}

TEST_F(SentenceGrammarTest, SubjectsOwnersAndMarkets) {
  Sentence& s = Make("Northwind said the revenue of Contoso rose.");
  const EntityMention* subject = SubjectBefore(s, TokenIndex("rose"));
  ASSERT_NE(subject, nullptr);
  EXPECT_EQ(subject->canonical, "Northwind");  // "of Contoso" is prepositional

  Make("We think Northwind's sales rose.");
  const EntityMention* owner = OwnerBefore(*sentence_, TokenIndex("sales"));
  ASSERT_NE(owner, nullptr);
  EXPECT_EQ(owner->canonical, "Northwind");

  Make("Global chip sales rose.");
  EXPECT_EQ(MarketBefore(*sentence_, TokenIndex("sales")), "global chip");
  Make("Annual sales rose.");
  EXPECT_EQ(MarketBefore(*sentence_, TokenIndex("sales")), "");
}

TEST_F(SentenceGrammarTest, WordsPastTheEndAreEmpty) {
  Sentence& s = Make("Sales rose.");
  EXPECT_EQ(W(s, 99), "");
  EXPECT_FALSE(IsWord(s, 99));
  EXPECT_EQ(SkipFillersLeft(s, 0), 0u);
}

}  // namespace
}  // namespace grammar
}  // namespace claimcheck
