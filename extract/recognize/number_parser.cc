// Hand-written scanning: numbers are the hot path of recognition, and a byte loop that
// knows digit grouping beats a regular expression with many alternatives.
#include "extract/recognize/number_parser.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "claims/quantity_interval.h"
#include "extract/recognize/number_words.h"

namespace claimcheck {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }

size_t CountDigits(absl::string_view text, size_t i) {
  // Raw bytes: string_view's (hardened) operator[] checks every index.
  const char* t = text.data();
  const size_t n = text.size();
  size_t j = i;
  while (j < n && IsDigit(t[j])) ++j;
  return j - i;
}

// Byte length of a digit-group separator blank at i (space, NBSP, narrow NBSP), else 0.
size_t GroupBlank(absl::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == ' ') return 1;
  if (text[i] == '\xC2' && text.substr(i, 2) == "\xC2\xA0") return 2;
  if (text[i] == '\xE2' && text.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

// The digits of a literal with separators removed and '.' kept ("1,234.5" -> "1234.5"),
// held inline: only a literal longer than the buffer (a run of dozens of digits) moves to
// the heap.
class Literal {
 public:
  void Append(const char* p, size_t n) {
    if (heap_ == nullptr && size_ + n <= kInline) {
      std::memcpy(inline_ + size_, p, n);
      size_ += n;
      return;
    }
    if (heap_ == nullptr) heap_ = std::make_unique<std::string>(inline_, size_);
    heap_->append(p, n);
  }
  void Append(absl::string_view s) { Append(s.data(), s.size()); }
  void Push(char c) { Append(&c, 1); }
  void Assign(absl::string_view s) {
    size_ = 0;
    heap_.reset();
    Append(s);
  }
  absl::string_view view() const {
    return heap_ != nullptr ? absl::string_view(*heap_) : absl::string_view(inline_, size_);
  }
  bool empty() const { return view().empty(); }

 private:
  static constexpr size_t kInline = 40;
  char inline_[kInline];
  size_t size_ = 0;
  std::unique_ptr<std::string> heap_;  // only for a literal longer than the buffer
};

// Appends the digits of text[i, i+n) to *out and returns the new index.
size_t TakeDigits(absl::string_view text, size_t i, size_t n, Literal* out) {
  out->Append(text.data() + i, n);
  return i + n;
}

// Exact powers of ten, for the decimals of a literal.
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double ToDouble(absl::string_view digits) {
  if (digits.empty()) return 0;
  if (digits.size() > 300) return 1e300;
  // Fast path (Clinger): at most 15 significant digits and 22 decimals make the mantissa
  // and the power of ten exact doubles, so one division is correctly rounded, the same
  // double strtod returns.
  if (digits.size() <= 16) {
    uint64_t mantissa = 0;
    int ndigits = 0, decimals = -1;
    bool ok = true;
    for (char c : digits) {
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
        ++ndigits;
        if (decimals >= 0) ++decimals;
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        ok = false;
        break;
      }
    }
    if (ok && ndigits > 0 && ndigits <= 15) {
      double m = static_cast<double>(mantissa);
      return decimals > 0 ? m / kPow10[decimals] : m;
    }
  }
  return std::strtod(std::string(digits).c_str(), nullptr);
}

// True when the bytes from text[k] on, after a run of digits, end the number there: none
// of what ParseNumberAt reads on from follows. A separator, decimal mark or fraction bar
// reads on only before a digit ("1,234", "3.5", "3/4"; not "in 2024, the", "2024."); a
// blank before words, digit groups or fractions, a letter before a scale word or "x10^",
// and the lead bytes of NBSP, "×" and "万" always may; of the three-byte characters
// starting 0xE2, only the narrow NBSP between digit groups (E2 80 AF) and the vulgar
// fractions (E2 85 ..) do, while dashes and quotes (E2 80 ..) end the number.
bool EndsPlainInteger(absl::string_view text, size_t k) {
  const char* t = text.data();
  const size_t n = text.size();
  if (k >= n) return true;
  const unsigned char u = static_cast<unsigned char>(t[k]);
  if (absl::ascii_isalpha(u)) return false;
  switch (u) {
    case ',': case '.': case '/':
      return !(k + 1 < n && IsDigit(t[k + 1]));
    case 0xE2:
      return k + 2 < n && t[k + 1] == '\x80' && t[k + 2] != '\xAF';
    case ' ': case '\t': case '^': case 0xC2: case 0xC3: case 0xE4:
      return false;
    default:
      return true;
  }
}

// False when no vulgar fraction starts at `pos`: every one starts with byte 0xC2 or 0xE2
// (VulgarFractionAt), and most numbers are followed by neither.
inline bool MayBeVulgarFraction(absl::string_view text, size_t pos) {
  return pos < text.size() && (text[pos] == '\xC2' || text[pos] == '\xE2');
}

// The end of ParseNumberAt for a literal that ends at `i`, already in *out (value with its
// sign, end and literal_end at i; `plain` when it is a plain integer): words that
// continue an integer ("3 hundred") or a scale word after it ("2 million", "3.5bn").
void ReadWordsOrScale(absl::string_view text, size_t i, bool plain, ParsedNumber* out) {
  // Words continuing an integer: "3 hundred and 21", "3 dozens", "1 over three". They
  // follow the digits after a blank only (ParseNumberWords finds nothing otherwise).
  const size_t size = text.size();
  const bool blank_after =
      i < size && (text[i] == ' ' || text[i] == '\t' ||
                   (text[i] == '\xC2' && i + 1 < size && text[i + 1] == '\xA0'));
  // A scale word looked up at `scale_at` (npos when none was): its value and end.
  size_t scale_at = absl::string_view::npos;
  double scale_there = 0;
  size_t scale_there_end = 0;
  if (plain && out->value < 1e15 && blank_after) {
    std::optional<WordNumber> w = ParseNumberWords(text, i, out->value);
    if (w) {
      size_t k = i;
      while (k < size && text[k] == ' ') ++k;
      scale_at = k;
      scale_there = MatchScaleWord(text, k, k == i, &scale_there_end);
      if (scale_there > 0 && scale_there_end == w->end) {
        w.reset();  // a plain scale word: the digits keep their own precision below
      }
    }
    if (w && w->end > i) {
      out->value = w->value;
      out->end = w->end;
      out->literal_end = w->end;
      out->from_words = true;
      out->is_fraction = w->is_fraction;
      out->precision = w->is_fraction ? 0 : w->precision;
      out->scale_word = w->scale_word;
      out->plain_integer = false;
      return;
    }
  }
  // Scale: "3.5bn", "10 k", "2 million", "1,674.5 M", "13 lakh", "5万".
  size_t j = i;
  size_t blanks = 0;
  while (j < size && text[j] == ' ' && blanks < 2) ++j, ++blanks;
  size_t scale_end = 0;
  // Gluedness is j == i in both lookups, so one at the same place gives the same answer.
  double scale = 0;
  if (j == scale_at) {
    scale = scale_there;
    scale_end = scale_there_end;
  } else {
    scale = MatchScaleWord(text, j, blanks == 0, &scale_end);
  }
  if (scale > 0) {
    out->scale = scale;
    out->scale_word = text.substr(j, scale_end - j);
    out->value *= scale;
    out->precision *= scale;
    out->end = scale_end;
    out->glued_scale = blanks == 0;
    out->plain_integer = false;
    // "three lakh crore": a second scale word multiplies.
    size_t k = scale_end;
    if (k < text.size() && text[k] == ' ') {
      size_t e2 = 0;
      double s2 = MatchScaleWord(text, k + 1, false, &e2);
      if (s2 > scale && s2 >= 1e6) {
        out->value *= s2;
        out->precision *= s2;
        out->scale *= s2;
        out->end = e2;
      }
    }
  }
}

// True when nothing ParseNumberAt reads on from a decimal ("3.5") follows at `i`: no
// exponent ("3.5e6", "1.1^2") or multiplication sign ("1.3x10^6", "1.3 x 10^6"); a scale
// word may ("3.5bn").
bool DecimalEndsAt(absl::string_view text, size_t i) {
  const char* t = text.data();
  const size_t n = text.size();
  if (i >= n) return true;
  switch (t[i]) {
    case 'x': case '\xC3': case 'e': case 'E': case '^':
      return false;
    case ' ':
      return !(i + 1 < n && t[i + 1] == 'x');
    default:
      return true;
  }
}

// True when nothing ParseNumberAt reads on from plain digits follows the blank at `i`
// (text[i] == ' '): no digit group, mixed fraction ("2 1/4") or multiplication sign
// ("2 x 10^3") after up to two blanks; only words or a scale word may continue them.
bool OnlyWordsAfterBlank(absl::string_view text, size_t i) {
  const char* t = text.data();
  const size_t n = text.size();
  size_t k = i + 1;
  if (k < n && t[k] == 'x') return false;
  if (k < n && t[k] == ' ') ++k;
  return k >= n || !IsDigit(t[k]);
}

}  // namespace

double VulgarFractionAt(absl::string_view text, size_t pos, size_t* len) {
  if (pos + 1 < text.size() && static_cast<unsigned char>(text[pos]) == 0xC2) {
    switch (static_cast<unsigned char>(text[pos + 1])) {
      case 0xBC: *len = 2; return 0.25;
      case 0xBD: *len = 2; return 0.5;
      case 0xBE: *len = 2; return 0.75;
      default: return 0;
    }
  }
  if (pos + 2 < text.size() && static_cast<unsigned char>(text[pos]) == 0xE2 &&
      static_cast<unsigned char>(text[pos + 1]) == 0x85) {
    static const double kValues[] = {1.0 / 7, 1.0 / 9, 1.0 / 10, 1.0 / 3, 2.0 / 3,
                                     1.0 / 5, 2.0 / 5, 3.0 / 5,  4.0 / 5, 1.0 / 6,
                                     5.0 / 6, 1.0 / 8, 3.0 / 8,  5.0 / 8, 7.0 / 8};
    unsigned char c = static_cast<unsigned char>(text[pos + 2]);
    if (c >= 0x90 && c <= 0x9E) {
      *len = 3;
      return kValues[c - 0x90];
    }
  }
  return 0;
}

std::optional<ParsedNumber> ParseNumberAt(absl::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  ParsedNumber out;
  out.begin = pos;
  size_t i = pos;
  char c = text[i];
  if (IsLetter(c)) {
    std::optional<WordNumber> w = ParseNumberWords(text, pos);
    if (!w) {
      // "minus 5", "negative 2.5".
      const char l = absl::ascii_tolower(static_cast<unsigned char>(c));
      if (l != 'm' && l != 'n') return std::nullopt;
      for (absl::string_view word : {"minus ", "negative "}) {
        if (text.size() > pos + word.size() &&
            absl::EqualsIgnoreCase(text.substr(pos, word.size()), word) &&
            IsDigit(text[pos + word.size()])) {
          std::optional<ParsedNumber> n = ParseNumberAt(text, pos + word.size());
          if (!n) return std::nullopt;
          n->begin = pos;
          n->value = -n->value;
          n->plain_integer = false;
          return n;
        }
      }
      return std::nullopt;
    }
    out.end = out.literal_end = w->end;
    out.value = w->value;
    out.precision = w->precision;
    out.scale_word = w->scale_word;
    out.from_words = true;
    out.is_fraction = w->is_fraction;
    out.approximate = w->approximate;
    return out;
  }
  double sign = 1;
  if (c == '-' || (c == '\xE2' && text.substr(i, 3) == "\xE2\x88\x92")) {  // '-' or U+2212
    i += c == '-' ? 1 : 3;
    size_t blanks = 0;
    while (i < text.size() && text[i] == ' ' && blanks < 1) ++i, ++blanks;
    if (i >= text.size() || !(IsDigit(text[i]) || text[i] == '.')) return std::nullopt;
    sign = -1;
  }
  size_t vlen = 0;
  double vulgar = MayBeVulgarFraction(text, i) ? VulgarFractionAt(text, i, &vlen) : 0;
  if (vulgar > 0) {
    out.value = sign * vulgar;
    out.end = out.literal_end = i + vlen;
    out.is_fraction = true;
    return out;
  }
  size_t n = CountDigits(text, i);
  // The common "45%", "2023)", "12;", "in 2024, the": nothing below applies (no
  // separator, decimal, exponent, fraction, blank or scale word follows), and the digits
  // are few enough to be exact. Or the common "2024 revenue", "450 million": the same,
  // but words or a scale word may follow the blank.
  const bool short_integer = n > 0 && n <= 15;
  const bool ends_here = short_integer && EndsPlainInteger(text, i + n);
  const bool words_follow = short_integer && !ends_here && i + n < text.size() &&
                            text[i + n] == ' ' && OnlyWordsAfterBlank(text, i + n);
  if (ends_here || words_follow) {
    uint64_t mantissa = 0;
    for (size_t k = i; k < i + n; ++k) mantissa = mantissa * 10 + (text[k] - '0');
    out.value = sign * static_cast<double>(mantissa);
    out.precision = 1;
    out.plain_integer = sign > 0;
    out.integer_digits = static_cast<int>(n);
    out.end = out.literal_end = i + n;
    if (words_follow) ReadWordsOrScale(text, i + n, sign > 0, &out);
    return out;
  }
  if (n > 0 && i + n + 1 < text.size() && text[i + n] == '.' && IsDigit(text[i + n + 1])) {
    // The common "3.5", "45.6 billion": digits, a point and digits, few enough to be
    // exact, read as the long reading does (ToDouble's division, the implied precision
    // of the same bytes), then a scale word.
    const size_t decimals = CountDigits(text, i + n + 1);
    const size_t e = i + n + 1 + decimals;
    if (n + decimals <= 15 && DecimalEndsAt(text, e)) {
      uint64_t mantissa = 0;
      for (size_t k = i; k < e; ++k) {
        if (k != i + n) mantissa = mantissa * 10 + (text[k] - '0');
      }
      out.value = sign * (static_cast<double>(mantissa) / kPow10[decimals]);
      out.precision = ImpliedPrecision(text.substr(i, e - i), 1);
      out.integer_digits = static_cast<int>(n);
      out.dotted = e + 1 < text.size() && text[e] == '.' && IsDigit(text[e + 1]);
      out.end = out.literal_end = e;
      ReadWordsOrScale(text, e, false, &out);
      return out;
    }
  }
  Literal digits;
  bool has_point = false;  // digits holds a '.'
  bool grouped = false;
  if (n == 0) {
    if (!(text[i] == '.' && i + 1 < text.size() && IsDigit(text[i + 1]))) return std::nullopt;
    digits.Assign("0");
  } else {
    size_t first_group = n;
    i = TakeDigits(text, i, n, &digits);
    out.integer_digits = static_cast<int>(n);
    // "1,234,567" and the Indian "12,34,567".
    if (i + 3 < text.size() + 0 && text[i] == ',' && first_group <= 3) {
      size_t j = i;
      Literal extra;
      bool indian = first_group <= 2;
      bool western = true;
      int groups = 0;
      size_t last_len = 0;
      while (j < text.size() && text[j] == ',') {
        size_t g = CountDigits(text, j + 1);
        if (g != 2 && g != 3) break;
        if (g == 2) western = false;
        if (g == 3 && j + 1 + g < text.size() && text[j + 1 + g] == ',' &&
            CountDigits(text, j + 2 + g) == 2) {
          indian = false;
        }
        extra.Append(text.data() + j + 1, g);
        last_len = g;
        j += 1 + g;
        ++groups;
        if (g == 3 && !western) break;
      }
      bool ok = groups > 0 && ((western && last_len == 3) ||
                               (indian && !western && last_len == 3));
      if (ok) {
        digits.Append(extra.view());
        i = j;
        grouped = true;
      }
    }
    // "1 234 567", "40 000" (blank, NBSP or narrow NBSP between groups of three).
    if (!grouped && first_group <= 3) {
      size_t j = i;
      Literal extra;
      while (size_t b = GroupBlank(text, j)) {
        size_t g = CountDigits(text, j + b);
        if (g != 3) break;
        size_t after = j + b + g;
        if (after < text.size() && (IsLetter(text[after]) || text[after] == '/' ||
                                    text[after] == ':')) {
          break;
        }
        extra.Append(text.data() + j + b, g);
        j = after;
      }
      if (!extra.empty()) {
        digits.Append(extra.view());
        i = j;
        grouped = true;
      }
    }
    out.integer_digits = static_cast<int>(digits.view().size());
  }
  // Decimal part; a second dot makes it an address or version ("192.168.1.2").
  if (i + 1 < text.size() && text[i] == '.' && IsDigit(text[i + 1])) {
    size_t d = CountDigits(text, i + 1);
    digits.Push('.');
    has_point = true;
    digits.Append(text.data() + i + 1, d);
    i += 1 + d;
    if (i + 1 < text.size() && text[i] == '.' && IsDigit(text[i + 1])) out.dotted = true;
  } else if (!grouped && n > 0 && n <= 3 && i + 1 < text.size() && text[i] == ',') {
    // Decimal comma ("1,3", "5,00"), not in a list ("22,24,26").
    size_t d = CountDigits(text, i + 1);
    bool in_list = pos >= 2 && text[pos - 1] == ',' && IsDigit(text[pos - 2]);
    size_t after = i + 1 + d;
    bool list_follows = after + 1 < text.size() && text[after] == ',' &&
                        IsDigit(text[after + 1]);
    if ((d == 1 || d == 2) && !in_list && !list_follows &&
        !(after < text.size() && IsLetter(text[after]))) {
      digits.Push('.');
      has_point = true;
      digits.Append(text.data() + i + 1, d);
      i = after;
    }
  }
  // Scientific notation written out: "1.3x10^6", "6.23×10^-4", "2 x 10^3".
  const bool times_sign =
      i < text.size() && (text[i] == 'x' || text[i] == '\xC3' ||
                          (text[i] == ' ' && i + 1 < text.size() && text[i + 1] == 'x'));
  for (absl::string_view times : {"x10^", "\xC3\x97" "10^", " x 10^"}) {
    if (!times_sign) break;
    if (text.substr(i, times.size()) == times) {
      size_t j = i + times.size();
      double esign = 1;
      if (j < text.size() && (text[j] == '+' || text[j] == '-')) esign = text[j] == '-' ? -1 : 1, ++j;
      size_t d = CountDigits(text, j);
      if (d > 0 && d <= 3) {
        digits.Assign(std::to_string(ToDouble(digits.view()) *
                                     std::pow(10.0, esign * ToDouble(text.substr(j, d)))));
        has_point = digits.view().find('.') != absl::string_view::npos;
        i = j + d;
        grouped = true;  // no longer a plain integer
      }
      break;
    }
  }
  bool simple_int = !grouped && !has_point;
  bool plain = sign > 0 && simple_int;
  double value = 0;
  if (simple_int && digits.view().size() <= 15) {
    // Only digits, and few enough to be exact: what ToDouble returns, without the call.
    uint64_t mantissa = 0;
    for (char d : digits.view()) mantissa = mantissa * 10 + static_cast<uint64_t>(d - '0');
    value = static_cast<double>(mantissa);
  } else {
    value = ToDouble(digits.view());
  }
  // Plain digits (no point, no separator, no exponent) end in a unit digit: that is what
  // ImpliedPrecision would say.
  out.precision = has_point || grouped ? ImpliedPrecision(digits.view(), 1) : 1;
  out.plain_integer = plain;
  // Exponents: "1e10", "12.32e+14", "1.1^23", "2.5^-1".
  if (i + 1 < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    size_t j = i + 1;
    double esign = 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) esign = text[j] == '-' ? -1 : 1, ++j;
    size_t d = CountDigits(text, j);
    if (d > 0 && d <= 3 && (j + d >= text.size() || !IsLetter(text[j + d]))) {
      value *= std::pow(10.0, esign * ToDouble(text.substr(j, d)));
      i = j + d;
      out.plain_integer = plain = false;
      out.precision = 0;
    }
  } else if (i + 1 < text.size() && text[i] == '^') {
    size_t j = i + 1;
    double esign = 1;
    while (j < text.size() && (text[j] == '+' || text[j] == '-')) {
      if (text[j] == '-') esign = -esign;
      ++j;
    }
    size_t d = CountDigits(text, j);
    if (d > 0 && d <= 3) {
      value = std::pow(value, esign * ToDouble(text.substr(j, d)));
      i = j + d;
      out.plain_integer = plain = false;
      out.precision = 0;
    }
  }
  // Fractions: "3/4", and mixed "2 1/4" / "2½".
  if (simple_int && i + 1 < text.size() && text[i] == '/' && IsDigit(text[i + 1])) {
    size_t d = CountDigits(text, i + 1);
    size_t after = i + 1 + d;
    bool date_like = after + 1 < text.size() && text[after] == '/' ;
    double den = ToDouble(text.substr(i + 1, d));
    if (!date_like && den != 0 && d <= 4) {
      value /= den;
      i = after;
      out.is_fraction = true;
      out.plain_integer = plain = false;
      out.precision = 0;
    }
  } else if (simple_int) {
    size_t j = i;
    size_t blanks = 0;
    while (j < text.size() && text[j] == ' ' && blanks < 2) ++j, ++blanks;
    size_t num = CountDigits(text, j);
    if (blanks > 0 && num > 0 && num <= 2 && j + num + 1 < text.size() &&
        text[j + num] == '/' && IsDigit(text[j + num + 1])) {
      size_t d = CountDigits(text, j + num + 1);
      size_t after = j + num + 1 + d;
      double a = ToDouble(text.substr(j, num));
      double b = ToDouble(text.substr(j + num + 1, d));
      bool date_like = after < text.size() && text[after] == '/';
      if (b != 0 && a < b && !date_like) {
        value += a / b;
        i = after;
        out.is_fraction = true;
        out.plain_integer = plain = false;
        out.precision = 0;
      }
    } else if (MayBeVulgarFraction(text, i) && VulgarFractionAt(text, i, &vlen) > 0) {
      value += VulgarFractionAt(text, i, &vlen);
      i += vlen;
      out.is_fraction = true;
      out.plain_integer = plain = false;
      out.precision = 0;
    }
  }
  out.literal_end = i;
  out.value = sign * value;
  out.end = i;
  ReadWordsOrScale(text, i, plain, &out);
  return out;
}

}  // namespace claimcheck
