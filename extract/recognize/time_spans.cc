// Each reader walks the span left to right the way the pattern reads it. Where the
// pattern has optional parts, the words written decide: every optional part starts with
// its own literal ("the", "of", ",", "fy", "fiscal", an apostrophe or a digit), so at most
// one way of reading reaches the end of the span, and its groups are RE2's.
#include "extract/recognize/time_spans.h"

#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "extract/recognize/time_anchors.h"

namespace claimcheck {
namespace {

bool IsWordByte(char c) {  // RE2's \w, for \b
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool AllAscii(absl::string_view text, size_t b, size_t e) {
  for (size_t k = b; k < e; ++k) {
    if (static_cast<unsigned char>(text[k]) >= 0x80) return false;
  }
  return true;
}

// \b before the word byte at b and after the word byte at e - 1.
bool WordBounded(absl::string_view text, size_t b, size_t e) {
  return e > b && IsWordByte(text[b]) && IsWordByte(text[e - 1]) &&
         (b == 0 || !IsWordByte(text[b - 1])) && (e == text.size() || !IsWordByte(text[e]));
}

// Reads `lower` (ASCII lower case) at *k, in any case, before `e`; moves *k past it.
bool Take(absl::string_view text, size_t e, size_t* k, absl::string_view lower) {
  if (*k + lower.size() > e) return false;
  for (size_t x = 0; x < lower.size(); ++x) {
    if (absl::ascii_tolower(static_cast<unsigned char>(text[*k + x])) != lower[x]) return false;
  }
  *k += lower.size();
  return true;
}

// \s* before `e`.
void SkipBlanks(absl::string_view text, size_t e, size_t* k) {
  while (*k < e && IsRe2Blank(text[*k])) ++*k;
}

// \s+ before `e`.
bool TakeBlanks(absl::string_view text, size_t e, size_t* k) {
  const size_t start = *k;
  SkipBlanks(text, e, k);
  return *k > start;
}

// Reads `lower` at *k when blanks follow it (the pattern's "word\s+"); moves *k past the
// word only.
bool TakeBeforeBlank(absl::string_view text, size_t e, size_t* k, absl::string_view lower) {
  size_t t = *k;
  if (!Take(text, e, &t, lower) || t >= e || !IsRe2Blank(text[t])) return false;
  *k = t;
  return true;
}

// TakeBeforeBlank for the first of `words` that is there.
bool TakeAnyBeforeBlank(absl::string_view text, size_t e, size_t* k,
                        absl::Span<const absl::string_view> words) {
  for (absl::string_view w : words) {
    if (TakeBeforeBlank(text, e, k, w)) return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

re2::StringPiece Piece(absl::string_view text, size_t b, size_t e) {
  return re2::StringPiece(text.data() + b, e - b);
}

// "('\d{2}|(?:19|20)\d{2})" ending exactly at e.
bool YearEndsAt(absl::string_view text, size_t k, size_t e) {
  if (e == k + 3) return text[k] == '\'' && IsDigit(text[k + 1]) && IsDigit(text[k + 2]);
  if (e != k + 4) return false;
  return ((text[k] == '1' && text[k + 1] == '9') || (text[k] == '2' && text[k + 1] == '0')) &&
         IsDigit(text[k + 2]) && IsDigit(text[k + 3]);
}

// "\s*(?:fy\s*|fiscal\s+(?:year\s+)?)?(YEAR)" from k to exactly e; *year_begin set.
bool FiscalYearTail(absl::string_view text, size_t k, size_t e, size_t* year_begin) {
  SkipBlanks(text, e, &k);
  size_t t = k;
  if (Take(text, e, &t, "fy")) {
    SkipBlanks(text, e, &t);
    if (YearEndsAt(text, t, e)) return *year_begin = t, true;
  }
  t = k;
  if (Take(text, e, &t, "fiscal") && TakeBlanks(text, e, &t)) {
    size_t u = t;
    if (Take(text, e, &u, "year") && TakeBlanks(text, e, &u) && YearEndsAt(text, u, e)) {
      return *year_begin = u, true;
    }
    if (YearEndsAt(text, t, e)) return *year_begin = t, true;
  }
  if (YearEndsAt(text, k, e)) return *year_begin = k, true;
  return false;
}

}  // namespace

bool IsTimePreposition(absl::string_view word) {
  static const LowerWordSet* kPreps = new LowerWordSet(CLAIMCHECK_TIME_PREPOSITIONS);
  return kPreps->Contains(word);
}

namespace {

// (?:(PREP)\s+)?, also "on" when `on_too`: the first word at text[*k, e) when it is a
// time preposition followed by blanks ("as of" is two words with one space). Returns it
// and moves *k past the blanks, or returns an empty piece and leaves *k.
re2::StringPiece TakePreposition(absl::string_view text, size_t e, size_t* k, bool on_too) {
  size_t w = *k;
  while (w < e && absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) ++w;
  const absl::string_view word = text.substr(*k, w - *k);
  size_t prep_end = 0;
  if (IsTimePreposition(word) || (on_too && absl::EqualsIgnoreCase(word, "on"))) {
    prep_end = w;
  } else {
    size_t t = *k;
    if (Take(text, e, &t, "as of")) prep_end = t;
  }
  size_t t = prep_end;
  if (prep_end <= *k || !TakeBlanks(text, e, &t)) return re2::StringPiece();
  const re2::StringPiece prep = Piece(text, *k, prep_end);
  *k = t;
  return prep;
}

}  // namespace

int ReadYearSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g) {
  if (e < b + 4 || e > text.size()) return 0;
  if (!AllAscii(text, b, e)) return -1;
  if ((b > 0 && IsWordByte(text[b - 1])) || (e < text.size() && IsWordByte(text[e]))) {
    return 0;  // \b ... \b
  }
  const size_t y = e - 4;
  for (size_t k = y; k < e; ++k) {
    if (!IsDigit(text[k])) return 0;
  }
  if (!((text[y] == '1' && text[y + 1] == '9') || (text[y] == '2' && text[y + 1] == '0'))) {
    return 0;
  }
  re2::StringPiece prep;
  if (y > b) {
    size_t p = y;
    while (p > b && IsRe2Blank(text[p - 1])) --p;
    if (p == y || p == b) return 0;
    if (!IsTimePreposition(text.substr(b, p - b))) return 0;
    prep = Piece(text, b, p);
  }
  g[0] = Piece(text, b, e);
  g[1] = prep;
  g[2] = Piece(text, y, e);
  return 1;
}

int ReadRelativeSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g) {
  static constexpr absl::string_view kDirections[] = {"last", "this", "next", "previous",
                                                      "current"};
  static constexpr absl::string_view kDirectionsAfterThe[] = {"previous", "current", "past"};
  if (e <= b || e > text.size()) return 0;
  if (!AllAscii(text, b, e)) return -1;
  if (!WordBounded(text, b, e)) return 0;
  size_t k = b;
  bool direction =
      TakeAnyBeforeBlank(text, e, &k, kDirections);
  if (!direction) {
    size_t t = b;
    if (Take(text, e, &t, "the") && TakeBlanks(text, e, &t) &&
        TakeAnyBeforeBlank(text, e, &t, kDirectionsAfterThe)) {
      direction = true;
      k = t;
    }
  }
  if (!direction) return 0;
  const size_t direction_end = k;
  if (!TakeBlanks(text, e, &k)) return 0;
  const size_t unit_begin = k;
  bool unit = false;
  static constexpr absl::string_view kUnits[] = {"year", "quarter", "month"};
  for (absl::string_view w : kUnits) {
    size_t t = k;
    if (Take(text, e, &t, w) && t == e) {
      unit = true;
      break;
    }
  }
  if (!unit) {
    size_t t = k;
    unit = Take(text, e, &t, "fiscal") && TakeBlanks(text, e, &t) && Take(text, e, &t, "year") &&
           t == e;
  }
  if (!unit) return 0;
  g[0] = Piece(text, b, e);
  g[1] = Piece(text, b, direction_end);
  g[2] = Piece(text, unit_begin, e);
  return 1;
}

namespace {

// What a quarter's or a half's pattern writes before its optional year.
struct PartSpec {
  char letter;      // "q3", "3q": any case; a half's 'H' only as a capital
  bool letter_any_case;
  char last_digit;  // '4' for quarters, '2' for halves
  absl::Span<const absl::string_view> ordinals;
  bool fiscal;      // "third fiscal quarter": fiscal or financial may come before the noun
  absl::string_view noun;
};

constexpr absl::string_view kQuarterOrdinals[] = {"first", "second", "third", "fourth", "1st",
                                                  "2nd",   "3rd",    "4th",   "final"};
constexpr absl::string_view kHalfOrdinals[] = {"first", "second", "1st", "2nd"};
constexpr PartSpec kQuarterSpec = {'q', true, '4', kQuarterOrdinals, true, "quarter"};
constexpr PartSpec kHalfSpec = {'H', false, '2', kHalfOrdinals, false, "half"};

// The parts of a quarter or half before its optional year.
struct QuarterHead {
  re2::StringPiece prep, q_digit, digit_q, ordinal;
};

// kQuarter's "(?:(PREP)\s+)?(?:the\s+)?(?:q([1-4])|([1-4])q|(ORDINAL)[\s-]+(?:fiscal\s+|
// financial\s+)?quarter)" from *k, or kHalf's "(?:(PREP)\s+)?(?:the\s+)?(?:(?-i:H)([12])|
// ([12])(?-i:H)|(first|second|1st|2nd)[\s-]+half)", as `spec` says, reading no byte at or
// after e: moves *k past it. Each optional part starts with its own word, so the words
// written decide.
bool ReadQuarterHead(absl::string_view text, size_t e, size_t* k, const PartSpec& spec,
                     QuarterHead* head) {
  // (?:(PREP)\s+)?
  head->prep = TakePreposition(text, e, k, /*on_too=*/false);
  // (?:the\s+)?
  {
    size_t t = *k;
    if (Take(text, e, &t, "the") && TakeBlanks(text, e, &t)) *k = t;
  }
  auto part_digit = [&](size_t x) { return x < e && text[x] >= '1' && text[x] <= spec.last_digit; };
  auto part_letter = [&](size_t x) {
    return spec.letter_any_case ? (text[x] | 0x20) == (spec.letter | 0x20) : text[x] == spec.letter;
  };
  if (*k + 2 <= e && part_letter(*k) && part_digit(*k + 1)) {
    head->q_digit = Piece(text, *k + 1, *k + 2);
    *k += 2;
    return true;
  }
  if (*k + 2 <= e && part_digit(*k) && part_letter(*k + 1)) {
    head->digit_q = Piece(text, *k, *k + 1);
    *k += 2;
    return true;
  }
  size_t t = *k;
  for (absl::string_view w : spec.ordinals) {
    if (Take(text, e, &t, w)) break;
  }
  if (t == *k) return false;
  const size_t ordinal_end = t;
  while (t < e && (IsRe2Blank(text[t]) || text[t] == '-')) ++t;
  if (t == ordinal_end) return false;
  if (spec.fiscal) {
    static constexpr absl::string_view kFiscal[] = {"fiscal", "financial"};
    for (absl::string_view w : kFiscal) {
      size_t u = t;
      if (Take(text, e, &u, w) && TakeBlanks(text, e, &u)) {
        t = u;
        break;
      }
    }
  }
  if (!Take(text, e, &t, spec.noun)) return false;
  head->ordinal = Piece(text, *k, ordinal_end);
  *k = t;
  return true;
}

void SetQuarterGroups(absl::string_view text, size_t b, size_t e, const QuarterHead& head,
                      re2::StringPiece year, re2::StringPiece* g) {
  g[0] = Piece(text, b, e);
  g[1] = head.prep;
  g[2] = head.q_digit;
  g[3] = head.digit_q;
  g[4] = head.ordinal;
  g[5] = year;
}

// "('\d{2}|(?:19|20)\d{2})\b" at k, before `limit` (the \b looks at the whole text):
// its end, or 0.
size_t YearAt(absl::string_view text, size_t k, size_t limit) {
  size_t e = 0;
  if (k + 3 <= limit && text[k] == '\'' && IsDigit(text[k + 1]) && IsDigit(text[k + 2])) {
    e = k + 3;
  } else if (k + 4 <= limit && YearEndsAt(text, k, k + 4)) {
    e = k + 4;
  }
  return e != 0 && (e == text.size() || !IsWordByte(text[e])) ? e : 0;
}

// "\s*(?:fy\s*|fiscal\s+(?:year\s+)?)?(YEAR)\b" from k, before `limit`: the year's
// bounds, or false.
bool FiscalYearTailFrom(absl::string_view text, size_t k, size_t limit, size_t* year_begin,
                        size_t* year_end) {
  SkipBlanks(text, limit, &k);
  size_t t = k;
  if (Take(text, limit, &t, "fy")) {
    SkipBlanks(text, limit, &t);
    if ((*year_end = YearAt(text, t, limit)) != 0) return *year_begin = t, true;
  }
  t = k;
  if (Take(text, limit, &t, "fiscal") && TakeBlanks(text, limit, &t)) {
    size_t u = t;
    if (Take(text, limit, &u, "year") && TakeBlanks(text, limit, &u) &&
        (*year_end = YearAt(text, u, limit)) != 0) {
      return *year_begin = u, true;
    }
    if ((*year_end = YearAt(text, t, limit)) != 0) return *year_begin = t, true;
  }
  if ((*year_end = YearAt(text, k, limit)) != 0) return *year_begin = k, true;
  return false;
}

}  // namespace

int ReadQuarterSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g) {
  if (e <= b || e > text.size()) return 0;
  if (!AllAscii(text, b, e)) return -1;
  if (!WordBounded(text, b, e)) return 0;
  size_t k = b;
  QuarterHead head;
  if (!ReadQuarterHead(text, e, &k, kQuarterSpec, &head)) return 0;
  // (?:(?:\s+of|,)?\s*(?:fy\s*|fiscal\s+(?:year\s+)?)?(YEAR))?, then the end of the span.
  re2::StringPiece year;
  if (k != e) {
    size_t year_begin = 0;
    size_t t = k;
    bool found = false;
    if (TakeBlanks(text, e, &t) && Take(text, e, &t, "of")) {
      found = FiscalYearTail(text, t, e, &year_begin);
    }
    if (!found && text[k] == ',') found = FiscalYearTail(text, k + 1, e, &year_begin);
    if (!found) found = FiscalYearTail(text, k, e, &year_begin);
    if (!found) return 0;
    year = Piece(text, year_begin, e);
  }
  SetQuarterGroups(text, b, e, head, year, g);
  return 1;
}

namespace {

// ReadQuarterFrom and ReadHalfFrom, as `spec` says.
int ReadPartFrom(absl::string_view text, size_t b, const PartSpec& spec, re2::StringPiece* g) {
  const size_t n = text.size();
  if (b >= n || !IsWordByte(text[b]) || (b > 0 && IsWordByte(text[b - 1]))) return 0;  // \b
  // With (?i) RE2 also reads U+017F (C5 BF) as 's' ("firſt"), which is RE2's to judge;
  // no other non-ASCII byte can be part of the match, and \b treats it as no word byte,
  // as the reading here does.
  if (std::memchr(text.data() + b, 0xC5, n - b) != nullptr) return -1;
  size_t k = b;
  QuarterHead head;
  if (!ReadQuarterHead(text, n, &k, spec, &head)) return 0;
  // The longest reading: with the year when one follows (after " of", a comma or
  // nothing: the byte after the head decides which), else the head alone.
  size_t year_begin = 0, year_end = 0;
  bool found = false;
  size_t t = k;
  if (TakeBlanks(text, n, &t) && Take(text, n, &t, "of")) {
    found = FiscalYearTailFrom(text, t, n, &year_begin, &year_end);
  }
  if (!found && k < n && text[k] == ',') {
    found = FiscalYearTailFrom(text, k + 1, n, &year_begin, &year_end);
  }
  if (!found) found = FiscalYearTailFrom(text, k, n, &year_begin, &year_end);
  if (found) {
    SetQuarterGroups(text, b, year_end, head, Piece(text, year_begin, year_end), g);
    return 1;
  }
  if (k < n && IsWordByte(text[k])) return 0;  // \b after the head
  SetQuarterGroups(text, b, k, head, re2::StringPiece(), g);
  return 1;
}

}  // namespace

int ReadQuarterFrom(absl::string_view text, size_t b, re2::StringPiece* g) {
  return ReadPartFrom(text, b, kQuarterSpec, g);
}

int ReadHalfFrom(absl::string_view text, size_t b, re2::StringPiece* g) {
  return ReadPartFrom(text, b, kHalfSpec, g);
}

namespace {

// ReadMonthSpan over text[b, e) when `whole_span`; else ReadMonthFrom, with e the end of
// the text.
int ReadMonth(absl::string_view text, size_t b, size_t e, bool whole_span, re2::StringPiece* g) {
  if (e <= b || e > text.size()) return 0;
  if (whole_span) {
    if (!AllAscii(text, b, e)) return -1;
  } else if (std::memchr(text.data() + b, 0xC5, e - b) != nullptr) {
    // Only the preposition is read in any case, and RE2 also reads U+017F (C5 BF) as 's'
    // there ("ſince"); no other non-ASCII byte can be part of the match.
    return -1;
  }
  if (!IsWordByte(text[b]) || (b > 0 && IsWordByte(text[b - 1]))) return 0;  // \b
  // \b after the word byte at k - 1 (the text past the span counts).
  auto bounded = [&](size_t k) { return k == text.size() || !IsWordByte(text[k]); };
  auto digits_end = [&](size_t k) {
    while (k < e && IsDigit(text[k])) ++k;
    return k;
  };
  size_t k = b;
  // (?:((?i:PREP|on))\s+)?: no month name is one, so taking it is the only reading.
  const re2::StringPiece prep = TakePreposition(text, e, &k, /*on_too=*/true);
  // (?:(\d{1,2})\s+)?
  re2::StringPiece day_before;
  if (k < e && IsDigit(text[k])) {
    const size_t d = digits_end(k);
    size_t t = d;
    if (d - k > 2 || !TakeBlanks(text, e, &t)) return 0;
    day_before = Piece(text, k, d);
    k = t;
  }
  // (MONTHS)\b: the whole run of letters, as written.
  size_t w = k;
  while (w < e && absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) ++w;
  if (w == k || !bounded(w)) return 0;
  static const std::vector<std::string>* kMonths =
      new std::vector<std::string>(absl::StrSplit(CLAIMCHECK_MONTH_SPELLINGS, '|'));
  const absl::string_view name = text.substr(k, w - k);
  bool month = false;
  for (const std::string& m : *kMonths) month = month || name == m;
  if (!month) return 0;
  const re2::StringPiece month_piece = Piece(text, k, w);
  k = w;
  if (k < e && text[k] == '.') ++k;  // \.?
  // (?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?: the only optional part whose blanks a digit
  // follows that is not a year's first.
  re2::StringPiece day_after;
  {
    size_t t = k;
    if (TakeBlanks(text, e, &t) && t < e && IsDigit(text[t])) {
      const size_t d = digits_end(t);
      size_t s = d;
      static constexpr absl::string_view kSuffixes[] = {"st", "nd", "rd", "th"};
      for (absl::string_view suffix : kSuffixes) {
        if (text.substr(d, 2) == suffix && d + 2 <= e) {
          s = d + 2;
          break;
        }
      }
      if (d - t <= 2 && bounded(s)) {
        day_after = Piece(text, t, d);
        k = s;
      }
    }
  }
  // (?:,?\s+((?:19|20)\d{2})\b)?, then the end of the span; from b, the year when one
  // follows.
  re2::StringPiece year;
  if (whole_span && k != e) {
    size_t t = k;
    if (text[t] == ',') ++t;
    if (!TakeBlanks(text, e, &t) || e != t + 4 || !YearEndsAt(text, t, e) || !bounded(e)) {
      return 0;
    }
    year = Piece(text, t, e);
  } else if (!whole_span) {
    size_t t = k;
    if (t < e && text[t] == ',') ++t;
    if (TakeBlanks(text, e, &t) && t + 4 <= e && YearEndsAt(text, t, t + 4) && bounded(t + 4)) {
      year = Piece(text, t, t + 4);
      e = t + 4;
    } else {
      e = k;
    }
  }
  g[0] = Piece(text, b, e);
  g[1] = prep;
  g[2] = day_before;
  g[3] = month_piece;
  g[4] = day_after;
  g[5] = year;
  return 1;
}

}  // namespace

int ReadMonthSpan(absl::string_view text, size_t b, size_t e, re2::StringPiece* g) {
  return ReadMonth(text, b, e, /*whole_span=*/true, g);
}

int ReadMonthFrom(absl::string_view text, size_t b, re2::StringPiece* g) {
  return ReadMonth(text, b, text.size(), /*whole_span=*/false, g);
}

}  // namespace claimcheck
