#include "tests/reconcile/corpus_claims.h"

#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "claims/currency.h"
#include "claims/fingerprint.h"
#include "claims/quantity_interval.h"
#include "claims/time_scope.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "re2/re2.h"

namespace claimcheck {
namespace {

std::string Str(const google::protobuf::Struct& s, const char* name) {
  auto it = s.fields().find(name);
  if (it == s.fields().end() ||
      it->second.kind_case() != google::protobuf::Value::kStringValue) {
    return "";
  }
  return it->second.string_value();
}

bool Num(const google::protobuf::Struct& s, const char* name, double* out) {
  auto it = s.fields().find(name);
  if (it == s.fields().end() ||
      it->second.kind_case() != google::protobuf::Value::kNumberValue) {
    return false;
  }
  *out = it->second.number_value();
  return true;
}

// The first number written in the figure ("1,234.5"), as digits text.
std::string FirstNumber(absl::string_view figure) {
  size_t begin = figure.find_first_of("0123456789");
  if (begin == absl::string_view::npos) return "";
  size_t end = figure.find_first_not_of("0123456789.,", begin);
  std::string digits(figure.substr(begin, end == absl::string_view::npos ? end : end - begin));
  while (!digits.empty() && (digits.back() == '.' || digits.back() == ',')) digits.pop_back();
  return digits;
}

std::string DateFor(const std::string& doc, const std::string& item,
                    const std::map<std::string, std::string>& published) {
  for (const std::string& name : {item, doc}) {
    auto it = published.find(name);
    if (!name.empty() && it != published.end()) return it->second;
  }
  std::string y, m, d;
  if (RE2::PartialMatch(item, R"(/(\d{4})/(\d{2})/(\d{2})/)", &y, &m, &d)) {
    return absl::StrCat(y, "-", m, "-", d);
  }
  if (RE2::PartialMatch(doc, R"(^(\d{4})-(\d{2})-(\d{2})-)", &y, &m, &d)) {
    return absl::StrCat(y, "-", m, "-", d);
  }
  return "";
}

v1::BoundKind Bound(const std::string& bound) {
  if (bound == "approximate") return v1::BOUND_KIND_APPROXIMATE;
  if (bound == "approximate_below") return v1::BOUND_KIND_APPROXIMATE_BELOW;
  if (bound == "at_least") return v1::BOUND_KIND_AT_LEAST;
  if (bound == "at_most") return v1::BOUND_KIND_AT_MOST;
  if (bound == "range") return v1::BOUND_KIND_RANGE;
  return v1::BOUND_KIND_EXACT;
}

v1::Hedge HedgeOf(const std::string& hedge) {
  if (hedge.empty()) return v1::HEDGE_STATED;
  if (hedge == "estimate") return v1::HEDGE_ESTIMATED;
  if (hedge == "forecast") return v1::HEDGE_FORECAST;
  if (hedge == "rumour" || hedge == "rumoured") return v1::HEDGE_RUMOURED;
  return v1::HEDGE_REPORTED;
}

}  // namespace

absl::StatusOr<std::vector<v1::Claim>> ClaimsFromExpected(
    absl::string_view jsonl, const std::map<std::string, std::string>& published) {
  std::vector<v1::Claim> claims;
  // (quote, figure) -> (publication time, claim id) of its first appearance.
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> first;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(jsonl, '\n')) {
    ++line_no;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    google::protobuf::Struct o;
    auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &o);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_no, ": ", status.ToString()));
    }
    v1::Claim c;
    std::string doc = Str(o, "doc");
    std::string item = Str(o, "item");
    std::string quote = Str(o, "quote");
    std::string figure = Str(o, "figure");
    c.set_id(Fingerprinter().Add(doc).Add(item).Add(quote).Add(figure).Hex());
    v1::Subject* s = c.mutable_subject();
    s->set_entity(Str(o, "entity"));
    s->set_metric(Str(o, "metric"));
    std::string key = absl::StrCat(absl::AsciiStrToLower(s->entity()), "|", s->metric());
    if (!Str(o, "qualifier").empty()) {
      v1::Qualifier* q = s->add_qualifiers();
      q->set_role("qualifier");
      q->set_value(Str(o, "qualifier"));
      absl::StrAppend(&key, "|", absl::AsciiStrToLower(q->value()));
    }
    s->set_key(key);

    v1::Quantity* q = c.mutable_quantity();
    double value = 0;
    if (!Num(o, "value", &value)) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_no, ": no value"));
    }
    q->set_value(value);
    std::string unit = Str(o, "unit");
    q->set_unit(unit);
    q->set_text(figure);
    q->set_bound(Bound(Str(o, "bound")));
    if (IsCurrencyCode(unit)) {
      q->set_type(v1::QUANTITY_TYPE_MONEY);
      q->set_currency(unit);
    } else if (unit == "percent") {
      q->set_type(v1::QUANTITY_TYPE_PERCENT);
    } else if (unit == "year") {
      q->set_type(v1::QUANTITY_TYPE_DURATION);
    } else if (unit == "nm") {
      q->set_type(v1::QUANTITY_TYPE_DIMENSION);
    } else {
      q->set_type(v1::QUANTITY_TYPE_COUNT);
    }
    double low = 0, high = 0;
    if (q->bound() == v1::BOUND_KIND_RANGE && Num(o, "low", &low) && Num(o, "high", &high)) {
      q->set_low(low);
      q->set_high(high);
    }
    // Precision from the digits written: "$8.03 billion" is to the nearest 10 million.
    std::string digits = FirstNumber(figure);
    double number = 0;
    std::string plain;
    for (char ch : digits) {
      if (ch != ',') plain.push_back(ch);
    }
    double base = q->has_low() ? q->low() : std::fabs(value);
    if (!plain.empty() && absl::SimpleAtod(plain, &number) && number > 0 && base > 0) {
      double scale = std::pow(10.0, std::round(std::log10(base / number)));
      q->set_precision(ImpliedPrecision(digits, scale));
    }
    SetInterval(q);

    auto scope = ParsePeriod(Str(o, "scope"));
    if (scope.ok()) *c.mutable_scope() = *scope;
    std::string hedge = Str(o, "hedge");
    if (hedge == "forecast") c.mutable_scope()->set_kind(v1::SCOPE_KIND_FORECAST);

    v1::Provenance* p = c.mutable_provenance();
    p->set_document_id(item.empty() ? doc : absl::StrCat(doc, "#", item));
    p->set_uri(item.empty() ? doc : item);
    p->set_title(doc);
    p->set_sentence(quote);
    p->set_hedge(HedgeOf(hedge));
    std::string day = DateFor(doc, item, published);
    absl::CivilDay civil;
    if (!day.empty() && absl::ParseCivilTime(day, &civil)) {
      p->mutable_published()->mutable_time()->set_seconds(
          absl::ToUnixSeconds(absl::FromCivil(civil, absl::UTCTimeZone())));
    }
    claims.push_back(std::move(c));
  }
  // Copies: the same quote and figure in another document, published later.
  for (const v1::Claim& c : claims) {
    auto key = std::make_pair(c.provenance().sentence(), c.quantity().text());
    std::string day = absl::StrCat(c.provenance().published().time().seconds());
    auto it = first.find(key);
    if (it == first.end() || std::make_pair(day, c.id()) < it->second) {
      first[key] = {day, c.id()};
    }
  }
  for (v1::Claim& c : claims) {
    auto key = std::make_pair(c.provenance().sentence(), c.quantity().text());
    const std::string& origin = first[key].second;
    if (origin == c.id()) continue;
    c.mutable_provenance()->set_is_quotation(true);
    c.mutable_provenance()->set_first_appearance_claim_id(origin);
  }
  return claims;
}

}  // namespace claimcheck
