#include "claims/quantity_interval.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace claimcheck {

void SetInterval(v1::Quantity* q) {
  const double v = q->value();
  const double half = q->precision() / 2;
  const double margin = kApproximateMargin * std::fabs(v);
  switch (q->bound()) {
    case v1::BOUND_KIND_APPROXIMATE:
      q->set_low(v - std::max(half, margin));
      q->set_high(v + std::max(half, margin));
      break;
    case v1::BOUND_KIND_APPROXIMATE_BELOW:
      q->set_low(v - std::max(half, margin));
      q->set_high(v + half);
      break;
    case v1::BOUND_KIND_AT_LEAST:
      q->set_low(v);
      q->clear_high();
      break;
    case v1::BOUND_KIND_AT_MOST:
      q->clear_low();
      q->set_high(v);
      break;
    case v1::BOUND_KIND_RANGE:
      if (q->has_low()) q->set_low(q->low() - half);
      if (q->has_high()) q->set_high(q->high() + half);
      break;
    case v1::BOUND_KIND_EXACT:
    default:
      q->set_low(v - half);
      q->set_high(v + half);
      break;
  }
}

double ImpliedPrecision(absl::string_view digits, double scale) {
  bool seen_digit = false;
  int decimals = -1;  // digits after the decimal point, -1 before the point
  for (char c : digits) {
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0) {
      decimals = 0;
    }
  }
  if (!seen_digit) return 0;
  // 10^-k from a table filled by the same std::pow (the recognizers ask for every figure).
  static const auto* kNegPow10 = [] {
    auto* t = new std::array<double, 32>();
    for (int k = 0; k < 32; ++k) (*t)[k] = std::pow(10.0, -k);
    return t;
  }();
  const int k = std::max(decimals, 0);
  return scale * (k < 32 ? (*kNegPow10)[k] : std::pow(10.0, -k));
}

}  // namespace claimcheck
