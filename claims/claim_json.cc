#include "claims/claim_json.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"
#include "claims/claim_wire.h"
#include "claims/json_values.h"
#include "google/protobuf/descriptor.h"

namespace claimcheck {
namespace {

// The names of an enum's values, quoted, as the generated X_Name gives them (the first
// value with the number), looked up once: X_Name finds the descriptor and searches it on
// every call. Numbers below kDense come from a table whose entries are padded to kPadded
// bytes, so that a name is written by one copy of fixed size; others (only in hand-made
// claims) are searched for. A number the schema does not know has no name (size 0).
class EnumNames {
 public:
  static constexpr size_t kPadded = 32;

  explicit EnumNames(const google::protobuf::EnumDescriptor* descriptor)
      : descriptor_(descriptor) {
    for (int n = 0; n < kDense; ++n) {
      const std::string& name = Search(n);
      Entry& e = dense_[n];
      if (name.empty() || name.size() + 2 > kPadded) continue;  // unknown, or too long
      e.text[0] = '"';
      std::memcpy(e.text + 1, name.data(), name.size());
      e.text[name.size() + 1] = '"';
      e.size = static_cast<uint8_t>(name.size() + 2);
    }
  }

  // Writes the quoted name of `value` or, when the schema does not know it, the number;
  // the buffer must hold max_size() bytes.
  char* Write(int value, char* o) const {
    if (value >= 0 && value < kDense && dense_[value].size != 0) {
      std::memcpy(o, dense_[value].text, kPadded);
      return o + dense_[value].size;
    }
    const std::string& name = Search(value);
    if (name.empty()) {
      if (value < 0) *o++ = '-';
      return WriteDecimal(value < 0 ? 0 - static_cast<uint64_t>(value) : value, o);
    }
    *o++ = '"';
    std::memcpy(o, name.data(), name.size());
    o += name.size();
    *o++ = '"';
    return o;
  }

  // The most Write writes.
  size_t max_size() const { return max_size_; }

 private:
  static constexpr int kDense = 32;
  struct Entry {
    char text[kPadded] = {};
    uint8_t size = 0;
  };

  const std::string& Search(int value) const {
    static const std::string* const kEmpty = new std::string;
    const google::protobuf::EnumValueDescriptor* v = descriptor_->FindValueByNumber(value);
    return v != nullptr ? v->name() : *kEmpty;
  }
  size_t LongestName() const {
    size_t longest = 0;
    for (int i = 0; i < descriptor_->value_count(); ++i) {
      longest = std::max(longest, descriptor_->value(i)->name().size());
    }
    return longest;
  }

  const google::protobuf::EnumDescriptor* descriptor_;
  Entry dense_[kDense];
  // A padded copy, a name with its quotes, or a sign and a number (WriteDecimal).
  const size_t max_size_ = std::max({kPadded, LongestName() + 2, 1 + kMaxDecimalSize});
};

// The enums of claim.proto, looked up once.
struct ClaimEnumNames {
  static const ClaimEnumNames& Get() {
    static const ClaimEnumNames* const names = new ClaimEnumNames;
    return *names;
  }

  const EnumNames bound{v1::BoundKind_descriptor()};
  const EnumNames type{v1::QuantityType_descriptor()};
  const EnumNames granularity{v1::Granularity_descriptor()};
  const EnumNames kind{v1::ScopeKind_descriptor()};
  const EnumNames precision{v1::TimePrecision_descriptor()};
  const EnumNames method{v1::DateMethod_descriptor()};
  const EnumNames hedge{v1::Hedge_descriptor()};
};

template <typename Sink>
void PrintDocumentFields(const v1::Provenance& p, Sink& out);

// The printing of each message is described once (the Print overloads below, found by
// the message's type) for two sinks: Bounder
// adds up at most how many bytes the JSON takes, Writer writes it into a buffer of that
// size without further checks. Keys are string literals, so their lengths (and their
// copies) are known at compile time.
//
// Bounder counts every field as present and every value at its longest (a string of n
// bytes as 6n + 2), so its sum is a handful of loads and adds.
class Bounder {
 public:
  explicit Bounder(const ClaimEnumNames& names) : names_(names) {}
  const ClaimEnumNames& names() const { return names_; }
  size_t size() const { return size_; }

  template <size_t N>
  void String(const char (&)[N], const std::string& value) {
    size_ += KeySize(N) + MaxJsonStringSize(value.size());
  }
  template <size_t N>
  void Double(const char (&key)[N], double value) {
    OptionalDouble(key, true, value);
  }
  template <size_t N>
  void OptionalDouble(const char (&)[N], bool, double) {
    size_ += KeySize(N) + kMaxJsonDoubleSize;
  }
  template <size_t N>
  void Bool(const char (&)[N], bool) {
    size_ += KeySize(N) + 4;
  }
  template <size_t N>
  void Uint64(const char (&)[N], uint64_t) {
    size_ += KeySize(N) + kMaxDecimalSize + 2;
  }
  template <size_t N>
  void Uint32(const char (&)[N], uint32_t) {
    size_ += KeySize(N) + kMaxDecimalSize;
  }
  template <size_t N>
  void Enum(const char (&)[N], int, const EnumNames& names) {
    size_ += KeySize(N) + names.max_size();
  }
  template <size_t N>
  void Timestamp(const char (&)[N], bool, const google::protobuf::Timestamp&) {
    size_ += KeySize(N) + kMaxJsonTimestampSize;
  }
  // A sub-message (its default instance when not present: the same fields).
  template <size_t N, typename Sub>
  void Message(const char (&)[N], bool, const Sub& m) {
    size_ += KeySize(N);
    Object(m);
  }
  template <size_t N, typename Element>
  void Array(const char (&)[N], const google::protobuf::RepeatedPtrField<Element>& elements) {
    size_ += KeySize(N) + 2;
    for (const Element& e : elements) {
      size_ += 1;
      Object(e);
    }
  }
  template <typename Sub>
  void Object(const Sub& m) {
    size_ += 2;
    Print(m, *this);
  }
  void DocumentFields(const v1::Provenance& p) { PrintDocumentFields(p, *this); }

 private:
  // ,"key": (N counts the literal's terminating zero).
  static constexpr size_t KeySize(size_t n) { return n + 3; }

  const ClaimEnumNames& names_;
  size_t size_ = 0;
};

// The text PrintDocumentFields wrote for the last claim (of this thread) and the values
// it came from: the claims of a document come one after another and share their document
// fields, so each claim compares them (about a hundred instructions) instead of writing
// them again (escaping the title and address, formatting the publication time).
class LastDocumentFields {
 public:
  // Whether `p`'s document fields print as the remembered text.
  bool Matches(const v1::Provenance& p) const {
    if (!valid_ || p.document_id() != document_id_ || p.uri() != uri_ ||
        p.title() != title_ || p.has_published() != has_published_) {
      return false;
    }
    if (!p.has_published()) return true;
    const v1::PublicationTime& t = p.published();
    return t.has_time() == has_time_ && t.time().seconds() == seconds_ &&
           t.time().nanos() == nanos_ && t.precision() == precision_ &&
           t.method() == method_ && t.unresolved_relative() == unresolved_relative_ &&
           t.surface() == surface_ && t.zone() == zone_;
  }

  void Remember(const v1::Provenance& p, const char* text, size_t size) {
    document_id_ = p.document_id();
    uri_ = p.uri();
    title_ = p.title();
    has_published_ = p.has_published();
    const v1::PublicationTime& t = p.published();  // the default instance when absent
    has_time_ = t.has_time();
    seconds_ = t.time().seconds();
    nanos_ = t.time().nanos();
    precision_ = t.precision();
    method_ = t.method();
    unresolved_relative_ = t.unresolved_relative();
    surface_ = t.surface();
    zone_ = t.zone();
    text_.assign(text, size);
    valid_ = true;
  }

  const std::string& text() const { return text_; }

 private:
  bool valid_ = false;
  std::string document_id_, uri_, title_, surface_, zone_;
  bool has_published_ = false, has_time_ = false, unresolved_relative_ = false;
  int64_t seconds_ = 0;
  int32_t nanos_ = 0;
  int precision_ = 0, method_ = 0;
  std::string text_;
};

// Skips proto3 defaults (empty strings, zero numbers, false, doubles whose bits are zero
// so that -0.0 is printed as protobuf prints it, absent sub-messages and empty arrays) and
// writes the rest, each after its key. Every key is written after a comma, all bytes
// known at compile time; an object's opening brace then replaces the comma of its first
// key (or comes with its closing one when it has none). Anything declined (see
// claim_json.h) turns ok() false; the output is then garbage, within the bound.
class Writer {
 public:
  Writer(const ClaimEnumNames& names, LastDocumentFields& last_document, char* o)
      : names_(names), last_document_(last_document), o_(o) {}
  const ClaimEnumNames& names() const { return names_; }
  char* end() const { return o_; }
  bool ok() const { return ok_; }

  template <size_t N>
  void String(const char (&key)[N], const std::string& value) {
    if (value.empty()) return;
    Key(key);
    Value(WriteJsonStdString(value, o_));
  }
  template <size_t N>
  void Double(const char (&key)[N], double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    OptionalDouble(key, bits != 0, value);
  }
  template <size_t N>
  void OptionalDouble(const char (&key)[N], bool has, double value) {
    if (!has) return;
    Key(key);
    Value(WriteJsonDouble(value, o_));
  }
  template <size_t N>
  void Bool(const char (&key)[N], bool value) {
    if (!value) return;
    Key(key);
    std::memcpy(o_, "true", 4);
    o_ += 4;
  }
  // 64-bit integers are quoted in proto3 JSON, 32-bit ones are not.
  template <size_t N>
  void Uint64(const char (&key)[N], uint64_t value) {
    if (value == 0) return;
    Key(key);
    *o_++ = '"';
    o_ = WriteDecimal(value, o_);
    *o_++ = '"';
  }
  template <size_t N>
  void Uint32(const char (&key)[N], uint32_t value) {
    if (value == 0) return;
    Key(key);
    o_ = WriteDecimal(value, o_);
  }
  template <size_t N>
  void Enum(const char (&key)[N], int value, const EnumNames& names) {
    if (value == 0) return;
    Key(key);
    o_ = names.Write(value, o_);
  }
  template <size_t N>
  void Timestamp(const char (&key)[N], bool has, const google::protobuf::Timestamp& t) {
    if (!has) return;
    Key(key);
    Value(WriteJsonTimestamp(t.seconds(), t.nanos(), o_));
  }
  template <size_t N, typename Sub>
  void Message(const char (&key)[N], bool has, const Sub& m) {
    if (!has) return;
    Key(key);
    Object(m);
  }
  template <size_t N, typename Element>
  void Array(const char (&key)[N], const google::protobuf::RepeatedPtrField<Element>& elements) {
    if (elements.empty()) return;
    Key(key);
    *o_++ = '[';
    for (int i = 0; i < elements.size(); ++i) {
      if (i > 0) *o_++ = ',';
      Object(elements.Get(i));
    }
    *o_++ = ']';
  }
  void DocumentFields(const v1::Provenance& p) {
    if (last_document_.Matches(p)) {
      const std::string& text = last_document_.text();
      std::memcpy(o_, text.data(), text.size());
      o_ += text.size();
      return;
    }
    char* const begin = o_;
    PrintDocumentFields(p, *this);
    if (ok_) last_document_.Remember(p, begin, o_ - begin);
  }
  template <typename Sub>
  void Object(const Sub& m) {
    char* const open = o_;
    Print(m, *this);
    if (o_ == open) {
      *o_++ = '{';  // no field
    } else {
      *open = '{';  // the first key's comma
    }
    *o_++ = '}';
  }

 private:
  template <size_t N>
  void Key(const char (&key)[N]) {
    o_[0] = ',';
    o_[1] = '"';
    std::memcpy(o_ + 2, key, N - 1);
    o_[N + 1] = '"';
    o_[N + 2] = ':';
    o_ += N + 3;
  }
  // The end of a value a json_values writer wrote, or null for one it declined.
  void Value(char* end) {
    if (end == nullptr) {
      ok_ = false;
      return;
    }
    o_ = end;
  }

  const ClaimEnumNames& names_;
  LastDocumentFields& last_document_;
  char* o_;
  bool ok_ = true;
};

template <typename Sink>
void Print(const v1::Qualifier& q, Sink& out) {
  out.String("role", q.role());
  out.String("value", q.value());
}

template <typename Sink>
void Print(const v1::Subject& s, Sink& out) {
  out.String("entity", s.entity());
  out.String("entity_as_written", s.entity_as_written());
  out.String("metric", s.metric());
  out.String("metric_as_written", s.metric_as_written());
  out.Array("qualifiers", s.qualifiers());
  out.String("key", s.key());
}

template <typename Sink>
void Print(const v1::Quantity& q, Sink& out) {
  out.Double("value", q.value());
  out.OptionalDouble("low", q.has_low(), q.low());
  out.OptionalDouble("high", q.has_high(), q.high());
  out.Enum("bound", q.bound(), out.names().bound);
  out.Enum("type", q.type(), out.names().type);
  out.String("unit", q.unit());
  out.String("unit_as_written", q.unit_as_written());
  out.String("currency", q.currency());
  out.Bool("currency_assumed", q.currency_assumed());
  out.String("scale_word", q.scale_word());
  out.Double("precision", q.precision());
  out.String("text", q.text());
}

template <typename Sink>
void Print(const v1::TimeScope& t, Sink& out) {
  out.String("start", t.start());
  out.String("end", t.end());
  out.Enum("granularity", t.granularity(), out.names().granularity);
  out.Enum("kind", t.kind(), out.names().kind);
  out.String("text", t.text());
  out.Bool("inferred", t.inferred());
  out.Bool("unresolved", t.unresolved());
}

template <typename Sink>
void Print(const v1::PublicationTime& p, Sink& out) {
  out.Timestamp("time", p.has_time(), p.time());
  out.Enum("precision", p.precision(), out.names().precision);
  out.Enum("method", p.method(), out.names().method);
  out.String("surface", p.surface());
  out.String("zone", p.zone());
  out.Bool("unresolved_relative", p.unresolved_relative());
}

// The fields of a Provenance that name its document: all claims of a document share them.
template <typename Sink>
void PrintDocumentFields(const v1::Provenance& p, Sink& out) {
  out.String("document_id", p.document_id());
  out.String("uri", p.uri());
  out.String("title", p.title());
  out.Message("published", p.has_published(), p.published());
}

template <typename Sink>
void Print(const v1::Provenance& p, Sink& out) {
  out.DocumentFields(p);
  out.Uint64("sentence_begin", p.sentence_begin());
  out.Uint64("sentence_end", p.sentence_end());
  out.Uint64("figure_begin", p.figure_begin());
  out.Uint64("figure_end", p.figure_end());
  out.String("sentence", p.sentence());
  out.String("attribution", p.attribution());
  out.Enum("hedge", p.hedge(), out.names().hedge);
  out.Bool("is_quotation", p.is_quotation());
  out.String("first_appearance_claim_id", p.first_appearance_claim_id());
  out.Uint32("line", p.line());
  out.Uint32("column", p.column());
}

template <typename Sink>
void Print(const v1::Claim& c, Sink& out) {
  out.String("id", c.id());
  out.Message("subject", c.has_subject(), c.subject());
  out.Message("quantity", c.has_quantity(), c.quantity());
  out.Message("scope", c.has_scope(), c.scope());
  out.Message("provenance", c.has_provenance(), c.provenance());
  out.String("extractor", c.extractor());
  out.String("extractor_version", c.extractor_version());
  out.Double("confidence", c.confidence());
}

// The writing pass, with the Print overloads and the Writer's methods inlined into one
// function (flatten): the Writer then lives in registers, not in memory that every key
// and value reloads and stores through the reference each Print function takes.
__attribute__((flatten)) bool WriteClaim(const v1::Claim& claim, const ClaimEnumNames& names,
                                         LastDocumentFields& last_document, char* o,
                                         char** end) {
  Writer writer(names, last_document, o);
  writer.Object(claim);
  *end = writer.end();
  return writer.ok();
}

}  // namespace

bool AppendClaimJson(const v1::Claim& claim, std::string* out) {
  if (ClaimHasUnknownFields(claim)) return false;
  const ClaimEnumNames& names = ClaimEnumNames::Get();
  Bounder bounder(names);
  bounder.Object(claim);
  // The claim is written into a buffer of the thread's, then appended in one piece:
  // resizing `*out` by the bound would zero-fill it. The buffer only grows (and is
  // zero-filled only then); it has room for the bound and for what a short string's
  // block store writes past its end (WriteJsonStdString).
  thread_local std::string buffer;
  thread_local LastDocumentFields last_document;
  const size_t room = bounder.size() + kJsonStringSlack;
  if (buffer.size() < room) buffer.resize(room);
  char* end;
  const bool ok = WriteClaim(claim, names, last_document, &buffer[0], &end);
  assert(end <= buffer.data() + bounder.size());
  if (!ok) return false;
  out->append(buffer.data(), end - buffer.data());
  return true;
}

}  // namespace claimcheck
