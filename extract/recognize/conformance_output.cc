#include "extract/recognize/conformance_output.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "claims/json_string.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace claimcheck {

std::string JsonNumber(double v) {
  if (!std::isfinite(v)) return "null";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return absl::StrFormat("%.0f", v);
  return absl::StrFormat("%.15g", v);
}

std::string ValidUtf8(absl::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (ok) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

namespace {

std::string JsonString(absl::string_view s) { return QuoteJson(s); }



// Byte offset -> code-point index, for one input.
class CodePoints {
 public:
  explicit CodePoints(absl::string_view text) : index_(text.size() + 1) {
    size_t cp = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      index_[i] = cp;
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
      // a continuation byte shares its character's index
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 && cp > 0) index_[i] = cp - 1;
    }
    index_[text.size()] = cp;
  }
  size_t At(size_t byte) const { return index_[std::min(byte, index_.size() - 1)]; }

 private:
  std::vector<size_t> index_;
};

struct Found {
  size_t begin, end;  // bytes, [begin, end)
  std::string type;
  std::optional<double> value;
  std::string unit;
  std::string iso;
  const v1::Quantity* quantity = nullptr;
  std::vector<std::string> timex;
};

// Recognizers-Text reports sub-units in themselves ("50 cents" is 50 Cent) but larger
// units in the base unit ("30 MUSD" is 30000000 dollars).
double WrittenFactor(const QuantityMention& m) {
  return m.unit_factor < 1 ? m.unit_factor : 1;
}

const char* TypeName(const QuantityMention& m) {
  switch (m.quantity.type()) {
    case v1::QUANTITY_TYPE_MONEY: return "currency";
    case v1::QUANTITY_TYPE_PERCENT:
    case v1::QUANTITY_TYPE_PERCENTAGE_POINT: return "percentage";
    case v1::QUANTITY_TYPE_DIMENSION:
      return m.quantity.unit() == "C" || m.quantity.unit() == "F" ? "temperature" : "dimension";
    case v1::QUANTITY_TYPE_DURATION: return "duration";
    default: return "number";
  }
}

std::string Timex(const v1::TimeScope& s) {
  if (s.unresolved() || s.start().empty() || s.end().empty()) return "";
  switch (s.granularity()) {
    case v1::GRANULARITY_DAY: return s.start();
    case v1::GRANULARITY_MONTH: return s.start().substr(0, 7);
    case v1::GRANULARITY_YEAR:
      if (s.start().substr(5) == "01-01" && s.end().substr(5) == "01-01") return s.start().substr(0, 4);
      break;
    default: break;
  }
  absl::CivilDay a, b;
  if (!absl::ParseCivilTime(s.start(), &a) || !absl::ParseCivilTime(s.end(), &b)) return "";
  return absl::StrCat("(", s.start(), ",", s.end(), ",P", b - a, "D)");
}

std::vector<Found> Collect(absl::string_view, const std::vector<QuantityMention>& qs,
                           const std::vector<TimeMention>& ts,
                           const absl::flat_hash_set<std::string>& types) {
  std::vector<Found> out;
  auto wanted = [&](const std::string& t) { return types.empty() || types.contains(t); };
  bool numbers_only = types.contains("number");
  for (const QuantityMention& m : qs) {
    std::string type = TypeName(m);
    if (numbers_only && !(m.unit_glued && type != "currency")) {
      // Every number inside the figure, as Recognizers-Text's number model reports it.
      out.push_back({m.number_begin, m.number_end, "number", m.number_value, "", "", &m.quantity, {}});
      if (m.high_end > 0) {
        out.push_back({m.high_begin, m.high_end, "number", m.high_value, "", "", &m.quantity, {}});
      }
      continue;
    }
    if (!wanted(type) || (numbers_only && type == "number")) continue;
    Found f{m.figure_begin, m.end, type, m.quantity.value() / WrittenFactor(m), std::string(m.unit_name),
            m.quantity.currency(), &m.quantity, {}};
    if (m.high_end > 0) {
      f.begin = m.high_begin;
      f.value = m.quantity.high() / WrittenFactor(m);
      if (m.quantity.has_high() && m.quantity.precision() > 0) {
        f.value = (m.quantity.high() - m.quantity.precision() / 2) / WrittenFactor(m);
      }
    }
    if (type == "number") f.unit.clear();
    if (type == "percentage") f.unit.clear();
    out.push_back(std::move(f));
  }
  for (const TimeMention& t : ts) {
    std::string type = t.scope.granularity() == v1::GRANULARITY_DAY ? "datetimeV2.date"
                                                                     : "datetimeV2.daterange";
    if (!types.empty() && !types.contains(type) && !types.contains("datetime")) continue;
    Found f{t.begin, t.end, type, std::nullopt, "", "", nullptr, {}};
    std::string x = Timex(t.scope);
    if (!x.empty()) f.timex.push_back(x);
    out.push_back(std::move(f));
  }
  return out;
}

std::string FoundJson(absl::string_view text, const CodePoints& cp, const Found& f) {
  std::string out = absl::StrCat("{\"text\":", JsonString(ValidUtf8(text.substr(f.begin, f.end - f.begin))),
                                 ",\"start\":", cp.At(f.begin), ",\"end\":",
                                 cp.At(f.end) == 0 ? 0 : cp.At(f.end) - 1,
                                 ",\"type\":", JsonString(f.type), ",\"value\":",
                                 f.value ? JsonNumber(*f.value) : "null");
  if (!f.unit.empty()) absl::StrAppend(&out, ",\"unit\":", JsonString(f.unit));
  if (!f.iso.empty()) absl::StrAppend(&out, ",\"iso_currency\":", JsonString(f.iso));
  if (f.quantity) {
    const v1::Quantity& q = *f.quantity;
    if (q.has_low()) absl::StrAppend(&out, ",\"low\":", JsonNumber(q.low()));
    if (q.has_high()) absl::StrAppend(&out, ",\"high\":", JsonNumber(q.high()));
    absl::StrAppend(&out, ",\"bound\":", JsonString(v1::BoundKind_Name(q.bound())));
  }
  if (!f.timex.empty()) {
    absl::StrAppend(&out, ",\"timex\":[");
    for (size_t i = 0; i < f.timex.size(); ++i) {
      absl::StrAppend(&out, i ? "," : "", JsonString(f.timex[i]));
    }
    absl::StrAppend(&out, "]");
  }
  return out + "}";
}


}  // namespace

absl::StatusOr<ConformanceCase> ParseConformanceCase(absl::string_view line) {
  google::protobuf::Struct c;
  auto status = google::protobuf::util::JsonStringToMessage(std::string(line), &c);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("bad JSON: ", status.ToString()));
  }
  ConformanceCase out;
  const auto& fields = c.fields();
  if (auto it = fields.find("id"); it != fields.end()) {
    out.id = it->second.has_number_value() ? JsonNumber(it->second.number_value())
                                           : it->second.string_value();
  }
  if (auto it = fields.find("input"); it != fields.end()) out.input = it->second.string_value();
  if (auto it = fields.find("reference_time");
      it != fields.end() && it->second.has_string_value()) {
    absl::CivilDay day;
    if (absl::ParseCivilTime(it->second.string_value().substr(0, 10), &day)) out.reference = day;
  }
  return out;
}

std::string ConformanceLine(const ConformanceCase& c, const QuantityRecognizer& quantities,
                            const TimeRecognizer& times,
                            const absl::flat_hash_set<std::string>& types) {
  std::vector<QuantityMention> qs = quantities.Find(c.input);
  std::vector<TimeMention> ts;
  if (types.empty() || types.contains("datetime")) ts = times.Find(c.input, c.reference);
  CodePoints cp(c.input);
  std::string out = absl::StrCat("{\"id\":", JsonString(c.id), ",\"found\":[");
  std::vector<Found> found = Collect(c.input, qs, ts, types);
  for (size_t i = 0; i < found.size(); ++i) {
    absl::StrAppend(&out, i ? "," : "", FoundJson(c.input, cp, found[i]));
  }
  return out + "]}";
}

}  // namespace claimcheck
