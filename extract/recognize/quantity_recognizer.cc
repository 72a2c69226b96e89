// The scan: walk the text once; at each digit, leading '.', sign, number word or vulgar
// fraction, parse a number (number_parser.h), drop it if its surroundings say it is no
// quantity (non_quantity.h), then read outward: currency before, unit or counted noun
// after, a second number for a range, hedge words on either side.
#include "extract/recognize/quantity_recognizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claims/quantity_interval.h"
#include "extract/recognize/figure_scan.h"
#include "extract/recognize/figure_suffix.h"
#include "extract/recognize/hedge_words.h"
#include "extract/recognize/non_quantity.h"
#include "extract/recognize/number_parser.h"
#include "extract/recognize/number_words.h"
#include "extract/recognize/unit_table.h"

namespace claimcheck {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }
bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// CNY or JPY for "¥": Chinese context within a few hundred bytes means yuan.
std::string YenCurrency(absl::string_view text, size_t begin, size_t end) {
  size_t from = begin > 400 ? begin - 400 : 0;
  size_t to = std::min(text.size(), end + 400);
  std::string window = absl::AsciiStrToLower(text.substr(from, to - from));
  for (const char* cue : {"yuan", "rmb", "renminbi", "china", "chinese", "cny", "beijing",
                          "shanghai", "shenzhen"}) {
    if (absl::StrContains(window, cue)) return "CNY";
  }
  return "JPY";
}

absl::string_view WordBefore(absl::string_view text, size_t pos) {
  size_t e = pos;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && IsAlpha(text[b - 1])) --b;
  return text.substr(b, e - b);
}

// Sets *field to `value` in place (cleared, then appended: no aliasing checks), so that a
// string that already holds memory (a reused mention, Find's second form) keeps it.
void SetString(absl::string_view value, std::string* field) {
  field->clear();
  field->append(value.data(), value.size());
}

// Sets *field to text[begin, end) the same way.
void SetFromText(absl::string_view text, size_t begin, size_t end, std::string* field) {
  SetString(absl::string_view(text.data() + begin, end - begin), field);
}

// Makes *m what QuantityMention() is, but keeps the memory of its quantity's strings
// (Clear() empties them without freeing). Every field of QuantityMention is reset here.
void ResetMention(QuantityMention* m) {
  m->begin = m->end = 0;
  m->quantity.Clear();
  m->figure_begin = m->number_begin = m->number_end = 0;
  m->number_value = 0;
  m->high_begin = m->high_end = 0;
  m->high_value = 0;
  m->unit_glued = false;
  m->unit_name = absl::string_view();
  m->unit_factor = 1;
}

v1::QuantityType TypeOf(const UnitInfo* unit, bool noun) {
  if (unit == nullptr) return noun ? v1::QUANTITY_TYPE_COUNT : v1::QUANTITY_TYPE_NUMBER;
  switch (unit->kind) {
    case UnitKind::kCurrency: return v1::QUANTITY_TYPE_MONEY;
    case UnitKind::kPercent: return v1::QUANTITY_TYPE_PERCENT;
    case UnitKind::kPercentagePoint: return v1::QUANTITY_TYPE_PERCENTAGE_POINT;
    case UnitKind::kDuration: return v1::QUANTITY_TYPE_DURATION;
    case UnitKind::kMultiplier: return v1::QUANTITY_TYPE_NUMBER;
    case UnitKind::kDimension:
    case UnitKind::kTemperature: return v1::QUANTITY_TYPE_DIMENSION;
  }
  return v1::QUANTITY_TYPE_NUMBER;
}

}  // namespace

QuantityRecognizer::QuantityRecognizer(const RecognizerOptions& options,
                                       std::unique_ptr<NonQuantityFilter> filter)
    : options_(options), filter_(std::move(filter)), units_(&UnitTable::Get()) {}

QuantityRecognizer::~QuantityRecognizer() = default;

absl::StatusOr<std::unique_ptr<QuantityRecognizer>> QuantityRecognizer::Create(
    const RecognizerOptions& options) {
  const std::string& code = options.bare_dollar_currency;
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) {
        return c >= 'A' && c <= 'Z';
      })) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bare_dollar_currency must be a three-letter ISO 4217 code such as USD, got \"",
        code, "\""));
  }
  absl::StatusOr<std::unique_ptr<NonQuantityFilter>> filter = NonQuantityFilter::Create();
  if (!filter.ok()) return filter.status();
  return std::unique_ptr<QuantityRecognizer>(
      new QuantityRecognizer(options, std::move(*filter)));
}

bool QuantityRecognizer::ReadPercentOf(absl::string_view text, size_t start,
                                       absl::FunctionRef<QuantityMention*()> slot) const {
  // "percent of 10", "per cent of twenty-two": the number after "of" is the percentage.
  size_t j = start;
  for (const char* head : {"percents of ", "percent of ", "per cent of "}) {
    size_t len = std::strlen(head);
    if (absl::EqualsIgnoreCase(text.substr(start, len), head)) {
      j = start + len;
      break;
    }
  }
  if (j == start) return false;
  std::optional<ParsedNumber> pn = ParseNumberAt(text, j);
  if (!pn) return false;
  size_t skip;
  if (filter_->Reject(text, *pn, false, &skip)) return false;
  if (pn->end < text.size() && IsAlpha(text[pn->end])) return false;
  QuantityMention& m = *slot();
  m.begin = m.figure_begin = start;
  m.end = pn->end;
  m.number_begin = pn->begin;
  m.number_end = pn->end;
  m.number_value = pn->value;
  v1::Quantity& q = m.quantity;
  q.set_value(pn->value);
  q.set_type(v1::QUANTITY_TYPE_PERCENT);
  SetString("percent", q.mutable_unit());
  SetFromText(text, start, j - 4, q.mutable_unit_as_written());
  q.set_bound(v1::BOUND_KIND_EXACT);
  q.set_precision(pn->precision);
  SetInterval(&q);
  SetFromText(text, m.begin, m.end, q.mutable_text());
  return true;
}

bool QuantityRecognizer::ReadAt(absl::string_view text, size_t start, size_t floor,
                                size_t* next,
                                absl::FunctionRef<QuantityMention*()> slot) const {
  const UnitTable& table = *units_;
  const size_t n = text.size();
  *next = start + 1;
  // Digits glued to a letter with no currency code before them ("A100", "Q3") are a code
  // whatever they read as (NonQuantityFilter::Reject): not parsed at all.
  if (IsDigit(text[start]) && start > 0 && IsAlpha(text[start - 1])) {
    std::optional<UnitMatch> code = table.MatchCurrencyBefore(text, start);
    if (!code || code->begin < floor) {
      *next = std::max(NonQuantityFilter::TokenEnd(text, start), start + 1);
      return false;
    }
  }
  std::optional<ParsedNumber> pn = ParseNumberAt(text, start);
  if (!pn) return false;
  *next = std::max(pn->end, start + 1);
  std::optional<UnitMatch> prefix;
  auto read_prefix = [&] {
    prefix = table.MatchCurrencyBefore(text, pn->begin);
    if (prefix && prefix->begin < floor) prefix.reset();
  };
  // The filter looks at the currency only after a letter ("USD200" is money, "A100" a
  // code, non_quantity.h): elsewhere it is read after the filter, for kept numbers only.
  const bool after_letter = pn->begin > 0 && IsAlpha(text[pn->begin - 1]);
  if (after_letter) read_prefix();
  size_t skip = 0;
  if (filter_->Reject(text, *pn, prefix.has_value(), &skip)) {
    *next = std::max(skip, start + 1);
    return false;
  }
  if (!after_letter) read_prefix();
  // "910B" is a model; "1.2b" and "$3B" are billions.
  if (pn->glued_scale && (pn->scale_word == "b" || pn->scale_word == "B") && !prefix &&
      pn->precision >= pn->scale) {
    size_t k = pn->end;
    while (k < n && IsAlnum(text[k])) ++k;
    *next = k;
    return false;
  }
  // "$1.2m": after a currency sign a lone "m" is million, not metre.
  if (prefix && pn->scale == 1 && pn->end < n && text[pn->end] == 'm' &&
      (pn->end + 1 >= n || !IsAlnum(text[pn->end + 1]))) {
    pn->value *= 1e6;
    pn->precision *= 1e6;
    pn->scale = 1e6;
    pn->scale_word = "m";
    pn->end += 1;
  }
  // A counted noun matters to neither a figure with a currency before it (only a unit
  // could end it, and the noun is dropped below) nor a bare year: "in 2023 chips" is
  // dropped as a year whether "chips" is counted or not, and no noun can start with a
  // range connector ("-" before a number word, "to", "and"), so no range is missed.
  const bool nouns = !prefix && !NonQuantityFilter::LooksLikeYear(text, *pn);
  FigureSuffix suffix = ReadFigureSuffix(text, *pn, nouns);
  if (!suffix.found() && pn->end < n && IsAlpha(text[pn->end]) && !pn->from_words) {
    size_t k = pn->end;
    while (k < n && IsAlnum(text[k])) ++k;
    *next = k;  // "3D", "225BC", "100Trust": digits glued to letters are a name or code
    return false;
  }
  const UnitInfo* unit = suffix.unit;
  if (unit && unit->weight_or_money && !prefix && pn->scale < 1e6) {
    unit = table.Find("lbs");  // "25 pounds" is a weight; "361 million pounds" money
  }
  if (prefix && unit) {
    // "$5 per share", "$10 dollars bill", "$ 20.00 $ 37.97": with a currency written
    // before, the figure ends at the number.
    suffix = FigureSuffix();
    unit = nullptr;
  }
  if (prefix && !suffix.unit) suffix.noun.clear();
  // "75 USD million": a scale word after a currency code.
  if (!prefix && unit && unit->kind == UnitKind::kCurrency && pn->scale == 1 &&
      suffix.end + 1 < n && text[suffix.end] == ' ') {
    size_t scale_end = 0;
    double scale = MatchScaleWord(text, suffix.end + 1, false, &scale_end);
    if (scale >= 1e3) {
      pn->value *= scale;
      pn->precision *= scale;
      pn->scale = scale;
      pn->scale_word = text.substr(suffix.end + 1, scale_end - suffix.end - 1);
      suffix.end = scale_end;
    }
  }
  const UnitInfo* currency = prefix ? prefix->info : nullptr;
  if (!currency && unit && unit->kind == UnitKind::kCurrency) currency = unit;
  if (currency) unit = currency;
  size_t fig_begin = prefix ? prefix->begin : pn->begin;
  size_t fig_end = suffix.found() ? suffix.end : pn->end;

  // Ranges: "$1-2 billion", "10 to 20", "between 5 and 7 percent".
  std::optional<ParsedNumber> hi;
  size_t between_begin = 0;
  bool between = PrecededByBetween(text, fig_begin, &between_begin) && between_begin >= floor;
  if (!suffix.found()) {
    size_t k = pn->end;
    if (k < n && text[k] == ' ') ++k;
    bool connector = false;
    if (k < n && text[k] == '-') {
      ++k, connector = true;
    } else if (text.substr(k, 3) == "\xE2\x80\x93" || text.substr(k, 3) == "\xE2\x80\x94") {
      k += 3, connector = true;
    } else if (!between && k + 3 <= n && (text[k] | 0x20) == 't' && (text[k + 1] | 0x20) == 'o' &&
               text[k + 2] == ' ' &&
               !absl::EqualsIgnoreCase(WordBefore(text, fig_begin), "from")) {
      k += 3, connector = true;
    } else if (between && absl::EqualsIgnoreCase(text.substr(k, 4), "and ")) {
      k += 4, connector = true;
    }
    if (connector) {
      if (k < n && text[k] == ' ') ++k;
      if (prefix) {
        absl::string_view sign = text.substr(prefix->begin, pn->begin - prefix->begin);
        while (!sign.empty() && sign.back() == ' ') sign.remove_suffix(1);
        if (text.substr(k, sign.size()) == sign) k += sign.size();
        if (k < n && text[k] == ' ') ++k;
      }
      std::optional<ParsedNumber> second = ParseNumberAt(text, k);
      // The second number follows a hyphen, so the code test ("SCP-173") does not apply.
      if (second && second->value >= pn->value && !second->from_words == !pn->from_words &&
          !second->dotted && second->integer_digits <= 18) {
        hi = second;
      }
    }
  }
  FigureSuffix hi_suffix;
  if (hi) {
    hi_suffix = ReadFigureSuffix(text, *hi);
    const UnitInfo* hu = hi_suffix.unit;
    if (hu && hu->weight_or_money && !prefix && hi->scale < 1e6) hu = table.Find("lbs");
    if (prefix && hu && hu->kind != UnitKind::kCurrency) hu = nullptr, hi_suffix = FigureSuffix();
    bool years = NonQuantityFilter::LooksLikeYear(text, *pn) &&
                 NonQuantityFilter::LooksLikeYear(text, *hi) && !prefix && !hi_suffix.found();
    if (years) {
      *next = hi->end;  // "2019-2021", "between 2014 and 2019": a period, not a range
      return false;
    }
    if (!hu && hi_suffix.found() == false && hi->end < n && IsAlpha(text[hi->end]) &&
        !hi->from_words) {
      hi.reset();
    } else {
      if (hu) unit = prefix ? currency : hu;
      if (hu && !currency && hu->kind == UnitKind::kCurrency) currency = hu;
      if (pn->scale == 1 && hi->scale > 1 && pn->value * hi->scale <= hi->value) {
        pn->value *= hi->scale;
        pn->precision *= hi->scale;
      }
      suffix = hi_suffix;
      suffix.unit = hu;
      fig_end = hi_suffix.found() ? hi_suffix.end : hi->end;
    }
  }
  if (between && !hi) between = false;

  // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "c $ 100 and fifty".
  double cents = 0;
  if (currency && !hi && pn->scale == 1 && currency->factor == 1) {
    size_t k = fig_end;
    if (absl::EqualsIgnoreCase(text.substr(k, 5), " and ")) k += 5;
    else if (k < n && text[k] == ' ') k += 1;
    if (k < n && k > fig_end && (IsDigit(text[k]) || IsAlpha(text[k]))) {
      std::optional<ParsedNumber> c = ParseNumberAt(text, k);
      if (c && c->value > 0 && c->value < 100 && c->value == static_cast<int>(c->value)) {
        size_t e = c->end;
        std::optional<UnitMatch> cu;
        if (e < n && text[e] == ' ') cu = table.MatchAt(text, e + 1);
        if (cu && absl::string_view(cu->info->display) == "Cent") {
          cents = c->value, fig_end = cu->end;
        } else if (e >= n || std::strchr(".,;:!?)", text[e]) != nullptr) {
          cents = c->value, fig_end = e;
        }
      }
    }
  }

  // "5 feet 2 inches", "12 ft 2 in": inches added to feet.
  double inches = 0;
  if (!hi && unit && absl::string_view(unit->display) == "Foot") {
    size_t k = fig_end;
    if (absl::EqualsIgnoreCase(text.substr(k, 5), " and ")) k += 5;
    else if (k < n && text[k] == ' ') k += 1;
    std::optional<ParsedNumber> c;
    if (k > fig_end && k < n && IsDigit(text[k])) c = ParseNumberAt(text, k);
    if (!c && k > fig_end && k < n && IsAlpha(text[k])) c = ParseNumberAt(text, k);
    if (c && c->value > 0 && c->value < 12 && c->end + 1 < n && text[c->end] == ' ') {
      size_t w = c->end + 1;
      for (absl::string_view inch : {"inches", "inch", "in"}) {
        size_t e = w + inch.size();
        if (absl::EqualsIgnoreCase(text.substr(w, inch.size()), inch) &&
            (e >= n || !IsAlnum(text[e]))) {
          inches = c->value;
          fig_end = e;
          break;
        }
      }
    }
  }

  v1::QuantityType type = TypeOf(unit, !suffix.noun.empty());
  // Bare numbers that read as something else.
  if (type == v1::QUANTITY_TYPE_NUMBER || type == v1::QUANTITY_TYPE_COUNT) {
    // "2023", "the 2025 budget figures": a four-digit year-like integer is a date.
    if (!hi && NonQuantityFilter::LooksLikeYear(text, *pn)) return false;
    // A lone "one" is a pronoun more often than a figure ("a strategic one", "the one
    // driven by"): it counts only with a noun or unit after it.
    if (!hi && type == v1::QUANTITY_TYPE_NUMBER && pn->from_words && pn->value == 1 &&
        pn->end - pn->begin == 3) {
      return false;
    }
    if (!hi && type == v1::QUANTITY_TYPE_NUMBER &&
        (NonQuantityFilter::FollowsName(text, *pn) ||
         NonQuantityFilter::IsPronounOne(text, *pn))) {
      return false;
    }
  }

  // "the first half of 2024" is a period, not a fraction.
  if (pn->from_words && pn->is_fraction && pn->value == 0.5 && pn->end - pn->begin == 4) {
    absl::string_view before = WordBefore(text, pn->begin);
    for (const char* w : {"first", "second", "1st", "2nd", "the", "latter", "other"}) {
      if (absl::EqualsIgnoreCase(before, w)) return false;
    }
  }

  // "in the next two years", "over the past three years": a period, not a figure.
  if (type == v1::QUANTITY_TYPE_DURATION && !hi) {
    absl::string_view before = WordBefore(text, fig_begin);
    for (const char* w : {"next", "past", "last", "coming", "previous", "following", "first",
                          "recent"}) {
      if (absl::EqualsIgnoreCase(before, w)) return false;
    }
  }

  // Hedges.
  v1::BoundKind bound = hi ? v1::BOUND_KIND_RANGE : v1::BOUND_KIND_EXACT;
  size_t begin = between ? between_begin : fig_begin;
  size_t end = fig_end;
  if (!hi) {
    std::optional<HedgeMatch> before = MatchHedgeBefore(text, fig_begin);
    if (before && before->begin >= floor) {
      bound = before->bound;
      begin = before->begin;
    } else if (std::optional<HedgeMatch> after = MatchHedgeAfter(text, fig_end)) {
      bound = after->bound;
      end = after->end;
    } else if (pn->approximate) {
      bound = v1::BOUND_KIND_APPROXIMATE;
    }
  }

  QuantityMention& m = *slot();
  m.begin = begin;
  m.end = end;
  m.figure_begin = fig_begin;
  m.number_begin = pn->begin;
  m.number_end = pn->end;
  m.number_value = pn->value;
  if (hi) {
    m.high_begin = hi->begin;
    m.high_end = hi->end;
    m.high_value = hi->value;
  }
  m.unit_glued = suffix.unit != nullptr && suffix.glued && !hi;
  v1::Quantity& q = m.quantity;
  double factor = unit ? unit->factor : 1;
  double value = pn->value * factor + cents * 0.01 + inches / 12;
  double precision = (hi ? hi->precision : pn->precision) * factor;
  if (cents > 0) precision = 0.01;
  if (inches > 0) precision = 1.0 / 12;
  q.set_type(type);
  if (hi) {
    q.set_low(value);
    q.set_high(hi->value * factor);
    q.set_value((q.low() + q.high()) / 2);
  } else {
    q.set_value(value);
  }
  q.set_bound(bound);
  q.set_precision(precision);
  if (unit) {
    m.unit_name = unit->display;
    m.unit_factor = unit->factor;
    // The table's spelling unless the currency is chosen here: copied once, into the
    // message.
    const std::string* canonical = &unit->canonical;
    std::string yen;
    if (unit->kind == UnitKind::kCurrency) {
      if (unit->bare_dollar) {
        canonical = &options_.bare_dollar_currency;
        q.set_currency_assumed(true);
      } else if (unit->yen_sign) {
        yen = YenCurrency(text, begin, end);
        canonical = &yen;
        q.set_currency_assumed(true);
      }
      bool iso = canonical->size() == 3 && absl::ascii_isupper((*canonical)[0]);
      if (iso) SetString(*canonical, q.mutable_currency());
    }
    if (!canonical->empty()) SetString(*canonical, q.mutable_unit());
    // How the unit was written: the currency before the number (blanks after it
    // dropped), then the unit after it, one blank between. Empty strings are not set:
    // proto3 cannot tell them from unset, and setting one allocates.
    size_t before_end = 0;
    if (prefix) {
      before_end = pn->begin;
      while (before_end > prefix->begin && text[before_end - 1] == ' ') --before_end;
    }
    const bool has_before = prefix && before_end > prefix->begin;
    if (has_before || (suffix.unit && suffix.end > suffix.begin)) {
      std::string* written = q.mutable_unit_as_written();
      if (has_before) SetFromText(text, prefix->begin, before_end, written);
      if (has_before && suffix.unit) written->push_back(' ');
      if (suffix.unit) written->append(text.data() + suffix.begin, suffix.end - suffix.begin);
    }
  } else if (!suffix.noun.empty()) {
    *q.mutable_unit() = std::move(suffix.noun);
    SetFromText(text, suffix.begin, suffix.end, q.mutable_unit_as_written());
  }
  const absl::string_view scale_word =
      hi && !hi->scale_word.empty() ? hi->scale_word : pn->scale_word;
  if (!scale_word.empty()) SetString(scale_word, q.mutable_scale_word());
  SetInterval(&q);
  SetFromText(text, begin, end, q.mutable_text());
  *next = end;
  return true;
}

std::vector<QuantityMention> QuantityRecognizer::Find(absl::string_view text) const {
  std::vector<QuantityMention> out;
  Find(text, &out);
  return out;
}

void QuantityRecognizer::Find(absl::string_view text, std::vector<QuantityMention>* out,
                              SpareQuantities* spare) const {
  const size_t n = text.size();
  // out[0, found) are this text's mentions. ReadAt and ReadPercentOf ask for a slot only
  // for a figure they read, out[found]: an element a previous call left, else a new one
  // given a spare message (when there is one); reset either way.
  size_t found = 0;
  auto slot = [&]() -> QuantityMention* {
    if (found < out->size()) {
      ResetMention(&(*out)[found]);
    } else {
      if (out->capacity() == 0) out->reserve(text.size() / 256 + 4);
      out->emplace_back();
      if (spare != nullptr && spare->count_ > 0) {
        v1::Quantity& q = out->back().quantity;
        q.Swap(&spare->slots_[--spare->count_]);
        q.Clear();
      }
    }
    return &(*out)[found];
  };
  size_t i = 0;
  size_t floor = 0;
  FigureScanner scanner(text);
  while (i < n) {
    // Candidates only (figure_scan.h): a word given here starts after no letter or
    // digit and passes the three-letters-and-length test; a mark starts a number.
    i = scanner.Next(i);
    if (i >= n) break;
    const char c = text[i];
    size_t resume = i + 1;
    bool start = false;
    if (IsAlpha(c)) {
      const char* t = text.data();  // raw bytes: string_view's operator[] is checked
      size_t e = i + 1;
      while (e < n && IsAlpha(t[e])) ++e;
      resume = e;
      const size_t len = e - i;
      absl::string_view word = text.substr(i, len);
      // Only a number word or "per(cent(s))" matters. "a" and "an", the commonest, are
      // told without the word table (which holds them).
      const bool article =
          (c == 'a' || c == 'A') && (len == 1 || (len == 2 && (t[i + 1] | 0x20) == 'n'));
      if (article || CanStartNumberWord(word)) {
        start = true;
        if (article) {
          // "a"/"an" start a number only before "dozen", "half", "million"...
          size_t b = e;
          if (b < n && text[b] == ' ') ++b;
          size_t f = b;
          while (f < n && IsAlpha(text[f])) ++f;
          start = f > b && CanFollowArticle(text.substr(b, f - b));
        }
      } else if ((c == 'p' || c == 'P') && (absl::EqualsIgnoreCase(word, "percent") ||
                                            absl::EqualsIgnoreCase(word, "percents") ||
                                            absl::EqualsIgnoreCase(word, "per"))) {
        if (ReadPercentOf(text, i, slot)) {
          floor = i = (*out)[found].end;
          ++found;
          continue;
        }
      }
    } else {
      // A digit, or a '.', '-' or vulgar fraction that starts a number (the scanner
      // gives no other).
      start = true;
    }
    if (!start) {
      i = resume;
      continue;
    }
    size_t next = i + 1;
    if (ReadAt(text, i, floor, &next, slot)) {
      floor = (*out)[found].end;
      i = std::max(floor, i + 1);
      ++found;
    } else {
      i = std::max(next, resume);
    }
  }
  // The messages of the mentions no longer needed go to *spare, swapped with its empty
  // ones (made once, up to kMaxSpare).
  for (size_t k = found; spare != nullptr && k < out->size(); ++k) {
    std::vector<v1::Quantity>& slots = spare->slots_;
    if (spare->count_ == slots.size()) {
      if (slots.size() == SpareQuantities::kMaxSpare) break;
      if (slots.capacity() == 0) slots.reserve(SpareQuantities::kMaxSpare);
      slots.emplace_back();
    }
    slots[spare->count_++].Swap(&(*out)[k].quantity);
  }
  out->resize(found);
}

}  // namespace claimcheck
