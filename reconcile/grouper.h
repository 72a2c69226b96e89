// Grouper: which claims are about the same thing.
//
// Claims are compared only within a subject: the same entity, metric and qualifiers.
// The extractor has already resolved aliases ("the fund", "China's third Big Fund") to a
// canonical entity name and filled Subject.key; the grouper lower-cases that key so
// "Big Fund III|fund_size" and "big fund iii|fund_size" meet. Claims from other tools
// may leave the key empty; the grouper then builds it from entity, metric and qualifier
// values the same way: "entity|metric|qualifier...", lower case, metric words joined by
// '_' ("fund size" -> "fund_size").
//
// Groups come out sorted by key and, within a group, in input order, so everything
// downstream is deterministic.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_RECONCILE_GROUPER_H_
#define CLAIMCHECK_RECONCILE_GROUPER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// "Revenue Growth" and "revenue-growth" -> "revenue_growth": lower case, runs of spaces,
// hyphens and underscores become one '_', trimmed.
std::string NormalizeMetric(absl::string_view metric);

// The key built from the subject's fields: lower(entity) "|" NormalizeMetric(metric),
// then "|" lower(value) for each qualifier in order.
std::string BuildSubjectKey(const v1::Subject& subject);

// The grouping key: lower(subject.key) with surrounding blanks trimmed, or
// BuildSubjectKey(subject) when the key is empty.
std::string GroupKey(const v1::Subject& subject);

struct SubjectGroup {
  std::string key;
  std::vector<size_t> members;  // indices into the input, ascending
};

// Buckets `keys` (one per claim, from GroupKey) by equal key. Returns the groups sorted
// by key; an empty key is a group of its own like any other.
std::vector<SubjectGroup> GroupByKey(const std::vector<std::string>& keys);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_GROUPER_H_
