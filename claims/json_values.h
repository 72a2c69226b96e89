// The values of canonical proto3 JSON, written exactly as protobuf's own printer
// (util::MessageToJsonString) writes them: strings with protobuf's escaping (including
// \u003c, \u003e and the code points JavaScript treats specially), doubles in the
// shortest of %.15g / %.17g that reads back, Timestamps in RFC 3339 with 0, 3, 6 or 9
// fractional digits. The message printers (json_printer.h, claim_json.h) build on them.
//
// Thread-safe: pure functions (the Timestamp writer remembers per thread).
#ifndef CLAIMCHECK_CLAIMS_JSON_VALUES_H_
#define CLAIMCHECK_CLAIMS_JSON_VALUES_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

// Each value has a writer into a caller's buffer, which must hold at least the bound
// given beside it (the writer returns the end of what it wrote, or null having refused
// the value), and an appender to a string.

// The longest a string of `n` bytes can become: each byte an escaped control character
// ("\u0000"), plus the quotes.
constexpr size_t MaxJsonStringSize(size_t n) { return 6 * n + 2; }
constexpr size_t kMaxJsonDoubleSize = 32;
constexpr size_t kMaxJsonTimestampSize = 34;
constexpr size_t kMaxDecimalSize = 20;

// `s` quoted and escaped. Refused when `s` is not valid UTF-8, as protobuf's printer
// refuses it.
char* WriteJsonString(absl::string_view s, char* out);
bool AppendJsonString(absl::string_view s, std::string* out);

// WriteJsonString of a std::string, faster for a short one: when its storage holds 16
// bytes (capacity() >= 15: room for capacity() bytes and the terminator), a string of
// fewer than 16 bytes with nothing to escape is read and written as one 16-byte block,
// one of 16 to 31 bytes as two overlapping blocks.
// It may write up to kJsonStringSlack bytes past the end it returns: the buffer needs
// room for MaxJsonStringSize(s.size()) + kJsonStringSlack bytes.
constexpr size_t kJsonStringSlack = 16;
char* WriteJsonStdString(const std::string& s, char* out);

// `v` as protobuf prints it. Refused for infinities and NaN (which protobuf prints as
// quoted words: the callers leave those records to protobuf).
char* WriteJsonDouble(double v, char* out);
bool AppendJsonDouble(double v, std::string* out);

// `v` in decimal digits, unquoted (as 32-bit integers are printed; 64-bit ones are
// quoted). Never refused.
char* WriteDecimal(uint64_t v, char* out);

// A google.protobuf.Timestamp, quoted. Refused outside years 1..9999 or for nanos outside
// [0, 10^9). The text of the last one written is remembered (one per thread): the claims
// of a document come one after another with its publication time.
char* WriteJsonTimestamp(int64_t seconds, int32_t nanos, char* out);
bool AppendJsonTimestamp(int64_t seconds, int32_t nanos, std::string* out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_JSON_VALUES_H_
