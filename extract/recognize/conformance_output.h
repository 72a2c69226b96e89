// Recognizer output in the conformance format of ../shared/conformance/score.py, the
// Recognizers-Text convention: each mention as {"text","start","end","type","value",
// "unit","iso_currency","low","high","bound","timex"} with start/end in Unicode code
// points and end INCLUSIVE; one {"id","found":[...]} line per case.
//
// Recognizers-Text has one model per kind of mention, so a caller may ask for some types
// only: "number" lists every number inside every figure ("$20" gives 20, "3 years" gives
// 3; a number glued to its unit, "180ml", is not a number there), "percentage",
// "currency", "dimension", "temperature", "duration" list whole figures, "datetime" the
// time scopes. Values are as written ("50 cents" is 50 Cent); a range reports its upper
// end, as Recognizers-Text does.
//
// Used by `claimcheck quantities --jsonl` and the conformance tests. Thread-safe.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_CONFORMANCE_OUTPUT_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_CONFORMANCE_OUTPUT_H_

#include <optional>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"

namespace claimcheck {

struct ConformanceCase {
  std::string id;
  std::string input;
  std::optional<absl::CivilDay> reference;  // from "reference_time" (date part), if any
};

// Parses one case line. Returns InvalidArgument (with protobuf's JSON message) when the
// line is not a JSON object; missing fields are left empty.
absl::StatusOr<ConformanceCase> ParseConformanceCase(absl::string_view line);

// The output line (no trailing newline) for one case. `types` empty means every type.
std::string ConformanceLine(const ConformanceCase& c, const QuantityRecognizer& quantities,
                            const TimeRecognizer& times,
                            const absl::flat_hash_set<std::string>& types);

// `s` with each invalid UTF-8 byte replaced by U+FFFD.
std::string ValidUtf8(absl::string_view s);

// A JSON number: integers without a fraction, others with 15 significant digits; "null"
// for NaN and infinities.
std::string JsonNumber(double v);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_CONFORMANCE_OUTPUT_H_
