#include "extract/recognize/non_quantity.h"

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

bool IsDelimiter(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '"': case '<': case '>': case '\'':
    case '(': case ')': case '[': case ']': case '{': case '}':
      return true;
    default:
      return false;
  }
}

// End of the alphanumeric token containing `pos` (inner '-', '_', '.', '/', ':' kept).
size_t TokenEnd(absl::string_view text, size_t pos) {
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

bool IsMonth(absl::string_view word) {
  static const auto* kMonths = new absl::flat_hash_set<std::string>{
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
      "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
      "oct", "october", "nov", "november", "dec", "december"};
  if (word.empty() || word.size() > 9) return false;
  std::string lower = absl::AsciiStrToLower(word);
  if (!kMonths->contains(lower)) return false;
  // "may" and "march" are also verbs: only capitalised (or all lower-case text) counts.
  if (lower == "may" || lower == "march") return absl::ascii_isupper(word[0]);
  return true;
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

}  // namespace

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
  char prev = b > 0 ? text[b - 1] : '\0';
  bool reject = false;
  if (IsAlpha(prev) && !currency_before) reject = true;                 // A100, S10, SN1
  if ((prev == '-' || prev == '_') && b >= 2 && IsAlnum(text[b - 2])) reject = true;  // SCP-173
  if (prev && absl::string_view("+#@/\\=&?:_").find(prev) != absl::string_view::npos) reject = true;
  if (prev == '.' && b >= 2 && IsDigit(text[b - 2])) reject = true;
  if (prev == '"' && b >= 2 && text[b - 2] == ':') reject = true;  // JSON "count":"0"
  if (!reject) {
    // Lists in brackets: JSON arrays ("tags":[5205,75446]) and reference marks ("[12]").
    size_t k = b, steps = 0;
    while (k > 0 && steps < 200 && (IsDigit(text[k - 1]) || text[k - 1] == ',')) --k, ++steps;
    size_t e = number.end;
    steps = 0;
    while (e < text.size() && steps < 200 && (IsDigit(text[e]) || text[e] == ',')) ++e, ++steps;
    if ((k > 0 && text[k - 1] == '[') || (e < text.size() && text[e] == ']')) reject = true;
  }
  if (!reject) {
    // Inside a URL, an e-mail address or an escaped JSON string.
    size_t tb = b, te = number.end;
    size_t limit = 300;
    while (tb > 0 && !IsDelimiter(text[tb - 1]) && b - tb < limit) --tb;
    while (te < text.size() && !IsDelimiter(text[te]) && te - number.end < limit) ++te;
    absl::string_view token = text.substr(tb, te - tb);
    // Every marker below holds one of ":.@\\?": most tokens fail on one scan.
    if (token.find_first_of(":.@\\?") != absl::string_view::npos &&
        (absl::StrContains(token, "://") || absl::StrContains(token, "www.") ||
         absl::StrContains(token, "@") || absl::StrContains(token, "\\/") ||
         absl::StrContains(token, ".com") || absl::StrContains(token, ".htm") ||
         absl::StrContains(token, "?p="))) {
      *skip_to = te > b ? te : b + 1;
      return true;
    }
  }
  if (!reject && IsDigit(text[b])) {
    // Every pattern needs one of these right after the first digits: skip the set
    // for the common "12,000 " / "45%" / "3.5 " shapes.
    size_t k = b;
    while (k < text.size() && IsDigit(text[k])) ++k;
    char after = k < text.size() ? text[k] : '\0';
    char next = k + 1 < text.size() ? text[k + 1] : '\0';
    bool maybe = after == ':' || after == '/' || after == '-' || after == '\'' ||
                 IsAlpha(after) || (after == '.' && IsDigit(next)) ||
                 (after == ' ' && (next == 'a' || next == 'A' || next == 'p' || next == 'P'));
    if (maybe) {
      absl::string_view window = text.substr(b, 48);
      if (set_->Match(re2::StringPiece(window.data(), window.size()), nullptr)) reject = true;
    }
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
