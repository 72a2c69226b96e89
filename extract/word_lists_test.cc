#include "extract/word_lists.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(WordListsTest, EveryListedWordHasItsClass) {
  const std::pair<const WordSet*, uint32_t> lists[] = {
      {&UpWords(), kUpWord},           {&DownWords(), kDownWord},
      {&Prepositions(), kPreposition}, {&AttributiveOnly(), kAttributiveOnly},
      {&MoneyVerbs(), kMoneyVerb},     {&RevenueVerbs(), kRevenueVerb},
      {&ContributionVerbs(), kContributionVerb}, {&Fillers(), kFiller},
      {&ReportingVerbs(), kReportingVerb}, {&ReportNouns(), kReportNoun},
      {&ForecastCues(), kForecastCue}, {&NotNames(), kNotName},
      {&WeakAlone(), kWeakAlone},      {&ProductNouns(), kProductNoun},
      {&CountOwnerWords(), kCountOwner}, {&CountSkipWords(), kCountSkip},
      {&ReferenceStarts(), kReferenceStart}, {&OrganisationHeads(), kOrganisationHead},
      {&ActorVerbs(), kActorVerb},     {&CompanyNouns(), kCompanyNoun},
      {&FundNouns(), kFundNoun},       {&ProjectNouns(), kProjectNoun},
      {&Determiners(), kDeterminer},   {&AttributionCues(), kAttributionCue},
      {&DealNouns(), kDealNoun},       {&TargetWords(), kTargetWord},
      {&OfWords(), kOfWord},           {&ReferenceCues(), kReferenceCue},
      {&PeriodNouns(), kPeriodNoun},
  };
  for (const auto& [list, bit] : lists) {
    ASSERT_FALSE(list->empty());
    for (const std::string& word : *list) {
      EXPECT_NE(WordClassesOf(word) & bit, 0u) << word;
    }
  }
  // A word's classes are exactly the lists holding it.
  for (const auto& [list, bit] : lists) {
    EXPECT_EQ((WordClassesOf("up") & bit) != 0, list->contains("up")) << bit;
  }
}

TEST(WordListsTest, ReferenceCuesAreTheStartsThatAreNoPlainDeterminer) {
  // Every reference start is a cue or a determiner; "its" is both.
  for (const std::string& word : ReferenceStarts()) {
    EXPECT_TRUE(ReferenceCues().contains(word) || Determiners().contains(word)) << word;
  }
  for (const std::string& word : ReferenceCues()) {
    EXPECT_TRUE(ReferenceStarts().contains(word)) << word;
  }
  struct Case {
    const char* word;
    bool cue;
  };
  for (const Case& c : {Case{"second", true}, Case{"phase", true}, Case{"its", true},
                        Case{"they", true}, Case{"the", false}, Case{"their", false},
                        Case{"fifth", false}}) {
    EXPECT_EQ((WordClassesOf(c.word) & kReferenceCue) != 0, c.cue) << c.word;
  }
}

TEST(WordListsTest, PeriodNounsAreWholeWordsNotSuffixes) {
  struct Case {
    const char* word;
    bool period;
  };
  for (const Case& c : {Case{"year", true}, Case{"quarter", true}, Case{"half", true},
                        Case{"third-quarter", true}, Case{"fourth-quarter", true},
                        Case{"first-half", true}, Case{"years", false},
                        Case{"quarterly", false}, Case{"behalf", false},
                        Case{"headquarter", false}, Case{"q3", false}}) {
    EXPECT_EQ((WordClassesOf(c.word) & kPeriodNoun) != 0, c.period) << c.word;
  }
}

TEST(WordListsTest, OtherWordsHaveNoClass) {
  for (const char* word : {"", "revenue", "smic", "Said", "said ", "x", "upx",
                           "averyveryverylongwordindeed"}) {
    EXPECT_EQ(WordClassesOf(word), 0u) << word;
  }
  EXPECT_NE(WordClassesOf("said"), 0u);
  // The packed key pads with zero bytes: a zero byte inside is not the shorter word.
  EXPECT_EQ(WordClassesOf(absl::string_view("up\0", 3)), 0u);
}

}  // namespace
}  // namespace claimcheck
