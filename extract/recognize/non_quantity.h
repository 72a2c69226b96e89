// Numbers that are not quantities: product and model codes ("A100", "910B", "230F-A",
// "M2 Ultra"), times of day ("10:42 PM"), dates ("5/17/2018", "2023-09-03", "Nov 4"),
// ordinals ("4th"), phone numbers, addresses and versions ("192.168.1.2"), list markers
// ("1. First"), and ids inside URLs, e-mail addresses and JSON metadata.
//
// The decision needs the number's surroundings, so it is made on the text around a
// parsed number. Shapes that need a pattern (times, dates, ordinals) are written as RE2
// patterns in one RE2::Set anchored at the number, and read by hand on the hot path; the
// set decides only where a non-ASCII byte makes the hand reading unsure.
//
// Thread-safe after Create: RE2::Set matching is const.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_NON_QUANTITY_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_NON_QUANTITY_H_

#include <cstddef>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/recognize/number_parser.h"
#include "re2/set.h"

namespace claimcheck {

class NonQuantityFilter {
 public:
  // Compiles the patterns. Fails only if a built-in pattern does not compile.
  static absl::StatusOr<std::unique_ptr<NonQuantityFilter>> Create();

  NonQuantityFilter(const NonQuantityFilter&) = delete;
  NonQuantityFilter& operator=(const NonQuantityFilter&) = delete;

  // True when `number`, parsed from `text`, is not a quantity whatever follows it
  // (a code, time, date, ordinal, phone number, id, list marker). `currency_before` says
  // whether a currency sign or code was written just before it ("RMB450" is money, "A100"
  // a code); it matters only when a letter comes right before the number, so callers may
  // pass false otherwise. On true, *skip_to is where scanning should resume (past the
  // whole token). Digits right after a letter with no currency before them are always
  // rejected, with *skip_to = TokenEnd(text, number.begin): a caller may skip parsing them.
  bool Reject(absl::string_view text, const ParsedNumber& number, bool currency_before,
              size_t* skip_to) const;

  // The end of the alphanumeric token holding `pos` (inner '-', '_', '.', '/', ':' and ','
  // kept), and at least pos + 1: where Reject sends the scan after a rejected number.
  static size_t TokenEnd(absl::string_view text, size_t pos);

  // True when a plain four-digit integer reads as a year (1800..2100).
  static bool LooksLikeYear(absl::string_view text, const ParsedNumber& number);

  // True when the integer (or short decimal) sits right after a capitalised word that is
  // not a function word ("Phase 2", "Mate 60", "Fortune 500", "Version 2.0"): a name,
  // not an amount. Callers apply it only to bare numbers, never to "Huawei 20%".
  static bool FollowsName(absl::string_view text, const ParsedNumber& number);

  // True when "one" is a pronoun here ("the one you mentioned", "which one").
  static bool IsPronounOne(absl::string_view text, const ParsedNumber& number);

  // False when no shape MatchesShape knows can start at `b`, a digit of `text`, judged by
  // the bytes right after its digits: most numbers ("12,000 ", "45%", "3.5 ", "10-20",
  // "20 and") are followed by none a shape needs. True otherwise, when MatchesShape on
  // text.substr(b, 48) decides. The blank it allows before "am"/"pm" is a space only.
  static bool MayHaveShape(absl::string_view text, size_t b);

  // True when one of the shapes (time of day, date, version, ordinal, decade, id) matches
  // at the start of `window`, which starts with a digit. MatchesShapeRe2 asks the RE2::Set
  // itself; MatchesShape reads by hand and gives the same answer (tests compare them).
  bool MatchesShape(absl::string_view window) const;
  bool MatchesShapeRe2(absl::string_view window) const;

 private:
  explicit NonQuantityFilter(std::unique_ptr<re2::RE2::Set> set) : set_(std::move(set)) {}
  std::unique_ptr<re2::RE2::Set> set_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_NON_QUANTITY_H_
