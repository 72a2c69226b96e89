// JSON string literals for the hand-written JSON outputs (ClaimReview, conformance
// predictions). Protobuf's printer handles records; this handles everything else.
//
// QuoteJson always produces valid JSON that is also safe inside an HTML <script> block:
// quotes, backslashes and control characters are escaped, '<', '>' and '&' become \u003c,
// \u003e and \u0026, U+2028/U+2029 are escaped, and an invalid UTF-8 byte becomes \ufffd.
//
// Thread-safe: a pure function.
#ifndef CLAIMCHECK_CLAIMS_JSON_STRING_H_
#define CLAIMCHECK_CLAIMS_JSON_STRING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

// `value` as a JSON string literal, quotes included.
std::string QuoteJson(absl::string_view value);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_JSON_STRING_H_
