// Claim assembly: what each figure in a sentence is about.
//
// Input: one sentence, the figures (QuantityMention) and periods (TimeMention) the
// recognizers found in it, the document's entity knowledge and the running Discourse.
// Output: for each figure that has an entity and a metric, a subject (entity, metric,
// qualifiers, key), a time scope, an attribution and a confidence.
//
// The metric comes from the first rule that applies (claims/metric_vocabulary.h maps the
// words):
//   1. apposition of another figure ("RMB 344 billion, about $47.5 billion", "116
//      billion yuan ($16 billion)"): the same subject as that figure;
//   2. "<metric> of Q" ("registered capital of RMB 344 billion", "the size of 20 soccer
//      fields");
//   3. a percentage after a change word ("rose 27%", "soar by nearly 60%", "up 34%",
//      "the increase was about 27%", "a 36% increase"): "<base>_growth", the base being
//      the nearest metric word before; declines ("fell", "down") make the value negative;
//      "values X at Q" -> X's valuation;
//   4. a verb before the figure: committed/allocated/invested/injected Q (in|to Y) ->
//      investment, recipient Y; raised -> funding (a fund's size for a fund); spent ->
//      spending (capex when spent on plant/equipment); contributed/put in -> the
//      recipient fund's capital_contribution with the contributor as qualifier;
//      reported/booked/posted Q -> revenue; "Q in revenue" names it outright;
//   5. the noun the figure modifies: "a RMB 71 billion fund" -> fund_size, "a $56 billion
//      move" -> investment, "a 15-year term" -> term, "the RMB 344 million Big Fund III";
//   6. the nearest metric word before the figure in the sentence ("Fourth-quarter
//      revenue was $2.21 billion", "best process ... is the 40nm process"; "a deal worth
//      Q" -> deal_value);
//   7. the unit: nm -> process_node; "take Q to introduce" -> time_to_market; a counted
//      noun -> that noun ("19 shareholders"); "30% of the market" -> market_share; "A
//      accounts for P% of B's revenue" -> B's revenue_share with A as the part.
// The entity: a possessive owner ("SMIC's revenue", "the company's sales"); "among the N
// partners for Y" -> Y; "demand for Y" -> Y; "take Q before Y offers" -> Y; a fund for a
// fund-size figure; else the subject of the clause (the nearest name before the verb,
// not inside a prepositional phrase; a name in a coordinated list stands for the whole
// group; after an opening participle clause, the name after the comma); else the market
// the metric's own modifiers name ("global chip sales"); else the entity the previous
// sentence was about (lower confidence), unless another name is this sentence's subject.
// Figures without an entity or a metric are dropped: they are not claims.
//
// The walks over the sentence these rules use (the clause's subject, a possessive owner,
// the nearest metric phrase, ...) are in extract/sentence_grammar.h.
//
// Thread-safety: Assemble is const and may run concurrently with distinct Discourses.
#ifndef CLAIMCHECK_EXTRACT_CLAIM_ASSEMBLER_H_
#define CLAIMCHECK_EXTRACT_CLAIM_ASSEMBLER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claims/metric_vocabulary.h"
#include "extract/attribution.h"
#include "extract/discourse.h"
#include "extract/entity_finder.h"
#include "extract/tokens.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"

namespace claimcheck {

// One sentence and what the recognizers found in it; offsets relative to `text`.
struct SentenceInput {
  absl::string_view text;
  const std::vector<Token>* tokens = nullptr;  // Tokenize(text) if already made, else null
  std::vector<QuantityMention> quantities;
  std::vector<TimeMention> times;
};

struct AssembledClaim {
  size_t figure_begin = 0;  // sentence-relative byte offsets of the figure, [begin, end)
  size_t figure_end = 0;
  v1::Quantity quantity;    // the mention's quantity (sign set for declines; two figures
                            // joined by "to" after a change word make one RANGE)
  v1::Subject subject;
  v1::TimeScope scope;
  Attribution attribution;
  double confidence = 0;
};

class ClaimAssembler {
 public:
  // `metrics` must outlive the assembler.
  explicit ClaimAssembler(const MetricVocabulary* metrics);

  // Claims of one sentence in figure order. `entities` holds the document's learnt
  // names; `published` gives the inferred scope; `discourse` is read and updated.
  std::vector<AssembledClaim> Assemble(const SentenceInput& sentence,
                                       const DocumentEntities& entities,
                                       const v1::PublicationTime& published,
                                       Discourse* discourse) const;

  // The same, but each claim's quantity is moved out of sentence->quantities rather than
  // copied (the mentions' offsets and the other fields stay as they are): for a caller
  // that has no further use for the quantities.
  std::vector<AssembledClaim> Assemble(SentenceInput* sentence, const DocumentEntities& entities,
                                       const v1::PublicationTime& published,
                                       Discourse* discourse) const;

  // The same (quantities moved out), into `*claims`, whose elements are reused from
  // sentence to sentence: the sentence's claims are the first N elements, N returned;
  // the elements after them are spare, kept with their messages' memory for the next
  // call (a caller that moves a claim's messages out swaps its own memory in). Every
  // field of the first N elements is written; nothing of their old contents remains.
  size_t Assemble(SentenceInput* sentence, const DocumentEntities& entities,
                  const v1::PublicationTime& published, Discourse* discourse,
                  std::vector<AssembledClaim>* claims) const;

 private:
  // Assemble into `*claims` as above; `movable` is null or &in.quantities, whose
  // quantities may be moved from.
  size_t Run(const SentenceInput& in, std::vector<QuantityMention>* movable,
             const DocumentEntities& entities, const v1::PublicationTime& published,
             Discourse* discourse, std::vector<AssembledClaim>* claims) const;

  const MetricVocabulary* metrics_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_CLAIM_ASSEMBLER_H_
