#include "reconcile/normalizer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

// One unit of a dimension: factor converts a value in `unit` into `base`.
struct UnitScale {
  const char* unit;
  const char* base;
  double factor;
};

constexpr UnitScale kUnits[] = {
    {"nm", "m", 1e-9},     {"um", "m", 1e-6},     {"μm", "m", 1e-6},
    {"mm", "m", 1e-3},     {"cm", "m", 1e-2},     {"m", "m", 1},
    {"km", "m", 1e3},      {"B", "B", 1},         {"KB", "B", 1e3},
    {"kB", "B", 1e3},      {"MB", "B", 1e6},      {"GB", "B", 1e9},
    {"TB", "B", 1e12},     {"PB", "B", 1e15},     {"Hz", "Hz", 1},
    {"kHz", "Hz", 1e3},    {"MHz", "Hz", 1e6},    {"GHz", "Hz", 1e9},
    {"W", "W", 1},         {"kW", "W", 1e3},      {"MW", "W", 1e6},
    {"GW", "W", 1e9},      {"Wh", "Wh", 1},       {"kWh", "Wh", 1e3},
    {"MWh", "Wh", 1e6},    {"GWh", "Wh", 1e9},    {"TWh", "Wh", 1e12},
    {"day", "day", 1},     {"week", "day", 7},    {"month", "day", 365.2425 / 12},
    {"year", "day", 365.2425}, {"decade", "day", 3652.425},
};

const UnitScale* FindUnit(absl::string_view unit) {
  for (const auto& u : kUnits) {
    if (unit == u.unit) return &u;
  }
  return nullptr;
}

// "soccer fields" -> "soccer field", "companies" -> "company", "boxes" -> "box".
std::string Singular(std::string word) {
  auto ends = [&](absl::string_view s) { return absl::EndsWith(word, s); };
  if (word.size() > 4 && ends("ies")) return word.substr(0, word.size() - 3) + "y";
  if (word.size() > 4 && (ends("ches") || ends("shes") || ends("sses") || ends("xes"))) {
    return word.substr(0, word.size() - 2);
  }
  if (word.size() > 3 && ends("s") && !ends("ss") && !ends("us")) {
    return word.substr(0, word.size() - 1);
  }
  return word;
}

}  // namespace

std::string CanonicalUnit(const v1::Quantity& quantity) {
  if (IsCurrencyCode(quantity.currency())) return quantity.currency();
  std::string raw(absl::StripAsciiWhitespace(quantity.unit()));
  if (IsCurrencyCode(raw) && (quantity.type() == v1::QUANTITY_TYPE_MONEY ||
                              quantity.type() == v1::QUANTITY_TYPE_UNSPECIFIED)) {
    return raw;
  }
  if (const UnitScale* u = FindUnit(raw)) return u->unit;
  std::string lower = absl::AsciiStrToLower(raw);
  if (lower == "%" || lower == "percent" || lower == "per cent" || lower == "pct" ||
      (lower.empty() && quantity.type() == v1::QUANTITY_TYPE_PERCENT)) {
    return "percent";
  }
  if (lower == "percentage_point" || lower == "percentage point" ||
      lower == "percentage points" || lower == "pp" || lower == "ppt" ||
      lower == "percentage_points" ||
      (lower.empty() && quantity.type() == v1::QUANTITY_TYPE_PERCENTAGE_POINT)) {
    return "percentage_point";
  }
  if (lower.empty()) return quantity.type() == v1::QUANTITY_TYPE_COUNT ? "count" : "";
  std::string singular = Singular(lower);
  if (const UnitScale* u = FindUnit(singular)) return u->unit;
  return singular;
}

const absl::StatusOr<Conversion>& Normalizer::Convert(absl::string_view from,
                                                      absl::string_view to, int year) const {
  std::string key = absl::StrCat(from, ">", to, ">", year);
  absl::MutexLock lock(&mu_);
  auto it = cache_.find(key);
  if (it == cache_.end()) it = cache_.emplace(key, rates_->Convert(from, to, year)).first;
  return it->second;
}

bool Normalizer::Convertible(absl::string_view from, absl::string_view to) const {
  if (from == to) return true;
  if (IsCurrencyCode(from) && IsCurrencyCode(to)) {
    int year = 0;
    return rates_->Find(from, rates_->latest_year(), &year) != nullptr &&
           rates_->Find(to, rates_->latest_year(), &year) != nullptr;
  }
  const UnitScale* a = FindUnit(from);
  const UnitScale* b = FindUnit(to);
  return a != nullptr && b != nullptr && absl::string_view(a->base) == b->base;
}

absl::StatusOr<Normalized> Normalizer::Express(const v1::Quantity& quantity,
                                               absl::string_view unit,
                                               std::optional<int> year,
                                               absl::string_view target) const {
  Normalized out;
  out.value = quantity.value();
  out.interval = QuantityInterval(quantity);
  out.unit = std::string(target);
  if (unit == target) return out;
  if (IsCurrencyCode(unit) && IsCurrencyCode(target)) {
    int use_year = year.value_or(rates_->latest_year());
    const absl::StatusOr<Conversion>& conversion = Convert(unit, target, use_year);
    if (!conversion.ok()) return conversion.status();
    out.value *= conversion->factor;
    out.interval = Widened(Scaled(out.interval, conversion->factor), kConversionMargin);
    out.conversion = conversion->description;
    if (!year) absl::StrAppend(&out.conversion, "; the figure's year is unknown");
    return out;
  }
  const UnitScale* from = FindUnit(unit);
  const UnitScale* to = FindUnit(target);
  if (from != nullptr && to != nullptr && absl::string_view(from->base) == to->base) {
    double factor = from->factor / to->factor;
    out.value *= factor;
    out.interval = Scaled(out.interval, factor);
    out.conversion = absl::StrCat(unit, "->", target, " x ", factor);
    return out;
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "cannot convert ", unit.empty() ? "a bare number" : unit, " to ",
      target.empty() ? "a bare number" : target));
}

}  // namespace claimcheck
