#include "reconcile/checks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "reconcile/findings.h"

namespace claimcheck {
namespace {

const Item& At(const SubjectAnalysis& a, int i) { return a.items[i]; }

// "CNY 204.15 billion to 204.25 billion, from 3 independent sources: <item>; <item>".
std::string DescribeCluster(const SubjectAnalysis& a, const Cluster& cluster,
                            absl::string_view unit) {
  // At most kShown claims are quoted; the finding's values list them all.
  constexpr size_t kShown = 3;
  std::vector<std::string> parts;
  for (size_t k = 0; k < cluster.members.size() && k < kShown; ++k) {
    parts.push_back(DescribeItem(At(a, cluster.members[k])));
  }
  if (cluster.members.size() > kShown) {
    parts.push_back(absl::StrCat("and ", cluster.members.size() - kShown, " more"));
  }
  return absl::StrCat(FormatInterval(cluster.common, unit), " (",
                      cluster.sources == 1 ? std::string("1 independent source")
                                           : absl::StrCat(cluster.sources,
                                                          " independent sources"),
                      "): ", absl::StrJoin(parts, "; "));
}

// Finds stale undated items, reports them, and returns their indices. An undated item
// is stale when, before it was published, other sources had given a value for a stated
// period and a different value for a later stated period, and the item repeats the older
// value: the timeline had already moved on.
std::set<int> CheckStale(const SubjectAnalysis& a, std::vector<v1::Finding>* findings) {
  std::set<int> stale;
  for (size_t u = 0; u < a.items.size(); ++u) {
    const Item& item = a.items[u];
    if (item.period.stated() || item.period.forecast || !item.period.published) continue;
    // Dated values known before this item was published, in its unit, from elsewhere.
    std::vector<int> prior;
    for (size_t j = 0; j < a.items.size(); ++j) {
      const Item& other = a.items[j];
      if (!other.period.stated() || !other.period.range.start || !other.period.range.end ||
          other.period.forecast || other.norm.unit != item.norm.unit ||
          !other.period.published || *other.period.published >= *item.period.published ||
          other.source == item.source) {
        continue;
      }
      prior.push_back(static_cast<int>(j));
    }
    if (prior.empty()) continue;
    absl::CivilDay newest_end = *At(a, prior.front()).period.range.end;
    for (int j : prior) newest_end = std::max(newest_end, *At(a, j).period.range.end);
    std::vector<int> newest;
    bool agrees_with_newest = false;
    for (int j : prior) {
      if (*At(a, j).period.range.end != newest_end) continue;
      newest.push_back(j);
      agrees_with_newest |= Overlaps(At(a, j).norm.interval, item.norm.interval);
    }
    if (agrees_with_newest) continue;
    // An older period's value it repeats, itself different from the newest value.
    const Item* older = nullptr;
    for (int j : prior) {
      const Item& other = At(a, j);
      if (*other.period.range.end > *At(a, newest.front()).period.range.start ||
          !Overlaps(other.norm.interval, item.norm.interval)) {
        continue;
      }
      bool differs = true;
      for (int n : newest) differs &= !Overlaps(other.norm.interval, At(a, n).norm.interval);
      if (differs) older = &other;
    }
    if (older == nullptr) continue;
    stale.insert(static_cast<int>(u));
    std::vector<int> members = newest;
    members.push_back(static_cast<int>(u));
    std::vector<std::string> newer;
    for (int n : newest) newer.push_back(DescribeItem(At(a, n)));
    std::string explanation = absl::StrCat(
        "Stale figure for ", SubjectName(a.subject), ": ", DescribeItem(item),
        " gives no period, so it states the value as of its publication; that value, ",
        FormatInterval(item.norm.interval, item.norm.unit), ", is the one given for ",
        older->period.label, " (", DescribeItem(*older), "), but it had already been "
        "superseded by ", FormatAmount(At(a, newest.front()).norm.value, item.norm.unit),
        " for ", At(a, newest.front()).period.label, " (", absl::StrJoin(newer, "; "), ").");
    findings->push_back(MakeFinding(v1::FINDING_KIND_STALE_FIGURE, v1::SEVERITY_MEDIUM, a,
                                    "undated", members, std::move(explanation)));
  }
  return stale;
}

// Undated figures are compared when published within this many days of each other;
// further apart, a different value is taken as a change over time.
constexpr int kUndatedWindowDays = 365;

// True when some member of `x` and some member of `y` were published within the window.
// A figure with neither a period nor a publication date cannot be placed in time, so it
// is never held against another undated figure.
bool PublishedClose(const SubjectAnalysis& a, const Cluster& x, const Cluster& y) {
  for (int i : x.members) {
    for (int j : y.members) {
      const auto& pi = At(a, i).period.published;
      const auto& pj = At(a, j).period.published;
      if (pi && pj && std::abs(*pi - *pj) <= kUndatedWindowDays) return true;
    }
  }
  return false;
}

void ReportDisagreement(const SubjectAnalysis& a, const std::string& unit,
                        const ClaimPeriod& period, const std::vector<Cluster>& clusters,
                        std::vector<v1::Finding>* findings) {
  if (clusters.size() < 2) return;
  const std::string& label = period.label;
  size_t ref = ReferenceCluster(clusters);
  std::vector<size_t> slips;
  std::vector<size_t> contradictions;
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (c == ref) continue;
    if (!period.stated() && !PublishedClose(a, clusters[ref], clusters[c])) continue;
    if (ScaleSlipExponent(clusters[ref].common, clusters[c].common)) {
      slips.push_back(c);
    } else {
      contradictions.push_back(c);
    }
  }
  const Cluster& reference = clusters[ref];
  std::string ref_text = DescribeCluster(a, reference, unit);
  if (!slips.empty()) {
    std::vector<int> members = reference.members;
    std::vector<std::string> parts;
    for (size_t c : slips) {
      members.insert(members.end(), clusters[c].members.begin(), clusters[c].members.end());
      double ratio = ClusterValue(reference) / ClusterValue(clusters[c]);
      parts.push_back(absl::StrCat(DescribeCluster(a, clusters[c], unit), ", a factor of ",
                                   FormatAmount(ratio >= 1 ? ratio : 1 / ratio, ""),
                                   ratio >= 1 ? " smaller" : " larger"));
    }
    std::string explanation = absl::StrCat(
        "Scale slip in ", SubjectName(a.subject), " (", label, "): ",
        absl::StrJoin(parts, "; and "), ", against ", ref_text,
        ". A ratio this close to a power of 1,000 suggests a million/billion (or "
        "thousand/million) mix-up rather than a different figure.");
    findings->push_back(MakeFinding(v1::FINDING_KIND_SCALE_SLIP, v1::SEVERITY_HIGH, a, label,
                                    members, std::move(explanation)));
  }
  if (!contradictions.empty()) {
    std::vector<int> members = reference.members;
    std::vector<std::string> parts;
    double gap = 0;
    for (size_t c : contradictions) {
      members.insert(members.end(), clusters[c].members.begin(), clusters[c].members.end());
      gap = std::max(gap, RelativeGap(reference.common, clusters[c].common));
      parts.push_back(DescribeCluster(a, clusters[c], unit));
    }
    v1::Severity severity = gap > 0.2 ? v1::SEVERITY_HIGH
                            : gap > 0.05 ? v1::SEVERITY_MEDIUM
                                         : v1::SEVERITY_LOW;
    if (AnyHedged(a, members)) severity = Downgrade(severity);
    std::string explanation = absl::StrCat(
        "Contradiction in ", SubjectName(a.subject), " (", label, "): ", ref_text,
        "; but ", absl::StrJoin(parts, "; and "),
        ". The intervals allowed by rounding and stated approximation do not overlap (gap ",
        FormatAmount(std::round(gap * 1000) / 10, "percent"), " of the larger figure).");
    findings->push_back(MakeFinding(v1::FINDING_KIND_CONTRADICTION, severity, a, label,
                                    members, std::move(explanation)));
  }
}

}  // namespace

void CheckAgreement(const SubjectAnalysis& a, std::vector<v1::Finding>* findings) {
  std::set<int> stale = CheckStale(a, findings);
  for (const Bucket& bucket : a.buckets) {
    std::vector<int> members;
    for (int i : bucket.members) {
      if (!stale.count(i)) members.push_back(i);
    }
    if (members.size() < 2) continue;
    if (members.size() == bucket.members.size()) {
      ReportDisagreement(a, bucket.unit, bucket.period, bucket.clusters, findings);
    } else {
      ReportDisagreement(a, bucket.unit, bucket.period, ClusterItems(a, members), findings);
    }
  }
}

void CheckUnits(const SubjectAnalysis& a, std::vector<v1::Finding>* findings) {
  for (const Bucket& bucket : a.buckets) {
    if (bucket.unit == a.unit) continue;
    std::vector<int> others;
    for (size_t i = 0; i < a.items.size(); ++i) {
      const Item& item = a.items[i];
      if (item.norm.unit != a.unit) continue;
      for (int m : bucket.members) {
        if (SamePeriod(item.period, At(a, m).period)) {
          others.push_back(static_cast<int>(i));
          break;
        }
      }
    }
    if (others.empty()) continue;
    std::vector<std::string> mine;
    std::vector<std::string> theirs;
    for (int m : bucket.members) mine.push_back(DescribeItem(At(a, m)));
    for (int o : others) theirs.push_back(DescribeItem(At(a, o)));
    std::vector<int> members = bucket.members;
    members.insert(members.end(), others.begin(), others.end());
    std::string explanation = absl::StrCat(
        "Unit mismatch in ", SubjectName(a.subject), " (", bucket.period.label, "): ",
        absl::StrJoin(mine, "; "), " is in ", bucket.unit.empty() ? "no unit" : bucket.unit,
        ", which cannot be converted to ", a.unit.empty() ? "a bare number" : a.unit,
        " used by ", absl::StrJoin(theirs, "; "),
        ". The figures may measure different things (percent against percentage points, "
        "an amount against a count).");
    findings->push_back(MakeFinding(v1::FINDING_KIND_UNIT_MISMATCH, v1::SEVERITY_MEDIUM, a,
                                    bucket.period.label, members, std::move(explanation)));
  }
}

void CheckPeriods(const SubjectAnalysis& a, std::vector<v1::Finding>* findings) {
  auto additive = [&](const Bucket& b) {
    for (int i : b.members) {
      switch (At(a, i).claim->quantity().type()) {
        case v1::QUANTITY_TYPE_MONEY:
        case v1::QUANTITY_TYPE_COUNT:
        case v1::QUANTITY_TYPE_NUMBER:
          break;
        default:
          return false;
      }
    }
    return true;
  };
  for (size_t x = 0; x < a.buckets.size(); ++x) {
    const Bucket& bx = a.buckets[x];
    if (!bx.period.stated() || bx.period.forecast || !additive(bx)) continue;
    for (size_t y = x + 1; y < a.buckets.size(); ++y) {
      const Bucket& by = a.buckets[y];
      if (by.unit != bx.unit || by.period.forecast || !additive(by) ||
          !NestedOrOverlapping(bx.period, by.period)) {
        continue;
      }
      for (const Cluster& cx : bx.clusters) {
        for (const Cluster& cy : by.clusters) {
          if (!Overlaps(cx.common, cy.common)) continue;
          std::string label = absl::StrCat(bx.period.label, " vs ", by.period.label);
          std::vector<int> members = cx.members;
          members.insert(members.end(), cy.members.begin(), cy.members.end());
          std::string explanation = absl::StrCat(
              "Period mismatch in ", SubjectName(a.subject), ": the same figure, ",
              FormatInterval(Intersect(cx.common, cy.common), bx.unit), ", is given for ",
              bx.period.label, " (", DescribeCluster(a, cx, bx.unit), ") and for ",
              by.period.label, " (", DescribeCluster(a, cy, by.unit), "). One period ",
              "lies within or overlaps the other, so an additive figure cannot be equal for "
              "both unless the rest of the longer period was zero: one source has probably "
              "attached the figure to the wrong period.");
          findings->push_back(MakeFinding(v1::FINDING_KIND_PERIOD_MISMATCH,
                                          v1::SEVERITY_MEDIUM, a, label, members,
                                          std::move(explanation)));
        }
      }
    }
  }
}

void CheckSingleSource(const SubjectAnalysis& a, std::vector<v1::Finding>* findings) {
  for (const Bucket& bucket : a.buckets) {
    for (const Cluster& cluster : bucket.clusters) {
      if (cluster.members.size() < 2 || cluster.sources != 1) continue;
      std::set<std::string> documents;
      bool quoted = false;
      for (int i : cluster.members) {
        documents.insert(At(a, i).claim->provenance().document_id());
        quoted = quoted || At(a, i).claim->provenance().is_quotation();
      }
      if (documents.size() < 2 && !quoted) continue;  // one text restating itself
      std::string explanation = absl::StrCat(
          "Single source for ", SubjectName(a.subject), " (", bucket.period.label, "): ",
          cluster.members.size(), " claims in ", documents.size(),
          documents.size() == 1 ? " document" : " documents", " state ",
          FormatInterval(cluster.common, bucket.unit),
          ", but they are copies or quotations of one text, so they count as one "
          "independent source, not as corroboration: ",
          DescribeCluster(a, cluster, bucket.unit), ".");
      findings->push_back(MakeFinding(v1::FINDING_KIND_SINGLE_SOURCE, v1::SEVERITY_INFO, a,
                                      bucket.period.label, cluster.members,
                                      std::move(explanation)));
    }
  }
}

}  // namespace claimcheck
