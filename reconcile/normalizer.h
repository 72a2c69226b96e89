// Normalizer: puts two figures in one unit before they are compared.
//
// Figures about one subject come in different units and scales: "RMB 344 billion" and
// "about $47.5 billion", "2 TB" and "2,000 GB", "a couple of decades" and "20 years".
// The value is already in base units of its unit (the recognizer turned "344 billion"
// into 344000000000), so what remains is the unit itself:
//   * money: converted between currencies with the annual-average rate of the year the
//     figure is about (claims/currency.h), widening the interval by kConversionMargin;
//     the conversion is described ("CNY->USD at 0.1391 (2024 annual average; ...)") so
//     a finding can show the rate and year used;
//   * units of one dimension (nm/um/mm/m, B/KB/MB/GB/TB, W/kW/MW/GW, Hz/kHz/MHz/GHz,
//     day/week/month/year/decade): scaled exactly;
//   * percent and percentage points are different things ("up 3%" is not "up 3
//     percentage points") and are never converted into each other;
//   * counted nouns compare when their singular forms match ("soccer fields" and
//     "soccer field").
// Anything else cannot be compared, and Express says so.
//
// Thread-safe: const methods only; the conversion cache is guarded by a mutex.
#ifndef CLAIMCHECK_RECONCILE_NORMALIZER_H_
#define CLAIMCHECK_RECONCILE_NORMALIZER_H_

#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/strings/string_view.h"
#include "claims/currency.h"
#include "proto/claim.pb.h"
#include "reconcile/tolerance.h"

namespace claimcheck {

// The unit a quantity is compared in: the ISO code for money ("CNY"), "percent",
// "percentage_point", a unit from the dimension table as spelled there ("GB", "nm",
// "year"), "count", or the counted noun in singular lower case ("soccer field"). Empty
// for a bare number.
std::string CanonicalUnit(const v1::Quantity& quantity);

// A figure expressed in a target unit.
struct Normalized {
  double value = 0;
  Interval interval;
  std::string unit;
  // Empty when no conversion was needed; else how it was done.
  std::string conversion;
};

class Normalizer {
 public:
  // `rates` must outlive the Normalizer.
  explicit Normalizer(const RateTable* rates) : rates_(rates) {}
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Expresses `quantity` (whose canonical unit is `unit`) in `target`. `year` is the
  // year the figure is about, used for exchange rates; when unset, the rate table's
  // latest year is used and the description says so.
  // Returns FailedPrecondition "cannot convert <unit> to <target>" when the units are of
  // different kinds, or NotFound when a currency is missing from the rate table.
  absl::StatusOr<Normalized> Express(const v1::Quantity& quantity, absl::string_view unit,
                                     std::optional<int> year,
                                     absl::string_view target) const;

  // True when Express can convert `from` into `to` (ignoring the rates' years).
  bool Convertible(absl::string_view from, absl::string_view to) const;

 private:
  // RateTable::Convert for one (from, to, year), cached: the description is costly to
  // format and the same few conversions recur for every claim. The result stays valid
  // (entries are never removed and do not move) for the Normalizer's lifetime.
  const absl::StatusOr<Conversion>& Convert(absl::string_view from, absl::string_view to,
                                            int year) const;

  const RateTable* rates_;
  mutable absl::Mutex mu_;
  mutable absl::node_hash_map<std::string, absl::StatusOr<Conversion>> cache_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_NORMALIZER_H_
