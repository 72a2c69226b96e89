#include "reconcile/findings.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "claims/currency.h"
#include "claims/fingerprint.h"

namespace claimcheck {
namespace {

// Six significant digits, no exponent, trailing zeros dropped.
std::string Number(double v) {
  std::string s = absl::StrFormat("%.6g", v);
  if (s.find('e') != std::string::npos) s = absl::StrFormat("%.0f", v);
  return s;
}

std::string Magnitude(double v) {
  double a = std::fabs(v);
  if (a >= 1e12) return absl::StrCat(Number(v / 1e12), " trillion");
  if (a >= 1e9) return absl::StrCat(Number(v / 1e9), " billion");
  if (a >= 1e6) return absl::StrCat(Number(v / 1e6), " million");
  return Number(v);
}

}  // namespace

std::string FindingKindShortName(v1::FindingKind kind) {
  std::string name = v1::FindingKind_Name(kind);
  absl::string_view prefix = "FINDING_KIND_";
  if (name.rfind(prefix.data(), 0) == 0) name = name.substr(prefix.size());
  return absl::AsciiStrToLower(name);
}

std::optional<v1::FindingKind> FindingKindFromName(absl::string_view name) {
  std::string upper = absl::AsciiStrToUpper(absl::StrReplaceAll(name, {{"-", "_"}}));
  if (upper.rfind("FINDING_KIND_", 0) != 0) upper = "FINDING_KIND_" + upper;
  v1::FindingKind kind;
  if (!v1::FindingKind_Parse(upper, &kind) || kind == v1::FINDING_KIND_UNSPECIFIED) {
    return std::nullopt;
  }
  return kind;
}

std::string FormatAmount(double value, absl::string_view unit) {
  if (unit == "percent") return absl::StrCat(Number(value), "%");
  if (unit == "percentage_point") return absl::StrCat(Number(value), " percentage points");
  if (IsCurrencyCode(unit)) return absl::StrCat(unit, " ", Magnitude(value));
  if (unit.empty() || unit == "count") return Magnitude(value);
  return absl::StrCat(Magnitude(value), " ", unit);
}

std::string FormatInterval(const Interval& interval, absl::string_view unit) {
  if (!interval.bounded_below() && !interval.bounded_above()) return "any value";
  if (!interval.bounded_above()) return "at least " + FormatAmount(interval.low, unit);
  if (!interval.bounded_below()) return "at most " + FormatAmount(interval.high, unit);
  if (interval.low == interval.high) return FormatAmount(interval.low, unit);
  return absl::StrCat(FormatAmount(interval.low, unit), " to ",
                      FormatAmount(interval.high, unit));
}

std::string DescribeItem(const Item& item) {
  const v1::Claim& c = *item.claim;
  const v1::Provenance& p = c.provenance();
  std::string figure = c.quantity().text().empty()
                           ? FormatAmount(c.quantity().value(), item.own_unit)
                           : c.quantity().text();
  std::string source = p.title().empty() ? p.document_id() : absl::StrCat("\"", p.title(), "\"");
  std::string where;
  if (!p.uri().empty() && p.uri() != p.title()) where = p.uri();
  if (item.period.published) {
    absl::StrAppend(&where, where.empty() ? "" : ", ", "published ",
                    absl::FormatCivilTime(*item.period.published));
  }
  std::string out = absl::StrCat("\"", figure, "\" in ", source);
  if (!where.empty()) absl::StrAppend(&out, " (", where, ")");
  if (!p.sentence().empty()) absl::StrAppend(&out, ": \"", p.sentence(), "\"");
  if (p.is_quotation()) absl::StrAppend(&out, " [a quotation of earlier text]");
  if (!item.norm.conversion.empty()) {
    absl::StrAppend(&out, ", taken as ", FormatInterval(item.norm.interval, item.norm.unit),
                    " (", item.norm.conversion, ")");
  }
  return out;
}

std::string SubjectName(const v1::Subject& subject) {
  std::string metric = absl::StrReplaceAll(subject.metric(), {{"_", " "}});
  std::string out = absl::StrCat(subject.entity(), " ", metric);
  for (const auto& q : subject.qualifiers()) {
    absl::StrAppend(&out, " (", q.role().empty() ? "" : q.role() + ": ", q.value(), ")");
  }
  return out;
}

v1::Finding MakeFinding(v1::FindingKind kind, v1::Severity severity,
                        const SubjectAnalysis& analysis, absl::string_view period_label,
                        const std::vector<int>& items, std::string explanation) {
  v1::Finding finding;
  std::vector<std::string> ids;
  for (int i : items) ids.push_back(analysis.items[i].claim->id());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string kind_name = FindingKindShortName(kind);
  Fingerprinter id;
  id.Add(kind_name).Add(analysis.key);
  for (const auto& claim_id : ids) id.Add(claim_id);
  finding.set_id(id.Hex());
  finding.set_topic(Fingerprinter().Add(kind_name).Add(analysis.key).Add(period_label).Hex());
  finding.set_kind(kind);
  finding.set_severity(severity);
  *finding.mutable_subject() = analysis.subject;
  for (const auto& claim_id : ids) finding.add_claim_ids(claim_id);
  std::vector<int> sorted = items;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (int i : sorted) {
    const Item& item = analysis.items[i];
    v1::ComparedValue* value = finding.add_values();
    value->set_claim_id(item.claim->id());
    value->set_value(item.norm.value);
    if (item.norm.interval.bounded_below()) value->set_low(item.norm.interval.low);
    if (item.norm.interval.bounded_above()) value->set_high(item.norm.interval.high);
    value->set_unit(item.norm.unit);
    value->set_conversion(item.norm.conversion);
  }
  finding.set_explanation(std::move(explanation));
  finding.set_status(v1::REVIEW_STATUS_OPEN);
  return finding;
}

bool AnyHedged(const SubjectAnalysis& analysis, const std::vector<int>& items) {
  for (int i : items) {
    switch (analysis.items[i].claim->provenance().hedge()) {
      case v1::HEDGE_ESTIMATED:
      case v1::HEDGE_FORECAST:
      case v1::HEDGE_RUMOURED:
        return true;
      default:
        break;
    }
  }
  return false;
}

v1::Severity Downgrade(v1::Severity severity) {
  switch (severity) {
    case v1::SEVERITY_HIGH:
      return v1::SEVERITY_MEDIUM;
    case v1::SEVERITY_MEDIUM:
      return v1::SEVERITY_LOW;
    default:
      return severity;
  }
}

}  // namespace claimcheck
