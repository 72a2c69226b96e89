#include "reconcile/subject.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

// Union-find over small integer ids.
class Partition {
 public:
  void Reserve(size_t n) { parent_.reserve(n); }
  int Add() {
    parent_.push_back(static_cast<int>(parent_.size()));
    return parent_.back();
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  absl::InlinedVector<int, 32> parent_;  // no allocation for small subjects
};

// std::stable_sort allocates a buffer on every call; subjects and buckets are usually
// small, where a binary insertion sort (also stable) needs none.
template <typename It, typename Less>
void StableSort(It first, It last, Less less) {
  if (last - first > 32) {
    std::stable_sort(first, last, less);
    return;
  }
  for (It i = first; i != last; ++i) {
    It at = std::upper_bound(first, i, *i, less);
    std::rotate(at, i, i + 1);
  }
}

// Name -> node lookup for AssignSources. Subjects usually have a handful of claims, for
// which a linear scan beats hashing (no allocation per subject); larger ones switch to
// a hash map. Either way a name gets the node of its first appearance.
class NodeNames {
 public:
  explicit NodeNames(size_t expected) {
    if (expected > kLinearLimit) {
      map_.reserve(expected);
    } else {
      linear_.reserve(expected);
    }
  }
  // The node of `name`, created with partition->Add() on first sight.
  int Get(absl::string_view name, Partition* partition) {
    if (map_.empty() && linear_.size() < kLinearLimit) {
      for (const auto& [seen, node] : linear_) {
        if (seen == name) return node;
      }
      linear_.emplace_back(name, partition->Add());
      return linear_.back().second;
    }
    if (map_.empty()) map_.insert(linear_.begin(), linear_.end());
    auto [it, inserted] = map_.try_emplace(name, 0);
    if (inserted) it->second = partition->Add();
    return it->second;
  }

 private:
  static constexpr size_t kLinearLimit = 32;
  absl::InlinedVector<std::pair<absl::string_view, int>, kLinearLimit> linear_;
  absl::flat_hash_map<absl::string_view, int> map_;
};

// Ties items to independent sources: same document, or quotation of another claim.
void AssignSources(SubjectAnalysis* analysis) {
  Partition partition;
  // Views into the claims, which outlive this function.
  NodeNames claim_node(2 * analysis->items.size());
  NodeNames document_node(analysis->items.size());
  partition.Reserve(3 * analysis->items.size());
  absl::InlinedVector<int, 16> item_node;
  item_node.reserve(analysis->items.size());
  for (const Item& item : analysis->items) {
    const v1::Provenance& p = item.claim->provenance();
    int self = claim_node.Get(item.claim->id(), &partition);
    if (!p.document_id().empty()) {
      partition.Union(self, document_node.Get(p.document_id(), &partition));
    }
    if (!p.first_appearance_claim_id().empty()) {
      partition.Union(self, claim_node.Get(p.first_appearance_claim_id(), &partition));
    }
    item_node.push_back(self);
  }
  for (size_t i = 0; i < analysis->items.size(); ++i) {
    analysis->items[i].source = partition.Find(item_node[i]);
  }
}

// The unit most items use; ties go to the alphabetically first, for determinism.
std::string MajorityUnit(const std::vector<Item>& items) {
  // Few distinct units per subject: count in a small vector, no allocation per unit.
  absl::InlinedVector<std::pair<absl::string_view, int>, 4> counts;
  for (const Item& item : items) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == item.own_unit; });
    if (it == counts.end()) {
      counts.emplace_back(item.own_unit, 1);
    } else {
      ++it->second;
    }
  }
  absl::string_view best;
  int best_count = 0;
  for (const auto& [unit, count] : counts) {
    if (count > best_count || (count == best_count && unit < best)) {
      best = unit;
      best_count = count;
    }
  }
  return std::string(best);
}

// Open ends, built once: constructing a CivilDay normalises its fields, which is slow.
const absl::CivilDay& FarPast() {
  static const absl::CivilDay day(-9999, 1, 1);
  return day;
}
const absl::CivilDay& FarFuture() {
  static const absl::CivilDay day(9999, 1, 1);
  return day;
}

bool PeriodLess(const ClaimPeriod& a, const ClaimPeriod& b) {
  if (a.forecast != b.forecast) return b.forecast;
  if (a.stated() != b.stated()) return a.stated();
  const absl::CivilDay& as = a.range.start ? *a.range.start : FarPast();
  const absl::CivilDay& bs = b.range.start ? *b.range.start : FarPast();
  if (as != bs) return as < bs;
  const absl::CivilDay& ae = a.range.end ? *a.range.end : FarFuture();
  const absl::CivilDay& be = b.range.end ? *b.range.end : FarFuture();
  return ae < be;
}

bool SameBucketPeriod(const ClaimPeriod& a, const ClaimPeriod& b) {
  return a.forecast == b.forecast && a.range == b.range;
}

}  // namespace

double ClusterValue(const Cluster& cluster) {
  const Interval& c = cluster.common;
  if (c.bounded_below() && c.bounded_above()) return (c.low + c.high) / 2;
  return c.bounded_below() ? c.low : c.high;
}

SubjectAnalysis AnalyzeSubject(const std::string& key,
                               const std::vector<const v1::Claim*>& claims,
                               const Normalizer& normalizer,
                               std::vector<std::string>* problems) {
  SubjectAnalysis analysis;
  AnalyzeSubject(key, claims, normalizer, problems, &analysis);
  return analysis;
}

void AnalyzeSubject(absl::string_view key, const std::vector<const v1::Claim*>& claims,
                    const Normalizer& normalizer, std::vector<std::string>* problems,
                    SubjectAnalysis* out) {
  SubjectAnalysis& analysis = *out;
  analysis.key.assign(key.data(), key.size());
  analysis.items.clear();
  analysis.buckets.clear();
  if (claims.empty()) {
    analysis.subject.Clear();
    analysis.unit.clear();
    return;
  }
  analysis.subject = claims.front()->subject();
  analysis.items.reserve(claims.size());
  for (const v1::Claim* claim : claims) {
    analysis.items.emplace_back();
    Item& item = analysis.items.back();
    item.claim = claim;
    absl::Status problem;
    item.period = PeriodOf(*claim, &problem);
    if (!problem.ok()) problems->push_back(std::string(problem.message()));
    item.own_unit = CanonicalUnit(claim->quantity());
  }
  StableSort(analysis.items.begin(), analysis.items.end(),
                   [](const Item& a, const Item& b) {
                     const absl::CivilDay& da = a.period.published ? *a.period.published
                                                                   : FarFuture();
                     const absl::CivilDay& db = b.period.published ? *b.period.published
                                                                   : FarFuture();
                     if (da != db) return da < db;
                     return a.claim->id() < b.claim->id();
                   });
  AssignSources(&analysis);
  analysis.unit = MajorityUnit(analysis.items);

  for (Item& item : analysis.items) {
    // The year the figure is about picks the exchange rate: its period's, else the
    // year it was published.
    std::optional<int> year = RangeYear(item.period.range);
    if (!year && item.period.published) year = static_cast<int>(item.period.published->year());
    auto norm = normalizer.Express(item.claim->quantity(), item.own_unit, year, analysis.unit);
    if (norm.ok()) {
      item.norm = *std::move(norm);
      item.in_subject_unit = true;
      continue;
    }
    if (absl::IsNotFound(norm.status())) {
      problems->push_back(absl::StrCat("claim ", item.claim->id(), ": ",
                                       norm.status().message()));
    }
    item.norm = normalizer.Express(item.claim->quantity(), item.own_unit, year, item.own_unit)
                    .value();
  }

  // Buckets: same unit, same period (identical stated range, or undated). At most one per
  // item; reserved so that a reused analysis does not reallocate.
  analysis.buckets.reserve(analysis.items.size());
  absl::InlinedVector<int, 32> order(analysis.items.size());
  std::iota(order.begin(), order.end(), 0);
  auto unit_of = [&](int i) -> const std::string& { return analysis.items[i].norm.unit; };
  StableSort(order.begin(), order.end(), [&](int a, int b) {
    if (unit_of(a) != unit_of(b)) return unit_of(a) < unit_of(b);
    return PeriodLess(analysis.items[a].period, analysis.items[b].period);
  });
  for (int i : order) {
    const Item& item = analysis.items[i];
    if (analysis.buckets.empty() || analysis.buckets.back().unit != item.norm.unit ||
        !SameBucketPeriod(analysis.buckets.back().period, item.period)) {
      Bucket bucket;
      bucket.unit = item.norm.unit;
      bucket.period = item.period;
      analysis.buckets.push_back(std::move(bucket));
    }
    analysis.buckets.back().members.push_back(i);
  }
  for (Bucket& bucket : analysis.buckets) {
    std::sort(bucket.members.begin(), bucket.members.end());
    bucket.clusters = ClusterItems(analysis, bucket.members);
  }
}

std::vector<Cluster> ClusterItems(const SubjectAnalysis& analysis,
                                  const std::vector<int>& members) {
  absl::InlinedVector<int, 32> order(members.begin(), members.end());
  auto interval = [&](int i) -> const Interval& { return analysis.items[i].norm.interval; };
  StableSort(order.begin(), order.end(), [&](int a, int b) {
    if (interval(a).low != interval(b).low) return interval(a).low < interval(b).low;
    return interval(a).high < interval(b).high;
  });
  std::vector<Cluster> clusters;
  for (int i : order) {
    if (!clusters.empty() && Overlaps(clusters.back().common, interval(i))) {
      clusters.back().common = Intersect(clusters.back().common, interval(i));
      clusters.back().members.push_back(i);
      continue;
    }
    Cluster cluster;
    cluster.common = interval(i);
    cluster.members.push_back(i);
    clusters.push_back(std::move(cluster));
  }
  for (Cluster& cluster : clusters) {
    std::sort(cluster.members.begin(), cluster.members.end());
    cluster.sources = CountSources(analysis, cluster.members);
  }
  return clusters;
}

size_t ReferenceCluster(const std::vector<Cluster>& clusters) {
  size_t best = 0;
  for (size_t i = 1; i < clusters.size(); ++i) {
    const Cluster& a = clusters[i];
    const Cluster& b = clusters[best];
    if (a.sources != b.sources) {
      if (a.sources > b.sources) best = i;
      continue;
    }
    if (a.members.size() != b.members.size()) {
      if (a.members.size() > b.members.size()) best = i;
      continue;
    }
    if (a.members.front() < b.members.front()) best = i;
  }
  return best;
}

int CountSources(const SubjectAnalysis& analysis, const std::vector<int>& members) {
  // Clusters are small: a linear scan over the sources seen beats a hash set.
  if (members.size() > 32) {
    absl::flat_hash_set<int> sources;
    for (int i : members) sources.insert(analysis.items[i].source);
    return static_cast<int>(sources.size());
  }
  int seen[32];
  int count = 0;
  for (int i : members) {
    int source = analysis.items[i].source;
    if (std::find(seen, seen + count, source) == seen + count) seen[count++] = source;
  }
  return count;
}

}  // namespace claimcheck
