// A fast printer of protobuf messages as canonical proto3 JSON.
//
// protobuf's own printer (util::MessageToJsonString) first serialises the message to
// binary, then walks the bytes through a type resolver and a chain of object writers:
// several allocations per field, and it dominates `claimcheck extract` on JSON Lines.
// This printer walks the message by reflection and writes straight into a string. Its
// output is byte-for-byte what MessageToJsonString prints with
// preserve_proto_field_names = true (field-number order, defaults omitted, enums by
// name, 64-bit integers quoted, doubles in shortest round-trip %g form, protobuf's
// string escaping including \u003c and \u003e, Timestamps in RFC 3339).
//
// It declines what it does not handle identically -- maps, bytes, floats, groups,
// well-known types other than Timestamp, non-finite doubles, strings that are not
// valid UTF-8, out-of-range Timestamps -- so the caller can fall back to protobuf's
// printer for those records. Thread-safe.
#ifndef CLAIMCHECK_CLAIMS_JSON_PRINTER_H_
#define CLAIMCHECK_CLAIMS_JSON_PRINTER_H_

#include <string>

#include "google/protobuf/message.h"

namespace claimcheck {

// Appends the JSON of `message` (one line, no trailing newline) to `*out` and returns
// true. Returns false, with `*out` restored to its previous contents, when the message
// holds something this printer declines (see above).
bool AppendJsonFast(const google::protobuf::Message& message, std::string* out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_JSON_PRINTER_H_
