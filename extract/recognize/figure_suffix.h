// What follows the number of a figure: a unit from the unit table ("28nm", "45 percent",
// "20 (kg)", "US dollars") or a counted noun ("10 initial partners", "a 128-layer chip"),
// with the rate words that may close it ("50,000 wafers per month").
//
// The reader sees only the text after the number; whether the unit is kept (a currency
// written before the number wins over a unit after it, "25 pounds" is a weight) is the
// quantity recognizer's call.
//
// Thread-safe: pure functions over the built-in tables (unit_table.h, number_words.h).
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_FIGURE_SUFFIX_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_FIGURE_SUFFIX_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "extract/recognize/number_parser.h"
#include "extract/recognize/unit_table.h"

namespace claimcheck {

// A unit or a counted noun after a number, text[begin, end); neither when !found().
struct FigureSuffix {
  const UnitInfo* unit = nullptr;  // from the unit table (never freed), or null
  std::string noun;   // without a unit: the singular noun, "wafer per month"; else empty
  size_t begin = 0;
  size_t end = 0;
  bool glued = false;  // the unit touches the digits ("40nm")
  bool found() const { return unit != nullptr || !noun.empty(); }
};

// Reads what follows the number `pn` parsed from `text`: after nothing (glued), one
// blank, a no-break space or a hyphen before a letter, a unit ("20 (kg)" in brackets
// too, but no currency there), else a counted noun. A one-letter symbol followed by a
// hyphen ("230F-A") or any unit followed by a digit is no unit; a unit that needs digits
// ("won") is none after a number in words; a noun is looked for only after a blank or
// hyphen, and not at all when `nouns` is false (the caller knows it would not change the
// figure). Returns a suffix that is not found() when nothing is read.
FigureSuffix ReadFigureSuffix(absl::string_view text, const ParsedNumber& pn,
                              bool nouns = true);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_FIGURE_SUFFIX_H_
