#include "extract/recognize/unit_table.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include <cstring>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace claimcheck {
namespace {

using K = UnitKind;

// One row: spellings separated by '|', matched in any case unless `exact`.
struct Row {
  const char* spellings;
  UnitKind kind;
  const char* canonical;
  const char* display;
  double factor;
  bool exact;
};

// Flags for special currencies, applied by canonical display name below.
const Row kRows[] = {
    // --- money ---
    {"dollar|dollars|$", K::kCurrency, "$", "Dollar", 1, false},
    {"us dollar|us dollars|u.s. dollar|u.s. dollars|american dollars|usd|us$|usd$",
     K::kCurrency, "USD", "United States dollar", 1, false},
    {"canadian dollar|canadian dollars|cad|c$", K::kCurrency, "CAD", "Canadian dollar", 1, false},
    {"australian dollar|australian dollars|aud|a$", K::kCurrency, "AUD", "Australian dollar", 1, false},
    {"hong kong dollar|hong kong dollars|hkd|hk$", K::kCurrency, "HKD", "Hong Kong dollar", 1, false},
    {"singapore dollar|singapore dollars|sgd|s$", K::kCurrency, "SGD", "Singapore dollar", 1, false},
    {"taiwan dollar|taiwan dollars|new taiwan dollar|new taiwan dollars|nt dollars|twd|ntd|nt$",
     K::kCurrency, "TWD", "New Taiwan dollar", 1, false},
    {"new zealand dollar|new zealand dollars|nzd|nz$", K::kCurrency, "NZD", "New Zealand dollar", 1, false},
    {"euro|euros|eur|\xE2\x82\xAC", K::kCurrency, "EUR", "Euro", 1, false},
    {"pound|pounds", K::kCurrency, "GBP", "Pound", 1, false},
    {"\xC2\xA3", K::kCurrency, "GBP", "Pound", 1, false},
    {"pounds sterling|sterling|british pound|british pounds|gbp", K::kCurrency, "GBP",
     "British pound", 1, false},
    {"yen|japanese yen|jpy", K::kCurrency, "JPY", "Japanese yen", 1, false},
    {"\xC2\xA5", K::kCurrency, "JPY", "Japanese yen", 1, false},
    {"yuan|chinese yuan|renminbi|rmb|cny|\xE5\x85\x83", K::kCurrency, "CNY", "Chinese yuan", 1, false},
    {"won|korean won|south korean won|krw|\xE2\x82\xA9", K::kCurrency, "KRW", "South Korean won", 1, false},
    {"rupee|rupees|indian rupees|inr|\xE2\x82\xB9", K::kCurrency, "INR", "Rupee", 1, false},
    {"franc|francs", K::kCurrency, "franc", "Franc", 1, false},
    {"swiss franc|swiss francs|chf", K::kCurrency, "CHF", "Swiss franc", 1, false},
    {"french franc|french francs", K::kCurrency, "FRF", "French franc", 1, false},
    {"peso|pesos", K::kCurrency, "peso", "Peso", 1, false},
    {"mexican peso|mexican pesos|mxn|mex$|mxn$", K::kCurrency, "MXN", "Mexican peso", 1, false},
    {"peseta|pesetas", K::kCurrency, "ESP", "Peseta", 1, false},
    {"deutsche mark|deutsche marks|deutschmarks", K::kCurrency, "DEM", "German mark", 1, false},
    {"finnish markka|finnish markkaa|markka|markkaa", K::kCurrency, "FIM", "Finnish markka", 1, false},
    {"dutch guilder|dutch guilders|guilder|guilders", K::kCurrency, "NLG", "Netherlands guilder", 1, false},
    {"turkish lira|try", K::kCurrency, "TRY", "Turkish lira", 1, false},
    {"lira|lire", K::kCurrency, "lira", "Lira", 1, false},
    {"ruble|rubles|rouble|roubles|rub|\xE2\x82\xBD", K::kCurrency, "RUB", "Russian ruble", 1, false},
    {"ringgit|myr", K::kCurrency, "MYR", "Malaysian ringgit", 1, false},
    {"baht|thb", K::kCurrency, "THB", "Thai baht", 1, false},
    {"rand|zar", K::kCurrency, "ZAR", "South African rand", 1, false},
    {"reais|brl|r$", K::kCurrency, "BRL", "Brazilian real", 1, false},
    {"rupiah|idr", K::kCurrency, "IDR", "Indonesian rupiah", 1, false},
    {"dong|vnd", K::kCurrency, "VND", "Vietnamese dong", 1, false},
    {"riyal|riyals|sar", K::kCurrency, "SAR", "Saudi riyal", 1, false},
    {"dirham|dirhams|aed", K::kCurrency, "AED", "United Arab Emirates dirham", 1, false},
    {"shekel|shekels|ils", K::kCurrency, "ILS", "Israeli new shekel", 1, false},
    {"zloty|zlotys|pln", K::kCurrency, "PLN", "Polish zloty", 1, false},
    {"SEK|swedish krona|swedish kronor", K::kCurrency, "SEK", "Swedish krona", 1, false},
    {"cent|cents|\xC2\xA2", K::kCurrency, "$", "Cent", 0.01, false},
    {"pence|p", K::kCurrency, "GBP", "Pence", 0.01, false},
    {"penny|pennies", K::kCurrency, "GBP", "Penny", 0.01, false},
    {"bitcoin|bitcoins|btc|\xE2\x82\xBF", K::kCurrency, "BTC", "Bitcoin", 1, false},
    {"satoshi|satoshis", K::kCurrency, "BTC", "Satoshi", 1e-8, false},
    {"\xE2\x82\xA1", K::kCurrency, "CRC", "Costa Rican col\xC3\xB3n", 1, false},
    {"\xE1\x83\x9A|\xE2\x82\xBE", K::kCurrency, "GEL", "Georgian lari", 1, false},
    {"\xE2\x82\xAD", K::kCurrency, "LAK", "Lao kip", 1, false},
    {"\xE0\xAE\xB0\xE0\xAF\x82", K::kCurrency, "LKR", "Sri Lankan rupee", 1, false},
    {"\xE2\x82\xBA", K::kCurrency, "TRY", "Turkish lira", 1, false},
    {"MUSD|musd", K::kCurrency, "USD", "United States dollar", 1e6, true},
    {"MEUR|meur", K::kCurrency, "EUR", "Euro", 1e6, true},
    {"MGBP|mgbp", K::kCurrency, "GBP", "British pound", 1e6, true},
    // --- percent ---
    {"%|\xEF\xBC\x85|percent|per cent|percents|percentage|pct", K::kPercent, "percent",
     "Percent", 1, false},
    {"percentage point|percentage points|percentage-point|percentage-points|pp|ppt|ppts",
     K::kPercentagePoint, "percentage_point", "Percentage point", 1, false},
    {"basis point|basis points|bps|bp", K::kPercentagePoint, "percentage_point",
     "Basis point", 0.01, false},
    // --- length ---
    {"nm|nanometer|nanometers|nanometre|nanometres|nanometer-class", K::kDimension, "nm",
     "Nanometer", 1, false},
    {"\xC2\xB5m|\xCE\xBCm|um|micrometer|micrometers|micrometre|micrometres|micron|microns",
     K::kDimension, "um", "Micrometer", 1, false},
    {"mm|millimeter|millimeters|millimetre|millimetres", K::kDimension, "mm", "Millimeter", 1, false},
    {"cm|centimeter|centimeters|centimetre|centimetres", K::kDimension, "cm", "Centimeter", 1, false},
    {"dm|decimeter|decimeters|decimetre|decimetres", K::kDimension, "dm", "Decimeter", 1, false},
    {"m|meter|meters|metre|metres", K::kDimension, "m", "Meter", 1, false},
    {"km|kilometer|kilometers|kilometre|kilometres|kms", K::kDimension, "km", "Kilometer", 1, false},
    {"picometer|picometers|picometre|picometres", K::kDimension, "pm", "Picometer", 1, false},
    {"inch|inches", K::kDimension, "in", "Inch", 1, false},
    {"ft|foot|feet", K::kDimension, "ft", "Foot", 1, false},
    {"yd|yard|yards", K::kDimension, "yd", "Yard", 1, false},
    {"mi|mile|miles", K::kDimension, "mi", "Mile", 1, false},
    // --- area ---
    {"m2|m\xC2\xB2|sq m|square meter|square meters|square metre|square metres|sqm",
     K::kDimension, "m2", "Square meter", 1, false},
    {"km2|km\xC2\xB2|sq km|square kilometer|square kilometers|square kilometre|square kilometres",
     K::kDimension, "km2", "Square kilometer", 1, false},
    {"sq ft|square foot|square feet|sq. ft", K::kDimension, "sq ft", "Square foot", 1, false},
    {"square mile|square miles|sq mi", K::kDimension, "sq mi", "Square mile", 1, false},
    {"acre|acres", K::kDimension, "acre", "Acre", 1, false},
    {"hectare|hectares|ha", K::kDimension, "ha", "Hectare", 1, false},
    // --- volume ---
    {"ml|mL|milliliter|milliliters|millilitre|millilitres", K::kDimension, "ml", "Milliliter", 1, false},
    {"l|L|liter|liters|litre|litres", K::kDimension, "l", "Liter", 1, false},
    {"gallon|gallons|gal", K::kDimension, "gal", "Gallon", 1, false},
    {"barrel|barrels|bbl", K::kDimension, "bbl", "Barrel", 1, false},
    {"cubic foot|cubic feet|cu ft|ft3", K::kDimension, "ft3", "Cubic foot", 1, false},
    {"cubic meter|cubic meters|cubic metre|cubic metres|m3|m\xC2\xB3", K::kDimension, "m3",
     "Cubic meter", 1, false},
    {"teaspoon|teaspoons|tsp", K::kDimension, "tsp", "Teaspoon", 1, false},
    {"tablespoon|tablespoons|tbsp", K::kDimension, "tbsp", "Tablespoon", 1, false},
    {"cup|cups", K::kDimension, "cup", "Cup", 1, false},
    // --- weight ---
    {"mg|milligram|milligrams", K::kDimension, "mg", "Milligram", 1, false},
    {"g|gram|grams|gramme|grammes", K::kDimension, "g", "Gram", 1, false},
    {"kg|kilogram|kilograms|kilogramme|kilogrammes|kilos", K::kDimension, "kg", "Kilogram", 1, false},
    {"microgram|micrograms|microgramme|microgrammes|\xCE\xBCg|\xC2\xB5g|mcg", K::kDimension,
     "ug", "Microgram", 1, false},
    {"ton|tons|tonne|tonnes", K::kDimension, "t", "Ton", 1, false},
    {"t", K::kDimension, "t", "Ton", 1, true},
    {"metric ton|metric tons|metric tonne|metric tonnes", K::kDimension, "t", "Metric ton", 1, false},
    {"lb|lbs", K::kDimension, "lb", "Pound", 1, false},
    {"ounce|ounces|oz", K::kDimension, "oz", "Ounce", 1, false},
    // --- speed ---
    {"km/h|kph|kmph|km/hr|kmh|kilometers per hour|kilometres per hour|kilometer per hour",
     K::kDimension, "km/h", "Kilometer per hour", 1, false},
    {"mph|miles per hour|miles an hour|mile per hour|mi/h", K::kDimension, "mph",
     "Mile per hour", 1, false},
    {"m/s|meters per second|metres per second", K::kDimension, "m/s", "Meter per second", 1, false},
    // --- information ---
    {"bit|bits", K::kDimension, "bit", "Bit", 1, false},
    {"byte|bytes", K::kDimension, "B", "Byte", 1, false},
    {"KB|kB|kilobyte|kilobytes", K::kDimension, "KB", "Kilobyte", 1, false},
    {"mb|Mb|megabit|megabits|Mbit", K::kDimension, "Mb", "Megabit", 1, true},
    {"megabit|megabits", K::kDimension, "Mb", "Megabit", 1, false},
    {"MB|megabyte|megabytes", K::kDimension, "MB", "Megabyte", 1, false},
    {"Gb|gigabit|gigabits|Gbit", K::kDimension, "Gb", "Gigabit", 1, true},
    {"GB|gb|gigabyte|gigabytes", K::kDimension, "GB", "Gigabyte", 1, false},
    {"TB|tb|terabyte|terabytes", K::kDimension, "TB", "Terabyte", 1, false},
    {"PB|petabyte|petabytes", K::kDimension, "PB", "Petabyte", 1, false},
    {"GB/s|GBps", K::kDimension, "GB/s", "Gigabyte per second", 1, true},
    {"TB/s|TBps", K::kDimension, "TB/s", "Terabyte per second", 1, true},
    {"Gbps|Gb/s|gbps", K::kDimension, "Gbps", "Gigabit per second", 1, true},
    {"Mbps|Mb/s|mbps", K::kDimension, "Mbps", "Megabit per second", 1, true},
    // --- frequency, compute, power, energy ---
    {"Hz|hz|hertz", K::kDimension, "Hz", "Hertz", 1, false},
    {"kHz|khz|kilohertz", K::kDimension, "kHz", "Kilohertz", 1, false},
    {"MHz|mhz|megahertz", K::kDimension, "MHz", "Megahertz", 1, false},
    {"GHz|ghz|gigahertz", K::kDimension, "GHz", "Gigahertz", 1, false},
    {"FLOPS|flops", K::kDimension, "FLOPS", "FLOPS", 1, true},
    {"TFLOPS|TFlops|tflops|teraflops", K::kDimension, "TFLOPS", "TFLOPS", 1, false},
    {"PFLOPS|PFlops|pflops|petaflops", K::kDimension, "PFLOPS", "PFLOPS", 1, false},
    {"EFLOPS|exaflops", K::kDimension, "EFLOPS", "EFLOPS", 1, false},
    {"TOPS", K::kDimension, "TOPS", "TOPS", 1, true},
    {"W|watt|watts", K::kDimension, "W", "Watt", 1, false},
    {"kW|kilowatt|kilowatts", K::kDimension, "kW", "Kilowatt", 1, false},
    {"MW|megawatt|megawatts", K::kDimension, "MW", "Megawatt", 1, false},
    {"GW|gigawatt|gigawatts", K::kDimension, "GW", "Gigawatt", 1, false},
    {"kWh|kilowatt-hour|kilowatt-hours|kilowatt hours", K::kDimension, "kWh", "Kilowatt hour", 1, false},
    {"MWh|megawatt-hours|megawatt hours", K::kDimension, "MWh", "Megawatt hour", 1, false},
    {"GWh|gigawatt-hours|gigawatt hours", K::kDimension, "GWh", "Gigawatt hour", 1, false},
    {"TWh|terawatt-hours|terawatt hours", K::kDimension, "TWh", "Terawatt hour", 1, false},
    {"mAh", K::kDimension, "mAh", "Milliampere hour", 1, true},
    {"wpm|wspm", K::kDimension, "wafer per month", "Wafer per month", 1, true},
    // --- angle, temperature ---
    {"degree|degrees|\xC2\xB0", K::kDimension, "deg", "Degree", 1, false},
    {"rad|radian|radians", K::kDimension, "rad", "Radian", 1, false},
    {"turn|turns", K::kDimension, "turn", "Turn", 1, false},
    {"\xC2\xB0" "C|\xC2\xB0 C|\xC2\xB0 celsius|\xC2\xB0" "celsius|degrees celsius|degree celsius|celsius|degrees centigrade",
     K::kTemperature, "C", "C", 1, false},
    {"\xC2\xB0" "F|\xC2\xB0 F|\xC2\xB0 fahrenheit|\xC2\xB0" "fahrenheit|degrees fahrenheit|degree fahrenheit|fahrenheit", K::kTemperature,
     "F", "F", 1, false},
    // --- multipliers ---
    {"x|\xC3\x97|times|fold|-fold", K::kMultiplier, "times", "Times", 1, false},
    // --- durations ---
    {"year|years|yr|yrs", K::kDuration, "year", "Year", 1, false},
    {"decade|decades", K::kDuration, "year", "Year", 10, false},
    {"century|centuries", K::kDuration, "year", "Year", 100, false},
    {"month|months", K::kDuration, "month", "Month", 1, false},
    {"week|weeks", K::kDuration, "week", "Week", 1, false},
    {"day|days", K::kDuration, "day", "Day", 1, false},
    {"hour|hours|hrs", K::kDuration, "hour", "Hour", 1, false},
    {"minute|minutes|mins", K::kDuration, "minute", "Minute", 1, false},
};

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  if (absl::ascii_isalnum(u)) return true;
  return c == '/' || c == '%' || c == '$' || c == '.' || c == '&';
}

}  // namespace

namespace {

// The slot of a key's first two bytes (lower-cased when `lower`) in the length masks.
size_t PrefixSlot(absl::string_view key, bool lower = false) {
  unsigned b0 = static_cast<unsigned char>(key[0]);
  unsigned b1 = key.size() > 1 ? static_cast<unsigned char>(key[1]) : 0;
  if (lower) {
    b0 = static_cast<unsigned char>(absl::ascii_tolower(static_cast<unsigned char>(b0)));
    b1 = static_cast<unsigned char>(absl::ascii_tolower(static_cast<unsigned char>(b1)));
  }
  return (b0 * 64 + b1) & 4095;
}

}  // namespace

struct UnitTable::Maps {
  absl::flat_hash_map<std::string, UnitInfo*> exact;
  absl::flat_hash_map<std::string, UnitInfo*> folded;
  absl::flat_hash_map<std::string, UnitInfo*> dollar_prefix;  // "us" -> US$, "hk" -> HK$
  // Its longest key's length, at most 8 (MatchDollar's buffer; all keys are shorter).
  size_t dollar_prefix_longest = 0;
  absl::flat_hash_map<std::string, UnitInfo*> code_prefix;    // "RMB" -> CNY (exact case)
  std::vector<std::unique_ptr<UnitInfo>> owned;
  const UnitInfo* dollar = nullptr;  // exact["$"]
  // Bit L of exact_lengths[PrefixSlot(key)] is set when some key of `exact` has L (< 64)
  // bytes and starts with those two bytes (slots may be shared: a superset);
  // folded_lengths likewise for `folded` (keys lower-case). MatchAt skips the hash
  // lookups of candidates no key can equal.
  uint64_t exact_lengths[4096] = {};
  uint64_t folded_lengths[4096] = {};
  // Bit L of code_lengths[b]: some key of code_prefix has L bytes and starts with b.
  uint64_t code_lengths[256] = {};
};

const UnitTable& UnitTable::Get() {
  static const UnitTable* table = new UnitTable();
  return *table;
}

UnitTable::UnitTable() {
  auto* m = new Maps;
  for (const Row& row : kRows) {
    auto info = std::make_unique<UnitInfo>();
    info->kind = row.kind;
    info->canonical = row.canonical;
    info->display = row.display;
    info->factor = row.factor;
    info->bare_dollar = info->canonical == "$";
    info->yen_sign = absl::string_view(row.spellings) == "\xC2\xA5";
    info->weight_or_money = absl::string_view(row.spellings) == "pound|pounds";
    info->needs_digits = absl::StartsWith(row.spellings, "won|");
    for (absl::string_view s : absl::StrSplit(row.spellings, '|')) {
      std::string key(s);
      // Short spellings are symbols: case matters ("MB" vs "mb", "G" is no gram). A
      // three-letter lower-case currency code also stands for its upper-case form.
      if (row.exact || key.size() <= 3) {
        m->exact.emplace(key, info.get());
        if (row.kind == K::kCurrency && key.size() == 3 &&
            absl::AsciiStrToLower(key) == key && absl::ascii_isalpha(key[0])) {
          m->exact.emplace(absl::AsciiStrToUpper(key), info.get());
        }
      } else {
        m->folded.emplace(absl::AsciiStrToLower(key), info.get());
      }
    }
    m->owned.push_back(std::move(info));
  }
  auto find = [m](const std::string& spelling) {
    auto it = m->exact.find(spelling);
    return it != m->exact.end() ? it->second : m->folded.at(spelling);
  };
  m->dollar_prefix = {{"us", find("us$")},    {"usd", find("usd$")}, {"c", find("c$")},
                      {"ca", find("c$")},     {"cad", find("c$")},   {"a", find("a$")},
                      {"au", find("a$")},     {"aud", find("a$")},   {"hk", find("hk$")},
                      {"nt", find("nt$")},    {"s", find("s$")},     {"nz", find("nz$")},
                      {"nzd", find("nz$")},   {"mex", find("mex$")}, {"mxn", find("mex$")},
                      {"r", find("r$")}};
  for (const auto& [key, info] : m->dollar_prefix) {
    m->dollar_prefix_longest =
        std::max(m->dollar_prefix_longest, std::min<size_t>(key.size(), 8));
  }
  for (const char* code : {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "TWD", "NTD",
                           "KRW", "INR", "CHF", "AUD", "CAD", "SGD", "NZD", "BTC", "MXN",
                           "BRL", "RUB"}) {
    m->code_prefix[code] = find(absl::AsciiStrToLower(code));
  }
  m->code_prefix["SEK"] = find("SEK");
  for (const char* code : {"usd", "eur", "gbp", "rmb", "cny", "jpy", "inr", "hkd"}) {
    m->code_prefix[code] = find(code);
  }
  m->code_prefix["Rs"] = find("inr");
  m->code_prefix["Rs."] = find("inr");
  m->dollar = m->exact.at("$");
  for (const auto& [key, info] : m->code_prefix) {
    if (!key.empty() && key.size() < 64) {
      m->code_lengths[static_cast<unsigned char>(key[0])] |= uint64_t{1} << key.size();
    }
  }
  for (const auto& [key, info] : m->exact) {
    if (!key.empty() && key.size() < 64) {
      m->exact_lengths[PrefixSlot(key)] |= uint64_t{1} << key.size();
    }
  }
  for (const auto& [key, info] : m->folded) {
    if (!key.empty() && key.size() < 64) {
      m->folded_lengths[PrefixSlot(key)] |= uint64_t{1} << key.size();
    }
  }
  maps_ = m;
}

const UnitInfo* UnitTable::Find(absl::string_view written) const {
  auto it = maps_->exact.find(written);
  if (it != maps_->exact.end()) return it->second;
  auto jt = maps_->folded.find(absl::AsciiStrToLower(written));
  return jt == maps_->folded.end() ? nullptr : jt->second;
}

std::optional<UnitMatch> UnitTable::MatchAt(absl::string_view text, size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  // Every candidate starts at pos: when no key starts with its first byte (one-byte keys)
  // or its first two bytes, no candidate can match and the words are not read.
  const absl::string_view head = text.substr(pos, 2);
  const absl::string_view first = head.substr(0, 1);
  // Every candidate's slot is that of `head` (or of `first` for a one-byte candidate), so
  // these are the lengths a candidate may have.
  const uint64_t lengths = maps_->exact_lengths[PrefixSlot(head)] |
                           maps_->folded_lengths[PrefixSlot(head, /*lower=*/true)] |
                           maps_->exact_lengths[PrefixSlot(first)] |
                           maps_->folded_lengths[PrefixSlot(first, /*lower=*/true)];
  if (lengths == 0) return std::nullopt;
  const size_t longest = 63 - __builtin_clzll(lengths);
  // Candidate ends: the ends of up to four words separated by single blanks, none read
  // past the longest spelling that may match.
  static const auto* kWordBytes = [] {
    auto* t = new std::array<bool, 256>();
    for (int c = 0; c < 256; ++c) (*t)[c] = IsWordByte(static_cast<char>(c));
    return t;
  }();
  size_t ends[4];
  int n = 0;
  size_t i = pos;
  while (n < 4 && i < text.size()) {
    size_t j = i;
    while (j < text.size() && (*kWordBytes)[static_cast<unsigned char>(text[j])]) ++j;
    size_t e = j;
    while (e > i && text[e - 1] == '.') --e;  // a full stop is not part of the unit
    if (e == i) {
      // A lone symbol such as '°' followed by a letter is handled as a word byte above.
      break;
    }
    ends[n++] = e;
    if (j >= text.size() || text[j] != ' ' || e != j || e - pos >= longest) break;
    i = j + 1;
  }
  char lower[48];
  for (int k = n - 1; k >= 0; --k) {
    absl::string_view cand = text.substr(pos, ends[k] - pos);
    if (cand.size() > sizeof(lower)) continue;
    const uint64_t bit = uint64_t{1} << cand.size();  // cand.size() <= 48
    const UnitInfo* info = nullptr;
    if (maps_->exact_lengths[PrefixSlot(cand)] & bit) {
      auto it = maps_->exact.find(cand);
      if (it != maps_->exact.end()) info = it->second;
    }
    if (info == nullptr &&
        (maps_->folded_lengths[PrefixSlot(cand, /*lower=*/true)] & bit)) {
      for (size_t x = 0; x < cand.size(); ++x) lower[x] = absl::ascii_tolower(cand[x]);
      auto jt = maps_->folded.find(absl::string_view(lower, cand.size()));
      if (jt != maps_->folded.end()) info = jt->second;
    }
    if (info) return UnitMatch{info, pos, ends[k]};
  }
  return std::nullopt;
}

UnitMatch UnitTable::MatchDollar(absl::string_view text, size_t d,
                                 size_t number_begin) const {
  // Letters before the '$', glued ("US$", "HK$") or with one blank ("us $", "c $").
  size_t e = d;
  bool spaced = false;
  if (e > 0 && text[e - 1] == ' ') --e, spaced = true;
  size_t b = e;
  while (b > 0 && (absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1])) ||
                   text[b - 1] == '.')) {
    --b;
  }
  if (b < e && (b == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(text[b - 1])))) {
    // The letters, lower-case, dots dropped. A word longer than every key ("about $5")
    // is no prefix, and not looked up.
    const size_t longest = maps_->dollar_prefix_longest;  // <= sizeof(key)
    char key[8];
    size_t len = 0;
    for (size_t x = b; x < e && len <= longest; ++x) {
      if (text[x] == '.') continue;
      if (len < longest) key[len] = absl::ascii_tolower(static_cast<unsigned char>(text[x]));
      ++len;
    }
    if (len <= longest) {
      const absl::string_view k(key, len);
      auto it = maps_->dollar_prefix.find(k);
      if (it != maps_->dollar_prefix.end() && !(spaced && (k == "a" || k == "s"))) {
        return UnitMatch{it->second, b, number_begin};
      }
    }
  }
  return UnitMatch{maps_->dollar, d, number_begin};
}

std::optional<UnitMatch> UnitTable::MatchCurrencyBefore(absl::string_view text,
                                                        size_t number_begin) const {
  // Called before every number: the common paths read raw bytes (no bounds-checked
  // string_view access) and the rarer ones ('$', a sign) are calls.
  const unsigned char* t = reinterpret_cast<const unsigned char*>(text.data());
  size_t k = number_begin;
  if (k > 0 && t[k - 1] == ' ') --k;
  if (k == 0) return std::nullopt;
  const unsigned char last = t[k - 1];
  if (last == '$') return MatchDollar(text, k - 1, number_begin);
  if (last >= 0x80) {
    // Multi-byte currency signs; every one ends with a byte of 0x80 or more.
    static const char* kSigns[] = {"\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "\xE2\x82\xB9",
                                   "\xE2\x82\xA9", "\xE2\x82\xBF", "\xE2\x82\xBD",
                                   "\xE2\x82\xBA", "\xE2\x82\xA1"};
    for (const char* sign : kSigns) {
      size_t len = strlen(sign);
      if (k >= len && text.substr(k - len, len) == sign) {
        auto it = maps_->exact.find(sign);
        if (it != maps_->exact.end()) return UnitMatch{it->second, k - len, number_begin};
      }
    }
  }
  // Codes: "RMB 450 million", "USD200", "Rs. 500". A code has at most four bytes, so the
  // walk back stops at five (a longer word is no code).
  size_t b = k;
  while (b > 0 && k - b <= 4 &&
         (absl::ascii_isalpha(t[b - 1]) || (t[b - 1] == '.' && b == k))) {
    --b;
  }
  if (b == k || k - b > 4) return std::nullopt;
  if (b > 0 && absl::ascii_isalnum(t[b - 1])) return std::nullopt;
  if (!(maps_->code_lengths[t[b]] & (uint64_t{1} << (k - b)))) return std::nullopt;
  auto it = maps_->code_prefix.find(text.substr(b, k - b));
  if (it == maps_->code_prefix.end()) return std::nullopt;
  return UnitMatch{it->second, b, number_begin};
}

namespace {

bool IsAdjective(absl::string_view w) {
  static const auto* kWords = new absl::flat_hash_set<std::string>{
      "new", "old", "more", "other", "major", "key", "big", "small", "large", "top", "main",
      "many", "few", "several", "extra", "total", "young", "local", "foreign", "former",
      "full", "high", "low", "long", "short", "early", "late", "own", "last", "next",
      "first", "second", "third", "such", "same", "further", "separate", "chinese",
      "american", "domestic", "global", "european", "japanese", "korean", "indian"};
  if (kWords->contains(w)) return true;
  for (const char* suffix : {"al", "ive", "ous", "ful", "ic", "able", "ible", "ed", "ing",
                             "est", "less", "ary", "ent", "ish"}) {
    if (absl::EndsWith(w, suffix) && w.size() > strlen(suffix) + 2) return true;
  }
  return false;
}

bool IsStopWord(absl::string_view w) {
  static const auto* kWords = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for",
      "with", "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had",
      "will", "would", "could", "should", "may", "might", "can", "than", "that", "this",
      "these", "those", "which", "who", "per", "its", "their", "his", "her", "our", "your",
      "it", "they", "we", "he", "she", "you", "not", "no", "more", "less", "over", "under",
      "about", "up", "down", "into", "out", "after", "before", "since", "until", "during",
      "between", "through", "so", "if", "when", "while", "also", "only", "just", "each",
      "every", "all", "both", "then", "there", "here", "times", "plus", "minus", "yes",
      "does", "says", "said", "gets", "goes", "makes", "takes", "means", "remains", "seems",
      "includes", "became", "becomes", "rises", "falls", "jumps", "grows", "ones", "others",
      "us", "its", "his", "hers", "ours", "theirs", "whereas", "thus", "always", "perhaps",
      "sometimes", "was", "news", "series", "besides", "unless", "across", "towards"};
  return kWords->contains(w);
}

std::string Singular(absl::string_view w) {
  static const auto* kIrregular = new absl::flat_hash_map<std::string, std::string>{
      {"people", "person"}, {"children", "child"}, {"men", "man"}, {"women", "woman"},
      {"mice", "mouse"},    {"geese", "goose"},    {"teeth", "tooth"}};
  auto it = kIrregular->find(w);
  if (it != kIrregular->end()) return it->second;
  if (absl::EndsWith(w, "ies") && w.size() > 4) return std::string(w.substr(0, w.size() - 3)) + "y";
  for (const char* s : {"ches", "shes", "sses", "xes", "zes"}) {
    if (absl::EndsWith(w, s)) return std::string(w.substr(0, w.size() - 2));
  }
  if (absl::EndsWith(w, "s")) return std::string(w.substr(0, w.size() - 1));
  return std::string(w);
}

bool IsPlural(absl::string_view w) {
  if (w == "people" || w == "children" || w == "men" || w == "women") return true;
  return w.size() >= 4 && absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss") &&
         !absl::EndsWith(w, "us") && !absl::EndsWith(w, "is");
}

// Reads one lower-case-able ASCII word at i (letters and inner hyphens); sets *e.
std::string ReadWord(absl::string_view text, size_t i, size_t* e, bool* capitalized) {
  size_t j = i;
  while (j < text.size() && (absl::ascii_isalpha(static_cast<unsigned char>(text[j])) ||
                             (text[j] == '-' && j > i && j + 1 < text.size() &&
                              absl::ascii_isalpha(static_cast<unsigned char>(text[j + 1]))))) {
    ++j;
  }
  *e = j;
  if (j == i || j - i > 30) return "";
  if (j < text.size() && (absl::ascii_isdigit(static_cast<unsigned char>(text[j])) ||
                          static_cast<unsigned char>(text[j]) >= 0x80)) {
    return "";
  }
  *capitalized = absl::ascii_isupper(static_cast<unsigned char>(text[i]));
  return absl::AsciiStrToLower(text.substr(i, j - i));
}

}  // namespace

namespace {

// The capitalised, camel-case or acronym word `lower` = text[pos, e) as a plural name
// ("iPhones", "GPUs", "Teslas"), singular, or "" when it is none: it must end in a
// lower-case "s" that does not end "ss", "is" or "us" as written ("Press", "Paris",
// "Lexus"; "GPUs" is a plural).
std::string PluralName(absl::string_view text, size_t pos, size_t e, bool names_ok,
                       const std::string& lower, size_t* end) {
  if (!names_ok || e - pos < 3 || text[e - 1] != 's') return "";
  const char before = text[e - 2];  // as written: "GPUs" is a plural, "Lexus" is not
  if (before == 's' || before == 'i' || before == 'u') return "";
  if (e < text.size() && text[e] == '-') return "";
  *end = e;
  return lower.substr(0, lower.size() - 1);
}

}  // namespace

std::string MatchCountedNoun(absl::string_view text, size_t pos, bool singular_ok,
                             bool names_ok, size_t* end) {
  size_t e1 = pos;
  bool cap1 = false;
  std::string w1 = ReadWord(text, pos, &e1, &cap1);
  if (w1.size() < 2 || IsStopWord(w1)) return "";
  bool all_caps1 = e1 - pos >= 2 && absl::ascii_isupper(static_cast<unsigned char>(text[pos + 1]));
  if (all_caps1) return PluralName(text, pos, e1, names_ok, w1, end);  // "910 BC", acronyms
  if (!cap1 && IsPlural(w1)) {
    *end = e1;
    return Singular(w1);
  }
  if (e1 + 1 < text.size() && text[e1] == ' ') {
    size_t e2 = e1;
    bool cap2 = false;
    std::string w2 = ReadWord(text, e1 + 1, &e2, &cap2);
    if (!w2.empty() && !cap2 && IsPlural(w2) && !IsStopWord(w2) && w2.size() >= 3) {
      *end = e2;
      if (cap1 || IsAdjective(w1)) return Singular(w2);
      return w1 + " " + Singular(w2);
    }
  }
  if (singular_ok && !cap1 && w1.size() >= 3 && !IsAdjective(w1)) {
    *end = e1;
    return w1;
  }
  return cap1 ? PluralName(text, pos, e1, names_ok, w1, end) : "";
}

}  // namespace claimcheck
