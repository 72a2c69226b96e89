// The vocabulary of what follows or precedes a number: currencies (with ISO 4217 codes),
// percent and percentage points, physical and digital units, durations, and counted
// nouns ("10 initial partners", "20 soccer fields").
//
// Each spelling maps to one UnitInfo with a canonical unit (what claims compare: "USD",
// "nm", "year", "percent") and a factor to base units ("cents" is 0.01 USD, "decades" 10
// years). Short symbols are matched case-sensitively ("MB" megabyte, "mb" megabit, "M"
// million, "m" metre); words in any case. Lookups try the longest spelling first, so
// "square meters" wins over "meters" is never split.
//
// Thread-safe: the tables are built once, on first use, and never change.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_UNIT_TABLE_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_UNIT_TABLE_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

enum class UnitKind {
  kCurrency,
  kPercent,
  kPercentagePoint,
  kDimension,
  kTemperature,
  kDuration,
  kMultiplier,  // "3x", "three times": a ratio, reported as a number with unit "times"
};

struct UnitInfo {
  UnitKind kind = UnitKind::kDimension;
  std::string canonical;   // "USD", "nm", "year", "percent"; for money the ISO code
  std::string display;     // Recognizers-Text name: "Dollar", "Nanometer", "Year"
  double factor = 1;       // base units per written unit: 0.01 for "cents"
  bool bare_dollar = false;    // "$", "dollars": currency from RecognizerOptions
  bool yen_sign = false;       // "¥": CNY or JPY, chosen from the surrounding text
  bool weight_or_money = false;  // "pounds": money only with a scale word or £ context
  bool needs_digits = false;     // "won": only after digits ("which one won" is no money)
};

struct UnitMatch {
  const UnitInfo* info = nullptr;
  size_t begin = 0;  // first byte of the spelling
  size_t end = 0;    // one past its last byte
};

class UnitTable {
 public:
  static const UnitTable& Get();

  // The unit whose spelling starts exactly at `pos` ("nm", "square meters", "%",
  // "per cent", "US dollars"), longest spelling first. Requires a word boundary after the
  // spelling when it ends in a letter. Returns nullopt when none matches.
  std::optional<UnitMatch> MatchAt(absl::string_view text, size_t pos) const;

  // The currency written just before a number that starts at `number_begin` ("$",
  // "US$", "us $", "HK$", "RMB", "€", "USD"), at most one blank between. Returns the
  // match with `begin` at the first byte of the prefix, or nullopt.
  std::optional<UnitMatch> MatchCurrencyBefore(absl::string_view text,
                                               size_t number_begin) const;

  // The unit for a spelling as written (any case for words); nullptr when unknown.
  const UnitInfo* Find(absl::string_view written) const;

 private:
  UnitTable();
  // MatchCurrencyBefore for the '$' at `d`: "$", or "US$", "hk $" with the letters.
  UnitMatch MatchDollar(absl::string_view text, size_t d, size_t number_begin) const;
  struct Maps;
  const Maps* maps_;
};

// A counted noun after a number: "initial partners" -> "partner", "soccer fields" ->
// "soccer field", "people" -> "person". At most two words, the last one plural (or any
// noun when `singular_ok`, for "1 partner"); adjectives in front are dropped. With
// `names_ok`, a plural name is counted too: a capitalised, camel-case or acronym word
// ending in "s" ("232 million iPhones" -> "iphone", "3.7 million GPUs" -> "gpu",
// "20 million Macs" -> "mac"); the caller leaves it off after a bare year ("in 2023
// GPUs"). Returns the singular lower-case noun and sets *end past it, or returns empty.
std::string MatchCountedNoun(absl::string_view text, size_t pos, bool singular_ok,
                             bool names_ok, size_t* end);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_UNIT_TABLE_H_
