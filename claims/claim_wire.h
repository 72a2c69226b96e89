// Claim records in protobuf's binary wire format, encoded through generated accessors.
//
// `claimcheck extract --format=binpb` writes one length-delimited Claim per figure.
// protobuf's serializer checks every string field for valid UTF-8 again on each claim
// (the sentence is repeated in every claim of it) and walks the message through out-of-
// line calls; this encoder writes the same bytes directly: fields in number order,
// proto3 defaults omitted, sub-messages length-prefixed. The strings were checked when
// the document was read (extract/read), and protobuf's check only logs, never changes
// the bytes, so nothing is lost by not repeating it.
//
// Claims with unknown fields are declined (protobuf appends those after the known
// fields; the caller falls back to it). The test fills every field of the schema by
// reflection and compares with SerializeAsString, so a field added to claim.proto fails
// it until it is encoded here.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_CLAIM_WIRE_H_
#define CLAIMCHECK_CLAIMS_CLAIM_WIRE_H_

#include <string>

#include "proto/claim.pb.h"

namespace claimcheck {

// True when `claim` or any of its sub-messages holds unknown fields: both claim encoders
// (this one and claim_json.h) decline such claims.
bool ClaimHasUnknownFields(const v1::Claim& claim);

// Appends the varint length of `claim` and then `claim` in wire format (what
// SerializeAsString gives) to `*out`, and returns true; returns false with `*out` as it
// was for a claim with unknown fields or one larger than 2 GiB.
bool AppendClaimDelimited(const v1::Claim& claim, std::string* out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_CLAIM_WIRE_H_
