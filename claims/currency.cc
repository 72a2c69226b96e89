#include "claims/currency.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace claimcheck {

bool IsCurrencyCode(absl::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

absl::StatusOr<RateTable> RateTable::Parse(absl::string_view csv, absl::string_view name) {
  RateTable table;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(csv, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    auto error = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat(name, ":", line_no, ": ", why));
    };
    // The source is the last field and may itself contain commas.
    std::vector<absl::string_view> fields = absl::StrSplit(line, absl::MaxSplits(',', 3));
    if (fields.size() != 4) return error("expected year,currency,per_usd,source");
    for (auto& f : fields) f = absl::StripAsciiWhitespace(f);
    if (fields[0] == "year") continue;  // header
    int year = 0;
    if (!absl::SimpleAtoi(fields[0], &year) || year < 1900 || year > 2200) {
      return error(absl::StrCat("bad year '", fields[0], "'"));
    }
    std::string code = absl::AsciiStrToUpper(fields[1]);
    if (!IsCurrencyCode(code)) {
      return error(absl::StrCat("bad currency code '", fields[1], "'"));
    }
    double per_usd = 0;
    if (!absl::SimpleAtod(fields[2], &per_usd) || !(per_usd > 0) || !std::isfinite(per_usd)) {
      return error(absl::StrCat("bad rate '", fields[2], "'"));
    }
    Rate rate{per_usd, std::string(fields[3])};
    table.latest_year_ = std::max(table.latest_year_, year);
    if (!table.rates_.emplace(std::make_pair(code, year), std::move(rate)).second) {
      return error(absl::StrCat("duplicate rate for ", code, " in ", year));
    }
  }
  if (table.rates_.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": no exchange rates"));
  }
  return table;
}

const RateTable::Rate* RateTable::Find(absl::string_view currency, int year,
                                       int* used_year) const {
  static const Rate* const kUsd = new Rate{1.0, "identity"};
  if (currency == "USD") {
    *used_year = year;
    return kUsd;
  }
  std::string code(currency);
  auto it = rates_.lower_bound(std::make_pair(code, year));
  const std::pair<const std::pair<std::string, int>, Rate>* best = nullptr;
  if (it != rates_.end() && it->first.first == code) best = &*it;
  if (it != rates_.begin()) {
    auto prev = std::prev(it);
    if (prev->first.first == code &&
        (best == nullptr || year - prev->first.second < best->first.second - year)) {
      best = &*prev;
    }
  }
  if (best == nullptr) return nullptr;
  *used_year = best->first.second;
  return &best->second;
}

absl::StatusOr<Conversion> RateTable::Convert(absl::string_view from, absl::string_view to,
                                              int year) const {
  int from_year = year;
  int to_year = year;
  const Rate* from_rate = Find(from, year, &from_year);
  if (from_rate == nullptr) {
    return absl::NotFoundError(absl::StrCat("no exchange rate for ", from));
  }
  const Rate* to_rate = Find(to, year, &to_year);
  if (to_rate == nullptr) {
    return absl::NotFoundError(absl::StrCat("no exchange rate for ", to));
  }
  Conversion conversion;
  conversion.factor = to_rate->per_usd / from_rate->per_usd;
  // When one side is USD the other side's year is the one that matters.
  conversion.year = from == "USD" ? to_year : from_year;
  std::string source = from == "USD" ? to_rate->source : from_rate->source;
  if (from != "USD" && to != "USD" && from_rate->source != to_rate->source) {
    source = absl::StrCat(from_rate->source, " / ", to_rate->source);
  }
  conversion.description =
      absl::StrFormat("%s->%s at %.6g (%d annual average; %s)", from, to, conversion.factor,
                      conversion.year, source);
  if (conversion.year != year) {
    absl::StrAppend(&conversion.description, "; no rate for ", year, ", nearest year used");
  }
  return conversion;
}

}  // namespace claimcheck
