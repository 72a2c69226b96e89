#include "reconcile/timeline.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claimcheck {
namespace {

// Ordering and change data of one point, kept small (the point itself is built in place
// in the timeline): one small allocation per subject rather than a copy of each point.
struct Pending {
  v1::TimelinePoint* point = nullptr;
  absl::CivilDay sort_day;
  absl::CivilDay first_published;
  // Identifies "the same kind of point" for change computation.
  absl::string_view unit;  // the bucket's, which outlives BuildTimeline
  long length_days = -1;  // -1: undated
  bool forecast = false;
};

}  // namespace

v1::Timeline BuildTimeline(const SubjectAnalysis& analysis) {
  v1::Timeline timeline;
  BuildTimeline(analysis, &timeline);
  return timeline;
}

void BuildTimeline(const SubjectAnalysis& a, v1::Timeline* out) {
  v1::Timeline& timeline = *out;
  *timeline.mutable_subject() = a.subject;
  const absl::CivilDay kFar(9999, 1, 1);
  absl::InlinedVector<Pending, 16> pending;  // no heap allocation for usual subjects
  size_t clusters = 0;
  for (const Bucket& bucket : a.buckets) clusters += bucket.clusters.size();
  pending.reserve(clusters);
  const int existing = timeline.points_size();
  timeline.mutable_points()->Reserve(existing + static_cast<int>(clusters));
  for (const Bucket& bucket : a.buckets) {
    for (const Cluster& cluster : bucket.clusters) {
      Pending p;
      const Item& first = a.items[cluster.members.front()];  // earliest published
      p.point = timeline.add_points();
      v1::TimelinePoint& point = *p.point;
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
      // Clusters are small: a linear scan beats a set, and inline storage a heap vector.
      absl::InlinedVector<int, 16> sources_seen;
      point.mutable_claim_ids()->Reserve(static_cast<int>(cluster.members.size()));
      // At most one document per member; beyond four the default growth is as good.
      point.mutable_document_ids()->Reserve(
          static_cast<int>(std::min<size_t>(cluster.members.size(), 4)));
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
  auto less = [](const Pending& x, const Pending& y) {
    return std::tie(x.sort_day, x.first_published, x.unit) <
           std::tie(y.sort_day, y.first_published, y.unit);
  };
  if (pending.size() > 32) {
    std::stable_sort(pending.begin(), pending.end(), less);
  } else {  // binary insertion sort, also stable: no buffer allocation for small subjects
    for (auto i = pending.begin(); i != pending.end(); ++i) {
      std::rotate(std::upper_bound(pending.begin(), i, *i, less), i, i + 1);
    }
  }
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
      double before = q.point->value();
      double change = p.point->value() - before;
      p.point->set_change(change);
      if (before != 0) p.point->set_change_percent(100 * change / std::fabs(before));
      break;
    }
  }
  // Put the points in sorted order: they are already owned by the timeline, so only the
  // pointers move.
  auto slot = timeline.mutable_points()->pointer_begin() + existing;
  for (const Pending& p : pending) *slot++ = p.point;
}

}  // namespace claimcheck
