#include "claims/json_values.h"

#include <cfloat>
#include <charconv>
#include <cmath>

#include "absl/strings/numbers.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace claimcheck {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// What AppendString must look at: ASCII control characters, DEL, '"', '\\', '<', '>'
// (escaped) and every non-ASCII byte (decoded and checked). Everything else is copied.
struct SpecialBytes {
  SpecialBytes() {
    for (int c = 0; c < 256; ++c) {
      special[c] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>';
    }
  }
  bool special[256];
};

// Escape of an ASCII byte: null when it is written as \u00XX (or as is, if not special).
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

}  // namespace

bool AppendJsonString(absl::string_view s, std::string* out) {
  static const SpecialBytes* const table = new SpecialBytes;
  out->push_back('"');
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;  // start of the pending unescaped run
  size_t i = 0;
  while (i < n) {
    while (i < n && !table->special[p[i]]) ++i;  // plain ASCII: copied as one run
    if (i == n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c >= 0x20 && c != 0x7f) {
        out->append(s.data() + run, i - run);
        out->append(AsciiEscape(c));
      } else {
        out->append(s.data() + run, i - run);
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
      out->append(s.data() + run, i - run);
      AppendU16(cp, out);
      run = i + len;
    } else if (IsSupplementaryEscaped(cp)) {
      out->append(s.data() + run, i - run);
      AppendU16(0xd800 + ((cp - 0x10000) >> 10), out);
      AppendU16(0xdc00 + ((cp - 0x10000) & 0x3ff), out);
      run = i + len;
    }
    i += len;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
  return true;
}

// protobuf's SimpleDtoa is %.15g, or %.17g when that does not read back the same.
// std::to_chars with a precision formats exactly as printf's %.*g in the C locale, and
// much faster; integers below 10^15 (most figures) are printed as integers, which is
// what %.15g gives for them.
bool AppendJsonDouble(double v, std::string* out) {
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

namespace {

// Appends `value` as `width` decimal digits (zero-padded).
void AppendDigits(int value, int width, std::string* out) {
  char buf[10];
  for (int i = width - 1; i >= 0; --i, value /= 10) buf[i] = static_cast<char>('0' + value % 10);
  out->append(buf, width);
}

}  // namespace

bool AppendJsonTimestamp(int64_t seconds, int32_t nanos, std::string* out) {
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

}  // namespace claimcheck
