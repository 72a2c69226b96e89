#include "reconcile/testing.h"

#include "absl/strings/ascii.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "claims/quantity_interval.h"
#include "claims/time_scope.h"

namespace claimcheck {
namespace testing {

v1::Claim MakeClaim(const ClaimSpec& spec) {
  v1::Claim claim;
  claim.set_id(spec.id);
  v1::Subject* subject = claim.mutable_subject();
  subject->set_entity(spec.entity);
  subject->set_metric(spec.metric);
  std::string key = absl::AsciiStrToLower(spec.entity) + "|" + spec.metric;
  if (!spec.qualifier.empty()) {
    v1::Qualifier* q = subject->add_qualifiers();
    q->set_role("qualifier");
    q->set_value(spec.qualifier);
    key += "|" + absl::AsciiStrToLower(spec.qualifier);
  }
  subject->set_key(key);
  v1::Quantity* q = claim.mutable_quantity();
  q->set_value(spec.value);
  q->set_unit(spec.unit);
  q->set_bound(spec.bound);
  q->set_precision(spec.precision);
  q->set_text(spec.text);
  if (IsCurrencyCode(spec.unit)) {
    q->set_type(v1::QUANTITY_TYPE_MONEY);
    q->set_currency(spec.unit);
  } else if (spec.unit == "percent") {
    q->set_type(v1::QUANTITY_TYPE_PERCENT);
  } else if (spec.unit == "count") {
    q->set_type(v1::QUANTITY_TYPE_COUNT);
  } else {
    q->set_type(v1::QUANTITY_TYPE_DIMENSION);
  }
  SetInterval(q);
  if (!spec.period.empty()) *claim.mutable_scope() = ParsePeriod(spec.period).value();
  v1::Provenance* p = claim.mutable_provenance();
  p->set_document_id(spec.doc);
  p->set_title(spec.doc);
  p->set_uri("https://example.com/" + spec.doc);
  p->set_sentence("... " + spec.text + " ...");
  p->set_hedge(spec.hedge);
  if (!spec.quotes.empty()) {
    p->set_is_quotation(true);
    p->set_first_appearance_claim_id(spec.quotes);
  }
  if (!spec.published.empty()) {
    absl::CivilDay day;
    if (absl::ParseCivilTime(spec.published, &day)) {
      p->mutable_published()->mutable_time()->set_seconds(
          absl::ToUnixSeconds(absl::FromCivil(day, absl::UTCTimeZone())));
    }
  }
  return claim;
}

RateTable TestRates() {
  return RateTable::Parse(
             "2019,CNY,6.908,t\n2020,CNY,6.901,t\n2021,CNY,6.449,t\n2022,CNY,6.737,t\n"
             "2023,CNY,7.084,t\n2024,CNY,7.189,t\n2025,CNY,7.19,t\n2024,EUR,0.924,t\n",
             "test rates")
      .value();
}

}  // namespace testing
}  // namespace claimcheck
