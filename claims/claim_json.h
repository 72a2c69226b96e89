// Claim records as JSON without reflection.
//
// `claimcheck extract` writes one JSON line per claim, and the reflective printer
// (json_printer.h) spends most of its time asking protobuf's Reflection whether each of
// a claim's ~50 fields is set and where it lives. This printer walks a v1::Claim through
// its generated accessors instead and writes exactly the bytes AppendJsonFast (and so
// protobuf's MessageToJsonString with preserve_proto_field_names) writes: fields in
// number order, proto3 defaults omitted, present sub-messages always, enums by name.
//
// It declines, like AppendJsonFast, claims it cannot print identically (unknown fields,
// strings that are not UTF-8, non-finite doubles, Timestamps out of range). The test
// fills every field of the schema by reflection and compares with the reflective
// printer, so a field added to claim.proto fails it until it is printed here.
//
// The claims of a document come one after another and share its fields (document id,
// address, title, publication time): their text is remembered, one per thread, and
// reused while they stay the same.
//
// Thread-safe.
#ifndef CLAIMCHECK_CLAIMS_CLAIM_JSON_H_
#define CLAIMCHECK_CLAIMS_CLAIM_JSON_H_

#include <string>

#include "proto/claim.pb.h"

namespace claimcheck {

// Appends the JSON of `claim` (one line, no newline) to `*out` and returns true; returns
// false with `*out` as it was when the claim holds something it declines (see above).
bool AppendClaimJson(const v1::Claim& claim, std::string* out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_CLAIM_JSON_H_
