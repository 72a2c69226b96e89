// The number's end decides how the suffix may be joined (glued, blank, hyphen, bracket);
// the unit table is tried before the counted nouns, which are an open class.
#include "extract/recognize/figure_suffix.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/recognize/number_words.h"

namespace claimcheck {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }
bool IsAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

}  // namespace

FigureSuffix ReadFigureSuffix(absl::string_view text, const ParsedNumber& pn, bool nouns) {
  FigureSuffix s;
  const UnitTable& table = UnitTable::Get();
  size_t n = text.size();
  size_t j = pn.end;
  bool glued = true, hyphen = false;
  if (j < n && text[j] == ' ') {
    ++j, glued = false;
  } else if (j < n && text[j] == '\xC2' && text.substr(j, 2) == "\xC2\xA0") {
    j += 2, glued = false;
  } else if (j + 1 < n && text[j] == '-' && IsAlpha(text[j + 1])) {
    ++j, glued = false, hyphen = true;
  }
  if (j >= n) return s;
  // "20 (kg)", "20 [kg]".
  char close = '\0';
  switch (text[j]) {
    case '(': close = ')'; break;
    case '[': close = ']'; break;
    case '{': close = '}'; break;
    case '<': close = '>'; break;
    default: break;
  }
  if (close != '\0' && !hyphen) {
    std::optional<UnitMatch> m = table.MatchAt(text, j + 1);
    if (m && m->end < n && text[m->end] == close &&
        m->info->kind != UnitKind::kCurrency) {
      s.unit = m->info;
      s.begin = j;
      s.end = m->end + 1;
      return s;
    }
    return s;
  }
  std::optional<UnitMatch> m = table.MatchAt(text, j);
  if (m) {
    bool ok = !(m->info->needs_digits && pn.from_words);
    // "230F-A", "24703L-202": a one-letter symbol glued to digits and then a hyphen.
    if (m->end - m->begin == 1 && m->end < n && text[m->end] == '-') ok = false;
    // "2 pm" is a time (rejected earlier); "5 g" alone is fine. A glued symbol must not be
    // followed by digits ("m212").
    if (m->end < n && IsDigit(text[m->end])) ok = false;
    if (ok) {
      s.unit = m->info;
      s.begin = j;
      s.end = m->end;
      s.glued = glued;
      return s;
    }
    return s;
  }
  if (!glued && nouns) {
    size_t end = 0;
    // "10 partners"; after a hyphen the noun is singular: "a 128-layer chip".
    bool singular_ok = hyphen || (pn.value == 1 && !pn.is_fraction);
    // Plural names ("232 million iPhones") are counted, but not after a bare number that
    // could be a year ("in 2023 GPUs").
    const bool year_like = pn.plain_integer && pn.value >= 1000 && pn.value <= 2100;
    std::string noun = MatchCountedNoun(text, j, singular_ok, !year_like, &end);
    if (hyphen && noun.find(' ') != std::string::npos) noun.clear();
    if (hyphen) {  // "three-nought-four" is a sequence of numbers, not a counted noun
      size_t w = j;
      while (w < n && IsAlpha(text[w])) ++w;
      if (CanStartNumberWord(text.substr(j, w - j))) noun.clear();
    }
    if (!noun.empty()) {
      s.noun = std::move(noun);
      s.begin = j;
      s.end = end;
      // "50,000 wafers per month": a rate.
      static constexpr absl::string_view kPer[] = {
          " per month", " per year", " per day", " per week", " per quarter",
          " per hour",  " a month",  " a year",  " a day"};
      for (absl::string_view per : kPer) {
        if (end >= n || text[end] != ' ') break;
        if (absl::EqualsIgnoreCase(text.substr(end, per.size()), per) &&
            (end + per.size() >= n || !IsAlnum(text[end + per.size()]))) {
          s.noun = absl::StrCat(s.noun, " per ", per.substr(per.rfind(' ') + 1));
          s.end = end + per.size();
          break;
        }
      }
    }
  }
  return s;
}

}  // namespace claimcheck
