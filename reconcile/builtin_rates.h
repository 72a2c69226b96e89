// The exchange-rate table shipped with claimcheck (reconcile/data/exchange_rates.csv),
// compiled into the binary so the reconciler works from any directory. The text is
// generated from the CSV at build time; RateTable::Parse reads it.
#ifndef CLAIMCHECK_RECONCILE_BUILTIN_RATES_H_
#define CLAIMCHECK_RECONCILE_BUILTIN_RATES_H_

namespace claimcheck {

// The CSV text, NUL-terminated.
extern const char kBuiltinExchangeRates[];

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_BUILTIN_RATES_H_
