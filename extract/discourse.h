// Discourse: what earlier sentences of a document let a sentence refer to.
//
// News text names an organisation once and then says "the company", "the fund", "it",
// "this project", "Phase II" or "the second phase of the national chip fund". A
// Discourse remembers, from sentence to sentence, the entity the text was last about,
// the last fund, and the last other entity; AddReferences turns such phrases in a
// sentence into EntityMentions with `reference` set:
//   * company words ("the company", "the firm", "the foundry", "the chipmaker", "it",
//     "its", "they", "their") -> a company named earlier in the same sentence, else the
//     last subject that is not a fund;
//   * fund words ("the fund", "the vehicle", "its national chip fund") -> the last fund;
//   * "this/the project|lab|programme|initiative" -> the last non-subject entity;
//     "this investment|deal" -> the last subject;
//   * fund phases: "Phase II", "the second phase (of <fund>)", "third national chip fund"
//     -> "<family> II" where the family is the fund named in the sentence or the last
//     fund, with its phase numeral removed ("Big Fund III" -> "Big Fund"); a national
//     chip fund with no family in sight is "Big Fund";
//   * coordinated lists of three or more names, or two joined by "and" ("Naura, AMEC,
//     ACM Research, Hwatsing and Piotech") -> one group mention "<list> (combined)".
// Thread-safety: none needed; one Discourse per document.
#ifndef CLAIMCHECK_EXTRACT_DISCOURSE_H_
#define CLAIMCHECK_EXTRACT_DISCOURSE_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "extract/class_index.h"
#include "extract/entity_finder.h"
#include "extract/tokens.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// How often each canonical name was named, and in which order names were first named.
// A document names few entities: up to kFew names are kept in a list searched in order
// (a length test rules out most), which is cheaper than hashing every name; past that,
// in a hash map.
struct NameCount {
  NameCount() = default;
  NameCount(absl::string_view name_in, int order_in, bool fund_in)
      : name(name_in.data(), name_in.size()), order(order_in), fund(fund_in) {}

  std::string name;
  int count = 0;      // times named
  int order = 0;      // 0 for the first name counted, 1 for the next new one, ...
  bool fund = false;  // LooksLikeFund(name)
};

class NameCounts {
 public:
  // The entry of `name`, added with count 0 if new. Valid until the next call.
  NameCount& Named(absl::string_view name);

  // Names counted.
  size_t size() const { return many_.empty() ? few_.size() : many_.size(); }

 private:
  static constexpr size_t kFew = 16;
  std::vector<NameCount> few_;                          // while at most kFew names
  absl::flat_hash_map<std::string, NameCount> many_;  // then all of them
};

struct Discourse {
  std::string subject;   // canonical entity the last sentences were about
  std::string company;   // last subject that is not a fund
  std::string fund;      // last fund named
  std::string object;    // last other entity named
  std::string activity;  // last activity noun or verb ("developing")
  std::string topic;       // the entity named most often so far
  std::string topic_fund;  // the fund named most often so far
  NameCounts mentions;  // every name the sentences named, counted
  // The rank (times named, -order first named) of `topic` and of `topic_fund`.
  std::pair<int, int> topic_rank = {0, 0};
  std::pair<int, int> topic_fund_rank = {0, 0};
  // The inferred scope (period.h InferredScope) of a figure that states no period, made
  // when first needed and kept while the publication time stays the one it was made
  // for: `inferred_for` holds that time's seconds, none for a missing time.
  std::optional<v1::TimeScope> inferred;
  std::optional<int64_t> inferred_for;
};

// Memory for one sentence's mentions: the constructor swaps into `*mentions` (empty) a
// vector this thread kept from earlier sentences and documents, with its mentions'
// strings, which may still hold their mentions (the user clears it, as
// DocumentEntities::Find does); the destructor takes it back (and lets go of one grown
// past a thousand mentions), leaving `*mentions` empty. Scratch for the claim assembler.
// (Inline: it is taken and given back for every sentence.)
class MentionScratch {
 public:
  explicit MentionScratch(std::vector<EntityMention>* mentions) : mentions_(mentions) {
    mentions_->swap(Kept());
  }
  ~MentionScratch() {
    std::vector<EntityMention>& kept = Kept();
    kept.swap(*mentions_);
    if (kept.capacity() > kKeptMentions) std::vector<EntityMention>().swap(kept);
  }
  MentionScratch(const MentionScratch&) = delete;
  MentionScratch& operator=(const MentionScratch&) = delete;

 private:
  static constexpr size_t kKeptMentions = 1024;
  static std::vector<EntityMention>& Kept() {
    thread_local std::vector<EntityMention> kept;
    return kept;
  }
  std::vector<EntityMention>* mentions_;
};

// Adds reference and group mentions for `tokens` of `sentence` to `*mentions` (in text
// order, as DocumentEntities::Find returns them, and kept so; a reference never overlaps
// a found name).
void AddReferences(absl::string_view sentence, const std::vector<Token>& tokens,
                   const Discourse& discourse, std::vector<EntityMention>* mentions);

// The two halves of AddReferences: the references alone (all UpdateDiscourse reads, since
// it skips groups), then the groups, which span found names only.
void AddReferenceMentions(absl::string_view sentence, const std::vector<Token>& tokens,
                          const Discourse& discourse, std::vector<EntityMention>* mentions);
void AddGroupMentions(absl::string_view sentence, const std::vector<Token>& tokens,
                      std::vector<EntityMention>* mentions);

// Updates `*discourse` after a sentence: `subject` is the entity the sentence's claims
// (or its first clause) were about, or empty.
void UpdateDiscourse(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions,
                     const std::string& subject, Discourse* discourse);

// The same for a caller that has the sentence's tokens indexed by class already (the
// claim assembler indexes each sentence once for all its rules).
void AddReferences(absl::string_view sentence, const ClassIndex& tokens,
                   const Discourse& discourse, std::vector<EntityMention>* mentions);
void AddReferenceMentions(absl::string_view sentence, const ClassIndex& tokens,
                          const Discourse& discourse, std::vector<EntityMention>* mentions);
void UpdateDiscourse(const ClassIndex& tokens, const std::vector<EntityMention>& mentions,
                     const std::string& subject, Discourse* discourse);

// "Big Fund III" -> "Big Fund"; names without a trailing phase numeral are unchanged.
std::string FundFamily(absl::string_view fund);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_DISCOURSE_H_
