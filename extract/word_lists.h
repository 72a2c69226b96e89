// Word lists of the claim assembler's sentence grammar: the verbs, prepositions and
// filler words its rules look for. Kept apart from the rules so they can be read (and
// extended) as vocabulary. All words are lower case, as in Token::lower.
//
// Thread-safe: each list is built once on first use and never changed.
#ifndef CLAIMCHECK_EXTRACT_WORD_LISTS_H_
#define CLAIMCHECK_EXTRACT_WORD_LISTS_H_

#include <string>

#include "absl/container/flat_hash_set.h"

namespace claimcheck {

using WordSet = absl::flat_hash_set<std::string>;

// Words of an increase ("rose", "jumped", "up") and of a decrease ("fell", "down").
const WordSet& UpWords();
const WordSet& DownWords();

// Prepositions: a name right after one is an object, not a clause subject.
const WordSet& Prepositions();

// Vocabulary words that name a metric only as the noun a figure modifies ("a $56 billion
// move"), never elsewhere in the sentence.
const WordSet& AttributiveOnly();

// Verbs that put money to a use ("committed", "raised", "spent"), that report takings
// ("reported", "booked"), and that pay into a fund ("contributed", "putting in").
const WordSet& MoneyVerbs();
const WordSet& RevenueVerbs();
const WordSet& ContributionVerbs();

// Words allowed between a verb and its figure ("about", "a total of", "another").
const WordSet& Fillers();

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_WORD_LISTS_H_
