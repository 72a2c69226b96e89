// Record streams: how claims (and the other records) are written to and read from files.
//
// Two framings, both readable by any program that has only the .proto files:
//   * kBinary: length-delimited binary protobuf. Each record is preceded by its size in
//     bytes as a base-128 varint, exactly protobuf's writeDelimitedTo() /
//     ParseDelimitedFromZeroCopyStream() framing. An empty file holds no records.
//   * kJsonLines: one record per line in protobuf's canonical JSON mapping, with the
//     .proto field names (snake_case) kept. Parsers also accept lowerCamelCase names.
// Both round-trip every field unchanged.
//
// These functions work on memory only; the CLI owns files. Thread-safe: no shared state.
#ifndef CLAIMCHECK_CLAIMS_RECORD_STREAM_H_
#define CLAIMCHECK_CLAIMS_RECORD_STREAM_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace claimcheck {

enum class RecordFormat { kJsonLines, kBinary };

// Parses a format name: "jsonl" (or "json") and "binpb" (or "binary").
// Returns InvalidArgument naming the accepted names otherwise.
absl::StatusOr<RecordFormat> ParseRecordFormat(absl::string_view name);

// Guesses the framing of `data`: JSON Lines when the first non-blank byte is '{',
// binary otherwise (including empty data).
RecordFormat DetectRecordFormat(absl::string_view data);

// Appends `record` to `*out` in `format` (a JSON line ends with '\n').
// Returns an error only if the record cannot be serialised.
absl::Status AppendRecord(const google::protobuf::Message& record, RecordFormat format,
                          std::string* out);

// How RecordToJson lays out its output.
enum class JsonLayout { kOneLine, kIndented };

// The JSON of one record (one line without the trailing newline, or indented for
// people). Deterministic: map entries come out in key order, so the same record always
// gives the same bytes.
absl::StatusOr<std::string> RecordToJson(const google::protobuf::Message& record,
                                         JsonLayout layout = JsonLayout::kOneLine);

// Parses one JSON object into `*record` (cleared first).
absl::Status RecordFromJson(absl::string_view json, google::protobuf::Message* record);

// Reads every record in `data`. For each good record, `on_record` is called with the
// parsed message in `*scratch` (which it may move from). A bad JSON line is reported to
// `on_problem` as "<name>:<line>: <why>" and skipped; the rest are still read. A broken
// binary frame (truncated size or body) is reported as "<name>: byte <offset>: <why>" and
// ends the read, since the framing cannot be resynchronised.
// Returns the number of records read.
size_t ReadRecords(absl::string_view data, RecordFormat format, absl::string_view name,
                   google::protobuf::Message* scratch,
                   const std::function<void()>& on_record,
                   const std::function<void(const std::string&)>& on_problem);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_RECORD_STREAM_H_
