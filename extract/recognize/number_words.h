// Numbers written in words: "twenty-one", "a dozen", "half a million", "one and a half",
// "two thirds", "three hundred and two", "two hundred point zero three", "one over three".
//
// English number phrases are read with a small grammar over word tokens rather than a
// regular expression: the value depends on how the words combine ("two hundred and two
// thousand" is 202000, "two thousand and two hundred" is 2200), which a token loop with a
// running total and current group expresses directly. Small digit groups may stand where
// a word would ("3 hundred and 21"), so mixed forms share the same grammar.
//
// Thread-safe: the word tables are built once, on first use, and never change.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_WORDS_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "extract/recognize/scale_words.h"  // MatchScaleWord, IntegerPlace

namespace claimcheck {

// A number phrase read from words (and small digit groups mixed in).
struct WordNumber {
  size_t end = 0;          // one past the last byte of the phrase
  double value = 0;        // its value, scale words applied
  double precision = 0;    // place of the last significant word: 100 for "three hundred"
  bool is_fraction = false;     // "two thirds", "one and a half", "one over three"
  bool approximate = false;     // "a couple of"
  // The largest scale word, lower-case ("million"), else empty. It points into a static
  // word table that is never freed, not into the text.
  absl::string_view scale_word;
};

// Reads the longest number phrase that starts exactly at byte `pos` of `text`.
// `pos` must be the start of a word ("twenty", "a", "half", "minus") or of a digit group
// that words continue ("3" in "3 hundred"); `leading_digits`, when set, is the value of
// that digit group and `pos` its end. Returns nullopt when no number phrase starts there
// ("a" alone, "one" used as a pronoun is NOT filtered here: callers decide).
std::optional<WordNumber> ParseNumberWords(absl::string_view text, size_t pos,
                                           std::optional<double> leading_digits = {});

// True when `word` (any case) can begin a number phrase: a cardinal, "a"/"an", "half",
// "quarter", "dozen", "minus", "negative", "nought". Cheap: one hash lookup.
bool CanStartNumberWord(absl::string_view word);

// False when no word CanStartNumberWord accepts begins with the byte `c` (either case):
// a table lookup that lets a scanner skip most words before calling it.
bool MayStartNumberWord(unsigned char c);

// Bit L (L < 32) is set when some word CanStartNumberWord accepts has L letters and
// begins with the letters c0 c1 (either case; c1 = 0 for one-letter words); 0 when c0 or
// c1 is not an ASCII letter (c1 = 0 aside). Scanners keep a copy of the 26 x 27 masks to
// skip most words with one table lookup.
uint32_t StartWordLengths(unsigned char c0, unsigned char c1);

// True when `word` may follow "a"/"an" in a number ("a dozen", "a third", "a couple of").
bool CanFollowArticle(absl::string_view word);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_WORDS_H_
