// Subject analysis: the claims of one subject, normalised, bucketed and clustered.
//
// Every check works on the same view of a subject, built once:
//   * each claim becomes an Item: its period (period.h), its canonical unit, and its
//     interval expressed in the subject's unit (the unit most of its claims use; money in
//     other currencies is converted at the rate of the figure's year, normalizer.h);
//   * items are tied to independent sources: claims from one document, and a quotation
//     with the claim it quotes (Provenance.is_quotation / first_appearance_claim_id), are
//     one source. Agreement among copies of one text is never corroboration;
//   * items that cannot be put in the subject's unit keep their own unit and are
//     compared only with items of that unit.
// Buckets hold items of one unit about one period (periods as in period.h: identical
// stated ranges, or "undated"), and clusters split a bucket into groups of items whose
// intervals all overlap: one cluster means the sources agree, two or more mean they do
// not.
//
// Not thread-safe: plain data; build one per subject.
#ifndef CLAIMCHECK_RECONCILE_SUBJECT_H_
#define CLAIMCHECK_RECONCILE_SUBJECT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"
#include "reconcile/normalizer.h"
#include "reconcile/period.h"
#include "reconcile/tolerance.h"

namespace claimcheck {

struct Item {
  const v1::Claim* claim = nullptr;
  ClaimPeriod period;
  std::string own_unit;   // CanonicalUnit of the claim
  Normalized norm;        // in the subject unit when in_subject_unit, else in own_unit
  bool in_subject_unit = false;
  int source = 0;         // equal for copies of one text
};

// Items that agree: their intervals share a common part.
struct Cluster {
  std::vector<int> members;  // item indices, in item order
  Interval common;           // intersection of the members' intervals
  int sources = 0;           // independent sources among the members
};

struct Bucket {
  std::string unit;
  ClaimPeriod period;        // of the first member
  std::vector<int> members;  // item indices, in item order
  std::vector<Cluster> clusters;
};

struct SubjectAnalysis {
  std::string key;
  v1::Subject subject;    // of the first claim
  std::string unit;       // the subject unit
  std::vector<Item> items;  // ordered by publication day, then claim id
  std::vector<Bucket> buckets;  // ordered by unit, then period (undated last)
};

// Builds the analysis of one subject from its claims (all with GroupKey == key). Only
// the first claim's Subject is read (SubjectAnalysis.subject); the others' may be empty.
// Pointers must outlive the result. Problems (unparseable scopes, unknown currencies)
// are appended to *problems, each naming the claim id; the claims are still used.
SubjectAnalysis AnalyzeSubject(const std::string& key,
                               const std::vector<const v1::Claim*>& claims,
                               const Normalizer& normalizer,
                               std::vector<std::string>* problems);

// The same into *analysis, replacing its contents but reusing its vectors' storage: for
// a caller analysing many subjects one after another with one SubjectAnalysis.
void AnalyzeSubject(absl::string_view key, const std::vector<const v1::Claim*>& claims,
                    const Normalizer& normalizer, std::vector<std::string>* problems,
                    SubjectAnalysis* analysis);

// Splits `members` (item indices) into clusters of mutually agreeing items: sorted by
// the low end of their intervals, each item joins the current cluster while it overlaps
// the cluster's common part. Deterministic; clusters come out in ascending value.
std::vector<Cluster> ClusterItems(const SubjectAnalysis& analysis,
                                  const std::vector<int>& members);

// The number of independent sources among `members`.
int CountSources(const SubjectAnalysis& analysis, const std::vector<int>& members);

// The midpoint of a cluster's common part (its finite end when half-open).
double ClusterValue(const Cluster& cluster);

// The cluster that stands for the accepted figure: the most independent sources, then
// the most claims, then the one holding the earliest-published item. 0 when empty.
size_t ReferenceCluster(const std::vector<Cluster>& clusters);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_SUBJECT_H_
