#include "extract/discourse.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::string Refs(DocumentEntities& doc, const Discourse& d, const std::string& text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<EntityMention> mentions = doc.Find(text, tokens, {});
  AddReferences(text, tokens, d, &mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) {
    if (m.reference || m.group) out.push_back(absl::StrCat(m.written, "=", m.canonical));
  }
  return absl::StrJoin(out, "; ");
}

TEST(DiscourseTest, ReferencesResolveToEarlierEntities) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities doc(&aliases);
  Discourse d;
  d.subject = "SMIC";
  d.company = "SMIC";
  d.fund = "Big Fund III";
  d.object = "China Mobile";
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"The company's annual sales were $3.12 billion.", "The company=SMIC"},
      {"The fund has a term of 15 years.", "The fund=Big Fund III"},
      {"Phase I, created in 2014, raised about RMB 138.7 billion.", "Phase I=Big Fund I"},
      {"The second phase of the fund, launched in 2019, backed SMIC.",
       "The second phase of the fund=Big Fund II"},
      {"The first phase raised RMB 138.7 billion and the second raised RMB 204.2 billion.",
       "The first phase=Big Fund I; the second=Big Fund II"},
      {"They are among the 10 initial partners for this project.",
       "They=SMIC; this project=China Mobile"},
      {"Naura, AMEC, ACM Research, Hwatsing and Piotech grew.",
       "Naura, AMEC, ACM Research, Hwatsing and Piotech=Naura, AMEC, ACM Research, Hwatsing and "
       "Piotech (combined)"},
  };
  for (const auto& c : cases) EXPECT_EQ(Refs(doc, d, c.text), c.want) << c.text;
}

TEST(DiscourseTest, NationalChipFundWithoutContextIsTheBigFundFamily) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities doc(&aliases);
  Discourse d;
  EXPECT_EQ(Refs(doc, d, "China registers third national chip fund with RMB 344 billion"),
            "third national chip fund=Big Fund III");
}

TEST(DiscourseTest, UpdateRemembersSubjectFundAndActivity) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  DocumentEntities doc(&aliases);
  Discourse d;
  const std::string text = "However Huawei still has to crack the nut of developing tools with Big Fund III.";
  std::vector<Token> tokens = Tokenize(text);
  std::vector<EntityMention> mentions = doc.Find(text, tokens, {});
  UpdateDiscourse(tokens, mentions, "", &d);
  EXPECT_EQ(d.subject, "Huawei");
  EXPECT_EQ(d.company, "Huawei");
  EXPECT_EQ(d.fund, "Big Fund III");
  EXPECT_EQ(d.object, "Big Fund III");
  EXPECT_EQ(d.activity, "developing");
}

// Counts and first-named order survive the move from the short list to the hash map.
TEST(DiscourseTest, NameCountsKeepCountsAndOrderPastTheShortList) {
  NameCounts counts;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 40; ++i) {
      NameCount& n = counts.Named(absl::StrCat(i % 2 == 0 ? "Fund " : "Company ", i));
      ++n.count;
      EXPECT_EQ(n.order, i);
      EXPECT_EQ(n.fund, i % 2 == 0);
    }
  }
  EXPECT_EQ(counts.size(), 40u);
  EXPECT_EQ(counts.Named("Company 1").count, 3);
  EXPECT_EQ(counts.Named("Fund 38").count, 3);
  EXPECT_EQ(counts.Named("Fund 38").name, "Fund 38");
  EXPECT_EQ(counts.Named("Newcomer").count, 0);
  EXPECT_EQ(counts.Named("Newcomer").order, 40);
}

// The scratch hands the next sentence the memory the last one used, and leaves the
// borrower empty; a vector grown past the cap is not kept.
TEST(DiscourseTest, MentionScratchLendsTheLastSentencesMemory) {
  struct Case {
    const char* name;
    size_t mentions;   // filled in the first sentence
    bool kept;         // its memory lent to the second
  };
  const Case cases[] = {
      {"few", 3, true},
      {"past_the_cap", 5000, false},
  };
  for (const Case& c : cases) {
    const EntityMention* first_data = nullptr;
    std::vector<EntityMention> first;
    {
      const MentionScratch scratch(&first);
      first.clear();
      first.resize(c.mentions);
      first[0].canonical = "Semiconductor Manufacturing International";
      first_data = first.data();
    }
    EXPECT_TRUE(first.empty()) << c.name;
    std::vector<EntityMention> second;
    {
      const MentionScratch scratch(&second);
      EXPECT_EQ(second.data() == first_data, c.kept) << c.name;
      EXPECT_EQ(second.capacity() >= c.mentions, c.kept) << c.name;
      second.clear();
    }
    EXPECT_TRUE(second.empty()) << c.name;
  }
}

}  // namespace
}  // namespace claimcheck
