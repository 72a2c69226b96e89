#include "claims/json_printer.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"

namespace claimcheck {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr char kHex[] = "0123456789abcdef";

// Escape of each ASCII byte: empty when it is written as is.
const char* AsciiEscape(unsigned char c) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '<': return "\\u003c";
    case '>': return "\\u003e";
    case '\b': return "\\b";
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\f': return "\\f";
    case '\r': return "\\r";
    default: return nullptr;
  }
}

void AppendU16(uint32_t unit, std::string* out) {
  char buf[6] = {'\\', 'u', kHex[(unit >> 12) & 15], kHex[(unit >> 8) & 15],
                 kHex[(unit >> 4) & 15], kHex[unit & 15]};
  out->append(buf, 6);
}

// Code points above U+009F that protobuf's printer escapes (JavaScript safety).
bool EscapedAbove9F(uint32_t cp) {
  switch (cp) {
    case 0xfeff: case 0xfff9: case 0xfffa: case 0xfffb: case 0x00ad: case 0x06dd:
    case 0x070f: case 0x17b4: case 0x17b5:
      return true;
    default:
      return (cp >= 0x0600 && cp <= 0x0603) || (cp >= 0x200b && cp <= 0x200f) ||
             (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
             (cp >= 0x206a && cp <= 0x206f);
  }
}

bool IsSupplementaryEscaped(uint32_t cp) {
  return cp == 0xe0001 || (cp >= 0x1d173 && cp <= 0x1d17a) || (cp >= 0xe0020 && cp <= 0xe007f);
}

// Appends `s` quoted and escaped. False when `s` is not valid UTF-8.
bool AppendString(const std::string& s, std::string* out) {
  out->push_back('"');
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;  // start of the pending unescaped run
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c >= 0x20 && c != 0x7f) {
        const char* e = AsciiEscape(c);
        if (e == nullptr) { ++i; continue; }
        out->append(s, run, i - run);
        out->append(e);
      } else {
        out->append(s, run, i - run);
        const char* e = AsciiEscape(c);
        if (e != nullptr) out->append(e); else AppendU16(c, out);
      }
      run = ++i;
      continue;
    }
    // Strict UTF-8 decoding: no overlongs, surrogates or values above U+10FFFF.
    uint32_t cp;
    size_t len;
    if (c >= 0xc2 && c <= 0xdf) { cp = c & 0x1f; len = 2; }
    else if (c >= 0xe0 && c <= 0xef) { cp = c & 0x0f; len = 3; }
    else if (c >= 0xf0 && c <= 0xf4) { cp = c & 0x07; len = 4; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    if (cp < 0xa0 || EscapedAbove9F(cp)) {
      out->append(s, run, i - run);
      AppendU16(cp, out);
      run = i + len;
    } else if (IsSupplementaryEscaped(cp)) {
      out->append(s, run, i - run);
      AppendU16(0xd800 + ((cp - 0x10000) >> 10), out);
      AppendU16(0xdc00 + ((cp - 0x10000) & 0x3ff), out);
      run = i + len;
    }
    i += len;
  }
  out->append(s, run, n - run);
  out->push_back('"');
  return true;
}

// protobuf's SimpleDtoa: %.15g, or %.17g when that does not read back the same.
// std::to_chars with a precision formats exactly as printf's %.*g in the C locale, and
// much faster; integers below 10^15 (most figures) are printed as integers, which is
// what %.15g gives for them.
bool AppendDouble(double v, std::string* out) {
  if (!std::isfinite(v)) return false;
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    if (v == 0 && std::signbit(v)) {
      out->append("-0");
      return true;
    }
    char* end = absl::numbers_internal::FastIntToBuffer(static_cast<int64_t>(v), buf);
    out->append(buf, end - buf);
    return true;
  }
  std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general,
                                         DBL_DIG);
  double back = 0;
  std::from_chars(buf, r.ptr, back);
  if (back != v) {
    r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, DBL_DIG + 2);
  }
  out->append(buf, r.ptr - buf);
  return true;
}

// Appends `value` as `width` decimal digits (zero-padded).
void AppendDigits(int value, int width, std::string* out) {
  char buf[10];
  for (int i = width - 1; i >= 0; --i, value /= 10) buf[i] = static_cast<char>('0' + value % 10);
  out->append(buf, width);
}

bool AppendTimestamp(const Message& m, std::string* out) {
  const Descriptor* d = m.GetDescriptor();
  const Reflection* r = m.GetReflection();
  const FieldDescriptor* fs = d->FindFieldByNumber(1);
  const FieldDescriptor* fn = d->FindFieldByNumber(2);
  if (fs == nullptr || fn == nullptr) return false;
  const int64_t seconds = r->GetInt64(m, fs);
  const int32_t nanos = r->GetInt32(m, fn);
  if (seconds < -62135596800LL || seconds > 253402300799LL) return false;
  if (nanos < 0 || nanos >= 1000000000) return false;
  const absl::CivilSecond t =
      absl::ToCivilSecond(absl::FromUnixSeconds(seconds), absl::UTCTimeZone());
  // "YYYY-MM-DDThh:mm:ss[.fff|.ffffff|.fffffffff]Z" (years 1..9999, checked above).
  out->push_back('"');
  AppendDigits(static_cast<int>(t.year()), 4, out);
  out->push_back('-');
  AppendDigits(t.month(), 2, out);
  out->push_back('-');
  AppendDigits(t.day(), 2, out);
  out->push_back('T');
  AppendDigits(t.hour(), 2, out);
  out->push_back(':');
  AppendDigits(t.minute(), 2, out);
  out->push_back(':');
  AppendDigits(t.second(), 2, out);
  if (nanos != 0) {
    out->push_back('.');
    if (nanos % 1000000 == 0) {
      AppendDigits(nanos / 1000000, 3, out);
    } else if (nanos % 1000 == 0) {
      AppendDigits(nanos / 1000, 6, out);
    } else {
      AppendDigits(nanos, 9, out);
    }
  }
  out->append("Z\"");
  return true;
}

bool AppendMessage(const Message& m, std::string* out);

bool AppendValue(const Message& m, const Reflection* r, const FieldDescriptor* f, int index,
                 std::string* out) {
  const bool rep = f->is_repeated();
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      absl::StrAppend(out, rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f));
      return true;
    case FieldDescriptor::CPPTYPE_UINT32:
      absl::StrAppend(out, rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f));
      return true;
    case FieldDescriptor::CPPTYPE_INT64:
      absl::StrAppend(out, "\"", rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f),
                      "\"");
      return true;
    case FieldDescriptor::CPPTYPE_UINT64:
      absl::StrAppend(out, "\"",
                      rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f), "\"");
      return true;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return AppendDouble(rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f), out);
    case FieldDescriptor::CPPTYPE_BOOL:
      out->append((rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f)) ? "true"
                                                                              : "false");
      return true;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number = rep ? r->GetRepeatedEnumValue(m, f, index) : r->GetEnumValue(m, f);
      const EnumValueDescriptor* v = f->enum_type()->FindValueByNumber(number);
      if (v == nullptr) {
        absl::StrAppend(out, number);
      } else {
        out->push_back('"');
        out->append(v->name());
        out->push_back('"');
      }
      return true;
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      if (f->type() != FieldDescriptor::TYPE_STRING) return false;  // bytes
      std::string scratch;
      const std::string& s = rep ? r->GetRepeatedStringReference(m, f, index, &scratch)
                                 : r->GetStringReference(m, f, &scratch);
      return AppendString(s, out);
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      if (f->type() != FieldDescriptor::TYPE_MESSAGE) return false;  // group
      const Message& sub = rep ? r->GetRepeatedMessage(m, f, index) : r->GetMessage(m, f);
      return AppendMessage(sub, out);
    }
    default:
      return false;  // float
  }
}

bool AppendMessage(const Message& m, std::string* out) {
  const Descriptor* d = m.GetDescriptor();
  if (d->file()->package() == "google.protobuf") {
    if (d->full_name() == "google.protobuf.Timestamp") return AppendTimestamp(m, out);
    return false;
  }
  const Reflection* r = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  if (!r->GetUnknownFields(m).empty()) return false;
  out->push_back('{');
  bool first = true;
  for (const FieldDescriptor* f : fields) {
    if (f->is_map() || f->is_extension()) return false;
    if (!first) out->push_back(',');
    first = false;
    out->push_back('"');
    out->append(f->name());
    out->append("\":");
    if (f->is_repeated()) {
      out->push_back('[');
      const int n = r->FieldSize(m, f);
      for (int k = 0; k < n; ++k) {
        if (k > 0) out->push_back(',');
        if (!AppendValue(m, r, f, k, out)) return false;
      }
      out->push_back(']');
    } else if (!AppendValue(m, r, f, -1, out)) {
      return false;
    }
  }
  out->push_back('}');
  return true;
}

}  // namespace

bool AppendJsonFast(const Message& message, std::string* out) {
  const size_t old_size = out->size();
  if (AppendMessage(message, out)) return true;
  out->resize(old_size);
  return false;
}

}  // namespace claimcheck
