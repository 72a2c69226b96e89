#include "claims/subject_key.h"

#include <array>

#include "absl/strings/ascii.h"

namespace claimcheck {
namespace {

constexpr unsigned char kSpace = 0xFF;  // in kKeyChar: a byte that separates words

// For each ASCII byte: its lower-case form, or kSpace for whitespace and '|'.
const std::array<unsigned char, 128>& KeyChars() {
  static const std::array<unsigned char, 128> table = [] {
    std::array<unsigned char, 128> t{};
    for (int c = 0; c < 128; ++c) {
      t[c] = absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '|'
                 ? kSpace
                 : static_cast<unsigned char>(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
    return t;
  }();
  return table;
}

}  // namespace

bool IsNormalizedKeyPart(absl::string_view text) {
  if (text.empty()) return true;
  if (text.front() == ' ' || text.back() == ' ') return false;
  const std::array<unsigned char, 128>& key_chars = KeyChars();
  char prev = 0;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      // Kept as it is, or a single space between words.
      if (key_chars[c] != c && !(c == ' ' && prev != ' ')) return false;
    } else if (c == 0xC2 || c == 0xE2) {
      return false;  // may start a no-break space, a typographic quote or a dash
    }
    prev = ch;
  }
  return true;
}

void AppendNormalizedKeyPart(absl::string_view text, std::string* out) {
  // One pass, written straight into the string: the normalised part is never longer than
  // the text (every byte or sequence gives at most one byte, and a space only stands for
  // whitespace it replaces), so it is sized for the text and trimmed after.
  const size_t start = out->size();
  out->resize(start + text.size());
  char* const begin = &(*out)[0] + start;
  char* put = begin;
  const std::array<unsigned char, 128>& key_chars = KeyChars();
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char byte = c;
    if (c < 0x80) {
      byte = key_chars[c];
      if (byte == kSpace) {
        pending_space = true;
        continue;
      }
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80) {
      // U+2018/U+2019 (quotes) -> '\'', U+2010..U+2015 (dashes) -> '-'.
      const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
      if (c2 == 0x98 || c2 == 0x99) {
        byte = '\'';
        i += 2;
      } else if (c2 >= 0x90 && c2 <= 0x95) {
        byte = '-';
        i += 2;
      }
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      pending_space = true;  // no-break space
      ++i;
      continue;
    }
    if (pending_space && put != begin) *put++ = ' ';
    pending_space = false;
    *put++ = static_cast<char>(byte);
  }
  out->resize(start + static_cast<size_t>(put - begin));
}

std::string NormalizeKeyPart(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendNormalizedKeyPart(text, &out);
  return out;
}

namespace {

// Appends the parts of a key, joined by '|', to an empty `*key`; empty qualifier values
// are skipped. `value(i)` gives the i-th of `count` qualifier values. `*key` must not be
// one of the parts.
template <typename Values>
void BuildKey(absl::string_view entity, absl::string_view metric, size_t count,
              const Values& value, std::string* key) {
  size_t size = entity.size() + metric.size() + 1;  // at most, so one allocation
  for (size_t i = 0; i < count; ++i) size += value(i).size() + 1;
  key->reserve(size);
  AppendNormalizedKeyPart(entity, key);
  key->push_back('|');
  AppendNormalizedKeyPart(metric, key);
  for (size_t i = 0; i < count; ++i) {
    const size_t before = key->size();
    key->push_back('|');
    AppendNormalizedKeyPart(value(i), key);
    if (key->size() == before + 1) key->resize(before);  // normalised to nothing
  }
}

}  // namespace

std::string MakeSubjectKey(absl::string_view entity, absl::string_view metric,
                           const std::vector<std::string>& qualifier_values) {
  std::string key;
  BuildKey(entity, metric, qualifier_values.size(),
           [&](size_t i) { return absl::string_view(qualifier_values[i]); }, &key);
  return key;
}

std::string SubjectKey(const v1::Subject& subject) {
  std::string key;
  BuildKey(subject.entity(), subject.metric(), subject.qualifiers_size(),
           [&](size_t i) { return absl::string_view(subject.qualifiers(i).value()); }, &key);
  return key;
}

void SetSubjectKey(v1::Subject* subject) {
  std::string* key = subject->mutable_key();
  key->clear();
  BuildKey(subject->entity(), subject->metric(), subject->qualifiers_size(),
           [&](size_t i) { return absl::string_view(subject->qualifiers(i).value()); }, key);
}

}  // namespace claimcheck
