// Time anchors: where a time expression can start, found without regular expressions.
//
// Every expression of every family holds, at the start of one of its words, an
// anchor: a year-like "19dd"/"20dd", a quarter or half digit glued to its letter ("Q3",
// "3Q", "H1", "1H"), "FY", the words "year(s)", "month(s)", "decade(s)", a word starting
// "quarter" or "half" (any case), a month as kMonth spells it ("Sep", "March": case
// matters there) or "as of" (kAsOf, any case). Before its first anchor an expression
// holds only ASCII letters, digits, blanks, '-' and '\''. So the combined pass can start
// just before the first anchor, and stops when none is left: most sentences with
// figures but no period never reach RE2. With
// (?i) two ASCII letters also match non-ASCII ones (s and U+017F, k and U+212A): from
// such a character on, the text is searched from `pos` as before. No other non-ASCII
// character can be part of an expression before its first anchor.
//
// The time recognizer (time_recognizer.h) looks for expressions only just before the
// anchors FirstTimeAnchor finds, and not at all when no anchor is left.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_ANCHORS_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_ANCHORS_H_

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

// Month spellings as the time expressions write them (case matters), '|'-separated for
// the patterns and the anchor scan alike.
#define CLAIMCHECK_MONTH_SPELLINGS                                                 \
  "January|February|March|April|May|June|July|August|September|October|November|" \
  "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"

namespace claimcheck {

// RE2's \s.
inline bool IsRe2Blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// A set of short ASCII words (lower case), looked up in any ASCII case: the words are
// kept by first letter, so a lookup compares a word with the few of the same first
// letter and length, byte by byte (no library calls).
// `c` in lower case when it is an ASCII capital letter.
inline char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

class LowerWordSet {
 public:
  // `words` are '|'-separated, lower case ("in|as of" holds "in" and "as of"); only those
  // that start with a letter are kept.
  explicit LowerWordSet(absl::string_view words);

  // True when `word` is one of the words, in any ASCII case.
  bool Contains(absl::string_view word) const {
    if (word.empty()) return false;
    const char c = static_cast<char>(word[0] | 0x20);
    if (c < 'a' || c > 'z') return false;
    const char* const p = word.data();
    for (const std::string& w : by_letter_[c - 'a']) {
      if (w.size() != word.size()) continue;
      size_t k = 1;
      while (k < w.size() && LowerAscii(p[k]) == w[k]) ++k;
      if (k == w.size()) return true;
    }
    return false;
  }

 private:
  std::array<std::vector<std::string>, 26> by_letter_;
};

// True when an anchor starts at byte i of `text` (i starts a word).
bool TimeAnchorAt(absl::string_view text, size_t i);

// The first anchor at or after `pos` (TimeAnchorAt at a word start, the byte before `pos`
// counting), or text.size() when none is left. When U+017F or U+212A comes first, sets
// *folds and returns where it starts (those may be part of an expression before any
// anchor: the text must then be searched from `pos` without anchors).
size_t FirstTimeAnchor(absl::string_view text, size_t pos, bool* folds);

// Where the combined pass may start to find the first expression that begins at or after
// `pos` (see TimeAnchorAt): back from the first anchor over the bytes an expression may hold
// before it. text.size() when no anchor is left; `pos` itself when U+017F or U+212A
// comes first. Sets *anchor to the anchor found, or npos when `pos` is returned for them.
size_t TimeSearchStart(absl::string_view text, size_t pos, size_t* anchor);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_ANCHORS_H_
