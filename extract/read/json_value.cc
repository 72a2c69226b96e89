#include "extract/read/json_value.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "extract/read/byte_words.h"
#include "extract/read/utf8.h"

namespace claimcheck {

const JsonValue* JsonValue::Find(absl::string_view key) const {
  if (type_ != Type::kObject) return nullptr;
  for (const Member& m : members_) {
    if (m.key() == key) return &m.value;
  }
  return nullptr;
}

const JsonValue* JsonValue::FindString(absl::string_view key) const {
  const JsonValue* v = Find(key);
  return v != nullptr && v->is_string() ? v : nullptr;
}

const JsonValue* JsonValue::FindPath(std::initializer_list<absl::string_view> keys) const {
  const JsonValue* v = this;
  for (absl::string_view k : keys) {
    v = v->Find(k);
    if (v == nullptr) return nullptr;
  }
  return v;
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Hex4(absl::string_view t, size_t i, char32_t* out) {
  if (i + 4 > t.size()) return false;
  char32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    int d = HexDigit(t[i + k]);
    if (d < 0) return false;
    v = v * 16 + static_cast<char32_t>(d);
  }
  *out = v;
  return true;
}

// The first offset at or after `p` holding a quote, a backslash or a control byte (which
// end or interrupt the plain bytes of a string), or t.size(). Sixteen bytes at a time.
size_t SkipPlainStringBytes(absl::string_view t, size_t p) {
  while (p + ByteBlock::kSize <= t.size()) {
    const ByteBlock block(t.data() + p);
    const uint32_t stop = block.Equal('"') | block.Equal('\\') | block.Below(0x20);
    if (stop != 0) return p + FirstMarked(stop);
    p += ByteBlock::kSize;
  }
  while (p < t.size() && t[p] != '"' && t[p] != '\\' && static_cast<unsigned char>(t[p]) >= 0x20) {
    ++p;
  }
  return p;
}

}  // namespace

class JsonParser {
 public:
  explicit JsonParser(absl::string_view text) : t_(text) {}

  absl::Status Parse(JsonValue* out) {
    SkipSpace();
    if (!Value(out, 0)) return error_;
    SkipSpace();
    if (i_ != t_.size()) Fail("unexpected text after the JSON value");
    return error_;
  }
  size_t error_offset() const { return error_at_; }

  // Decodes the string starting at the quote at `i`; appends to `*out`; map optional.
  // With `out` null the string is only checked (and `map` must be null too).
  bool String(size_t* i, std::string* out, OffsetMap* map) {
    if (out == nullptr) return CheckString(i);
    size_t p = *i + 1;
    size_t run = p;
    auto flush = [&](size_t upto) {
      if (upto > run) {
        if (map) map->AddExact(out->size(), run);
        out->append(t_.data() + run, upto - run);
      }
    };
    while (true) {
      if (p >= t_.size()) {
        i_ = p;
        return Fail("unexpected end of input inside a string (truncated JSON?)");
      }
      p = SkipPlainStringBytes(t_, p);
      if (p >= t_.size()) continue;
      char c = t_[p];
      if (c == '"') {
        flush(p);
        *i = p + 1;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        i_ = p;
        return Fail("control character inside a string");
      }
      if (c != '\\') {
        ++p;
        continue;
      }
      flush(p);
      size_t esc = p;
      if (p + 1 >= t_.size()) {
        i_ = p + 1;
        return Fail("unexpected end of input inside a string (truncated JSON?)");
      }
      if (map) map->AddInexact(out->size(), esc);
      char e = t_[p + 1];
      p += 2;
      std::string* dst = out;
      switch (e) {
        case '"': dst->push_back('"'); break;
        case '\\': dst->push_back('\\'); break;
        case '/': dst->push_back('/'); break;
        case 'b': dst->push_back('\b'); break;
        case 'f': dst->push_back('\f'); break;
        case 'n': dst->push_back('\n'); break;
        case 'r': dst->push_back('\r'); break;
        case 't': dst->push_back('\t'); break;
        case 'u': {
          char32_t cp;
          if (!UnicodeEscape(esc, &p, &cp)) return false;
          AppendUtf8(cp, dst);  // a lone surrogate becomes U+FFFD
          break;
        }
        default:
          i_ = esc;
          return Fail(absl::StrCat("bad escape \\", std::string(1, e)));
      }
      run = p;
    }
  }

  // String(i, nullptr, nullptr): checks the string starting at the quote at `i` (the
  // same errors at the same places) without decoding its escapes.
  bool CheckString(size_t* i) {
    size_t p = *i + 1;
    while (true) {
      if (p >= t_.size()) {
        i_ = p;
        return Fail("unexpected end of input inside a string (truncated JSON?)");
      }
      p = SkipPlainStringBytes(t_, p);
      if (p >= t_.size()) continue;
      const char c = t_[p];
      if (c == '"') {
        *i = p + 1;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        i_ = p;
        return Fail("control character inside a string");
      }
      if (c != '\\') {
        ++p;
        continue;
      }
      const size_t esc = p;
      if (p + 1 >= t_.size()) {
        i_ = p + 1;
        return Fail("unexpected end of input inside a string (truncated JSON?)");
      }
      const char e = t_[p + 1];
      p += 2;
      switch (e) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          break;
        case 'u': {
          char32_t cp;
          if (!UnicodeEscape(esc, &p, &cp)) return false;
          break;
        }
        default:
          i_ = esc;
          return Fail(absl::StrCat("bad escape \\", std::string(1, e)));
      }
    }
  }

 private:
  // Reads the four hex digits of a \u escape (whose backslash is at `esc`) at t_[*p] and,
  // after a high surrogate, a following \uDC00-\uDFFF escape, joined into one code
  // point; *p moves past them. Bad hex digits fail at `esc`.
  bool UnicodeEscape(size_t esc, size_t* p, char32_t* cp) {
    if (!Hex4(t_, *p, cp)) {
      i_ = esc;
      return Fail("bad \\u escape");
    }
    *p += 4;
    if (*cp >= 0xD800 && *cp <= 0xDBFF && *p + 1 < t_.size() && t_[*p] == '\\' &&
        t_[*p + 1] == 'u') {
      char32_t lo;
      if (Hex4(t_, *p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
        *cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
        *p += 6;
      }
    }
    return true;
  }

  bool Fail(absl::string_view what) {
    if (error_.ok()) {
      error_at_ = i_;
      error_ = absl::InvalidArgumentError(absl::StrCat("byte ", i_, ": ", what));
    }
    return false;
  }
  bool Truncated(absl::string_view expected) {
    return Fail(absl::StrCat("unexpected end of input, expected ", expected, " (truncated JSON?)"));
  }

  void SkipSpace() {
    while (i_ < t_.size() &&
           (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) {
      ++i_;
    }
  }

  bool Literal(absl::string_view word) {
    if (t_.substr(i_, word.size()) == word) {
      i_ += word.size();
      return true;
    }
    if (t_.size() - i_ < word.size() && word.substr(0, t_.size() - i_) == t_.substr(i_)) {
      i_ = t_.size();
      return Truncated(word);
    }
    return Fail("unexpected character");
  }

  bool Value(JsonValue* v, int depth) {
    if (depth > kMaxJsonDepth) return Fail("JSON nested too deeply");
    if (i_ >= t_.size()) return Truncated("a value");
    v->begin_ = i_;
    char c = t_[i_];
    bool ok = true;
    switch (c) {
      case '{': ok = Object(v, depth); break;
      case '[': ok = Array(v, depth); break;
      case '"': {
        v->type_ = JsonValue::Type::kString;
        // Strings are viewed in place, not copied; one with escapes is only checked
        // here and decoded when asked for (JsonValue::Decoded).
        const size_t begin = i_;
        const size_t stop = SkipPlainStringBytes(t_, i_ + 1);
        if (stop < t_.size() && t_[stop] == '"') {
          i_ = stop + 1;
        } else {
          v->escaped_ = true;
          ok = String(&i_, nullptr, nullptr);
        }
        if (ok) v->view_ = t_.substr(begin + 1, i_ - begin - 2);
        break;
      }
      case 't':
        v->type_ = JsonValue::Type::kBool;
        v->bool_ = true;
        ok = Literal("true");
        break;
      case 'f':
        v->type_ = JsonValue::Type::kBool;
        ok = Literal("false");
        break;
      case 'n': ok = Literal("null"); break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          ok = Number(v);
        } else {
          ok = Fail(absl::StrCat("unexpected character '", std::string(1, c), "'"));
        }
    }
    v->end_ = i_;
    return ok;
  }

  bool Number(JsonValue* v) {
    size_t b = i_;
    if (t_[i_] == '-') ++i_;
    // Digits alone (ids, counts): up to 15 of them are exact in a double, and the value
    // is what SimpleAtod gives; anything else (fraction, exponent, more digits) goes to it.
    uint64_t whole = 0;
    size_t digits = 0;
    while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') {
      whole = whole * 10 + static_cast<uint64_t>(t_[i_] - '0');
      ++i_;
      ++digits;
    }
    v->type_ = JsonValue::Type::kNumber;
    const bool more = i_ < t_.size() && (t_[i_] == '.' || t_[i_] == 'e' || t_[i_] == 'E' ||
                                         t_[i_] == '+' || t_[i_] == '-');
    if (!more && digits > 0 && digits <= 15) {
      v->number_ = t_[b] == '-' ? -static_cast<double>(whole) : static_cast<double>(whole);
      return true;
    }
    while (i_ < t_.size() && ((t_[i_] >= '0' && t_[i_] <= '9') || t_[i_] == '.' ||
                              t_[i_] == 'e' || t_[i_] == 'E' || t_[i_] == '+' || t_[i_] == '-')) {
      ++i_;
    }
    if (!absl::SimpleAtod(t_.substr(b, i_ - b), &v->number_)) {
      i_ = b;
      return Fail("bad number");
    }
    return true;
  }

  bool Array(JsonValue* v, int depth) {
    v->type_ = JsonValue::Type::kArray;
    ++i_;
    SkipSpace();
    if (i_ < t_.size() && t_[i_] == ']') {
      ++i_;
      return true;
    }
    v->items_.reserve(4);  // most arrays are short: no regrowth from 1 to 2 to 4
    while (true) {
      SkipSpace();
      v->items_.emplace_back();
      if (!Value(&v->items_.back(), depth + 1)) return false;
      SkipSpace();
      if (i_ >= t_.size()) return Truncated("',' or ']'");
      if (t_[i_] == ',') {
        ++i_;
        continue;
      }
      if (t_[i_] == ']') {
        ++i_;
        return true;
      }
      return Fail("expected ',' or ']'");
    }
  }

  bool Object(JsonValue* v, int depth) {
    v->type_ = JsonValue::Type::kObject;
    ++i_;
    SkipSpace();
    if (i_ < t_.size() && t_[i_] == '}') {
      ++i_;
      return true;
    }
    // Room for the members of most objects, so the vector (of large elements) is not
    // regrown member by member.
    v->members_.reserve(8);
    while (true) {
      SkipSpace();
      if (i_ >= t_.size()) return Truncated("a member name");
      if (t_[i_] != '"') return Fail("expected a member name in quotes");
      // The member is built in place; a name without escapes is viewed, not copied.
      JsonValue::Member& member = v->members_.emplace_back();
      const size_t stop = SkipPlainStringBytes(t_, i_ + 1);
      if (stop < t_.size() && t_[stop] == '"') {
        member.raw_key = t_.substr(i_ + 1, stop - i_ - 1);
        i_ = stop + 1;
      } else {
        const size_t begin = i_;
        if (!String(&i_, &member.decoded_key, nullptr)) return false;
        member.key_escaped = true;
        member.raw_key = t_.substr(begin + 1, i_ - begin - 2);
      }
      JsonValue& value = member.value;
      SkipSpace();
      if (i_ >= t_.size()) return Truncated("':'");
      if (t_[i_] != ':') return Fail("expected ':'");
      ++i_;
      SkipSpace();
      if (!Value(&value, depth + 1)) return false;
      SkipSpace();
      if (i_ >= t_.size()) return Truncated("',' or '}'");
      if (t_[i_] == ',') {
        ++i_;
        continue;
      }
      if (t_[i_] == '}') {
        ++i_;
        return true;
      }
      return Fail("expected ',' or '}'");
    }
  }

  absl::string_view t_;
  size_t i_ = 0;
  absl::Status error_;
  size_t error_at_ = 0;
};

absl::string_view JsonValue::Decoded() const {
  if (!decoded_) {
    // view_ lies between the quotes of a string the parser checked.
    JsonParser parser(absl::string_view(view_.data() - 1, view_.size() + 2));
    size_t i = 0;
    parser.String(&i, &string_, nullptr);
    decoded_ = true;
  }
  return string_;
}

absl::StatusOr<JsonValue> ParseJson(absl::string_view text, size_t* error_offset) {
  JsonParser parser(text);
  JsonValue v;
  absl::Status s = parser.Parse(&v);
  if (!s.ok()) {
    if (error_offset != nullptr) *error_offset = parser.error_offset();
    return s;
  }
  return v;
}

void DecodeStringWithMap(absl::string_view text, const JsonValue& value, std::string* out,
                         OffsetMap* map) {
  out->clear();
  if (!value.is_string()) return;
  JsonParser parser(text);
  size_t i = value.begin();
  if (!parser.String(&i, out, map)) {
    absl::string_view s = value.string_value();  // cannot happen for a parsed value
    out->assign(s.data(), s.size());
  }
}

absl::string_view DecodeStringViewWithMap(absl::string_view text, const JsonValue& value,
                                          std::string* storage, OffsetMap* map) {
  if (value.is_string() && !value.escaped_) {
    // No escapes: the bytes between the quotes, one exact run (none when empty), as
    // DecodeStringWithMap would give.
    if (!value.view_.empty()) map->AddExact(0, value.begin() + 1);
    return value.view_;
  }
  DecodeStringWithMap(text, value, storage, map);
  return *storage;
}

}  // namespace claimcheck
