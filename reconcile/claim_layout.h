// Claim layout: how the reconciler stores a serialised claim so that it can read back
// only what it needs.
//
// The reconciler keeps every added claim as protobuf bytes until Finish. Two facts about
// those bytes let it store less and parse less:
//   * the generated serialiser writes fields in field-number order, so a claim's Subject
//     (field 2) sits right after its id (field 1). SubjectRecord finds it; the reconciler
//     keeps it once per subject and drops it from the subject's other claims when it is
//     byte-for-byte the same;
//   * a message field that occurs twice is merged by the parser. MoveDetailLast splits
//     the Provenance into two occurrences, the second (last) holding the uri, title and
//     sentence, which only findings' explanations quote. Parsing the whole record gives
//     the claim back exactly; parsing the part before the second occurrence gives the
//     claim without them, which is all most subjects need.
// Both functions leave the bytes alone when they are not laid out as expected (unknown
// wire types, a repeated Provenance): the claim is then stored and read whole.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_RECONCILE_CLAIM_LAYOUT_H_
#define CLAIMCHECK_RECONCILE_CLAIM_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

// The Subject field (tag, length and message) inside bytes[0, size), which must be
// `claim` as serialised by the generated code. Empty when the claim has no subject or
// the bytes are not laid out as expected.
absl::string_view SubjectRecord(const v1::Claim& claim, const uint8_t* bytes, size_t size);

// How many bytes MoveDetailLast may add.
constexpr size_t kDetailSlack = 8;

// Rewrites the serialised Claim in bytes[0, size) in place as
// [claim with its Provenance minus uri, title, sentence][Provenance: those three], and
// returns the new size (at most size + kDetailSlack: `bytes` must have room for that).
// *core_size is set to the length of the first part. When the Provenance has none of
// the three, or the bytes are not laid out as expected, the bytes are left alone and
// *core_size = size is returned. `core` and `detail` are scratch buffers.
size_t MoveDetailLast(uint8_t* bytes, size_t size, std::string* core, std::string* detail,
                      size_t* core_size);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_CLAIM_LAYOUT_H_
