#include "claims/claim_json.h"

#include <cstdint>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "claims/json_values.h"
#include "google/protobuf/message.h"

namespace claimcheck {
namespace {

// Writes one JSON object: Field() adds the separator and the quoted key, the value
// functions skip proto3 defaults, and `ok` turns false on anything declined.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string* out) : out_(out) { out_->push_back('{'); }

  void String(absl::string_view key, const std::string& value) {
    if (value.empty()) return;
    Field(key);
    ok_ &= AppendJsonString(value, out_);
  }
  // A double is omitted when its bits are zero (so -0.0 is printed, as protobuf does).
  void Double(absl::string_view key, double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    if (bits == 0) return;
    Field(key);
    ok_ &= AppendJsonDouble(value, out_);
  }
  void OptionalDouble(absl::string_view key, bool has, double value) {
    if (!has) return;
    Field(key);
    ok_ &= AppendJsonDouble(value, out_);
  }
  void Bool(absl::string_view key, bool value) {
    if (!value) return;
    Field(key);
    out_->append("true");
  }
  // 64-bit integers are quoted in proto3 JSON, 32-bit ones are not.
  void Uint64(absl::string_view key, uint64_t value) {
    if (value == 0) return;
    Field(key);
    char buf[absl::numbers_internal::kFastToBufferSize];
    char* end = absl::numbers_internal::FastIntToBuffer(value, buf);
    out_->push_back('"');
    out_->append(buf, end - buf);
    out_->push_back('"');
  }
  void Uint32(absl::string_view key, uint32_t value) {
    if (value == 0) return;
    Field(key);
    char buf[absl::numbers_internal::kFastToBufferSize];
    char* end = absl::numbers_internal::FastIntToBuffer(value, buf);
    out_->append(buf, end - buf);
  }
  // An enum by its name, or by its number when the schema does not know it.
  void Enum(absl::string_view key, int value, const std::string& name) {
    if (value == 0) return;
    Field(key);
    if (name.empty()) {
      char buf[absl::numbers_internal::kFastToBufferSize];
      char* end = absl::numbers_internal::FastIntToBuffer(value, buf);
      out_->append(buf, end - buf);
      return;
    }
    out_->push_back('"');
    out_->append(name);
    out_->push_back('"');
  }
  // Starts a present sub-message's value; the caller writes it.
  void Field(absl::string_view key) {
    if (!first_) out_->push_back(',');
    first_ = false;
    out_->push_back('"');
    out_->append(key.data(), key.size());
    out_->append("\":");
  }
  bool Finish() {
    out_->push_back('}');
    return ok_;
  }

 private:
  std::string* out_;
  bool first_ = true;
  bool ok_ = true;
};

bool HasUnknownFields(const google::protobuf::Message& m) {
  return !m.GetReflection()->GetUnknownFields(m).empty();
}

bool AppendSubject(const v1::Subject& s, std::string* out) {
  if (HasUnknownFields(s)) return false;
  ObjectWriter w(out);
  w.String("entity", s.entity());
  w.String("entity_as_written", s.entity_as_written());
  w.String("metric", s.metric());
  w.String("metric_as_written", s.metric_as_written());
  if (s.qualifiers_size() > 0) {
    w.Field("qualifiers");
    out->push_back('[');
    for (int i = 0; i < s.qualifiers_size(); ++i) {
      const v1::Qualifier& q = s.qualifiers(i);
      if (i > 0) out->push_back(',');
      if (HasUnknownFields(q)) return false;
      ObjectWriter qw(out);
      qw.String("role", q.role());
      qw.String("value", q.value());
      if (!qw.Finish()) return false;
    }
    out->push_back(']');
  }
  w.String("key", s.key());
  return w.Finish();
}

bool AppendQuantity(const v1::Quantity& q, std::string* out) {
  if (HasUnknownFields(q)) return false;
  ObjectWriter w(out);
  w.Double("value", q.value());
  w.OptionalDouble("low", q.has_low(), q.low());
  w.OptionalDouble("high", q.has_high(), q.high());
  w.Enum("bound", q.bound(), v1::BoundKind_Name(q.bound()));
  w.Enum("type", q.type(), v1::QuantityType_Name(q.type()));
  w.String("unit", q.unit());
  w.String("unit_as_written", q.unit_as_written());
  w.String("currency", q.currency());
  w.Bool("currency_assumed", q.currency_assumed());
  w.String("scale_word", q.scale_word());
  w.Double("precision", q.precision());
  w.String("text", q.text());
  return w.Finish();
}

bool AppendScope(const v1::TimeScope& t, std::string* out) {
  if (HasUnknownFields(t)) return false;
  ObjectWriter w(out);
  w.String("start", t.start());
  w.String("end", t.end());
  w.Enum("granularity", t.granularity(), v1::Granularity_Name(t.granularity()));
  w.Enum("kind", t.kind(), v1::ScopeKind_Name(t.kind()));
  w.String("text", t.text());
  w.Bool("inferred", t.inferred());
  w.Bool("unresolved", t.unresolved());
  return w.Finish();
}

bool AppendPublished(const v1::PublicationTime& p, std::string* out) {
  if (HasUnknownFields(p)) return false;
  ObjectWriter w(out);
  if (p.has_time()) {
    if (HasUnknownFields(p.time())) return false;
    w.Field("time");
    if (!AppendJsonTimestamp(p.time().seconds(), p.time().nanos(), out)) return false;
  }
  w.Enum("precision", p.precision(), v1::TimePrecision_Name(p.precision()));
  w.Enum("method", p.method(), v1::DateMethod_Name(p.method()));
  w.String("surface", p.surface());
  w.String("zone", p.zone());
  w.Bool("unresolved_relative", p.unresolved_relative());
  return w.Finish();
}

bool AppendProvenance(const v1::Provenance& p, std::string* out) {
  if (HasUnknownFields(p)) return false;
  ObjectWriter w(out);
  w.String("document_id", p.document_id());
  w.String("uri", p.uri());
  w.String("title", p.title());
  if (p.has_published()) {
    w.Field("published");
    if (!AppendPublished(p.published(), out)) return false;
  }
  w.Uint64("sentence_begin", p.sentence_begin());
  w.Uint64("sentence_end", p.sentence_end());
  w.Uint64("figure_begin", p.figure_begin());
  w.Uint64("figure_end", p.figure_end());
  w.String("sentence", p.sentence());
  w.String("attribution", p.attribution());
  w.Enum("hedge", p.hedge(), v1::Hedge_Name(p.hedge()));
  w.Bool("is_quotation", p.is_quotation());
  w.String("first_appearance_claim_id", p.first_appearance_claim_id());
  w.Uint32("line", p.line());
  w.Uint32("column", p.column());
  return w.Finish();
}

bool AppendClaim(const v1::Claim& c, std::string* out) {
  if (HasUnknownFields(c)) return false;
  ObjectWriter w(out);
  w.String("id", c.id());
  if (c.has_subject()) {
    w.Field("subject");
    if (!AppendSubject(c.subject(), out)) return false;
  }
  if (c.has_quantity()) {
    w.Field("quantity");
    if (!AppendQuantity(c.quantity(), out)) return false;
  }
  if (c.has_scope()) {
    w.Field("scope");
    if (!AppendScope(c.scope(), out)) return false;
  }
  if (c.has_provenance()) {
    w.Field("provenance");
    if (!AppendProvenance(c.provenance(), out)) return false;
  }
  w.String("extractor", c.extractor());
  w.String("extractor_version", c.extractor_version());
  w.Double("confidence", c.confidence());
  return w.Finish();
}

}  // namespace

bool AppendClaimJson(const v1::Claim& claim, std::string* out) {
  const size_t old_size = out->size();
  if (AppendClaim(claim, out)) return true;
  out->resize(old_size);
  return false;
}

}  // namespace claimcheck
