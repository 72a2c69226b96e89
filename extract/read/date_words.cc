#include "extract/read/date_words.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace claimcheck {
namespace date_words {
namespace {

// What each byte is to Tokenize: a blank, a digit, an ASCII letter, or anything else
// (punctuation, or the first or a continuation byte of a UTF-8 sequence).
enum ByteKind : uint8_t { kOtherByte, kBlankByte, kDigitByte, kLetterByte };
constexpr std::array<uint8_t, 256> MakeByteKinds() {
  std::array<uint8_t, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = kBlankByte;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitByte;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = kLetterByte;
  return t;
}
constexpr std::array<uint8_t, 256> kByteKinds = MakeByteKinds();

// Prefix3 of a lower-case name.
constexpr uint32_t NameKey(absl::string_view name) {
  return static_cast<uint32_t>(name[0]) << 16 | static_cast<uint32_t>(name[1]) << 8 |
         static_cast<uint32_t>(name[2]);
}

constexpr absl::string_view kMonthNames[] = {"january", "february", "march",     "april",
                                             "may",     "june",     "july",      "august",
                                             "september", "october", "november", "december"};
constexpr absl::string_view kWeekdayNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday"};

// NameKey of each name in `names`, computed at compile time.
template <size_t N>
constexpr std::array<uint32_t, N> NameKeys(const absl::string_view (&names)[N]) {
  std::array<uint32_t, N> keys{};
  for (size_t k = 0; k < N; ++k) keys[k] = NameKey(names[k]);
  return keys;
}
constexpr std::array<uint32_t, 12> kMonthKeys = NameKeys(kMonthNames);
constexpr std::array<uint32_t, 7> kWeekdayKeys = NameKeys(kWeekdayNames);

}  // namespace

void Tokenize(absl::string_view s, Tokens* tokens) {
  Tokens& out = *tokens;
  const char* const d = s.data();
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(d[i]);
    const uint8_t byte_kind = kByteKinds[c];
    if (byte_kind == kBlankByte) {
      ++i;
      continue;
    }
    const size_t b = i++;
    Token::Kind kind;
    if (byte_kind != kOtherByte) {  // a run of digits or of letters
      while (i < n && kByteKinds[static_cast<unsigned char>(d[i])] == byte_kind) ++i;
      kind = byte_kind == kDigitByte ? Token::kNum : Token::kWord;
    } else {
      if (c >= 0x80) {  // a whole UTF-8 sequence is one punctuation token
        while (i < n && (static_cast<unsigned char>(d[i]) & 0xC0) == 0x80) ++i;
      }
      kind = Token::kPunct;
    }
    out.push_back(Token{kind, b, i, absl::string_view(d + b, i - b)});
  }
}

bool EqualsAny(absl::string_view w, std::initializer_list<absl::string_view> list) {
  for (absl::string_view x : list) {
    // The length first: most candidates differ in it, and the compare is a call.
    if (w.size() == x.size() && absl::EqualsIgnoreCase(w, x)) return true;
  }
  return false;
}

uint32_t Prefix3(absl::string_view w) {
  if (w.size() < 3) return 0;
  uint32_t key = 0;
  for (int k = 0; k < 3; ++k) {
    const unsigned char c = static_cast<unsigned char>(w[k]);
    if (!absl::ascii_isalpha(c)) return 0;
    key = key << 8 | absl::ascii_tolower(c);
  }
  return key;
}

unsigned MonthNumberWithKey(absl::string_view w, uint32_t key) {
  if (w.size() > 9) return 0;
  for (unsigned m = 0; m < 12; ++m) {
    if (key != kMonthKeys[m]) continue;
    if (w.size() == 3 || absl::EqualsIgnoreCase(w, kMonthNames[m])) return m + 1;
    return m == 8 && w.size() == 4 && absl::EqualsIgnoreCase(w, "sept") ? 9 : 0;
  }
  return 0;
}

int WeekdayNumberWithKey(absl::string_view w, uint32_t key) {
  if (w.size() > 9) return -1;
  for (int d = 0; d < 7; ++d) {
    if (key != kWeekdayKeys[d]) continue;
    if (w.size() == 3 || absl::EqualsIgnoreCase(w, kWeekdayNames[d])) return d;
    if (d == 2 && EqualsAny(w, {"tues"})) return 2;
    if (d == 4 && EqualsAny(w, {"thur", "thurs"})) return 4;
    return -1;
  }
  return -1;
}

unsigned MonthNumber(absl::string_view w) {
  const uint32_t key = Prefix3(w);
  return key == 0 ? 0 : MonthNumberWithKey(w, key);
}

int WeekdayNumber(absl::string_view w) {
  const uint32_t key = Prefix3(w);
  return key == 0 ? -1 : WeekdayNumberWithKey(w, key);
}

bool CanStartDate(absl::string_view w) {
  // The first three letters are packed once for both name lists.
  if (const uint32_t key = Prefix3(w); key != 0) {
    if (MonthNumberWithKey(w, key) != 0 || WeekdayNumberWithKey(w, key) >= 0) return true;
  }
  return EqualsAny(w, {"yesterday", "today", "last", "past", "a", "an", "one"});
}

}  // namespace date_words
}  // namespace claimcheck
