// JsonWriter: builds JSON text with correct escaping, for output that has no .proto
// (schema.org JSON-LD).
//
// Strings are escaped per RFC 8259, and additionally '<', '>', '&', U+2028 and U+2029 are
// written as \u escapes, so the JSON can be embedded in an HTML <script> element without
// "</script>" in document text ending it early. Invalid UTF-8 becomes U+FFFD.
//
// The writer tracks nesting and inserts commas; the caller alternates Key() and a value
// inside objects. Output is indented by two spaces per level. Not thread-safe.
#ifndef CLAIMCHECK_REVIEW_JSON_WRITER_H_
#define CLAIMCHECK_REVIEW_JSON_WRITER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimcheck {

class JsonWriter {
 public:
  JsonWriter() = default;
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The next member's name; must be followed by exactly one value.
  void Key(absl::string_view key);
  void String(absl::string_view value);
  // Integers print without a fraction; non-finite numbers print as null.
  void Number(double value);
  void Bool(bool value);
  void Null();

  // Key + String in one call.
  void Member(absl::string_view key, absl::string_view value) {
    Key(key);
    String(value);
  }

  // The text written so far (complete once every Begin has its End).
  const std::string& text() const { return out_; }

  // `value` as a quoted, escaped JSON string.
  static std::string Quote(absl::string_view value);

 private:
  void BeforeValue();
  void Newline();
  void Close(char bracket);

  std::string out_;
  // One entry per open container: true once it has a member/element.
  std::vector<bool> has_items_;
  bool after_key_ = false;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_REVIEW_JSON_WRITER_H_
