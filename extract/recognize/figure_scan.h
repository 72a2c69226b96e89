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
// With AVX2 the window's masks also hold a coarse test of every word's first two letters
// (byte shuffles over the groups of the number words' first letters), so that most
// words ("the", "company", "in") are never looked up one by one.
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

// The masks a FigureScanner keeps of one 64-byte window of its text (figure_scan.cc
// builds them): bit k stands for the byte at base + k; bytes past the text are in none.
struct ScanWindow {
  size_t base = 0;
  uint64_t letters = 0;     // bit k: an ASCII letter
  uint64_t seconds = 0;     // bit k: the byte after it is one (also past the window)
  uint64_t candidates = 0;  // specials and word starts (that pass the pair filter)
  uint64_t specials = 0;    // digits, '.', '-', 0xC2, 0xE2 (marks rejected are cleared)
  uint64_t marks = 0;       // '.', '-', 0xC2, 0xE2
};

class FigureScanner {
 public:
  // Scans `text`, which must outlive the scanner. On a processor with AVX2 the windows'
  // masks are built 32 bytes at a time, and a filter on each word's first two letters
  // leaves out most words before they are looked up; `allow_avx2` false keeps to the
  // portable (SSE2) masks, which give the same answers (the tests compare the two).
  explicit FigureScanner(absl::string_view text, bool allow_avx2 = true);

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
  // The window is text_[w_.base, w_.base + 64); its base is text size + 64 before the
  // first Load, so that every pos < text size is outside it.
  ScanWindow w_;
  bool avx2_ = false;  // windows built with AVX2 and the first-two-letters filter
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
