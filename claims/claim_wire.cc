#include "claims/claim_wire.h"

#include <cstdint>
#include <cstring>

#include "claims/json_values.h"
#include "google/protobuf/message.h"

namespace claimcheck {
namespace {

// Wire types.
constexpr uint32_t kVarint = 0;
constexpr uint32_t kFixed64 = 1;
constexpr uint32_t kDelimited = 2;

size_t VarintSize(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

char* WriteVarint(uint64_t v, char* p) {
  while (v >= 0x80) {
    *p++ = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

uint64_t DoubleBits(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits;
}

// How long a sub-message usually is: most are shorter than 128 bytes (a one-byte
// length); a Provenance holds its sentence and is usually longer (two bytes).
enum class MessageKind { kShort, kLong };

// The encoding is described once per message (Encode* below) for two sinks: Bounder
// adds up at most how many bytes the fields take, Writer writes them. Writer skips proto3
// defaults: empty strings, zero numbers, doubles whose bits are zero (so -0.0 is kept),
// sub-messages that are not present. Enums and int32 are sign-extended to 64 bits, as
// protobuf writes them. Every field number of claim.proto is below 16: one-byte tags.
//
// Bounder counts every field as present and every varint as ten bytes, so its sum is a
// handful of loads and adds (the constants fold) instead of a pass that sizes each field.
class Bounder {
 public:
  size_t size() const { return size_; }
  void String(uint32_t, const std::string& s) { size_ += 1 + 5 + s.size(); }
  void Varint(uint32_t, uint64_t) { size_ += 1 + 10; }
  void Double(uint32_t, double) { size_ += 1 + 8; }
  void OptionalDouble(uint32_t, bool, double) { size_ += 1 + 8; }
  // A sub-message (its default instance when not present: the same fields).
  template <typename Sub, typename Encode>
  void Message(uint32_t, bool, const Sub& m, Encode encode,
               MessageKind = MessageKind::kShort) {
    size_ += 1 + 5;
    encode(m, *this);
  }

 private:
  size_t size_ = 0;
};

// Room the Writer may use past the Bounder's sum: a short string is copied as a block of
// 16 bytes (see Writer::String).
constexpr size_t kWriterSlack = 16;

class Writer {
 public:
  explicit Writer(char* p) : p_(p) {}
  char* end() const { return p_; }
  void String(uint32_t field, const std::string& s) {
    if (s.empty()) return;
    Tag(field, kDelimited);
    const size_t n = s.size();
    if (n < 16 && json_values_internal::StorageHoldsSixteenBytes(s)) {
      // One 16-byte copy instead of a call to memcpy: the string's storage holds 16
      // bytes; the bytes copied past its end are overwritten by what follows, or lie in
      // the slack.
      *p_++ = static_cast<char>(n);
      std::memcpy(p_, s.data(), 16);
      p_ += n;
      return;
    }
    if (n >= 16 && n < 32) {  // two copies of 16 bytes that overlap, inside the string
      *p_++ = static_cast<char>(n);
      char head[16], tail[16];
      std::memcpy(head, s.data(), 16);
      std::memcpy(tail, s.data() + n - 16, 16);
      std::memcpy(p_, head, 16);
      std::memcpy(p_ + n - 16, tail, 16);
      p_ += n;
      return;
    }
    p_ = WriteVarint(n, p_);
    std::memcpy(p_, s.data(), n);
    p_ += n;
  }
  void Varint(uint32_t field, uint64_t v) {
    if (v == 0) return;
    Tag(field, kVarint);
    p_ = WriteVarint(v, p_);
  }
  void Double(uint32_t field, double v) { OptionalDouble(field, DoubleBits(v) != 0, v); }
  void OptionalDouble(uint32_t field, bool has, double v) {
    if (!has) return;
    Tag(field, kFixed64);
    uint64_t bits = DoubleBits(v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::memcpy(p_, &bits, 8);  // already in wire (little-endian) order
    p_ += 8;
#else
    for (int i = 0; i < 8; ++i, bits >>= 8) *p_++ = static_cast<char>(bits & 0xFF);
#endif
  }
  // The sub-message is written after room for the length its kind usually has (see
  // MessageKind) and moved when its length takes another number of bytes: no counting
  // pass. The output was sized by a Bounder.
  template <typename Sub, typename Encode>
  void Message(uint32_t field, bool has, const Sub& m, Encode encode,
               MessageKind kind = MessageKind::kShort) {
    if (!has) return;
    Tag(field, kDelimited);
    const size_t length_room = kind == MessageKind::kShort ? 1 : 2;
    char* const length_at = p_;
    char* const body = p_ + length_room;
    p_ = body;
    encode(m, *this);
    const size_t n = p_ - body;
    const size_t length_size = VarintSize(n);
    if (length_size != length_room) {
      std::memmove(length_at + length_size, body, n);
      p_ = length_at + length_size + n;
    }
    WriteVarint(n, length_at);
  }

 private:
  void Tag(uint32_t field, uint32_t wire_type) {
    *p_++ = static_cast<char>(field << 3 | wire_type);
  }
  char* p_;
};

// int32 and enum values: negative ones take ten bytes, as in protobuf.
uint64_t Signed(int64_t v) { return static_cast<uint64_t>(v); }

template <typename Sink>
void EncodeQualifier(const v1::Qualifier& q, Sink& out) {
  out.String(1, q.role());
  out.String(2, q.value());
}

template <typename Sink>
void EncodeSubject(const v1::Subject& s, Sink& out) {
  out.String(1, s.entity());
  out.String(2, s.entity_as_written());
  out.String(3, s.metric());
  out.String(4, s.metric_as_written());
  for (const v1::Qualifier& q : s.qualifiers()) {
    out.Message(5, true, q, EncodeQualifier<Sink>);
  }
  out.String(6, s.key());
}

template <typename Sink>
void EncodeQuantity(const v1::Quantity& q, Sink& out) {
  out.Double(1, q.value());
  out.OptionalDouble(2, q.has_low(), q.low());
  out.OptionalDouble(3, q.has_high(), q.high());
  out.Varint(4, Signed(q.bound()));
  out.Varint(5, Signed(q.type()));
  out.String(6, q.unit());
  out.String(7, q.unit_as_written());
  out.String(8, q.currency());
  out.Varint(9, q.currency_assumed());
  out.String(10, q.scale_word());
  out.Double(11, q.precision());
  out.String(12, q.text());
}

template <typename Sink>
void EncodeScope(const v1::TimeScope& t, Sink& out) {
  out.String(1, t.start());
  out.String(2, t.end());
  out.Varint(3, Signed(t.granularity()));
  out.Varint(4, Signed(t.kind()));
  out.String(5, t.text());
  out.Varint(6, t.inferred());
  out.Varint(7, t.unresolved());
}

template <typename Sink>
void EncodeTimestamp(const google::protobuf::Timestamp& t, Sink& out) {
  out.Varint(1, Signed(t.seconds()));
  out.Varint(2, Signed(t.nanos()));
}

template <typename Sink>
void EncodePublished(const v1::PublicationTime& p, Sink& out) {
  out.Message(1, p.has_time(), p.time(), EncodeTimestamp<Sink>);
  out.Varint(2, Signed(p.precision()));
  out.Varint(3, Signed(p.method()));
  out.String(4, p.surface());
  out.String(5, p.zone());
  out.Varint(6, p.unresolved_relative());
}

template <typename Sink>
void EncodeProvenance(const v1::Provenance& p, Sink& out) {
  out.String(1, p.document_id());
  out.String(2, p.uri());
  out.String(3, p.title());
  out.Message(4, p.has_published(), p.published(), EncodePublished<Sink>);
  out.Varint(5, p.sentence_begin());
  out.Varint(6, p.sentence_end());
  out.Varint(7, p.figure_begin());
  out.Varint(8, p.figure_end());
  out.String(9, p.sentence());
  out.String(10, p.attribution());
  out.Varint(11, Signed(p.hedge()));
  out.Varint(12, p.is_quotation());
  out.String(13, p.first_appearance_claim_id());
  out.Varint(14, p.line());
  out.Varint(15, p.column());
}

template <typename Sink>
void EncodeClaim(const v1::Claim& c, Sink& out) {
  out.String(1, c.id());
  out.Message(2, c.has_subject(), c.subject(), EncodeSubject<Sink>);
  out.Message(3, c.has_quantity(), c.quantity(), EncodeQuantity<Sink>);
  out.Message(4, c.has_scope(), c.scope(), EncodeScope<Sink>);
  out.Message(5, c.has_provenance(), c.provenance(), EncodeProvenance<Sink>, MessageKind::kLong);
  out.String(6, c.extractor());
  out.String(7, c.extractor_version());
  out.Double(8, c.confidence());
}

// The Reflection of each message type in a Claim, looked up once: m.GetReflection()
// costs a call_once per call.
struct ClaimReflections {
  static const ClaimReflections& Get() {
    static const ClaimReflections* const reflections = new ClaimReflections;
    return *reflections;
  }

  const google::protobuf::Reflection* const claim = v1::Claim::GetReflection();
  const google::protobuf::Reflection* const subject = v1::Subject::GetReflection();
  const google::protobuf::Reflection* const qualifier = v1::Qualifier::GetReflection();
  const google::protobuf::Reflection* const quantity = v1::Quantity::GetReflection();
  const google::protobuf::Reflection* const scope = v1::TimeScope::GetReflection();
  const google::protobuf::Reflection* const provenance = v1::Provenance::GetReflection();
  const google::protobuf::Reflection* const published = v1::PublicationTime::GetReflection();
  const google::protobuf::Reflection* const timestamp =
      google::protobuf::Timestamp::GetReflection();
};

bool HasUnknownFields(const google::protobuf::Reflection* reflection,
                      const google::protobuf::Message& m) {
  return !reflection->GetUnknownFields(m).empty();
}

}  // namespace

bool ClaimHasUnknownFields(const v1::Claim& c) {
  const ClaimReflections& r = ClaimReflections::Get();
  if (HasUnknownFields(r.claim, c)) return true;
  if (c.has_subject()) {
    if (HasUnknownFields(r.subject, c.subject())) return true;
    for (const v1::Qualifier& q : c.subject().qualifiers()) {
      if (HasUnknownFields(r.qualifier, q)) return true;
    }
  }
  if (c.has_quantity() && HasUnknownFields(r.quantity, c.quantity())) return true;
  if (c.has_scope() && HasUnknownFields(r.scope, c.scope())) return true;
  if (c.has_provenance()) {
    const v1::Provenance& p = c.provenance();
    if (HasUnknownFields(r.provenance, p)) return true;
    if (p.has_published()) {
      if (HasUnknownFields(r.published, p.published())) return true;
      if (p.published().has_time() && HasUnknownFields(r.timestamp, p.published().time())) {
        return true;
      }
    }
  }
  return false;
}

bool AppendClaimDelimited(const v1::Claim& claim, std::string* out) {
  if (ClaimHasUnknownFields(claim)) return false;
  Bounder bounder;
  EncodeClaim(claim, bounder);
  const size_t bound = bounder.size();
  if (bound > static_cast<size_t>(INT32_MAX)) return false;
  // The body is written into a buffer of the thread's after room for the longest length,
  // its length just before it, and both are appended in one piece: resizing `*out` by
  // the bound would zero-fill it. The buffer only grows (and is zero-filled only then).
  constexpr size_t kLengthRoom = 5;  // a varint of a size below 2^35
  thread_local std::string buffer;
  const size_t room = kLengthRoom + bound + kWriterSlack;
  if (buffer.size() < room) buffer.resize(room);
  char* const body = &buffer[kLengthRoom];
  Writer writer(body);
  EncodeClaim(claim, writer);
  const size_t size = writer.end() - body;
  char* const record = body - VarintSize(size);
  WriteVarint(size, record);
  out->append(record, writer.end() - record);
  return true;
}

}  // namespace claimcheck
