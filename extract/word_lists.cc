#include "extract/word_lists.h"

namespace claimcheck {

const WordSet& UpWords() {
  static const auto* s = new WordSet{
      "rose", "rise", "rises", "risen", "rising", "grew", "grow", "grows", "grown", "growing",
      "increase", "increased", "increases", "increasing", "jump", "jumped", "jumps", "soar",
      "soared", "soars", "surge", "surged", "surges", "climb", "climbed", "climbs", "gain",
      "gained", "gains", "up", "expand", "expanded", "expands", "growth", "higher", "added"};
  return *s;
}

const WordSet& DownWords() {
  static const auto* s = new WordSet{
      "fell", "fall", "falls", "fallen", "falling", "drop", "dropped", "drops", "decline",
      "declined", "declines", "slump", "slumped", "plunge", "plunged", "down", "shrank",
      "shrink", "shrinks", "decrease", "decreased", "lower", "contracted", "slid", "slipped"};
  return *s;
}

const WordSet& Prepositions() {
  static const auto* s = new WordSet{
      "in", "at", "from", "for", "with", "on", "to", "of", "by", "into", "across", "like",
      "than", "about", "between", "among", "via", "under", "over", "against", "including",
      "as", "behind", "after", "before", "during", "without", "within"};
  return *s;
}

// Vocabulary words that name a metric only as the head a figure modifies ("a $56 billion
// move"), never as a noun elsewhere in the sentence.
const WordSet& AttributiveOnly() {
  static const auto* s = new WordSet{
      "plan", "programme", "program", "project", "move", "initiative", "push", "effort",
      "package", "stake", "round", "support", "deal", "order", "contract", "value", "secured",
      "bring", "ship", "release", "launch", "introduce", "build", "develop", "developing",
      "master", "achieve", "catch up", "market", "output", "scale", "capital", "fund",
      "process", "funds", "cost", "share", "size", "area"};
  return *s;
}

// Verbs that put a sum of money to a use; their metric comes from the vocabulary.
const WordSet& MoneyVerbs() {
  static const auto* s = new WordSet{
      "commit", "committed", "commits", "allocate", "allocated", "allocates", "invest",
      "invested", "invests", "inject", "injected", "injects", "pour", "poured", "pledge",
      "pledged", "earmark", "earmarked", "raise", "raised", "raises", "spend", "spent",
      "spends", "spending"};
  return *s;
}

const WordSet& RevenueVerbs() {
  static const auto* s = new WordSet{"reported", "reports", "booked", "posted", "generated",
                                     "recorded", "did", "made", "earned", "brought"};
  return *s;
}

const WordSet& ContributionVerbs() {
  static const auto* s = new WordSet{"contributed", "contributes", "contribute", "putting",
                                     "put", "puts", "subscribed", "providing", "provided"};
  return *s;
}

const WordSet& Fillers() {  // words allowed between a verb and its figure
  static const auto* s = new WordSet{
      "about", "around", "roughly", "nearly", "almost", "some", "over", "more", "than",
      "up", "to", "a", "an", "the", "total", "of", "together", "another", "further",
      "additional", "in", "at", "least", "record", "new", "just", "only", "also", "still",
      "by", "reportedly", "approximately", "estimated", "combined", "nearby", "as", "much",
      "many", "fresh", "extra"};
  return *s;
}

}  // namespace claimcheck
