// Subject keys: the string the reconciler groups claims by.
//
// Two claims are about the same thing when they name the same entity, the same metric
// and the same qualifiers ("Big Fund III" / "investment" / recipient "Piotech Jianke").
// The key is those parts after canonicalisation (aliases and metric synonyms already
// applied by the extractor), each normalised here: ASCII letters lower-cased,
// typographic apostrophes and dashes made ASCII, runs of whitespace collapsed to one
// space, ends trimmed, and any '|' replaced by a space; then joined by "|":
//
//   "big fund iii|investment|piotech jianke"
//
// Qualifiers keep the order they are given in (the extractor always emits them in a
// fixed role order), and empty qualifier values are skipped.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_SUBJECT_KEY_H_
#define CLAIMCHECK_CLAIMS_SUBJECT_KEY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// One part of a key, normalised as described above. Never fails; "" stays "".
std::string NormalizeKeyPart(absl::string_view text);

// NormalizeKeyPart(text) appended to `*out`.
void AppendNormalizedKeyPart(absl::string_view text, std::string* out);

// NormalizeKeyPart(text) written at `out`, which has room for text.size() bytes (the
// normal form is never longer). Returns the end of what it wrote.
char* WriteNormalizedKeyPart(absl::string_view text, char* out);

// True when NormalizeKeyPart(text) == text: no ASCII capital, no '|', no whitespace but
// single inner spaces, and no byte a typographic quote, dash or no-break space starts
// with. A cheap test that lets lookups of already normalised words skip the copy.
bool IsNormalizedKeyPart(absl::string_view text);

// The key for an entity, a metric and qualifier values, in that order.
std::string MakeSubjectKey(absl::string_view entity, absl::string_view metric,
                           const std::vector<std::string>& qualifier_values);

// The key of a Subject from its entity, metric and qualifiers' values (the `key` field
// itself is ignored). Use it to fill or re-check Subject.key.
std::string SubjectKey(const v1::Subject& subject);

// Sets subject->key to SubjectKey(*subject), written in place into the field's existing
// string (its memory reused). Never fails.
void SetSubjectKey(v1::Subject* subject);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_SUBJECT_KEY_H_
