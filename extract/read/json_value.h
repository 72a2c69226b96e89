// A small JSON parser that knows where everything came from.
//
// Readers of WordPress REST JSON and JSON Lines need two things a general JSON library
// does not give: the byte offset of a syntax error ("truncated JSON at byte 13568"), and
// the offsets of each string's bytes in the input, so text decoded from a JSON string
// still maps back to the file. JsonValue keeps the [begin, end) range of every value;
// DecodeStringWithMap re-decodes a string value with an OffsetMap.
//
// Limits: nesting deeper than kMaxJsonDepth is an error (no stack overflow on hostile
// input). Numbers are doubles. Duplicate keys are kept in order; Find returns the first.
// String values and member names view the parsed text: a JsonValue must not outlive it. A string with
// escapes is only checked while parsing; it is decoded the first time its string_value()
// is asked for (readers decode the long ones themselves, with an offset map).
//
// Thread-safety: functions are pure. A parsed JsonValue may be read by one thread at a
// time (string_value() may decode into it).
#ifndef CLAIMCHECK_EXTRACT_READ_JSON_VALUE_H_
#define CLAIMCHECK_EXTRACT_READ_JSON_VALUE_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/read/offset_map.h"

namespace claimcheck {

inline constexpr int kMaxJsonDepth = 200;

class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type() const { return type_; }
  bool is_object() const { return type_ == Type::kObject; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_string() const { return type_ == Type::kString; }
  bool bool_value() const { return bool_; }
  double number() const { return number_; }
  // The decoded string (kString only). A string without escapes is a view of the parsed
  // text (no copy is made): keep that text alive while the value is used. One with
  // escapes is decoded on the first call and kept.
  absl::string_view string_value() const { return escaped_ ? Decoded() : view_; }
  const std::vector<JsonValue>& items() const { return items_; }
  // The members of an object, in order (see Member below).
  struct Member;
  const std::vector<Member>& members() const { return members_; }
  // Byte range of the value in the parsed text (a string's range includes its quotes).
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }

  // The first member named `key` of an object, or nullptr (also for non-objects).
  const JsonValue* Find(absl::string_view key) const;
  // Find(key) when it is a string, else nullptr.
  const JsonValue* FindString(absl::string_view key) const;
  // Follows a path of object keys ("title", "rendered"); nullptr when any step fails.
  const JsonValue* FindPath(std::initializer_list<absl::string_view> keys) const;

 private:
  friend class JsonParser;
  friend absl::string_view DecodeStringViewWithMap(absl::string_view, const JsonValue&,
                                                   std::string*, OffsetMap*);
  // Decodes view_ (a string with escapes) into string_ once; returns string_.
  absl::string_view Decoded() const;
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  bool escaped_ = false;         // the string has escapes: view_ is undecoded
  mutable bool decoded_ = false;  // string_ holds the decoded escaped string
  mutable std::string string_;
  absl::string_view view_;  // the string's bytes in the text, between the quotes
  std::vector<JsonValue> items_;
  std::vector<Member> members_;
  size_t begin_ = 0;
  size_t end_ = 0;
};

// An object member. A name without escapes views the parsed text; one with escapes is
// decoded while parsing.
struct JsonValue::Member {
  absl::string_view key() const { return key_escaped ? decoded_key : raw_key; }
  absl::string_view raw_key;  // the bytes between the quotes
  bool key_escaped = false;
  std::string decoded_key;  // when key_escaped
  JsonValue value;
};

// Parses `text` as exactly one JSON value (whitespace around it allowed). On error
// returns InvalidArgument "byte N: <what>" ("byte 812: unexpected end of input
// (truncated JSON?)") and, when `error_offset` is not null, stores N there.
absl::StatusOr<JsonValue> ParseJson(absl::string_view text, size_t* error_offset = nullptr);

// Decodes the string value `value` (parsed from `text`) into `*out`, filling `*map` with
// runs from `*out` offsets to `text` offsets (escapes map inexactly to their backslash).
void DecodeStringWithMap(absl::string_view text, const JsonValue& value, std::string* out,
                         OffsetMap* map);

// The same decoded string and runs (added to `*map`, which should be empty), as a view:
// of `text` itself when the string has no escapes (nothing is copied), else of `*storage`.
absl::string_view DecodeStringViewWithMap(absl::string_view text, const JsonValue& value,
                                          std::string* storage, OffsetMap* map);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_JSON_VALUE_H_
