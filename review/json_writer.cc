#include "review/json_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_format.h"
#include "claims/utf8_sequence.h"

namespace claimcheck {

std::string JsonWriter::Quote(absl::string_view value) {
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

void JsonWriter::Newline() {
  out_ += '\n';
  out_.append(2 * has_items_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;  // the top-level value
  if (has_items_.back()) out_ += ',';
  has_items_.back() = true;
  Newline();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  has_items_.push_back(false);
}

void JsonWriter::EndObject() { Close('}'); }

void JsonWriter::Close(char bracket) {
  bool had = has_items_.back();
  has_items_.pop_back();
  if (had) Newline();
  out_ += bracket;
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  has_items_.push_back(false);
}

void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::Key(absl::string_view key) {
  BeforeValue();
  out_ += Quote(key);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(absl::string_view value) {
  BeforeValue();
  out_ += Quote(value);
}

void JsonWriter::Number(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_ += "null";
  } else if (value == std::floor(value) && std::fabs(value) < 1e15) {
    out_ += absl::StrFormat("%.0f", value);
  } else {
    // The shortest of 15 or 17 significant digits that reads back as the same double.
    std::string text = absl::StrFormat("%.15g", value);
    if (std::strtod(text.c_str(), nullptr) != value) text = absl::StrFormat("%.17g", value);
    out_ += text;
  }
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

}  // namespace claimcheck
