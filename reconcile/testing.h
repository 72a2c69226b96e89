// Test helpers: hand-built claims for the reconciler's unit tests.
//
// A ClaimSpec names the few fields a test cares about; MakeClaim fills a v1::Claim the
// way the extractor would (subject key, quantity type and interval, scope dates from the
// short period notation, provenance with a publication time).
#ifndef CLAIMCHECK_RECONCILE_TESTING_H_
#define CLAIMCHECK_RECONCILE_TESTING_H_

#include <string>

#include "claims/currency.h"
#include "proto/claim.pb.h"

namespace claimcheck {
namespace testing {

struct ClaimSpec {
  std::string id;
  std::string doc;        // document id; also the title
  std::string published;  // "YYYY-MM-DD", or "" for unknown
  std::string entity;
  std::string metric;
  double value = 0;
  std::string unit;  // ISO code (money), "percent", "nm", ...
  v1::BoundKind bound = v1::BOUND_KIND_EXACT;
  double precision = 0;
  std::string period;  // claims/time_scope.h ParsePeriod notation, "" = undated
  std::string text;    // the figure as written
  std::string qualifier = "";
  v1::Hedge hedge = v1::HEDGE_STATED;
  std::string quotes = "";  // when set: is_quotation, first appearance claim id
};

v1::Claim MakeClaim(const ClaimSpec& spec);

// A rate table with CNY and EUR for 2019-2025 (the built-in table's CNY values).
RateTable TestRates();

}  // namespace testing
}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_TESTING_H_
