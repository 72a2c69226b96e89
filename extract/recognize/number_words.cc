// The grammar: a cardinal is a sequence of groups, each a unit/tens/hundred chunk, closed
// by a scale word; `total` holds closed groups and `current` the open one. Fractions,
// decimals ("point"), "and a half" and "over" attach after or inside the cardinal.
#include "extract/recognize/number_words.h"

#include <array>
#include <cmath>
#include <cstdint>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "extract/recognize/number_word_table.h"
#include "extract/recognize/scale_words.h"

namespace claimcheck {
namespace {

using namespace number_word_table;  // the words the grammar reads

struct Token {
  Tok kind = Tok::kNone;
  double value = 0;
  bool plural = false;
  bool compound_only = false;
  size_t begin = 0;
  size_t end = 0;
  size_t digits = 0;  // for kDigits: how many digits
  absl::string_view word;  // for words: the lower-case table key
};

// Most phrases are a few tokens: kept inline, no heap allocation per number.
using TokenList = absl::InlinedVector<Token, 8>;

bool IsAsciiLetter(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Skips blanks (space, tab, NBSP) and at most one hyphen between words.
size_t SkipSeparators(absl::string_view text, size_t pos, bool* saw_hyphen) {
  *saw_hyphen = false;
  // Raw bytes: string_view's (hardened) operator[] and substr check every index.
  const char* t = text.data();
  const size_t n = text.size();
  size_t i = pos;
  auto skip_blanks = [&] {
    while (i < n) {
      if (t[i] == ' ' || t[i] == '\t') {
        ++i;
      } else if (t[i] == '\xC2' && i + 1 < n && t[i + 1] == '\xA0') {
        i += 2;
      } else {
        break;
      }
    }
  };
  skip_blanks();
  if (i < n && t[i] == '-') {
    *saw_hyphen = true;
    ++i;
    skip_blanks();
  }
  return i;
}

// False when no word of Words() has `len` letters and starts with `first` (any case):
// most words of a text fail here without being lower-cased and hashed.
bool MayBeNumberWord(char first, size_t len) {
  static const auto* kLengths = [] {
    auto* t = new std::array<uint32_t, 26>();
    for (const auto& [word, info] : Words()) {
      if (!word.empty() && word.size() < 32 && word[0] >= 'a' && word[0] <= 'z') {
        (*t)[word[0] - 'a'] |= uint32_t{1} << word.size();
      }
    }
    return t;
  }();
  const char c = absl::ascii_tolower(static_cast<unsigned char>(first));
  return c >= 'a' && c <= 'z' && len < 32 && ((*kLengths)[c - 'a'] >> len & 1);
}

// Digits go on only with a word of these kinds (see ParseNumberWords).
bool ContinuesDigits(Tok kind) {
  switch (kind) {
    case Tok::kHundred: case Tok::kScale: case Tok::kDozen: case Tok::kAnd: case Tok::kA:
    case Tok::kPoint: case Tok::kOver: case Tok::kOutOf:
      return true;
    default:
      return false;
  }
}

// False when the word at `pos` cannot be one that continues digits: its first letter and
// length match no such word. Most words after a number ("percent", "of", "years") stop
// here, before the lexer lower-cases and looks them up.
bool MayContinueDigits(absl::string_view text, size_t pos) {
  static const auto* kLengths = [] {
    auto* t = new std::array<uint32_t, 26>();
    for (const auto& [word, info] : Words()) {
      if (ContinuesDigits(info.kind) && word.size() < 32) {
        (*t)[word[0] - 'a'] |= uint32_t{1} << word.size();
      }
    }
    return t;
  }();
  if (pos >= text.size()) return false;
  const char c = absl::ascii_tolower(static_cast<unsigned char>(text[pos]));
  if (c < 'a' || c > 'z') return false;
  const char* t = text.data();
  size_t e = pos + 1;
  while (e < text.size() && IsAsciiLetter(t[e])) ++e;
  return e - pos < 32 && ((*kLengths)[c - 'a'] >> (e - pos) & 1);
}

// Lexes up to `max` tokens from `pos`; stops at the first word that is not a number word.
void Lex(absl::string_view text, size_t pos, size_t max, TokenList* tokens) {
  TokenList& out = *tokens;
  const WordIndex& words = AllWords();
  size_t i = pos;
  while (out.size() < max && i < text.size()) {
    bool hyphen = false;
    size_t start = out.empty() ? i : SkipSeparators(text, i, &hyphen);
    if (start >= text.size()) break;
    Token tok;
    tok.begin = start;
    if (IsDigit(text[start])) {
      size_t j = start;
      while (j < text.size() && IsDigit(text[j])) ++j;
      if (j < text.size() && (IsAsciiLetter(text[j]) ||
                              ((text[j] == '.' || text[j] == ',') && j + 1 < text.size() &&
                               IsDigit(text[j + 1])))) {
        break;
      }
      if (j - start > 6) break;
      double v = 0;
      for (size_t k = start; k < j; ++k) v = v * 10 + (text[k] - '0');
      tok.kind = Tok::kDigits;
      tok.value = v;
      tok.end = j;
      tok.digits = j - start;
    } else if (IsAsciiLetter(text[start])) {
      const char* t = text.data();
      size_t j = start;
      while (j < text.size() && IsAsciiLetter(t[j])) ++j;
      size_t len = j - start;
      if (!MayBeNumberWord(text[start], len)) break;
      const WordIndex::Entry* entry = words.Find(text.data() + start, len);
      if (entry == nullptr) break;
      const WordInfo* info = entry->info;
      tok.word = absl::string_view(entry->word, len);
      tok.kind = info->kind;
      tok.value = info->value;
      tok.plural = info->plural;
      tok.compound_only = info->compound_only;
      tok.end = j;
      if (tok.kind == Tok::kOutOf) {  // "out of"
        bool h;
        size_t k = SkipSeparators(text, j, &h);
        if (h || text.substr(k, 2) != "of" ||
            (k + 2 < text.size() && IsAsciiLetter(text[k + 2]))) {
          break;
        }
        tok.end = k + 2;
      }
    } else {
      break;
    }
    out.push_back(tok);
    i = tok.end;
  }
}

bool IsDenominator(const Token& t) {
  return (t.kind == Tok::kOrdinal && !t.compound_only) || t.kind == Tok::kHalf ||
         t.kind == Tok::kQuarter;
}

class Grammar {
 public:
  Grammar(absl::string_view text, TokenList toks)
      : text_(text), t_(std::move(toks)) {}
  // Tokens filled in place (moving an inlined vector copies its whole buffer).
  explicit Grammar(absl::string_view text) : text_(text) {}
  TokenList* mutable_tokens() { return &t_; }

  std::optional<WordNumber> Parse(std::optional<double> leading, size_t leading_end) {
    size_t i = 0;
    double sign = 1;
    WordNumber out;
    if (!leading && i < t_.size() && t_[i].kind == Tok::kMinus) {
      sign = -1;
      ++i;
    }
    if (i >= t_.size() && !leading) return std::nullopt;
    Result r;
    if (leading) {
      r = Cardinal(i, *leading, leading_end);
      if (r.end_tok == i) {
        // Nothing beyond the digits: only "over"/"out of" may still follow.
        r.value = *leading;
        r.end = leading_end;
      }
    } else {
      const Token& first = t_[i];
      if (first.kind == Tok::kA && Is(i + 1, Tok::kCouple) && Is(i + 2, Tok::kOf)) {
        out.end = t_[i + 2].end;
        out.value = 2;
        out.approximate = true;
        out.precision = 1;
        return out;
      }
      if (first.kind == Tok::kHalf || first.kind == Tok::kQuarter) {
        double f = first.kind == Tok::kHalf ? 0.5 : 0.25;
        size_t j = i + 1;
        if (Is(j, Tok::kA)) ++j;
        if (Is(j, Tok::kScale)) {
          out.value = sign * f * t_[j].value;
          out.end = t_[j].end;
          out.is_fraction = true;
          out.scale_word = Word(j);
          return out;
        }
        if (first.kind == Tok::kHalf && Is(i + 1, Tok::kA) && Is(i + 2, Tok::kDozen)) {
          out.value = sign * 6;
          out.end = t_[i + 2].end;
          out.precision = 1;
          return out;
        }
        if (first.kind == Tok::kQuarter || first.plural) return std::nullopt;
        out.value = sign * 0.5;
        out.end = first.end;
        out.is_fraction = true;
        return out;
      }
      if (first.kind == Tok::kA) {
        // "a half", "a fifth", "a twenty-first", "a dozen", "a hundred", "a million".
        // "a fifth", "a quarter of": but "a third said", "a fifth consecutive year" are
        // ordinals, so besides "a half" the fraction needs "of" or nothing after it.
        if (i + 1 < t_.size() && IsDenominator(t_[i + 1]) && !t_[i + 1].plural &&
            (t_[i + 1].kind == Tok::kHalf || Is(i + 2, Tok::kOf) || Is(i + 2, Tok::kScale) ||
             !FollowedByWord(t_[i + 1].end))) {
          return Finish(sign, 1.0 / t_[i + 1].value, t_[i + 1].end, true, i + 2, &out);
        }
        if (i + 1 < t_.size() && IsDenominator(t_[i + 1])) return std::nullopt;
        if (Is(i + 1, Tok::kTens) && Is(i + 2, Tok::kOrdinal) && t_[i + 2].value < 10) {
          return Finish(sign, 1.0 / (t_[i + 1].value + t_[i + 2].value), t_[i + 2].end,
                        true, i + 3, &out);
        }
        if (!(Is(i + 1, Tok::kHundred) || Is(i + 1, Tok::kScale) || Is(i + 1, Tok::kDozen))) {
          return std::nullopt;
        }
      } else if (!(first.kind == Tok::kUnit || first.kind == Tok::kTens)) {
        return std::nullopt;
      }
      r = Cardinal(i, std::nullopt, 0);
      if (r.end_tok == i) return std::nullopt;
    }
    size_t j = r.end_tok;
    // Fractions: "two thirds", "one hundred thirty fifths", "three twenty-firsts". The
    // ordinal agrees in number with its numerator ("one fifth", "two fifths"; "two
    // millionth" is no fraction), and digits never take a word ordinal ("100 millionths").
    bool digits_only = leading && r.end_tok == 0;
    if (!r.fraction && !digits_only) {
      if (r.last == Tok::kTens && !r.and_before_tens && r.before_tens > 0 && Is(j, Tok::kOrdinal) &&
          t_[j].value < 10 && Agrees(r.before_tens, t_[j])) {
        return Finish(sign, r.before_tens / (r.tens_value + t_[j].value), t_[j].end, true,
                      j + 1, &out);
      }
      if (Is(j, Tok::kTens) && Is(j + 1, Tok::kOrdinal) && t_[j + 1].value < 10 &&
          Agrees(r.value, t_[j + 1])) {
        return Finish(sign, r.value / (t_[j].value + t_[j + 1].value), t_[j + 1].end, true,
                      j + 2, &out);
      }
      if (j < t_.size() && IsDenominator(t_[j]) && Agrees(r.value, t_[j])) {
        return Finish(sign, r.value / t_[j].value, t_[j].end, true, j + 1, &out);
      }
    }
    // Decimals: "two hundred point zero three", "nine point nought four".
    if (Is(j, Tok::kPoint) && r.last != Tok::kScale) {
      std::string digits;
      size_t k = j + 1;
      size_t end = r.end;
      while (k < t_.size()) {
        if (t_[k].kind == Tok::kUnit) {
          digits += std::to_string(static_cast<int>(t_[k].value));
          end = t_[k].end;
          ++k;
        } else if (t_[k].kind == Tok::kTens) {
          int v = static_cast<int>(t_[k].value);
          end = t_[k].end;
          ++k;
          if (Is(k, Tok::kUnit) && t_[k].value < 10) {
            v += static_cast<int>(t_[k].value);
            end = t_[k].end;
            ++k;
          }
          digits += std::to_string(v);
        } else {
          break;
        }
      }
      if (!digits.empty()) {
        double frac = std::stod("0." + digits);
        out.value = sign * (r.value + frac);
        out.end = end;
        out.precision = std::pow(10.0, -static_cast<double>(digits.size()));
        return out;
      }
    }
    // "one over three", "1 out of twenty-one".
    if (Is(j, Tok::kOver) || Is(j, Tok::kOutOf)) {
      std::optional<WordNumber> den;
      size_t k = j + 1;
      if (Is(k, Tok::kDigits)) {
        Grammar sub(text_, TokenList(t_.begin() + k + 1, t_.end()));
        den = sub.Parse(t_[k].value, t_[k].end);
        if (!den) {
          den = WordNumber();
          den->value = t_[k].value;
          den->end = t_[k].end;
        }
      } else if (k < t_.size()) {
        Grammar sub(text_, TokenList(t_.begin() + k, t_.end()));
        den = sub.Parse(std::nullopt, 0);
      }
      bool over = Is(j, Tok::kOver);
      // "one over three" must end there ("$2000 over 3 years" is no fraction); "two out of
      // five hundred tvs" may go on, but is never more than one ("12 out of 10").
      if (den && den->value != 0 &&
          (over ? !FollowedByWord(den->end) : r.value <= den->value)) {
        out.value = sign * r.value / den->value;
        out.end = den->end;
        out.is_fraction = true;
        return out;
      }
    }
    out.value = sign * r.value;
    out.end = r.end;
    out.is_fraction = r.fraction;
    if (out.end <= (leading ? leading_end : 0)) return std::nullopt;
    out.scale_word = r.scale_word;
    out.precision = r.fraction ? 0 : IntegerPlace(r.value);
    return out;
  }

 private:
  struct Result {
    double value = 0;
    size_t end = 0;
    size_t end_tok = 0;
    Tok last = Tok::kNone;
    bool fraction = false;
    bool and_before_tens = false;
    double before_tens = 0;
    double tens_value = 0;
    absl::string_view scale_word;
  };

  bool Is(size_t i, Tok k) const { return i < t_.size() && t_[i].kind == k; }
  static bool Agrees(double numerator, const Token& ordinal) {
    return numerator == 1 ? !ordinal.plural : ordinal.plural;
  }
  // Token i's word in lower case (for the scale words that call it).
  absl::string_view Word(size_t i) const { return t_[i].word; }
  // True when token i follows token i-1 with a hyphen or blank only (always, by Lex).
  bool Adjacent(size_t) const { return true; }
  bool FollowedByWord(size_t end) const {
    size_t k = end;
    while (k < text_.size() && text_[k] == ' ') ++k;
    return k < text_.size() && IsAsciiLetter(text_[k]);
  }

  std::optional<WordNumber> Finish(double sign, double value, size_t end, bool fraction,
                                   size_t next, WordNumber* out) {
    // "two thirds of a million", "half a million", "three quarters billion".
    size_t k = next;
    if (Is(k, Tok::kOf) && Is(k + 1, Tok::kA) && Is(k + 2, Tok::kScale)) k += 2;
    else if (Is(k, Tok::kA) && Is(k + 1, Tok::kScale)) k += 1;
    if (Is(k, Tok::kScale)) {
      value *= t_[k].value;
      end = t_[k].end;
      out->scale_word = Word(k);
    }
    out->value = sign * value;
    out->end = end;
    out->is_fraction = fraction;
    return *out;
  }

  // Tries "and a half", "and three quarters" at token i (an "and"). Returns the fraction
  // and sets *next past it, or returns 0.
  double AndFraction(size_t i, size_t* next) const {
    if (!Is(i, Tok::kAnd)) return 0;
    if ((Is(i + 1, Tok::kA)) && i + 2 < t_.size() && IsDenominator(t_[i + 2]) &&
        !t_[i + 2].plural) {
      *next = i + 3;
      return 1.0 / t_[i + 2].value;
    }
    // A proper fraction after "and": "and three quarters", "and fifty-four hundredths".
    // An improper one ("one hundred and thirty fifths") divides the whole number instead.
    double num = 0;
    size_t k = i + 1;
    if (Is(k, Tok::kUnit)) {
      num = t_[k].value, ++k;
    } else if (Is(k, Tok::kTens)) {
      num = t_[k].value, ++k;
      if (Is(k, Tok::kUnit) && t_[k].value < 10) num += t_[k].value, ++k;
    }
    if (num > 0 && k < t_.size() && IsDenominator(t_[k]) && num < t_[k].value &&
        Agrees(num, t_[k])) {
      *next = k + 1;
      return num / t_[k].value;
    }
    return 0;
  }

  Result Cardinal(size_t i0, std::optional<double> leading, size_t leading_end) {
    Result r;
    double total = 0, current = 0, last_small = 0, last_scale = 0;
    Tok last = Tok::kNone;
    size_t end = leading_end;
    struct {
      double total = 0, current = 0;
      size_t end = 0, i = 0;
      Tok last = Tok::kNone;
      bool valid = false;
    } saved;
    size_t i = i0;
    if (leading) {
      current = *leading;
      last_small = *leading;
      last = Tok::kDigits;
    }
    for (; i < t_.size(); ++i) {
      const Token& t = t_[i];
      bool ok = false;
      switch (t.kind) {
        case Tok::kUnit:
          if (last == Tok::kNone || last == Tok::kScale || last == Tok::kA) {
            ok = last != Tok::kA;
          } else if (last == Tok::kAnd || last == Tok::kHundred) {
            ok = std::fmod(current, 100) == 0;
          } else if (last == Tok::kTens) {
            ok = t.value < 10;
          }
          if (ok) {
            current += t.value;
            last_small = t.value;
          }
          break;
        case Tok::kDigits:
          ok = (last == Tok::kScale || last == Tok::kAnd || last == Tok::kHundred) &&
               t.value < 1000 && (last != Tok::kHundred || t.value < 100) &&
               std::fmod(current, 100) == 0;
          if (ok) {
            current += t.value;
            last_small = t.value;
          }
          break;
        case Tok::kTens:
          ok = (last == Tok::kNone || last == Tok::kScale || last == Tok::kAnd ||
                last == Tok::kHundred) && std::fmod(current, 100) == 0;
          if (ok) {
            r.and_before_tens = last == Tok::kAnd;
            r.before_tens = total + current;
            r.tens_value = t.value;
            current += t.value;
            last_small = t.value;
          }
          break;
        case Tok::kHundred:
          if (last == Tok::kA) {
            current = 100, ok = true;
          } else if ((last == Tok::kUnit || last == Tok::kTens || last == Tok::kDigits) &&
                     current > 0 &&
                     (current < 100 || (last == Tok::kDigits && current == last_small))) {
            current *= 100, ok = true;
          }
          break;
        case Tok::kScale:
          if (last == Tok::kA) {
            current = 1;
          }
          if (current > 0 && last != Tok::kAnd) {
            total += current * t.value;
            current = 0;
            ok = true;
          } else if (last == Tok::kScale && current == 0 && t.value > 1) {
            total *= t.value;
            ok = true;
          }
          if (ok) {
            last_scale = t.value;
            if (r.scale_word.empty() || t.value > 1) r.scale_word = Word(i);
          }
          break;
        case Tok::kDozen:
          if (last == Tok::kUnit || last == Tok::kTens || last == Tok::kDigits ||
              last == Tok::kA) {
            if (last == Tok::kA) last_small = 1, current = 1;
            current += last_small * 11;
            ok = true;
          }
          break;
        case Tok::kAnd: {
          size_t next = 0;
          double frac = AndFraction(i, &next);
          if (frac > 0 && last != Tok::kNone && last != Tok::kAnd) {
            if (last == Tok::kScale && !Is(next, Tok::kScale)) {
              total += frac * last_scale;
            } else {
              current += frac;
            }
            r.fraction = true;
            end = t_[next - 1].end;
            i = next - 1;
            last = Tok::kUnit;
            last_small = 0;
            continue;
          }
          // Digits continue only a hundred ("3 hundred and 21"): "$14 million and 25
          // pounds" is a list of two figures.
          ok = (last == Tok::kHundred || last == Tok::kScale) &&
               (Is(i + 1, Tok::kUnit) || Is(i + 1, Tok::kTens) ||
                (Is(i + 1, Tok::kDigits) && t_[i + 1].value > 0 && last == Tok::kHundred));
          if (ok) {
            saved = {total, current, end, i, last, true};
            last = Tok::kAnd;
            continue;  // "and" alone never ends a number
          }
          break;
        }
        case Tok::kA:
          ok = i == i0;
          break;
        default:
          break;
      }
      if (!ok) {
        // "3 hundred and 2 hundred": the chunk after "and" cannot take its multiplier, so
        // the number ends before the "and".
        if (saved.valid && (t.kind == Tok::kHundred || t.kind == Tok::kScale)) {
          total = saved.total, current = saved.current, end = saved.end, i = saved.i;
          last = saved.last;
        }
        break;
      }
      if (t.kind == Tok::kHundred || t.kind == Tok::kScale) saved.valid = false;
      last = t.kind;
      end = t.end;
    }
    if (last == Tok::kAnd) --i;  // not reached: "and" is consumed only with a follower
    r.value = total + current;
    r.end = end;
    r.end_tok = i;
    r.last = last;
    return r;
  }

  absl::string_view text_;
  TokenList t_;
};

}  // namespace

std::optional<WordNumber> ParseNumberWords(absl::string_view text, size_t pos,
                                           std::optional<double> leading_digits) {
  size_t start = pos;
  if (leading_digits) {
    // The digits end at `pos`; words continue after a blank ("3 hundred"), never after a
    // hyphen ("10-20" is a range, not "10 twenty").
    bool hyphen;
    start = SkipSeparators(text, pos, &hyphen);
    if (hyphen || start == pos) return std::nullopt;
    if (!MayContinueDigits(text, start)) return std::nullopt;
  }
  Grammar g(text);
  TokenList* tokens = g.mutable_tokens();
  if (leading_digits) {
    // Digits go on only with "hundred", a scale word, "dozen", "and" (a fraction), "a",
    // "point", "over" or "out of" (Grammar::Cardinal takes no other token after digits,
    // and Parse then finds nothing to add): "5 of", "2024 to" stop after one token.
    Lex(text, start, 1, tokens);
    if (tokens->empty() || !ContinuesDigits(tokens->front().kind)) return std::nullopt;
    // The rest lexed on from that token, as one pass from `start` would.
    Lex(text, tokens->back().end, 24, tokens);
  } else {
    Lex(text, start, 24, tokens);
  }
  return g.Parse(leading_digits, pos);
}

}  // namespace claimcheck
