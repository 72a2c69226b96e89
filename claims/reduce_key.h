// Reduce keys: how `extract --keyed` shards claims so a MapReduce shuffle brings together
// everything `reconcile --keyed` must see at once.
//
// The reconciler compares claims within a subject (entity, metric, qualifiers), but two
// of its checks relate different subjects of one entity (reconcile/arithmetic.h):
//   * a growth subject ("smic|revenue_growth") and its level subject ("smic|revenue"),
//     paired when lower(entity), the base metric and the qualifiers match;
//   * a part ("big fund iii|capital_contribution|ministry of finance") and its total
//     ("big fund iii|capital_contribution"), paired when lower(entity) and the metric
//     match.
// No check relates different entities. So the reduce key is the entity part of the
// subject key (claims/subject_key.h) with the '|' that ends it: the canonical entity
// normalised by NormalizeKeyPart (ASCII lower case, typographic quotes and dashes made
// ASCII, whitespace collapsed, '|' made a space), any remaining control byte made a
// space, then '|':
//
//   "Big Fund III" -> "big fund iii|"       "SMIC" -> "smic|"       "" -> "|"
//
// Every subject key of the entity begins with its reduce key, so reduce keys in byte
// order visit subjects in subject-key order, the order the in-memory reconciler reports
// in ("abc def|" sorts before "abc|" exactly as "abc def|revenue" before "abc|revenue";
// a key without the '|' would sort "abc" first).
//
// Why this gives the in-memory findings exactly:
//   * the pairing rules need equal lower-cased, trimmed entity fields, and equal fields
//     give equal reduce keys (NormalizeKeyPart only coarsens), so every pair meets;
//   * a subject group (reconcile/grouper.h GroupKey: the lower-cased Subject.key) stays
//     whole whenever Subject.key is the one claims/subject_key.h SubjectKey makes from the
//     fields, which `extract` always writes, or is empty. A claim from another tool whose
//     Subject.key names one entity and whose entity field names another may land in a
//     different reduce group from its subject's other claims; `reconcile --keyed` reports
//     such a split subject as a problem.
// Aliases are already resolved by the extractor (the entity field is canonical), so
// nothing else is needed. The cost is reduce groups as large as an entity's claims over
// all metrics, rather than one subject's.
//
// Shuffle safety: the key never holds a tab, newline or other control byte, so a line
// "KEY\tJSON" splits at its first tab, and a whole-line byte sort (LC_ALL=C sort, or a
// Hadoop Streaming / Spark shuffle on the key) leaves equal keys adjacent: '\t' sorts
// below every byte a key can hold, so one key's lines cannot interleave with a longer
// key's. An empty entity gives the key "|" (all entity-less claims in one group).
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_REDUCE_KEY_H_
#define CLAIMCHECK_CLAIMS_REDUCE_KEY_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// The reduce key of a claim: ReduceKeyOfEntity(claim.subject().entity()). Never fails.
std::string ReduceKey(const v1::Claim& claim);

// The reduce key of an entity name, as described above. "|" for an empty or blank name.
std::string ReduceKeyOfEntity(absl::string_view entity);

// Appends "KEY\t" to *out: the prefix of a keyed line, before the claim's JSON.
void AppendReduceKeyPrefix(const v1::Claim& claim, std::string* out);

// Splits a keyed line (without its newline) at its first tab into *key and *record.
// Returns InvalidArgument ("expected KEY<TAB>CLAIM") when the line has no tab.
absl::Status SplitKeyedLine(absl::string_view line, absl::string_view* key,
                            absl::string_view* record);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_REDUCE_KEY_H_
