#include "claims/json_string.h"

#include "absl/strings/str_format.h"
#include "claims/utf8_sequence.h"

namespace claimcheck {

std::string QuoteJson(absl::string_view value) {
  std::string out = "\"";
  for (size_t i = 0; i < value.size();) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    size_t n = Utf8SequenceLength(value, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (n == 3 && value.substr(i, 3) == "\xE2\x80\xA8") {
      out += "\\u2028";
    } else if (n == 3 && value.substr(i, 3) == "\xE2\x80\xA9") {
      out += "\\u2029";
    } else if (n > 1) {
      out.append(value.data() + i, n);
    } else {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '<': out += "\\u003c"; break;
        case '>': out += "\\u003e"; break;
        case '&': out += "\\u0026"; break;
        default:
          if (c < 0x20 || c == 0x7F) {
            out += absl::StrFormat("\\u%04x", c);
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    i += n;
  }
  out += '"';
  return out;
}

}  // namespace claimcheck
