#include "reconcile/claim_layout.h"

#include <cstring>

#include "google/protobuf/io/coded_stream.h"

namespace claimcheck {
namespace {

// Reads a varint at *p (before end) into *value and advances *p; false when truncated.
bool ReadVarint(const uint8_t** p, const uint8_t* end, uint64_t* value) {
  *value = 0;
  for (int shift = 0; *p < end && shift < 64; shift += 7) {
    uint8_t b = *(*p)++;
    *value |= static_cast<uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

// Skips the value of a field with wire type `wire` at *p; false when it cannot (a group,
// an unknown wire type, or truncated bytes).
bool SkipValue(uint64_t wire, const uint8_t** p, const uint8_t* end) {
  uint64_t value = 0;
  switch (wire) {
    case 0:
      return ReadVarint(p, end, &value);
    case 1:
      if (end - *p < 8) return false;
      *p += 8;
      return true;
    case 2:
      if (!ReadVarint(p, end, &value) || value > static_cast<uint64_t>(end - *p)) return false;
      *p += value;
      return true;
    case 5:
      if (end - *p < 4) return false;
      *p += 4;
      return true;
    default:
      return false;
  }
}

void AppendVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

constexpr uint8_t kProvenanceTag = (5 << 3) | 2;  // Claim.provenance, length-delimited

// True for the Provenance fields only findings read (findings.h DescribeItem): uri (2),
// title (3) and sentence (9), the bulk of a claim's text.
bool IsDetailField(uint64_t number) { return number == 2 || number == 3 || number == 9; }

}  // namespace

absl::string_view SubjectRecord(const v1::Claim& claim, const uint8_t* bytes, size_t size) {
  if (!claim.has_subject()) return {};
  size_t at = 0;
  if (!claim.id().empty()) {
    at = 1 + google::protobuf::io::CodedOutputStream::VarintSize32(
                 static_cast<uint32_t>(claim.id().size())) +
         claim.id().size();
  }
  constexpr uint8_t kSubjectTag = (2 << 3) | 2;  // field 2, length-delimited
  if (at >= size || bytes[at] != kSubjectTag) return {};
  uint64_t length = 0;
  size_t i = at + 1;
  for (int shift = 0; i < size && shift < 35; shift += 7) {
    uint8_t b = bytes[i++];
    length |= static_cast<uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) {
      if (length > size - i) return {};
      return absl::string_view(reinterpret_cast<const char*>(bytes) + at, i - at + length);
    }
  }
  return {};
}

size_t MoveDetailLast(uint8_t* bytes, size_t size, std::string* core, std::string* detail,
                      size_t* core_size) {
  *core_size = size;
  const uint8_t* end = bytes + size;
  const uint8_t* p = bytes;
  uint8_t* provenance = nullptr;  // its tag
  const uint8_t* body = nullptr;
  const uint8_t* body_end = nullptr;
  while (p < end) {
    const uint8_t* field = p;
    uint64_t tag = 0;
    if (!ReadVarint(&p, end, &tag)) return size;
    if (tag == kProvenanceTag) {
      if (provenance != nullptr) return size;  // a second one: not ours to rearrange
      uint64_t length = 0;
      if (!ReadVarint(&p, end, &length) || length > static_cast<uint64_t>(end - p)) {
        return size;
      }
      provenance = bytes + (field - bytes);
      body = p;
      body_end = p + length;
      p = body_end;
    } else if (!SkipValue(tag & 7, &p, end)) {
      return size;
    }
  }
  if (provenance == nullptr) return size;
  // Split the provenance's fields into core and detail, each in field order.
  core->clear();
  detail->clear();
  for (p = body; p < body_end;) {
    const uint8_t* field = p;
    uint64_t tag = 0;
    if (!ReadVarint(&p, body_end, &tag) || !SkipValue(tag & 7, &p, body_end)) return size;
    std::string* to = (tag & 7) == 2 && IsDetailField(tag >> 3) ? detail : core;
    to->append(reinterpret_cast<const char*>(field), p - field);
  }
  if (detail->empty()) return size;
  // In place: [before, unchanged][provenance: core][after, moved down][provenance: detail].
  // The core is no longer than the old body, so the bytes after it only move down.
  std::string head;  // tag and length: at most 11 bytes, no allocation
  head.push_back(static_cast<char>(kProvenanceTag));
  AppendVarint(core->size(), &head);
  uint8_t* out = provenance;
  std::memcpy(out, head.data(), head.size());
  out += head.size();
  std::memcpy(out, core->data(), core->size());
  out += core->size();
  const size_t after = static_cast<size_t>(end - body_end);
  std::memmove(out, body_end, after);
  out += after;
  *core_size = static_cast<size_t>(out - bytes);
  head.clear();
  head.push_back(static_cast<char>(kProvenanceTag));
  AppendVarint(detail->size(), &head);
  std::memcpy(out, head.data(), head.size());
  out += head.size();
  std::memcpy(out, detail->data(), detail->size());
  out += detail->size();
  return static_cast<size_t>(out - bytes);
}

}  // namespace claimcheck
