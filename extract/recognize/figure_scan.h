// Where a figure may start: the quantity recognizer's first, cheapest pass.
//
// Most bytes of a sentence cannot begin a figure. A figure's number starts at a digit, a
// '.' or '-' (".5", "-4"), a vulgar fraction ("½", whose UTF-8 lead byte is 0xC2 or 0xE2)
// or the first letter of a number word ("twenty", "a dozen", "half"); "per cent of" and
// "percent of" start one too. FigureScanner finds the next such place sixty-four bytes at
// a time: it builds bit masks of the letters, digits and special bytes of a window, keeps
// them while the caller works through the window's candidates, looks only at the word
// starts among the letters, rejecting a word on table lookups of its first three letters
// and its length (number_words.h StartWordLengths), and passes over the marks ('.', '-',
// 0xC2, 0xE2) that start no number (MarkStartsFigure: full stops, dashes, curly quotes).
//
// Digits and marks are exact; words are a superset: the recognizer still checks that a
// word is really a number word. The test depends on the text only, never on where the
// scan started, so skipping from candidate to candidate visits exactly the places a
// byte-by-byte scan would.
//
// Thread-safe: a FigureScanner belongs to one caller; the tables behind it are built once.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_FIGURE_SCAN_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_FIGURE_SCAN_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace claimcheck {

struct StartTables;  // figure_scan.cc

class FigureScanner {
 public:
  // Scans `text`, which must outlive the scanner.
  explicit FigureScanner(absl::string_view text);

  // The first offset p >= pos where a figure may start: a digit, a '.', '-', 0xC2 or 0xE2
  // byte that MarkStartsFigure accepts, or an ASCII letter not preceded by an ASCII
  // letter or digit whose word (the run of letters from p) may be a number word or
  // "per"/"percent"/"percents" by its first three letters and length
  // (WordMayStartFigure). text.size() when there is none. Any pos may be asked; asking
  // in increasing order reuses the current window's masks.
  size_t Next(size_t pos);

 private:
  // Builds the masks of the window starting at `base` (< text size).
  void Load(size_t base);
  // Whether the word starting at bit k of the window may start a figure.
  bool WordAt(int k) const;

  absl::string_view text_;
  const StartTables* tables_;  // WordMayStartFigure's tables
  // The window is text_[base_, base_ + 64); text size + 64 before the first Load, so
  // that every pos < text size is outside it.
  size_t base_;
  uint64_t letters_ = 0;     // bit k: text_[base_ + k] is an ASCII letter
  uint64_t seconds_ = 0;     // bit k: text_[base_ + k + 1] is one (also past the window)
  uint64_t candidates_ = 0;  // specials and word starts
  uint64_t specials_ = 0;    // digits, '.', '-', 0xC2, 0xE2 (marks rejected are cleared)
  uint64_t marks_ = 0;       // '.', '-', 0xC2, 0xE2
};

// True when the byte at `i` of `text`, a '.', '-', 0xC2 or 0xE2, starts a number: ".5"
// after no ASCII letter or digit, "-4" or "- 4" at the start or after a blank or '(', a
// vulgar fraction ("½", number_parser.h VulgarFractionAt). False for any other byte.
bool MarkStartsFigure(absl::string_view text, size_t i);

// True when the word of `len` ASCII letters at `word` may start a number phrase or be
// "per", "percent" or "percents", judged by its first three letters (any case) and length
// only: every such word passes, most others fail.
bool WordMayStartFigure(const char* word, size_t len);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_FIGURE_SCAN_H_
