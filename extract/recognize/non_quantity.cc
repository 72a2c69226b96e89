#include "extract/recognize/non_quantity.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }
bool IsAlpha(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Shapes that disqualify a number, tried anchored at its first digit.
const char* const kPatterns[] = {
    R"(\d{1,2}:\d{2})",                                      // 10:42, 4:39
    R"(\d{1,2}(?:[.:]\d{2})?\s?[aApP]\.?[mM]\.?(?:[^A-Za-z]|$))",  // 6pm, 2 p.m.
    R"(\d+(?:[-/.]\d+){2,})",                                // dates, phones, versions
    R"(\d+(?:st|nd|rd|th|ST|ND|RD|TH)(?:[^A-Za-z]|$))",      // ordinals
    R"(\d{4}s(?:[^A-Za-z]|$))",                              // the 1990s
    R"(\d0s(?:[^A-Za-z]|$))",                                // the '90s
    R"(\d+'s)",                                              // 2020's
    R"(\d{3,}-\d{4,})",                                      // 555-1234, ids
};

inline bool IsDelimiter(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '"': case '<': case '>': case '\'':
    case '(': case ')': case '[': case ']': case '{': case '}':
      return true;
    default:
      return false;
  }
}

// The bytes the URL / e-mail / escaped-JSON markers of HasUrlMarker start with or hold:
// every marker holds one of ":.@\\?".
bool IsUrlMarkerByte(char c) {
  return c == ':' || c == '.' || c == '@' || c == '\\' || c == '?';
}

// Flags of a byte for the walk over a number's token.
constexpr uint8_t kDelimiterByte = 1;
constexpr uint8_t kMarkerByte = 2;
// Every marker but "@" also holds a letter or a '/' ("://", "\\/", "?p=", ".com",
// ".htm", "www."): a token with marker bytes and neither ("3.5", "2023.", "10:42") holds
// no marker.
constexpr uint8_t kAtByte = 4;
constexpr uint8_t kLetterOrSlashByte = 8;

// True when `token` holds one of the URL / e-mail / escaped-JSON markers "://", "www.",
// "@", "\\/", ".com", ".htm" or "?p=" (one pass over its marker bytes).
bool HasUrlMarker(absl::string_view token) {
  const size_t n = token.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsUrlMarkerByte(token[i])) continue;
    switch (token[i]) {
      case '@':
        return true;
      case ':':
        if (token.substr(i, 3) == "://") return true;
        break;
      case '\\':
        if (i + 1 < n && token[i + 1] == '/') return true;
        break;
      case '?':
        if (token.substr(i, 3) == "?p=") return true;
        break;
      case '.':
        if (token.substr(i, 4) == ".com" || token.substr(i, 4) == ".htm" ||
            (i >= 3 && token.substr(i - 3, 4) == "www.")) {
          return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

bool IsMonth(absl::string_view word) {
  // Every month name or abbreviation has 3 to 9 letters and starts with one of "adfjmnos";
  // only the names with the word's first letter are compared.
  if (word.size() < 3 || word.size() > 9) return false;
  static constexpr absl::string_view kMonths[] = {
      "apr", "april", "aug", "august",                    // a: 0-3
      "dec", "december",                                  // d: 4-5
      "feb", "february",                                  // f: 6-7
      "jan", "january", "jun", "june", "jul", "july",     // j: 8-13
      "mar", "march", "may",                              // m: 14-16
      "nov", "november",                                  // n: 17-18
      "oct", "october",                                   // o: 19-20
      "sep", "sept", "september"};                        // s: 21-23
  size_t from = 0, to = 0;
  switch (word[0] | 0x20) {
    case 'a': from = 0, to = 4; break;
    case 'd': from = 4, to = 6; break;
    case 'f': from = 6, to = 8; break;
    case 'j': from = 8, to = 14; break;
    case 'm': from = 14, to = 17; break;
    case 'n': from = 17, to = 19; break;
    case 'o': from = 19, to = 21; break;
    case 's': from = 21, to = 24; break;
    default: return false;
  }
  for (size_t i = from; i < to; ++i) {
    const absl::string_view month = kMonths[i];
    if (month.size() != word.size()) continue;
    bool same = true;  // the month's letters in any case ('A' | 0x20 == 'a', no other byte)
    for (size_t k = 0; k < word.size() && same; ++k) same = (word[k] | 0x20) == month[k];
    if (!same) continue;
    // "may" and "march" are also verbs: only capitalised (or all lower-case text) counts.
    if (month == "may" || month == "march") return absl::ascii_isupper(word[0]);
    return true;
  }
  return false;
}

// The word ending just before `pos` (skipping blanks and one '.'), or empty.
absl::string_view WordBefore(absl::string_view text, size_t pos, size_t* word_begin) {
  size_t e = pos;
  while (e > 0 && text[e - 1] == ' ') --e;
  if (e > 0 && text[e - 1] == '.') --e;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && IsAlpha(text[b - 1])) --b;
  *word_begin = b;
  return text.substr(b, e - b);
}

absl::string_view WordAfter(absl::string_view text, size_t pos) {
  size_t b = pos;
  while (b < text.size() && text[b] == ' ') ++b;
  size_t e = b;
  while (e < text.size() && IsAlpha(text[e])) ++e;
  return text.substr(b, e - b);
}

bool AtLineStart(absl::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r';
}

// The kPatterns read by hand at the start of `w` (which starts with a digit): 1 = some
// pattern matches, 0 = none does, -1 = unsure (a non-ASCII byte where "[^A-Za-z]" is
// tested: RE2 reads it as a UTF-8 character, valid or not).
int MatchShapeByHand(absl::string_view w) {
  const size_t n = w.size();
  auto digit = [&](size_t i) { return i < n && IsDigit(w[i]); };
  auto at = [&](size_t i) { return i < n ? w[i] : '\0'; };
  // "(?:[^A-Za-z]|$)" at i: 1, 0 or -1.
  auto boundary = [&](size_t i) {
    if (i >= n) return 1;
    if (static_cast<unsigned char>(w[i]) >= 0x80) return -1;
    return IsAlpha(w[i]) ? 0 : 1;
  };
  size_t d = 0;
  while (digit(d)) ++d;
  int unsure = 0;
  // \d{1,2}:\d{2}
  if ((d == 1 || d == 2) && at(d) == ':' && digit(d + 1) && digit(d + 2)) return 1;
  // \d{1,2}(?:[.:]\d{2})?\s?[aApP]\.?[mM]\.?(?:[^A-Za-z]|$)
  if (d == 1 || d == 2) {
    size_t starts[2] = {d, 0};
    int nstarts = 1;
    if ((at(d) == '.' || at(d) == ':') && digit(d + 1) && digit(d + 2)) starts[nstarts++] = d + 3;
    for (int s = 0; s < nstarts; ++s) {
      const size_t q = starts[s];
      const char cq = at(q);
      const bool space = cq == ' ' || cq == '\t' || cq == '\n' || cq == '\f' || cq == '\r';
      for (size_t r : {q, q + 1}) {
        if (r == q + 1 && !space) break;
        const char a = at(r);
        if (a != 'a' && a != 'A' && a != 'p' && a != 'P') continue;
        size_t t = r + 1;
        if (at(t) == '.') ++t;
        if (at(t) != 'm' && at(t) != 'M') continue;
        const int b = boundary(t + 1);
        if (b == 1) return 1;
        if (b < 0) unsure = 1;
      }
    }
  }
  // \d+(?:[-/.]\d+){2,}
  {
    size_t p = d;
    int groups = 0;
    while ((at(p) == '-' || at(p) == '/' || at(p) == '.') && digit(p + 1)) {
      ++p;
      while (digit(p)) ++p;
      ++groups;
    }
    if (groups >= 2) return 1;
  }
  // \d+(?:st|nd|rd|th|ST|ND|RD|TH)(?:[^A-Za-z]|$)
  {
    const char a = at(d), b = at(d + 1);
    const bool suffix = (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                        (a == 'r' && b == 'd') || (a == 't' && b == 'h') ||
                        (a == 'S' && b == 'T') || (a == 'N' && b == 'D') ||
                        (a == 'R' && b == 'D') || (a == 'T' && b == 'H');
    if (suffix) {
      const int r = boundary(d + 2);
      if (r == 1) return 1;
      if (r < 0) unsure = 1;
    }
  }
  // \d{4}s(?:[^A-Za-z]|$) and \d0s(?:[^A-Za-z]|$)
  if ((d == 4 || (d == 2 && w[1] == '0')) && at(d) == 's') {
    const int r = boundary(d + 1);
    if (r == 1) return 1;
    if (r < 0) unsure = 1;
  }
  // \d+'s
  if (at(d) == '\'' && at(d + 1) == 's') return 1;
  // \d{3,}-\d{4,}
  if (d >= 3 && at(d) == '-' && digit(d + 1) && digit(d + 2) && digit(d + 3) && digit(d + 4)) {
    return 1;
  }
  return unsure ? -1 : 0;
}

}  // namespace

bool NonQuantityFilter::MatchesShapeRe2(absl::string_view window) const {
  return set_->Match(re2::StringPiece(window.data(), window.size()), nullptr);
}

bool NonQuantityFilter::MatchesShape(absl::string_view window) const {
  const int by_hand = MatchShapeByHand(window);
  return by_hand < 0 ? MatchesShapeRe2(window) : by_hand == 1;
}

absl::StatusOr<std::unique_ptr<NonQuantityFilter>> NonQuantityFilter::Create() {
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto set = std::make_unique<re2::RE2::Set>(options, re2::RE2::ANCHOR_START);
  for (const char* pattern : kPatterns) {
    std::string error;
    if (set->Add(pattern, &error) < 0) {
      return absl::InternalError(absl::StrCat("bad pattern ", pattern, ": ", error));
    }
  }
  if (!set->Compile()) return absl::InternalError("RE2::Set failed to compile");
  return std::unique_ptr<NonQuantityFilter>(new NonQuantityFilter(std::move(set)));
}

bool NonQuantityFilter::Reject(absl::string_view text, const ParsedNumber& number,
                               bool currency_before, size_t* skip_to) const {
  size_t b = number.begin;
  *skip_to = number.end;
  if (number.from_words && !IsDigit(text[b])) return false;
  // An absurdly long run of digits is an id or garbage, never an amount.
  if (number.integer_digits > 18) {
    *skip_to = TokenEnd(text, b);
    return true;
  }
  // The walks below read raw bytes: they run for every number, and string_view's
  // (hardened) operator[] checks each index.
  const char* t = text.data();
  const size_t size = text.size();
  char prev = b > 0 ? t[b - 1] : '\0';
  bool reject = false;
  if (IsAlpha(prev) && !currency_before) reject = true;                 // A100, S10, SN1
  if ((prev == '-' || prev == '_') && b >= 2 && IsAlnum(t[b - 2])) reject = true;  // SCP-173
  switch (prev) {  // "+86", "#3", "@2x", "/2024", "=5", "&1", "?id=7", ":8080", "_2"
    case '+': case '#': case '@': case '/': case '\\': case '=': case '&': case '?': case ':':
    case '_':
      reject = true;
      break;
    default:
      break;
  }
  if (prev == '.' && b >= 2 && IsDigit(t[b - 2])) reject = true;
  if (prev == '"' && b >= 2 && t[b - 2] == ':') reject = true;  // JSON "count":"0"
  if (!reject) {
    // Lists in brackets: JSON arrays ("tags":[5205,75446]) and reference marks ("[12]").
    size_t k = b, steps = 0;
    while (k > 0 && steps < 200 && (IsDigit(t[k - 1]) || t[k - 1] == ',')) --k, ++steps;
    size_t e = number.end;
    steps = 0;
    while (e < size && steps < 200 && (IsDigit(t[e]) || t[e] == ',')) ++e, ++steps;
    if ((k > 0 && t[k - 1] == '[') || (e < size && t[e] == ']')) reject = true;
  }
  if (!reject) {
    // Inside a URL, an e-mail address or an escaped JSON string. The walk over the token
    // notes whether it holds a byte of a marker at all; most tokens ("12,000") do not.
    static const auto* kTokenBytes = [] {
      auto* t = new std::array<uint8_t, 256>();
      for (int c = 0; c < 256; ++c) {
        (*t)[c] = (IsDelimiter(static_cast<char>(c)) ? kDelimiterByte : 0) |
                  (IsUrlMarkerByte(static_cast<char>(c)) ? kMarkerByte : 0) |
                  (c == '@' ? kAtByte : 0) |
                  (IsAlpha(static_cast<char>(c)) || c == '/' ? kLetterOrSlashByte : 0);
      }
      return t;
    }();
    size_t tb = b, te = number.end;
    size_t limit = 300;
    uint8_t seen = 0;
    const uint8_t* bytes = kTokenBytes->data();
    while (tb > 0 && b - tb < limit) {
      const uint8_t f = bytes[static_cast<unsigned char>(t[tb - 1])];
      if (f & kDelimiterByte) break;
      seen |= f;
      --tb;
    }
    // The number's own bytes: none matters in a plain integer (digits only).
    if (!number.plain_integer) {
      for (size_t k = b; k < te; ++k) seen |= bytes[static_cast<unsigned char>(t[k])];
    }
    while (te < size && te - number.end < limit) {
      const uint8_t f = bytes[static_cast<unsigned char>(t[te])];
      if (f & kDelimiterByte) break;
      seen |= f;
      ++te;
    }
    absl::string_view token = text.substr(tb, te - tb);
    const bool may_hold_marker =
        (seen & kAtByte) || ((seen & kMarkerByte) && (seen & kLetterOrSlashByte));
    if (may_hold_marker && HasUrlMarker(token)) {
      *skip_to = te > b ? te : b + 1;
      return true;
    }
  }
  if (!reject && IsDigit(text[b]) && MayHaveShape(text, b)) {
    if (MatchesShape(text.substr(b, 48))) reject = true;
  }
  if (!reject && number.plain_integer && number.integer_digits <= 3 &&
      number.literal_end + 1 < text.size() &&
      (text[number.literal_end] == '.' || text[number.literal_end] == ')') &&
      text[number.literal_end + 1] == ' ' && AtLineStart(text, b)) {
    reject = true;  // "1. First item"
  }
  if (!reject && number.plain_integer && number.value <= 31 && number.integer_digits <= 2) {
    size_t wb;
    if (IsMonth(WordBefore(text, b, &wb)) || IsMonth(WordAfter(text, number.end))) {
      reject = true;  // "Nov 4", "4 November"
    }
  }
  if (reject) *skip_to = TokenEnd(text, b);
  return reject;
}

bool NonQuantityFilter::MayHaveShape(absl::string_view text, size_t b) {
  const char* t = text.data();
  const size_t size = text.size();
  // Every pattern needs one of ":'.-/", a letter or a blank right after the first
  // digits. A letter or blank can only begin "am"/"pm" (after one or two digits: "6pm",
  // "2 p.m."), an ordinal ("4th", "2nd") or a decade ("1990s", "90s").
  size_t k = b;
  while (k < size && IsDigit(t[k])) ++k;
  const size_t digits = k - b;
  auto at = [&](size_t x) { return x < size ? t[x] : '\0'; };
  const char after = at(k);
  // [aApP]\.?[mM] at x.
  auto am_pm = [&](size_t x) {
    const char a = at(x) | 0x20;
    if (a != 'a' && a != 'p') return false;
    const size_t m = at(x + 1) == '.' ? x + 2 : x + 1;
    return (at(m) | 0x20) == 'm';
  };
  bool maybe = after == ':' || after == '\'';
  if (after == '.' || after == '-' || after == '/') {
    // A separator and digits ("3.5", "10-20", "3/4") make a shape only with a second
    // group after them ("2023-09-03", "192.168.1.2", "5/17/2018"), as a time of day
    // ("6.30 pm": one or two digits, then two), or as "\d{3,}-\d{4,}" ("555-1234").
    size_t g = k + 1;
    while (g < size && IsDigit(t[g])) ++g;
    const size_t group = g - (k + 1);
    const char sep = at(g);
    maybe = group > 0 &&
            (((sep == '-' || sep == '/' || sep == '.') && IsDigit(at(g + 1))) ||
             (after == '.' && digits <= 2 && group == 2) ||
             (after == '-' && digits >= 3 && group >= 4));
  }
  if (!maybe && IsAlpha(after)) {
    const char l = after | 0x20;
    maybe = (digits <= 2 && am_pm(k)) || l == 's' || l == 'n' || l == 'r' || l == 't';
  } else if (!maybe && after == ' ') {
    maybe = digits <= 2 && am_pm(k + 1);
  }
  return maybe;
}

size_t NonQuantityFilter::TokenEnd(absl::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size()) {
    char c = text[i];
    if (IsAlnum(c)) {
      ++i;
    } else if ((c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == ',') &&
               i + 1 < text.size() && IsAlnum(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i > pos ? i : pos + 1;
}

bool NonQuantityFilter::LooksLikeYear(absl::string_view, const ParsedNumber& number) {
  return number.plain_integer && number.integer_digits == 4 && number.value >= 1800 &&
         number.value <= 2100;
}

bool NonQuantityFilter::FollowsName(absl::string_view text, const ParsedNumber& number) {
  // Integers ("Phase 2", "Mate 60") and short decimals ("Version 2.0").
  bool short_decimal = !number.from_words && !number.is_fraction && number.scale == 1 &&
                       number.integer_digits <= 2 && number.precision < 1 &&
                       number.value > 0;
  if (!number.plain_integer && !short_decimal) return false;
  size_t b = number.begin;
  if (b < 2 || text[b - 1] != ' ') return false;
  size_t wb = b - 1;
  while (wb > 0 && (IsAlnum(text[wb - 1]) || text[wb - 1] == '-')) --wb;
  absl::string_view word = text.substr(wb, b - 1 - wb);
  if (word.size() < 2 || !absl::ascii_isupper(static_cast<unsigned char>(word[0]))) return false;
  static const auto* kFunction = new absl::flat_hash_set<std::string>{
      "in", "on", "at", "by", "for", "the", "about", "over", "some", "nearly", "almost",
      "up", "to", "and", "of", "from", "since", "until", "between", "with", "than",
      "around", "roughly", "approximately", "only", "just", "all", "its", "their", "his",
      "her", "our", "another", "every", "each", "last", "first", "next", "these", "those",
      "after", "before", "during", "under", "above", "below", "more", "less", "fewer",
      "nearly", "estimated", "total", "top", "least", "most", "was", "were", "is", "are",
      "has", "had", "have", "will", "would", "said", "says", "also", "then", "than", "rmb",
      "usd", "eur", "gbp", "cny", "exactly", "additional", "extra", "another", "totaling",
      "totalling", "without", "within", "across", "into", "per", "plus", "minus", "about",
      "around", "some", "if", "when", "while", "as", "so", "but", "or", "nor", "yet", "a",
      "an", "only", "over", "under", "both", "either", "all", "no", "not", "we", "they",
      "he", "she", "it", "i", "you", "there", "here", "what", "which", "who"};
  if (kFunction->contains(absl::AsciiStrToLower(word))) return false;
  return !IsMonth(word);
}

bool NonQuantityFilter::IsPronounOne(absl::string_view text, const ParsedNumber& number) {
  if (!number.from_words || number.value != 1 || number.end - number.begin != 3) return false;
  size_t wb;
  std::string before = absl::AsciiStrToLower(WordBefore(text, number.begin, &wb));
  std::string after = absl::AsciiStrToLower(WordAfter(text, number.end));
  static const auto* kBefore = new absl::flat_hash_set<std::string>{
      "the", "this", "that", "which", "each", "any", "every", "no", "another", "one",
      "someone", "anyone", "everyone", "no one", "a", "little", "big", "new", "old"};
  static const auto* kAfter = new absl::flat_hash_set<std::string>{
      "of", "another", "you", "who", "which", "that", "is", "do", "does", "day",
      "thing", "way", "can", "could", "might", "must", "should", "would", "will"};
  return kBefore->contains(before) || kAfter->contains(after);
}

}  // namespace claimcheck
