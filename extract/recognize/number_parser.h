// Reads one number at a given position: digits with separators ("1,234.5", "1 234 567",
// "12,34,567"), decimals, exponents ("1.3e6", "1.1^23"), fractions ("3/4", "2 1/4", "½"),
// scale words and suffixes ("3.5bn", "10k", "2 million", "13 lakh", "5万"), and numbers in
// words (through number_words.h).
//
// The parser only reads; whether the number is a quantity at all (a year, a model code
// such as "A100", a time of day) is decided by the recognizer, which sees the context.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_PARSER_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_PARSER_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

struct ParsedNumber {
  size_t begin = 0;        // first byte, including a sign ("-4/5", "minus five")
  size_t end = 0;          // one past the last byte, including the scale word
  size_t literal_end = 0;  // end of the digits/words, before a scale word or suffix
  double value = 0;        // the value with the scale applied: "3.5bn" -> 3.5e9
  double precision = 0;    // size of the last digit written, scale applied; 0 if unknown
  double scale = 1;        // 1e9 for "bn"
  // "bn", "million", "万"; empty when none. It points into the text parsed, or into a
  // static table (number_words.h): valid as long as that text.
  absl::string_view scale_word;
  bool from_words = false;     // written (at least partly) in words
  bool is_fraction = false;    // "3/4", "two thirds", "½"
  bool approximate = false;    // "a couple of"
  bool plain_integer = false;  // only ASCII digits: no sign, separator, decimal or scale
  bool glued_scale = false;    // the scale suffix touches the digits ("10k", "1.2b")
  bool dotted = false;         // "192.168.1.2", "1.2.3": not a single number
  int integer_digits = 0;      // digits before the decimal point, separators excluded
};

// Parses the number starting at byte `pos`, which must be a digit, '.', '-', a unicode
// vulgar fraction, or the first letter of a word. Returns nullopt when no number starts
// there. Never reads more than a few hundred bytes past `pos`, except that a run of
// digits is read whole (values beyond 1e300 are clamped, never overflow).
std::optional<ParsedNumber> ParseNumberAt(absl::string_view text, size_t pos);

// Value of a unicode vulgar fraction starting at `pos` ("½" -> 0.5) and its byte length
// in *len; 0 when there is none.
double VulgarFractionAt(absl::string_view text, size_t pos, size_t* len);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_PARSER_H_
