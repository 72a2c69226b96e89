#include "reconcile/period.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace claimcheck {

std::optional<absl::CivilDay> ClaimPeriod::sort_day() const {
  if (range.start) return range.start;
  if (range.end) return *range.end - 1;
  return published;
}

std::optional<absl::CivilDay> PublicationDay(const v1::Provenance& provenance) {
  if (!provenance.has_published() || !provenance.published().has_time()) return std::nullopt;
  int64_t seconds = provenance.published().time().seconds();
  // Within +-300,000 years of 1970 the UTC day is plain arithmetic; a time-zone lookup
  // per claim was a visible cost for a million claims. Beyond that (nonsense anyway),
  // absl's conversion decides, saturating as it does.
  constexpr int64_t kDay = 86400;
  constexpr int64_t kPlainLimit = int64_t{300000} * 366 * kDay;
  if (seconds > -kPlainLimit && seconds < kPlainLimit) {
    int64_t days = seconds / kDay;
    if (seconds % kDay < 0) --days;  // floor, for times before 1970
    static const absl::CivilDay kEpoch(1970, 1, 1);
    return kEpoch + days;
  }
  absl::Time t = absl::FromUnixSeconds(seconds);
  return absl::ToCivilDay(t, absl::UTCTimeZone());
}

ClaimPeriod PeriodOf(const v1::Claim& claim, absl::Status* problem) {
  ClaimPeriod period;
  period.published = PublicationDay(claim.provenance());
  period.forecast = claim.scope().kind() == v1::SCOPE_KIND_FORECAST ||
                    claim.provenance().hedge() == v1::HEDGE_FORECAST;
  if (IsStatedScope(claim.scope())) {
    auto range = ParseScopeRange(claim.scope());
    if (range.ok()) {
      period.range = *range;
    } else if (problem != nullptr) {
      *problem = absl::InvalidArgumentError(
          absl::StrCat("claim ", claim.id(), ": ", range.status().message(),
                       "; treated as undated"));
    }
  }
  period.label = FormatRange(period.range);
  return period;
}

bool SamePeriod(const ClaimPeriod& a, const ClaimPeriod& b) {
  if (a.forecast != b.forecast) return false;
  if (a.stated() && b.stated()) return a.range == b.range;
  if (!a.stated() && !b.stated()) return true;
  const ClaimPeriod& undated = a.stated() ? b : a;
  const ClaimPeriod& dated = a.stated() ? a : b;
  return undated.published && RangeContains(dated.range, *undated.published);
}

bool NestedOrOverlapping(const ClaimPeriod& a, const ClaimPeriod& b) {
  if (!a.stated() || !b.stated() || a.range == b.range) return false;
  return RangesOverlap(a.range, b.range);
}

}  // namespace claimcheck
