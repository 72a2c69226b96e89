// The values of canonical proto3 JSON, written exactly as protobuf's own printer
// (util::MessageToJsonString) writes them: strings with protobuf's escaping (including
// \u003c, \u003e and the code points JavaScript treats specially), doubles in the
// shortest of %.15g / %.17g that reads back, Timestamps in RFC 3339 with 0, 3, 6 or 9
// fractional digits. The message printers (json_printer.h, claim_json.h) build on them.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_JSON_VALUES_H_
#define CLAIMCHECK_CLAIMS_JSON_VALUES_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

// Appends `s` quoted and escaped. Returns false (having appended part of it) when `s` is
// not valid UTF-8, which protobuf's printer rejects too.
bool AppendJsonString(absl::string_view s, std::string* out);

// Appends `v`. Returns false, appending nothing, for infinities and NaN (protobuf prints
// those as quoted words, which the callers leave to protobuf).
bool AppendJsonDouble(double v, std::string* out);

// Appends a google.protobuf.Timestamp, quoted. Returns false, appending nothing, outside
// years 1..9999 or for nanos outside [0, 10^9).
bool AppendJsonTimestamp(int64_t seconds, int32_t nanos, std::string* out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_JSON_VALUES_H_
