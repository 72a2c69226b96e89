// Each family is one RE2 whose groups carry the parts; ResolveTime (time_resolve.h) turns
// the groups into a TimeScope with absl civil-time arithmetic.
#include "extract/recognize/time_recognizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "extract/recognize/time_anchors.h"
#include "extract/recognize/time_resolve.h"
#include "extract/recognize/time_spans.h"

namespace claimcheck {
namespace {

#define CC_MONTHS CLAIMCHECK_MONTH_SPELLINGS
#define CC_PREP CLAIMCHECK_TIME_PREPOSITIONS

const char* const kPatterns[kFamilies] = {
    // kQuarter: 1 prep, 2 q-digit, 3 digit-q, 4 ordinal, 5 year
    "(?i)\\b(?:(" CC_PREP ")\\s+)?(?:the\\s+)?(?:q([1-4])|([1-4])q|(first|second|third|"
    "fourth|1st|2nd|3rd|4th|final)[\\s-]+(?:fiscal\\s+|financial\\s+)?quarter)"
    "(?:(?:\\s+of|,)?\\s*(?:fy\\s*|fiscal\\s+(?:year\\s+)?)?('\\d{2}|(?:19|20)\\d{2}))?\\b",
    // kHalf: 1 prep, 2 h-digit, 3 digit-h, 4 ordinal, 5 year
    "(?i)\\b(?:(" CC_PREP ")\\s+)?(?:the\\s+)?(?:(?-i:H)([12])|([12])(?-i:H)|(first|second|1st|2nd)"
    "[\\s-]+half)(?:(?:\\s+of|,)?\\s*(?:fy\\s*|fiscal\\s+(?:year\\s+)?)?('\\d{2}|"
    "(?:19|20)\\d{2}))?\\b",
    // kFiscalYear: 1 prep, 2 fy-year, 3 fiscal-year
    "(?i)\\b(?:(" CC_PREP ")\\s+)?(?:fy\\s?'?((?:19|20)\\d{2}|\\d{2})|fiscal\\s+(?:year\\s+)?"
    "((?:19|20)\\d{2}))\\b",
    // kYearRange: 1 from/between, 2 year, 3 connector, 4 year
    "(?i)\\b(?:(from|between)\\s+)?((?:19|20)\\d{2})\\s*(-|\xE2\x80\x93|to|and|through|until)"
    "\\s*((?:19|20)\\d{2}|\\d{2})\\b",
    // kNextPeriod: 1 prep, 2 direction, 3 count, 4 unit
    "(?i)\\b(?:(in|over|within|during|for)\\s+)?the\\s+(next|coming|past|last|previous|"
    "following)\\s+(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    "fifteen|twenty|couple\\s+of)\\s+(years?|months?|quarters?|decades?)\\b",
    // kRelative: 1 direction, 2 unit
    "(?i)\\b(last|this|next|previous|current|the\\s+previous|the\\s+current|the\\s+past)"
    "\\s+(year|quarter|month|fiscal\\s+year)\\b",
    // kAsOf: 1 month, 2 day, 3 year
    "(?i)\\bas\\s+of\\s+(?:the\\s+end\\s+of\\s+)?(" CC_MONTHS ")\\.?(?:\\s+(\\d{1,2})"
    "(?:st|nd|rd|th)?)?(?:,?\\s+((?:19|20)\\d{2}))?\\b",
    // kMonth: 1 prep, 2 day-before, 3 month, 4 day-after, 5 year
    "\\b(?:((?i:" CC_PREP "|on))\\s+)?(?:(\\d{1,2})\\s+)?(" CC_MONTHS ")\\b\\.?"
    "(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+((?:19|20)\\d{2})\\b)?",
    // kYear: 1 prep, 2 year
    "\\b(?:((?i:" CC_PREP "))\\s+)?((?:19|20)\\d{2})\\b",
    // kIsoDate: 1 prep, 2 year, 3 month, 4 day ("2024-01-15", "2023-09-03T13:20:00")
    "\\b(?:((?i:" CC_PREP "|on))\\s+)?((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b",
};


// A cheap necessary condition for family f to match the whole of `span`: the exact-span
// pass skips families whose RE2 could not match it. (Only ASCII facts are used: with
// (?i) an 's' also matches U+017F, so letters that fold to non-ASCII are not tested.)
bool MaySpan(int f, absl::string_view span) {
  if (span.empty()) return false;
  const bool digit_end = absl::ascii_isdigit(static_cast<unsigned char>(span.back()));
  switch (f) {
    case kYear:
      return digit_end;
    case kYearRange:  // two years: at least 4 + 2 digits
      return digit_end && std::count_if(span.begin(), span.end(), [](char c) {
                            return absl::ascii_isdigit(static_cast<unsigned char>(c));
                          }) >= 6;
    case kFiscalYear:  // "FY" or "fiscal" ("fi": the 's' may be U+017F)
      return digit_end && (ContainsInAnyCase(span, "fy") || ContainsInAnyCase(span, "fi"));
    case kIsoDate:
      return digit_end && span.find('-') != absl::string_view::npos;
    case kQuarter:
      return std::any_of(span.begin(), span.end(), [](char c) { return (c | 0x20) == 'q'; });
    case kHalf:  // "H1", "1H" (capital H only) or "half" in any case
      for (size_t k = 0; k < span.size(); ++k) {
        if (span[k] == 'H') return true;
        if ((span[k] | 0x20) == 'h' && k + 3 < span.size() && (span[k + 1] | 0x20) == 'a' &&
            (span[k + 2] | 0x20) == 'l' && (span[k + 3] | 0x20) == 'f') {
          return true;
        }
      }
      return false;
    case kNextPeriod:  // "the next two years"
      return !digit_end && ContainsInAnyCase(span, "the");
    case kRelative:  // "last year", "this quarter", "the previous month"
      return !digit_end && (ContainsInAnyCase(span, "year") || ContainsInAnyCase(span, "quarter") ||
                            ContainsInAnyCase(span, "month"));
    case kAsOf:  // "as of" (the 's' may be U+017F)
      return span.size() > 1 && (span[0] | 0x20) == 'a' &&
             ((span[1] | 0x20) == 's' || static_cast<unsigned char>(span[1]) >= 0x80);
    case kMonth:  // a capitalised month name (case-sensitive in the pattern)
      return std::any_of(span.begin(), span.end(), [](char c) {
        switch (c) {
          case 'J': case 'F': case 'M': case 'A': case 'S': case 'O': case 'N': case 'D':
            return true;
          default:
            return false;
        }
      });
    default:
      return true;
  }
}

// A cheap necessary condition for family f to match a prefix of `span`, the combined
// pass's longest match (no family's match from its start can end later): what the
// family's match must hold, the span holds too.
bool MayPrefix(int f, absl::string_view span) {
  int digits = 0;
  bool letter = false, f_letter = false, q_letter = false, h_letter = false;
  for (char c : span) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= '0' && u <= '9') ++digits;
    if (absl::ascii_isalpha(u) || u >= 0x80) letter = true;
    const char l = static_cast<char>(c | 0x20);
    f_letter |= l == 'f';
    q_letter |= l == 'q';
    h_letter |= l == 'h';
  }
  switch (f) {
    case kYear: return digits >= 4;
    case kYearRange: return digits >= 6;
    case kIsoDate: return digits >= 8;
    case kFiscalYear: return f_letter && digits >= 2;   // "FY24", "fiscal 2023"
    case kQuarter: return q_letter;                     // "Q3", "3Q", "quarter"
    case kHalf: return h_letter;                        // "H1", "1H", "half"
    default: return letter;                             // words and month names
  }
}

bool IsWordByte(char c) {  // RE2's \w, for \b
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// False when no pattern can start at p, an ASCII word start: read from kPatterns, the
// first word of every expression is a preposition (CC_PREP, "on", "over", "within"),
// "the", "between", "fiscal", "fy", a direction ("last", "this", "next", "previous",
// "current"), an ordinal ("first"... "fourth", "final"), "q" or "H" before a digit, a
// month, or starts with a digit ("2024", "3Q", "1st", "5 May"). Letters are compared in
// any case (a superset of what the case-sensitive parts accept).
bool MayStartExpression(absl::string_view text, size_t p) {
  if (absl::ascii_isdigit(static_cast<unsigned char>(text[p]))) return true;
  size_t e = p;
  while (e < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[e]))) ++e;
  const absl::string_view word = text.substr(p, e - p);
  if (word.empty() || word.size() > 10) return false;
  if (word.size() == 1) {
    const char l = static_cast<char>(word[0] | 0x20);
    return l == 'q' || l == 'h';
  }
  static const LowerWordSet* kWords = new LowerWordSet(
      "on|over|within|the|between|fiscal|fy|last|this|next|previous|current|first|second|"
      "third|fourth|final|as|" CC_PREP "|" CC_MONTHS);
  return kWords->Contains(word);
}

// True when `word` (a run of ASCII letters and digits) may stand in an expression before
// its first anchor (time_anchors.h). Read from kPatterns, those words are: a preposition
// (CC_PREP, "on", "over", "within"), "the", "between", "fiscal", "financial", an ordinal
// ("first".."fourth", "1st".."4th", "final"), a direction ("last", "this", "next",
// "previous", "current", "past", "coming", "following"), a count ("one".."twelve",
// "fifteen", "twenty", "couple", "of", one or two digits: "the next 12 months") or a day
// before a month ("5 May"). Letters are compared in any case.
bool MayPrecedeAnchor(absl::string_view word) {
  if (word.empty() || word.size() > 10) return false;
  const unsigned char c0 = static_cast<unsigned char>(word[0]);
  if (absl::ascii_isdigit(c0)) {
    // One or two digits, or an ordinal "1st".."4th".
    if (word.size() == 1) return true;
    if (word.size() == 2) return absl::ascii_isdigit(static_cast<unsigned char>(word[1]));
    if (word.size() != 3) return false;
    const char s1 = absl::ascii_tolower(static_cast<unsigned char>(word[1]));
    const char s2 = absl::ascii_tolower(static_cast<unsigned char>(word[2]));
    return (c0 == '1' && s1 == 's' && s2 == 't') || (c0 == '2' && s1 == 'n' && s2 == 'd') ||
           (c0 == '3' && s1 == 'r' && s2 == 'd') || (c0 == '4' && s1 == 't' && s2 == 'h');
  }
  static const LowerWordSet* kWords = new LowerWordSet(
      "on|over|within|the|between|fiscal|financial|first|second|third|fourth|final|last|this|"
      "next|previous|current|past|coming|following|one|two|three|four|five|six|seven|eight|"
      "nine|ten|eleven|twelve|fifteen|twenty|couple|as|" CC_PREP);
  return kWords->Contains(word);
}

// The first word start in [pos, anchor] from which every word up to the anchor may stand
// before an anchor (MayPrecedeAnchor), with only blanks, '-' and '\'' between them: no
// expression starts before it, since an expression that starts in [pos, anchor] reaches
// the anchor (its own first anchor is not before it) and holds only such words and bytes
// before it (time_anchors.h). Returns `anchor` when the word before it cannot stand there.
size_t FirstPossibleStart(absl::string_view text, size_t pos, size_t anchor) {
  size_t first = anchor;
  while (first > pos) {
    size_t we = first;
    while (we > pos && (IsRe2Blank(text[we - 1]) || text[we - 1] == '-' || text[we - 1] == '\'')) {
      --we;
    }
    size_t wb = we;
    while (wb > pos && absl::ascii_isalnum(static_cast<unsigned char>(text[wb - 1]))) --wb;
    if (wb == we || !MayPrecedeAnchor(text.substr(wb, we - wb))) break;
    first = wb;
  }
  return first;
}

// The one family that can hold the anchor at `a` as its first anchor, read from
// kPatterns, or kFamilies when several can: "Q3" and "3Q", and "quarter" after an
// ordinal, "fiscal" or "financial" ("third-quarter"), belong to kQuarter alone; "H1",
// "1H" and "half" to kHalf alone; a month name to kMonth alone; "year",
// "quarter" or "month" right after a direction ("last year", "the previous quarter") to
// kRelative alone (kNextPeriod puts a count there). For kRelative, *unit_end is where
// the unit ends.
int OnlyFamilyAt(absl::string_view text, size_t a, size_t* unit_end) {
  const size_t n = text.size();
  const char c = text[a];
  const char c1 = a + 1 < n ? text[a + 1] : '\0';
  if (((c | 0x20) == 'q' && c1 >= '1' && c1 <= '4') ||
      (c >= '1' && c <= '4' && (c1 | 0x20) == 'q')) {
    return kQuarter;
  }
  if (((c | 0x20) == 'h' && (c1 == '1' || c1 == '2')) ||
      ((c == '1' || c == '2') && (c1 | 0x20) == 'h')) {
    return kHalf;
  }
  size_t e = a;
  while (e < n && absl::ascii_isalpha(static_cast<unsigned char>(text[e]))) ++e;
  const absl::string_view word = text.substr(a, e - a);
  // The keyword the anchor's word starts with, by its first letter.
  auto starts = [word](absl::string_view lower) {
    return word.size() >= lower.size() &&
           absl::EqualsIgnoreCase(word.substr(0, lower.size()), lower);
  };
  const char l0 = static_cast<char>(c | 0x20);
  if (l0 == 'h' && starts("half")) return kHalf;
  // A month as kMonth spells it (the anchor scan took no other word spelled so);
  // kAsOf's "as of" would be an anchor before it.
  static const LowerWordSet* kMonths = new LowerWordSet(CC_MONTHS);
  if (absl::ascii_isupper(static_cast<unsigned char>(c)) && word.size() >= 3 &&
      word.size() <= 9 && kMonths->Contains(word)) {
    return kMonth;
  }
  const bool quarter = l0 == 'q' && starts("quarter");
  const bool unit = (l0 == 'y' && word.size() == 4 && starts("year")) ||
                    (l0 == 'm' && word.size() == 5 && starts("month")) ||
                    (quarter && word.size() == 7);
  if (!quarter && !unit) return kFamilies;
  // The word before, across blanks and hyphens.
  size_t we = a;
  while (we > 0 && (IsRe2Blank(text[we - 1]) || text[we - 1] == '-')) --we;
  size_t wb = we;
  while (wb > 0 && absl::ascii_isalnum(static_cast<unsigned char>(text[wb - 1]))) --wb;
  if (wb == we || we == a) return kFamilies;
  static const LowerWordSet* kQuarterWords = new LowerWordSet(
      "first|second|third|fourth|1st|2nd|3rd|4th|final|fiscal|financial");
  static const LowerWordSet* kDirections =
      new LowerWordSet("last|this|next|previous|current|past");
  const absl::string_view before = text.substr(wb, we - wb);
  if (quarter && kQuarterWords->Contains(before)) return kQuarter;
  if (unit && (e == n || !IsWordByte(text[e])) && kDirections->Contains(before)) {
    *unit_end = e;
    return kRelative;
  }
  return kFamilies;
}

// The combined pass's answer, without running it, for the commonest expression: a year
// ("in 2024", "as of 2020", "2023") that is the first anchor at or after `pos`. Then only
// kYear, kYearRange, kIsoDate and the "fiscal 2024" form of kFiscalYear can hold it
// (every other family has an anchor of its own before any year). When nothing can follow
// the year (no '-', no "to", "and", "through", "until", no non-ASCII byte) and no
// "fiscal" precedes it, the leftmost-longest match is the year with the preposition
// written before it, if any: its groups (as kYear's pattern gives them) into g[0..2].
// Returns false to leave the case to RE2.
bool YearSpan(absl::string_view text, size_t pos, size_t a, re2::StringPiece* g) {
  const size_t n = text.size();
  if (a + 4 > n || !((text[a] == '1' && text[a + 1] == '9') ||
                     (text[a] == '2' && text[a + 1] == '0'))) {
    return false;
  }
  // TimeAnchorAt saw two more digits; a word byte after them leaves kYear without a match.
  if (a + 4 < n && IsWordByte(text[a + 4])) return false;
  // kYearRange goes on with \s*(-|–|to|and|through|until)\s* and digits, kIsoDate with
  // "-" and digits.
  size_t k = a + 4;
  while (k < n && IsRe2Blank(text[k])) ++k;
  if (k < n) {
    if (static_cast<unsigned char>(text[k]) >= 0x80) return false;
    size_t after = k;
    if (text[k] == '-') {
      after = k + 1;
    } else if (const char l = static_cast<char>(text[k] | 0x20); l == 't' || l == 'a' || l == 'u') {
      static constexpr absl::string_view kConnectors[] = {"to", "and", "through", "until"};
      for (absl::string_view connector : kConnectors) {
        if (connector[0] == l &&
            absl::EqualsIgnoreCase(text.substr(k, connector.size()), connector)) {
          after = k + connector.size();
        }
      }
    }
    if (after > k) {
      while (after < n && IsRe2Blank(text[after])) ++after;
      if (after < n && (absl::ascii_isdigit(static_cast<unsigned char>(text[after])) ||
                        static_cast<unsigned char>(text[after]) >= 0x80)) {
        return false;  // a range or an ISO date may go on
      }
    }
  }
  auto piece = [&](size_t b, size_t e) { return re2::StringPiece(text.data() + b, e - b); };
  g[0] = piece(a, a + 4);
  g[1] = re2::StringPiece();
  g[2] = g[0];
  // "(PREP)\s+" before the year: the word must start at a word boundary, at or after pos.
  size_t we = a;
  while (we > pos && IsRe2Blank(text[we - 1])) --we;
  if (we == a) return true;
  size_t wb = we;
  while (wb > pos && absl::ascii_isalpha(static_cast<unsigned char>(text[wb - 1]))) --wb;
  if (wb == we) return true;
  if (wb > 0 && IsWordByte(text[wb - 1])) return true;  // the word began before pos
  const absl::string_view word = text.substr(wb, we - wb);
  if (word.size() == 6 && absl::EqualsIgnoreCase(word, "fiscal")) return false;
  if (!IsTimePreposition(word)) return true;
  size_t begin = wb;
  // "as of": one space, "as" at a word boundary.
  if (word.size() == 2 && absl::EqualsIgnoreCase(word, "of") && wb >= pos + 3 &&
      text[wb - 1] == ' ' && absl::EqualsIgnoreCase(text.substr(wb - 3, 2), "as") &&
      (wb == 3 || !IsWordByte(text[wb - 4]))) {
    begin = wb - 3;
  }
  g[0] = piece(begin, a + 4);
  g[1] = piece(begin, we);
  return true;
}

}  // namespace

TimeRecognizer::~TimeRecognizer() = default;

int TimeRecognizer::FamilyCount() { return kFamilies; }

absl::StatusOr<std::unique_ptr<TimeRecognizer>> TimeRecognizer::Create() {
  std::unique_ptr<TimeRecognizer> r(new TimeRecognizer());
  re2::RE2::Options options;
  options.set_log_errors(false);
  std::string combined;
  int group = 1;
  for (int f = 0; f < kFamilies; ++f) {
    auto re = std::make_unique<re2::RE2>(kPatterns[f], options);
    if (!re->ok()) {
      return absl::InternalError(absl::StrCat("time pattern ", f, ": ", re->error()));
    }
    absl::StrAppend(&combined, f ? "|" : "", "(", kPatterns[f], ")");
    r->family_group_.push_back(group);
    group += 1 + re->NumberOfCapturingGroups();
    r->patterns_.push_back(std::move(re));
  }
  // All families race in one leftmost-longest pass; the winner's own pattern then reads
  // its parts from the (short) match.
  re2::RE2::Options longest = options;
  longest.set_longest_match(true);
  longest.set_max_mem(64 << 20);
  r->combined_ = std::make_unique<re2::RE2>(combined, longest);
  if (!r->combined_->ok()) {
    return absl::InternalError(absl::StrCat("time patterns: ", r->combined_->error()));
  }
  return r;
}

std::vector<TimeMention> TimeRecognizer::Find(absl::string_view text,
                                              std::optional<absl::CivilDay> reference) const {
  std::vector<TimeMention> out;
  Find(text, reference, &out);
  return out;
}

void TimeRecognizer::Find(absl::string_view text, std::optional<absl::CivilDay> reference,
                          std::vector<TimeMention>* out_ptr,
                          std::vector<TimeMention>* spare) const {
  std::vector<TimeMention>& out = *out_ptr;
  // out[0, found) are this text's mentions; out[found] (when it exists) is where the next
  // one is read. Elements left by an earlier call, or taken from *spare, are cleared
  // before they serve: their messages keep their strings' memory.
  size_t found = 0;
  // The elements from out[found] on go to *spare (as many as it keeps); out ends there.
  // Usually a text without periods follows one with some: then the two vectors swap.
  auto finish = [&]() {
    if (spare != nullptr && found == 0 && spare->empty() && out.size() <= kMaxSpareMentions) {
      out.swap(*spare);
    } else if (spare != nullptr) {
      for (size_t k = found; k < out.size() && spare->size() < kMaxSpareMentions; ++k) {
        if (spare->capacity() == 0) spare->reserve(kMaxSpareMentions);
        spare->push_back(std::move(out[k]));
      }
    }
    out.resize(found);
  };
  // Most sentences hold no period at all: they return before any mention is made.
  bool folds = false;
  size_t pos = 0;
  size_t anchor = FirstTimeAnchor(text, pos, &folds);
  if (anchor >= text.size()) {
    finish();
    return;
  }
  auto slot = [&]() -> TimeMention& {
    if (found == out.size()) {
      if (spare != nullptr && !spare->empty() && out.empty()) {
        out.swap(*spare);  // all of them at once
      } else if (spare != nullptr && !spare->empty()) {
        out.push_back(std::move(spare->back()));
        spare->pop_back();
      } else {
        if (out.capacity() == 0) out.reserve(text.size() / 256 + 4);
        out.emplace_back();
      }
    }
    TimeMention& mention = out[found];
    mention.scope.Clear();  // (keeps the strings' memory)
    return mention;
  };
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[8];
  re2::StringPiece whole;
  // Adds the mention of family f at b that groups[0] spans (its parts in `groups`) as
  // out[found]; returns its end, or 0 (and adds nothing) when it does not resolve.
  auto add = [&](int f, size_t b) -> size_t {
    size_t e = b + groups[0].size();
    // The optional '.' after a month is for abbreviations ("Sept."), not "August.".
    if (f == kMonth && e > b && text[e - 1] == '.' && groups[3].size() > 4 &&
        groups[3].data() + groups[3].size() == text.data() + e - 1) {
      --e;
    }
    if (e <= b) return 0;
    TimeMention& mention = slot();  // its scope built in place
    mention.begin = b;
    mention.end = e;
    if (!ResolveTime(f, groups, text, b, reference, &mention.scope)) return 0;
    std::string* written = mention.scope.mutable_text();
    written->clear();  // then appended to: a shorter path than assign (time_resolve.cc)
    written->append(text.data() + b, e - b);
    ++found;
    return e;
  };
  // Reads family f at b (to `limit`) into a new mention out[found]; returns its end, or 0
  // (and adds nothing) when the family does not match there or does not resolve.
  auto read = [&](int f, size_t b, size_t limit, re2::RE2::Anchor anchor) -> size_t {
    const re2::RE2& re = *patterns_[f];
    int ngroups = std::min(re.NumberOfCapturingGroups() + 1, 8);
    int by_hand = -1;  // the commonest families are read by hand (time_spans.h)
    if (anchor == re2::RE2::ANCHOR_BOTH) {
      if (f == kYear) by_hand = ReadYearSpan(text, b, limit, groups);
      if (f == kQuarter) by_hand = ReadQuarterSpan(text, b, limit, groups);
      if (f == kRelative) by_hand = ReadRelativeSpan(text, b, limit, groups);
      if (f == kMonth) by_hand = ReadMonthSpan(text, b, limit, groups);
    }
    if (by_hand == 0) return 0;
    if (by_hand < 0 && !re.Match(input, b, limit, anchor, groups, ngroups)) return 0;
    for (int k = ngroups; k < 8; ++k) groups[k] = re2::StringPiece();
    return add(f, b);
  };
  while (anchor < text.size()) {
    // Only the bounds come from the combined pass (a DFA, fast), or from YearSpan (which
    // also reads the year's parts); the family that spans them exactly reads the parts.
    // Mentions come out in order and never overlap.
    size_t b = 0, e = 0;
    size_t end = 0;
    if (folds) {
      if (!combined_->Match(input, pos, text.size(), re2::RE2::UNANCHORED, &whole, 1)) break;
      b = static_cast<size_t>(whole.data() - text.data());
      e = b + whole.size();
    } else if (YearSpan(text, pos, anchor, groups)) {
      for (int k = 3; k < 8; ++k) groups[k] = re2::StringPiece();
      b = static_cast<size_t>(groups[0].data() - text.data());
      e = b + groups[0].size();
      end = add(kYear, b);
    } else {
      // Every expression starts with \b and a word byte, and holds an anchor with only
      // ASCII word bytes, blanks, '-' and '\'' before it (time_anchors.h). So the leftmost
      // match is the first word start in [pos, anchor] where the combined pattern matches
      // (anchored there, it is the longest from there); when none does, the next match
      // starts after this anchor, and the search goes on from the next one. Anchored
      // matches stop where the expression does, instead of scanning on.
      // When one family alone can hold the anchor, its own reader gives the longest match
      // at each start (time_spans.h), with its parts.
      size_t unit_end = 0;
      const int only = OnlyFamilyAt(text, anchor, &unit_end);
      bool found = false;
      for (size_t p = FirstPossibleStart(text, pos, anchor); p <= anchor && !found; ++p) {
        if (!IsWordByte(text[p]) || (p > 0 && IsWordByte(text[p - 1]))) continue;
        if (!MayStartExpression(text, p)) continue;
        int by_hand = -1;
        if (only == kQuarter) by_hand = ReadQuarterFrom(text, p, groups);
        if (only == kHalf) by_hand = ReadHalfFrom(text, p, groups);
        if (only == kMonth) by_hand = ReadMonthFrom(text, p, groups);
        if (only == kRelative) by_hand = ReadRelativeSpan(text, p, unit_end, groups);
        if (by_hand == 0) continue;
        if (by_hand == 1) {
          for (int k = only == kRelative ? 3 : 6; k < 8; ++k) groups[k] = re2::StringPiece();
          b = p;
          e = b + groups[0].size();
          end = add(only, b);
          found = true;
        } else if (combined_->Match(input, p, text.size(), re2::RE2::ANCHOR_START, &whole, 1)) {
          b = p;
          e = b + whole.size();
          found = true;
        }
      }
      if (!found) {
        pos = anchor + 1;
        anchor = FirstTimeAnchor(text, pos, &folds);
        continue;
      }
    }
    // Years are the commonest expression, so they are tried first; "as of" must come
    // before plain months (both span "as of September 1").
    static constexpr int kOrder[kFamilies] = {kYear,        kQuarter, kHalf,  kFiscalYear,
                                              kYearRange,   kNextPeriod, kRelative, kAsOf,
                                              kMonth,       kIsoDate};
    const absl::string_view span = text.substr(b, e - b);
    for (int k = 0; k < kFamilies && e > b && end == 0; ++k) {
      if (!MaySpan(kOrder[k], span)) continue;
      end = read(kOrder[k], b, e, re2::RE2::ANCHOR_BOTH);
    }
    if (end == 0) {
      // The longest reading did not resolve ("2019 and 2021" without "between"): the
      // longest family that does, from the same place.
      for (int f = 0; f < kFamilies; ++f) {
        if (!MayPrefix(f, span)) continue;
        size_t e2 = read(f, b, text.size(), re2::RE2::ANCHOR_START);
        if (e2 == 0) continue;
        if (e2 > end) {
          if (end > 0) {  // the shorter one goes
            --found;
            std::swap(out[found - 1], out[found]);
          }
          end = e2;
        } else {
          --found;  // (out[found] stays, as scratch)
        }
      }
    }
    pos = end > b ? end : b + 1;
    anchor = FirstTimeAnchor(text, pos, &folds);
  }
  finish();
}

}  // namespace claimcheck
