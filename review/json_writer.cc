#include "review/json_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_format.h"
#include "claims/json_string.h"

namespace claimcheck {

std::string JsonWriter::Quote(absl::string_view value) { return QuoteJson(value); }

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
