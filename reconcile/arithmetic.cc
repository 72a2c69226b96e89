#include "reconcile/arithmetic.h"

#include <cmath>
#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "reconcile/findings.h"
#include "reconcile/grouper.h"

namespace claimcheck {
namespace {

constexpr absl::string_view kGrowthSuffix = "_growth";

long Length(const ClaimPeriod& p) { return static_cast<long>(*p.range.end - *p.range.start); }

bool Closed(const ClaimPeriod& p) {
  return p.range.start.has_value() && p.range.end.has_value() && !p.forecast;
}

// Clusters of `combined` (growth items then level items shifted by `offset`).
Cluster Shift(const Cluster& cluster, int offset) {
  Cluster out = cluster;
  for (int& m : out.members) m += offset;
  return out;
}

std::string DescribeMembers(const SubjectAnalysis& a, const Cluster& c) {
  std::vector<std::string> parts;
  for (int i : c.members) parts.push_back(DescribeItem(a.items[i]));
  return absl::StrJoin(parts, "; ");
}

}  // namespace

std::optional<std::string> LevelSubjectKey(const v1::Subject& subject) {
  std::string metric = NormalizeMetric(subject.metric());
  if (!absl::EndsWith(metric, kGrowthSuffix) || metric.size() == kGrowthSuffix.size()) {
    return std::nullopt;
  }
  v1::Subject level = subject;
  level.set_metric(metric.substr(0, metric.size() - kGrowthSuffix.size()));
  return BuildSubjectKey(level);
}

void CheckGrowth(const SubjectAnalysis& growth, const SubjectAnalysis& level,
                 std::vector<v1::Finding>* findings) {
  // One view holding both subjects' items, so a finding can cite claims of both.
  SubjectAnalysis combined;
  combined.key = growth.key;
  combined.subject = growth.subject;
  combined.items = growth.items;
  const int offset = static_cast<int>(growth.items.size());
  combined.items.insert(combined.items.end(), level.items.begin(), level.items.end());

  for (const Bucket& gb : growth.buckets) {
    if (gb.unit != "percent" || !Closed(gb.period)) continue;
    const long span = Length(gb.period);
    // Endpoint buckets: the longest equal length with one starting at S, one ending at E.
    const Bucket* first = nullptr;
    const Bucket* last = nullptr;
    long best = -1;
    for (const Bucket& b0 : level.buckets) {
      if (!Closed(b0.period) || b0.unit != level.unit || b0.clusters.empty() ||
          b0.period.range.start != gb.period.range.start || Length(b0.period) >= span) {
        continue;
      }
      for (const Bucket& b1 : level.buckets) {
        if (!Closed(b1.period) || b1.unit != level.unit || b1.clusters.empty() ||
            b1.period.range.end != gb.period.range.end || &b1 == &b0 ||
            std::abs(Length(b1.period) - Length(b0.period)) > 3 ||
            Length(b0.period) <= best) {
          continue;
        }
        first = &b0;
        last = &b1;
        best = Length(b0.period);
      }
    }
    if (first == nullptr) continue;
    const Cluster& l0 = first->clusters[ReferenceCluster(first->clusters)];
    const Cluster& l1 = last->clusters[ReferenceCluster(last->clusters)];
    const Interval& i0 = l0.common;
    const Interval& i1 = l1.common;
    if (!i0.bounded_below() || !i0.bounded_above() || !i1.bounded_below() ||
        !i1.bounded_above() || i0.low <= 0 || i1.low <= 0) {
      continue;
    }
    Interval implied{(i1.low / i0.high - 1) * 100, (i1.high / i0.low - 1) * 100};
    for (const Cluster& g : gb.clusters) {
      if (Overlaps(implied, g.common)) continue;
      double rate = ClusterValue(g);
      std::string explanation = absl::StrCat(
          "Arithmetic in ", SubjectName(growth.subject), " (", gb.period.label, "): ",
          DescribeMembers(combined, g), " states growth of ", FormatAmount(rate, "percent"),
          " from ", first->period.label, " to ", last->period.label, ". With ",
          last->period.label, " at ", FormatInterval(i1, level.unit), " (",
          DescribeMembers(combined, Shift(l1, offset)), "), that implies ",
          first->period.label, " of about ",
          FormatAmount(ClusterValue(l1) / (1 + rate / 100), level.unit), "; but ",
          first->period.label, " is given as ", FormatInterval(i0, level.unit), " by ",
          l0.sources, l0.sources == 1 ? " independent source" : " independent sources",
          " (", DescribeMembers(combined, Shift(l0, offset)),
          "), which implies growth of ", FormatInterval(implied, "percent"), ".");
      std::vector<int> members = g.members;
      for (int m : l0.members) members.push_back(m + offset);
      for (int m : l1.members) members.push_back(m + offset);
      v1::Severity severity = AnyHedged(combined, members) ? v1::SEVERITY_MEDIUM
                                                           : v1::SEVERITY_HIGH;
      findings->push_back(MakeFinding(v1::FINDING_KIND_ARITHMETIC, severity, combined,
                                      gb.period.label, members, std::move(explanation)));
    }
  }
}

std::optional<std::string> TotalSubjectKey(const v1::Subject& subject) {
  if (subject.qualifiers_size() == 0) return std::nullopt;
  v1::Subject total = subject;
  total.clear_qualifiers();
  return BuildSubjectKey(total);
}

void CheckParts(const SubjectAnalysis& total, const std::vector<const SubjectAnalysis*>& parts,
                std::vector<v1::Finding>* findings) {
  // One view holding the total's and the parts' items.
  SubjectAnalysis combined;
  combined.key = total.key;
  combined.subject = total.subject;
  combined.items = total.items;
  std::vector<int> offsets;
  for (const SubjectAnalysis* part : parts) {
    offsets.push_back(static_cast<int>(combined.items.size()));
    combined.items.insert(combined.items.end(), part->items.begin(), part->items.end());
  }
  for (const Bucket& tb : total.buckets) {
    if (tb.unit != total.unit || tb.clusters.empty() || tb.period.forecast) continue;
    const Cluster& whole = tb.clusters[ReferenceCluster(tb.clusters)];
    if (!whole.common.bounded_above()) continue;
    double sum = 0;
    std::vector<int> members = whole.members;
    std::vector<std::string> described;
    for (size_t p = 0; p < parts.size(); ++p) {
      for (const Bucket& pb : parts[p]->buckets) {
        if (pb.unit != tb.unit || pb.clusters.empty() || pb.period.forecast ||
            !(pb.period.range == tb.period.range)) {
          continue;
        }
        const Cluster& part = pb.clusters[ReferenceCluster(pb.clusters)];
        if (!part.common.bounded_below() || part.common.low <= 0) continue;
        sum += part.common.low;
        Cluster shifted = Shift(part, offsets[p]);
        members.insert(members.end(), shifted.members.begin(), shifted.members.end());
        described.push_back(DescribeMembers(combined, shifted));
      }
    }
    if (described.empty() || sum <= whole.common.high * (1 + 1e-9)) continue;
    std::string explanation = absl::StrCat(
        "Arithmetic in ", SubjectName(total.subject), " (", tb.period.label, "): the parts (",
        absl::StrJoin(described, "; "), ") add up to at least ", FormatAmount(sum, tb.unit),
        ", more than the total of at most ", FormatAmount(whole.common.high, tb.unit), " (",
        DescribeMembers(combined, whole), ").");
    v1::Severity severity = AnyHedged(combined, members) ? v1::SEVERITY_MEDIUM
                                                         : v1::SEVERITY_HIGH;
    findings->push_back(MakeFinding(v1::FINDING_KIND_ARITHMETIC, severity, combined,
                                    tb.period.label, members, std::move(explanation)));
  }
}

}  // namespace claimcheck
