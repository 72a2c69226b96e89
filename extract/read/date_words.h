// Date words: the tokens of a date line and the month and weekday names, for the
// publication date parser (publication_date.h).
//
// A line is cut into runs of digits, runs of ASCII letters and single punctuation marks
// (a whole UTF-8 sequence is one); blanks separate them. Month and weekday names are
// found by their first three letters packed into one number (one compare per name, no
// case-insensitive string compare for most words).
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_DATE_WORDS_H_
#define CLAIMCHECK_EXTRACT_READ_DATE_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"

namespace claimcheck {
namespace date_words {

struct Token {
  enum Kind { kWord, kNum, kPunct } kind;
  size_t begin;
  size_t end;
  absl::string_view text;
};

// Dates are short: the tokens of most lines fit without an allocation.
using Tokens = absl::InlinedVector<Token, 16>;

// Dates are short: the tokens of most lines fit without an allocation.
using Tokens = absl::InlinedVector<Token, 16>;

// Appends the tokens of `s` to `*tokens` (offsets into `s`): runs of digits (kNum), runs
// of ASCII letters (kWord), and every other byte or UTF-8 sequence alone (kPunct); blanks
// (space, tab, line breaks) only separate tokens.
void Tokenize(absl::string_view s, Tokens* tokens);

// Whether `w` equals one of `list` in any case.
bool EqualsAny(absl::string_view w, std::initializer_list<absl::string_view> list);

// The first three letters of `w`, lower-cased, packed into one number (0 when `w` is
// shorter or they are not all letters).
uint32_t Prefix3(absl::string_view w);

// 1..12, or 0: a full month name, its first three letters, or "sept", in any case.
unsigned MonthNumber(absl::string_view w);
// MonthNumber for a word whose Prefix3 is `key` (not 0).
unsigned MonthNumberWithKey(absl::string_view w, uint32_t key);

// 0 = Sunday .. 6 = Saturday, or -1: a full weekday name, its first three letters, or
// "tues", "thur", "thurs", in any case.
int WeekdayNumber(absl::string_view w);
// WeekdayNumber for a word whose Prefix3 is `key` (not 0).
int WeekdayNumberWithKey(absl::string_view w, uint32_t key);

// Whether a date expression can start with the word `w`: a month or weekday name, or a
// word of a relative expression (yesterday, today, last, past, a, an, one).
bool CanStartDate(absl::string_view w);

}  // namespace date_words
}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_DATE_WORDS_H_
