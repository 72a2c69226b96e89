#include "claims/claim_json.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "claims/claim_wire.h"
#include "claims/json_values.h"
#include "google/protobuf/descriptor.h"

namespace claimcheck {
namespace {

// Where a claim is written before it is appended to the caller's string in one piece:
// growing a std::string would zero-fill, this buffer is grown (rarely) by copying.
// One per thread, reused from claim to claim.
class Buffer {
 public:
  Buffer() = default;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  void Clear() { pos_ = 0; }
  // Room for `n` bytes at the cursor.
  char* Reserve(size_t n) {
    if (capacity_ - pos_ < n) {
      const size_t capacity = std::max(2 * capacity_, pos_ + n);
      std::unique_ptr<char[]> bigger(new char[capacity]);
      if (pos_ > 0) std::memcpy(bigger.get(), data_.get(), pos_);
      data_ = std::move(bigger);
      capacity_ = capacity;
    }
    return data_.get() + pos_;
  }
  void Advance(char* end) { pos_ = end - data_.get(); }
  void Put(char c) { *Reserve(1) = c, ++pos_; }
  void Put(absl::string_view s) {
    std::memcpy(Reserve(s.size()), s.data(), s.size());
    pos_ += s.size();
  }
  void AppendTo(std::string* out) const { out->append(data_.get(), pos_); }

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
  size_t pos_ = 0;
};

// The names of an enum's values, as the generated X_Name gives them (the first value
// with the number, or "" for a number the schema does not know), looked up once: X_Name
// finds the descriptor and searches it on every call. Numbers below kDense come from a
// table; others (only in hand-made claims) are searched for.
class EnumNames {
 public:
  explicit EnumNames(const google::protobuf::EnumDescriptor* descriptor)
      : descriptor_(descriptor) {
    for (int n = 0; n < kDense; ++n) names_[n] = &Search(n);
  }
  const std::string& Name(int value) const {
    if (value >= 0 && value < kDense) return *names_[value];
    return Search(value);
  }

 private:
  static constexpr int kDense = 32;
  const std::string& Search(int value) const {
    static const std::string* const kEmpty = new std::string;
    const google::protobuf::EnumValueDescriptor* v = descriptor_->FindValueByNumber(value);
    return v != nullptr ? v->name() : *kEmpty;
  }
  const google::protobuf::EnumDescriptor* descriptor_;
  const std::string* names_[kDense];
};

// The names of the enum whose generated descriptor function is `kDescriptor`.
template <const google::protobuf::EnumDescriptor* (*kDescriptor)()>
const EnumNames& NamesOf() {
  static const EnumNames* const names = new EnumNames(kDescriptor());
  return *names;
}

// Writes one JSON object: each value function skips proto3 defaults and otherwise adds
// the separator and the quoted key, then the value; `ok` turns false on anything declined.
class ObjectWriter {
 public:
  explicit ObjectWriter(Buffer* out) : out_(out) { out_->Put('{'); }

  void String(absl::string_view key, const std::string& value) {
    if (value.empty()) return;
    Field(key);
    Write(MaxJsonStringSize(value.size()), [&](char* o) { return WriteJsonString(value, o); });
  }
  // A double is omitted when its bits are zero (so -0.0 is printed, as protobuf does).
  void Double(absl::string_view key, double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    if (bits == 0) return;
    OptionalDouble(key, true, value);
  }
  void OptionalDouble(absl::string_view key, bool has, double value) {
    if (!has) return;
    Field(key);
    Write(kMaxJsonDoubleSize, [&](char* o) { return WriteJsonDouble(value, o); });
  }
  void Bool(absl::string_view key, bool value) {
    if (!value) return;
    Field(key);
    out_->Put("true");
  }
  // 64-bit integers are quoted in proto3 JSON, 32-bit ones are not.
  void Uint64(absl::string_view key, uint64_t value) {
    if (value == 0) return;
    Field(key);
    out_->Put('"');
    Write(absl::numbers_internal::kFastToBufferSize,
          [&](char* o) { return absl::numbers_internal::FastIntToBuffer(value, o); });
    out_->Put('"');
  }
  void Uint32(absl::string_view key, uint32_t value) {
    if (value == 0) return;
    Field(key);
    Write(absl::numbers_internal::kFastToBufferSize,
          [&](char* o) { return absl::numbers_internal::FastIntToBuffer(value, o); });
  }
  // An enum by its name, or by its number when the schema does not know it.
  void Enum(absl::string_view key, int value, const EnumNames& names) {
    if (value == 0) return;
    Field(key);
    const std::string& name = names.Name(value);
    if (name.empty()) {
      Write(absl::numbers_internal::kFastToBufferSize,
            [&](char* o) { return absl::numbers_internal::FastIntToBuffer(value, o); });
      return;
    }
    out_->Put('"');
    out_->Put(name);
    out_->Put('"');
  }
  // A present sub-message: the caller writes its value with `value`.
  template <typename Value>
  void Message(absl::string_view key, Value value) {
    Field(key);
    ok_ = ok_ && value();
  }
  bool Finish() {
    out_->Put('}');
    return ok_;
  }

 private:
  void Field(absl::string_view key) {
    char* o = out_->Reserve(key.size() + 4);
    if (!first_) *o++ = ',';
    first_ = false;
    *o++ = '"';
    std::memcpy(o, key.data(), key.size());
    o += key.size();
    *o++ = '"';
    *o++ = ':';
    out_->Advance(o);
  }
  // Writes a value of at most `bound` bytes; `write` returns its end or null to decline.
  template <typename Writer>
  void Write(size_t bound, Writer write) {
    char* end = write(out_->Reserve(bound));
    if (end == nullptr) {
      ok_ = false;
      return;
    }
    out_->Advance(end);
  }

  Buffer* out_;
  bool first_ = true;
  bool ok_ = true;
};

bool AppendSubject(const v1::Subject& s, Buffer* out) {
  ObjectWriter w(out);
  w.String("entity", s.entity());
  w.String("entity_as_written", s.entity_as_written());
  w.String("metric", s.metric());
  w.String("metric_as_written", s.metric_as_written());
  if (s.qualifiers_size() > 0) {
    w.Message("qualifiers", [&] {
      out->Put('[');
      for (int i = 0; i < s.qualifiers_size(); ++i) {
        const v1::Qualifier& q = s.qualifiers(i);
        if (i > 0) out->Put(',');
        ObjectWriter qw(out);
        qw.String("role", q.role());
        qw.String("value", q.value());
        if (!qw.Finish()) return false;
      }
      out->Put(']');
      return true;
    });
  }
  w.String("key", s.key());
  return w.Finish();
}

bool AppendQuantity(const v1::Quantity& q, Buffer* out) {
  ObjectWriter w(out);
  w.Double("value", q.value());
  w.OptionalDouble("low", q.has_low(), q.low());
  w.OptionalDouble("high", q.has_high(), q.high());
  w.Enum("bound", q.bound(), NamesOf<v1::BoundKind_descriptor>());
  w.Enum("type", q.type(), NamesOf<v1::QuantityType_descriptor>());
  w.String("unit", q.unit());
  w.String("unit_as_written", q.unit_as_written());
  w.String("currency", q.currency());
  w.Bool("currency_assumed", q.currency_assumed());
  w.String("scale_word", q.scale_word());
  w.Double("precision", q.precision());
  w.String("text", q.text());
  return w.Finish();
}

bool AppendScope(const v1::TimeScope& t, Buffer* out) {
  ObjectWriter w(out);
  w.String("start", t.start());
  w.String("end", t.end());
  w.Enum("granularity", t.granularity(), NamesOf<v1::Granularity_descriptor>());
  w.Enum("kind", t.kind(), NamesOf<v1::ScopeKind_descriptor>());
  w.String("text", t.text());
  w.Bool("inferred", t.inferred());
  w.Bool("unresolved", t.unresolved());
  return w.Finish();
}

bool AppendPublished(const v1::PublicationTime& p, Buffer* out) {
  ObjectWriter w(out);
  if (p.has_time()) {
    w.Message("time", [&] {
      char* end = WriteJsonTimestamp(p.time().seconds(), p.time().nanos(),
                                     out->Reserve(kMaxJsonTimestampSize));
      if (end != nullptr) out->Advance(end);
      return end != nullptr;
    });
  }
  w.Enum("precision", p.precision(), NamesOf<v1::TimePrecision_descriptor>());
  w.Enum("method", p.method(), NamesOf<v1::DateMethod_descriptor>());
  w.String("surface", p.surface());
  w.String("zone", p.zone());
  w.Bool("unresolved_relative", p.unresolved_relative());
  return w.Finish();
}

bool AppendProvenance(const v1::Provenance& p, Buffer* out) {
  ObjectWriter w(out);
  w.String("document_id", p.document_id());
  w.String("uri", p.uri());
  w.String("title", p.title());
  if (p.has_published()) {
    w.Message("published", [&] { return AppendPublished(p.published(), out); });
  }
  w.Uint64("sentence_begin", p.sentence_begin());
  w.Uint64("sentence_end", p.sentence_end());
  w.Uint64("figure_begin", p.figure_begin());
  w.Uint64("figure_end", p.figure_end());
  w.String("sentence", p.sentence());
  w.String("attribution", p.attribution());
  w.Enum("hedge", p.hedge(), NamesOf<v1::Hedge_descriptor>());
  w.Bool("is_quotation", p.is_quotation());
  w.String("first_appearance_claim_id", p.first_appearance_claim_id());
  w.Uint32("line", p.line());
  w.Uint32("column", p.column());
  return w.Finish();
}

bool AppendClaim(const v1::Claim& c, Buffer* out) {
  ObjectWriter w(out);
  w.String("id", c.id());
  if (c.has_subject()) w.Message("subject", [&] { return AppendSubject(c.subject(), out); });
  if (c.has_quantity()) w.Message("quantity", [&] { return AppendQuantity(c.quantity(), out); });
  if (c.has_scope()) w.Message("scope", [&] { return AppendScope(c.scope(), out); });
  if (c.has_provenance()) {
    w.Message("provenance", [&] { return AppendProvenance(c.provenance(), out); });
  }
  w.String("extractor", c.extractor());
  w.String("extractor_version", c.extractor_version());
  w.Double("confidence", c.confidence());
  return w.Finish();
}

}  // namespace

bool AppendClaimJson(const v1::Claim& claim, std::string* out) {
  if (ClaimHasUnknownFields(claim)) return false;
  thread_local Buffer buffer;
  buffer.Clear();
  if (!AppendClaim(claim, &buffer)) return false;
  buffer.AppendTo(out);
  return true;
}

}  // namespace claimcheck
