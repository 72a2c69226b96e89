// Test helpers for the claim assembler: a sentence's figures and periods written as
// tables, and a check that a table of sentences assembles into the claims expected.
#ifndef CLAIMCHECK_EXTRACT_CLAIM_ASSEMBLER_TESTING_H_
#define CLAIMCHECK_EXTRACT_CLAIM_ASSEMBLER_TESTING_H_

#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "claims/entity_aliases.h"
#include "claims/metric_vocabulary.h"
#include "extract/claim_assembler.h"
#include "extract/tokens.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace assembler_testing {

struct Fig {
  const char* text;  // as written in the sentence (first occurrence)
  double value;
  const char* unit;
  v1::QuantityType type;
};

struct Period {
  const char* text;
  const char* start;
  const char* end;
  v1::Granularity granularity;
  bool unresolved;
};

inline QuantityMention MakeQuantity(const std::string& sentence, const Fig& f) {
  QuantityMention m;
  m.begin = sentence.find(f.text);
  m.end = m.begin + strlen(f.text);
  m.quantity.set_value(f.value);
  m.quantity.set_unit(f.unit);
  m.quantity.set_type(f.type);
  m.quantity.set_bound(v1::BOUND_KIND_EXACT);
  m.quantity.set_text(f.text);
  return m;
}

inline TimeMention MakeTime(const std::string& sentence, const Period& p) {
  TimeMention m;
  m.begin = sentence.find(p.text);
  m.end = m.begin + strlen(p.text);
  m.scope.set_start(p.start);
  m.scope.set_end(p.end);
  m.scope.set_granularity(p.granularity);
  m.scope.set_kind(v1::SCOPE_KIND_PERIOD);
  m.scope.set_text(p.text);
  m.scope.set_unresolved(p.unresolved);
  return m;
}

inline constexpr auto kMoney = v1::QUANTITY_TYPE_MONEY;
inline constexpr auto kPercent = v1::QUANTITY_TYPE_PERCENT;
inline constexpr auto kCount = v1::QUANTITY_TYPE_COUNT;
inline constexpr auto kDuration = v1::QUANTITY_TYPE_DURATION;
inline constexpr auto kDimension = v1::QUANTITY_TYPE_DIMENSION;

struct Case {
  const char* name;
  std::vector<const char*> context;  // earlier sentences of the same document
  const char* sentence;
  std::vector<Fig> figures;
  std::vector<Period> periods;
  // One "key @ start..end hedge" per claim, "; "-joined.
  const char* want;
};

inline std::string Describe(const AssembledClaim& c) {
  std::string scope = c.scope.start().empty()
                          ? (c.scope.unresolved() ? "unresolved" : "none")
                          : c.scope.start() + ".." + c.scope.end() + (c.scope.inferred() ? "i" : "");
  std::string s = c.subject.key() + " @ " + scope;
  if (c.attribution.hedge != v1::HEDGE_STATED) s += " " + v1::Hedge_Name(c.attribution.hedge);
  return s;
}

// Assembles each case's sentence after its context (published 2025-11-04 09:39 UTC) and
// expects its claims, described as Describe() does, "; "-joined.
inline void CheckSentenceShapes(absl::Span<const Case> cases) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  MetricVocabulary metrics = MetricVocabulary::BuiltIn();
  ClaimAssembler assembler(&metrics);
  v1::PublicationTime published;
  published.mutable_time()->set_seconds(1762249140);  // 2025-11-04 09:39 UTC
  for (const Case& c : cases) {
    DocumentEntities entities(&aliases);
    for (const char* s : c.context) entities.Learn(s, Tokenize(s));
    entities.Learn(c.sentence, Tokenize(c.sentence));
    Discourse discourse;
    for (const char* s : c.context) {
      SentenceInput earlier;
      earlier.text = s;
      assembler.Assemble(earlier, entities, published, &discourse);
    }
    SentenceInput input;
    std::string sentence = c.sentence;
    input.text = sentence;
    for (const Fig& f : c.figures) input.quantities.push_back(MakeQuantity(sentence, f));
    for (const Period& p : c.periods) input.times.push_back(MakeTime(sentence, p));
    std::vector<std::string> got;
    for (const AssembledClaim& a : assembler.Assemble(input, entities, published, &discourse)) {
      got.push_back(Describe(a));
      EXPECT_GT(a.confidence, 0) << c.name;
      EXPECT_LE(a.confidence, 1) << c.name;
    }
    EXPECT_EQ(absl::StrJoin(got, "; "), c.want) << c.name;
  }
}

}  // namespace assembler_testing
}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_CLAIM_ASSEMBLER_TESTING_H_
