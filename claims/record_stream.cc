#include "claims/record_stream.h"

#include <cstdint>
#include <typeinfo>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "claims/claim_json.h"
#include "claims/claim_wire.h"
#include "claims/json_printer.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"

namespace claimcheck {
namespace {

constexpr char kTypeUrlPrefix[] = "type.googleapis.com";

}  // namespace

absl::StatusOr<RecordFormat> ParseRecordFormat(absl::string_view name) {
  if (name == "jsonl" || name == "json") return RecordFormat::kJsonLines;
  if (name == "binpb" || name == "binary") return RecordFormat::kBinary;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown record format '", name, "' (expected jsonl or binpb)"));
}

RecordFormat DetectRecordFormat(absl::string_view data) {
  for (char c : data) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{' ? RecordFormat::kJsonLines : RecordFormat::kBinary;
  }
  return RecordFormat::kBinary;
}

absl::StatusOr<std::string> RecordToJson(const google::protobuf::Message& record,
                                         JsonLayout layout) {
  std::string fast;
  if (layout == JsonLayout::kOneLine && AppendJsonFast(record, &fast)) return fast;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = layout == JsonLayout::kIndented;
  // protobuf's printer works from the binary form; serialised in the default way, map
  // entries come out in hash order. Serialising deterministically puts them in key order.
  std::string binary;
  {
    google::protobuf::io::StringOutputStream raw(&binary);
    google::protobuf::io::CodedOutputStream coded(&raw);
    coded.SetSerializationDeterministic(true);
    if (!record.SerializeToCodedStream(&coded)) {
      return absl::InternalError("cannot serialise record for JSON");
    }
  }
  static google::protobuf::util::TypeResolver* const resolver =
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          kTypeUrlPrefix, google::protobuf::DescriptorPool::generated_pool());
  std::string json;
  auto status = google::protobuf::util::BinaryToJsonString(
      resolver, absl::StrCat(kTypeUrlPrefix, "/", record.GetDescriptor()->full_name()),
      binary, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot write JSON: ", status.ToString()));
  }
  return json;
}

absl::Status RecordFromJson(absl::string_view json, google::protobuf::Message* record) {
  record->Clear();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), record, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return absl::OkStatus();
}

absl::Status AppendRecord(const google::protobuf::Message& record, RecordFormat format,
                          std::string* out) {
  // Claims, the bulk of every stream, have encoders of their own (claim_json.h,
  // claim_wire.h). The generated class is final: the exact type tells (a comparison of
  // type_info, where dynamic_cast walks the class hierarchy).
  const auto* claim = typeid(record) == typeid(v1::Claim)
                          ? static_cast<const v1::Claim*>(&record)
                          : nullptr;
  if (format == RecordFormat::kJsonLines) {
    if (claim != nullptr ? AppendClaimJson(*claim, out) : AppendJsonFast(record, out)) {
      out->push_back('\n');
      return absl::OkStatus();
    }
    auto json = RecordToJson(record);
    if (!json.ok()) return json.status();
    absl::StrAppend(out, *json, "\n");
    return absl::OkStatus();
  }
  if (claim != nullptr && AppendClaimDelimited(*claim, out)) return absl::OkStatus();
  size_t size = record.ByteSizeLong();
  if (size > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError("record larger than 2 GiB");
  }
  // Straight into the string: one resize, no output stream growing (and zero-filling)
  // the buffer to its capacity on every call.
  const size_t start = out->size();
  const size_t header = google::protobuf::io::CodedOutputStream::VarintSize32(
      static_cast<uint32_t>(size));
  out->resize(start + header + size);
  uint8_t* p = reinterpret_cast<uint8_t*>(&(*out)[start]);
  p = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(static_cast<uint32_t>(size), p);
  uint8_t* end = record.SerializeWithCachedSizesToArray(p);
  if (end != p + size) {
    out->resize(start);
    return absl::InternalError("cannot serialise record");
  }
  return absl::OkStatus();
}

size_t ReadRecords(absl::string_view data, RecordFormat format, absl::string_view name,
                   google::protobuf::Message* scratch,
                   const std::function<void()>& on_record,
                   const std::function<void(const std::string&)>& on_problem) {
  size_t count = 0;
  if (format == RecordFormat::kJsonLines) {
    size_t line_no = 0;
    size_t pos = 0;
    while (pos < data.size()) {
      size_t eol = data.find('\n', pos);
      if (eol == absl::string_view::npos) eol = data.size();
      absl::string_view line = absl::StripAsciiWhitespace(data.substr(pos, eol - pos));
      ++line_no;
      pos = eol + 1;
      if (line.empty()) continue;
      absl::Status s = RecordFromJson(line, scratch);
      if (!s.ok()) {
        on_problem(absl::StrCat(name, ":", line_no, ": ", s.message()));
        continue;
      }
      ++count;
      on_record();
    }
    return count;
  }
  google::protobuf::io::ArrayInputStream raw(data.data(), static_cast<int>(data.size()));
  google::protobuf::io::CodedInputStream coded(&raw);
  coded.SetTotalBytesLimit(INT32_MAX);
  while (true) {
    int64_t offset = coded.CurrentPosition();
    if (static_cast<size_t>(offset) >= data.size()) break;
    uint32_t size = 0;
    if (!coded.ReadVarint32(&size)) {
      on_problem(absl::StrCat(name, ": byte ", offset, ": truncated record size"));
      break;
    }
    if (size > data.size() - static_cast<size_t>(coded.CurrentPosition())) {
      on_problem(absl::StrCat(name, ": byte ", offset, ": record of ", size,
                              " bytes runs past the end of the data"));
      break;
    }
    auto limit = coded.PushLimit(static_cast<int>(size));
    scratch->Clear();
    bool ok = scratch->ParseFromCodedStream(&coded) && coded.ConsumedEntireMessage();
    coded.PopLimit(limit);
    if (!ok) {
      on_problem(absl::StrCat(name, ": byte ", offset, ": malformed record"));
      break;
    }
    ++count;
    on_record();
  }
  return count;
}

}  // namespace claimcheck
