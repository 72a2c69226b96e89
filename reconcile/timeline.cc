#include "reconcile/timeline.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "absl/time/civil_time.h"

namespace claimcheck {
namespace {

struct Pending {
  v1::TimelinePoint point;
  absl::CivilDay sort_day;
  absl::CivilDay first_published;
  // Identifies "the same kind of point" for change computation.
  std::string unit;
  long length_days = -1;  // -1: undated
  bool forecast = false;
};

}  // namespace

v1::Timeline BuildTimeline(const SubjectAnalysis& a) {
  v1::Timeline timeline;
  *timeline.mutable_subject() = a.subject;
  const absl::CivilDay kFar(9999, 1, 1);
  std::vector<Pending> pending;
  size_t clusters = 0;
  for (const Bucket& bucket : a.buckets) clusters += bucket.clusters.size();
  pending.reserve(clusters);
  timeline.mutable_points()->Reserve(static_cast<int>(clusters));
  for (const Bucket& bucket : a.buckets) {
    for (const Cluster& cluster : bucket.clusters) {
      Pending p;
      const Item& first = a.items[cluster.members.front()];  // earliest published
      v1::TimelinePoint& point = p.point;
      if (bucket.period.stated()) {
        *point.mutable_scope() = first.claim->scope();
      } else if (first.period.published) {
        v1::TimeScope* scope = point.mutable_scope();
        scope->set_start(absl::FormatCivilTime(*first.period.published));
        scope->set_end(absl::FormatCivilTime(*first.period.published + 1));
        scope->set_granularity(v1::GRANULARITY_DAY);
        scope->set_kind(v1::SCOPE_KIND_POINT);
        scope->set_inferred(true);
      }
      // The figure as first written when it lies in the common part ("nearly 60%" is
      // 60, not the middle of 54..60.5), else the middle of the common part.
      double written = first.norm.value;
      point.set_value(written >= cluster.common.low && written <= cluster.common.high
                          ? written
                          : ClusterValue(cluster));
      if (cluster.common.bounded_below()) point.set_low(cluster.common.low);
      if (cluster.common.bounded_above()) point.set_high(cluster.common.high);
      point.set_unit(bucket.unit);
      std::vector<int> sources_seen;  // clusters are small: a vector beats a set
      sources_seen.reserve(cluster.members.size());
      point.mutable_claim_ids()->Reserve(static_cast<int>(cluster.members.size()));
      for (int i : cluster.members) {
        const Item& item = a.items[i];
        point.add_claim_ids(item.claim->id());
        if (std::find(sources_seen.begin(), sources_seen.end(), item.source) ==
            sources_seen.end()) {
          sources_seen.push_back(item.source);
          point.add_document_ids(item.claim->provenance().document_id());
        }
      }
      point.set_first_appearance_claim_id(first.claim->id());
      p.first_published = first.period.published.value_or(kFar);
      p.sort_day = bucket.period.sort_day().value_or(p.first_published);
      p.unit = bucket.unit;
      p.forecast = bucket.period.forecast;
      if (bucket.period.range.start && bucket.period.range.end) {
        p.length_days = static_cast<long>(*bucket.period.range.end - *bucket.period.range.start);
      } else if (bucket.period.stated()) {
        p.length_days = -2;  // open-ended
      }
      pending.push_back(std::move(p));
    }
  }
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& x, const Pending& y) {
    return std::tie(x.sort_day, x.first_published, x.unit) <
           std::tie(y.sort_day, y.first_published, y.unit);
  });
  for (size_t i = 0; i < pending.size(); ++i) {
    Pending& p = pending[i];
    for (size_t j = i; j-- > 0;) {
      const Pending& q = pending[j];
      // Years vary by a day (leap years), months and quarters by a few days.
      bool same_length = (p.length_days < 0 || q.length_days < 0)
                             ? p.length_days == q.length_days
                             : std::abs(p.length_days - q.length_days) <= 3;
      if (q.unit != p.unit || q.forecast != p.forecast || !same_length) continue;
      // Another value for the very same period is a disagreement, not a change.
      if (q.sort_day == p.sort_day && q.length_days >= 0) continue;
      double before = q.point.value();
      double change = p.point.value() - before;
      p.point.set_change(change);
      if (before != 0) p.point.set_change_percent(100 * change / std::fabs(before));
      break;
    }
  }
  for (Pending& p : pending) *timeline.add_points() = std::move(p.point);
  return timeline;
}

}  // namespace claimcheck
