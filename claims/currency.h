// Currencies: ISO 4217 codes and conversion through a dated exchange-rate table.
//
// Articles state the same amount in different currencies ("RMB 344 billion", "about
// $47.5 billion"). To compare them the reconciler converts one into the other with the
// annual-average rate of the year the figure is about. A RateTable holds, per year and
// currency, how many units of the currency one US dollar bought on average that year,
// and the source of that figure. Rates are parsed from CSV text so the table can ship as
// data and users can supply their own:
//
//   # comment lines and blank lines are ignored
//   year,currency,per_usd,source          <- optional header
//   2024,CNY,7.189,US Federal Reserve H.10 annual average
//
// A converted amount is less certain than a written one: an annual average is not the
// rate of the day the figure was fixed, and a writer may have used another source. Every
// conversion therefore widens the figure's interval by kConversionMargin on each side.
//
// Thread-safe: a RateTable is immutable after Parse; all functions are pure.
#ifndef CLAIMCHECK_CLAIMS_CURRENCY_H_
#define CLAIMCHECK_CLAIMS_CURRENCY_H_

#include <map>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimcheck {

// How much a converted amount's interval is widened on each side: 3% of the value. An
// annual average differs from the rate on a given day by up to a few percent for the
// major currencies (CNY moved about 3% within 2023), so 3% keeps honest conversions of
// rounded figures from being flagged while a real disagreement (10% and more) still is.
inline constexpr double kConversionMargin = 0.03;

// True for three upper-case ASCII letters ("USD", "CNY"). This checks the form of an
// ISO 4217 code, not membership of the standard's list.
bool IsCurrencyCode(absl::string_view code);

// One conversion, as shown to a reader.
struct Conversion {
  double factor = 1;        // multiply an amount in `from` by this to get `to`
  int year = 0;             // the year whose annual average was used
  std::string description;  // "CNY->USD at 0.1391 (2024 annual average; <source>)"
};

class RateTable {
 public:
  // One row: units of `currency` per US dollar in `year`.
  struct Rate {
    double per_usd = 0;
    std::string source;
  };

  RateTable() = default;

  // Parses CSV text as described above. `name` (a file name) is used in errors.
  // Returns InvalidArgument "<name>:<line>: <why>" for a row without four fields, a
  // year outside 1900..2200, a code that is not three letters, or a rate that is not a
  // positive number; for an empty table; and for a duplicated (year, currency) row.
  static absl::StatusOr<RateTable> Parse(absl::string_view csv, absl::string_view name);

  // The rate for `currency` in `year`. USD is always 1 (source "identity"). A year
  // outside the table's range for that currency uses the nearest year present, and the
  // returned year says which was used. Returns nullptr (and leaves *used_year alone)
  // for a currency the table does not hold.
  const Rate* Find(absl::string_view currency, int year, int* used_year) const;

  // Converts from `from` to `to` using the annual averages of `year`.
  // Returns NotFound naming the currency when either is missing from the table.
  absl::StatusOr<Conversion> Convert(absl::string_view from, absl::string_view to,
                                     int year) const;

  size_t size() const { return rates_.size(); }
  // The latest year any rate is given for (0 for an empty table): the year used when a
  // figure's own year is unknown.
  int latest_year() const { return latest_year_; }

 private:
  // (currency, year) -> rate, ordered so the nearest year can be found.
  std::map<std::pair<std::string, int>, Rate> rates_;
  int latest_year_ = 0;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_CURRENCY_H_
