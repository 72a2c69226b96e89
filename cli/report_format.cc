#include "cli/report_format.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "claims/utf8_sequence.h"

namespace claimcheck {
namespace {

// Up to 4 significant digits, trailing zeros dropped, thousands separated.
std::string Digits(double v) {
  double mag = std::fabs(v);
  int decimals = mag >= 1000 ? 0 : mag >= 100 ? 1 : mag >= 10 ? 2 : 3;
  if (mag >= 1e4) decimals = 0;
  std::string s = absl::StrFormat("%.*f", decimals, mag);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  size_t dot = s.find('.');
  size_t int_end = dot == std::string::npos ? s.size() : dot;
  for (int i = static_cast<int>(int_end) - 3; i > 0; i -= 3) s.insert(i, ",");
  return v < 0 && s != "0" ? "-" + s : s;
}

bool IsCurrencyCode(absl::string_view unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(),
                                         [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool ParseDay(absl::string_view text, absl::CivilDay* day) {
  return !text.empty() && absl::ParseCivilTime(text, day);
}

}  // namespace

std::string FindingKindLabel(v1::FindingKind kind) {
  switch (kind) {
    case v1::FINDING_KIND_CONTRADICTION: return "Contradiction";
    case v1::FINDING_KIND_SCALE_SLIP: return "Scale slip";
    case v1::FINDING_KIND_UNIT_MISMATCH: return "Unit mismatch";
    case v1::FINDING_KIND_PERIOD_MISMATCH: return "Period mismatch";
    case v1::FINDING_KIND_STALE_FIGURE: return "Stale figure";
    case v1::FINDING_KIND_ARITHMETIC: return "Arithmetic";
    case v1::FINDING_KIND_REFERENCE_MISMATCH: return "Reference mismatch";
    case v1::FINDING_KIND_SINGLE_SOURCE: return "Single source";
    default: return "Finding";
  }
}

std::string FindingKindName(v1::FindingKind kind) {
  std::string name = v1::FindingKind_Name(kind);
  absl::string_view rest = name;
  absl::ConsumePrefix(&rest, "FINDING_KIND_");
  return absl::AsciiStrToLower(rest);
}

v1::FindingKind ParseFindingKind(absl::string_view name) {
  std::string upper = absl::AsciiStrToUpper(absl::StrReplaceAll(name, {{"-", "_"}}));
  if (!absl::StartsWith(upper, "FINDING_KIND_")) upper = "FINDING_KIND_" + upper;
  v1::FindingKind kind;
  if (!v1::FindingKind_Parse(upper, &kind)) return v1::FINDING_KIND_UNSPECIFIED;
  return kind;
}

std::string SeverityName(v1::Severity severity) {
  switch (severity) {
    case v1::SEVERITY_HIGH: return "high";
    case v1::SEVERITY_MEDIUM: return "medium";
    case v1::SEVERITY_LOW: return "low";
    case v1::SEVERITY_INFO: return "info";
    default: return "unrated";
  }
}

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "?";
  double mag = std::fabs(value);
  struct Scale {
    double factor;
    const char* word;
  } scales[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}};
  for (const Scale& s : scales) {
    if (mag >= s.factor) return absl::StrCat(Digits(value / s.factor), " ", s.word);
  }
  return Digits(value);
}

std::string FormatFigure(double value, absl::string_view unit) {
  if (unit == "percent") return absl::StrCat(Digits(value), "%");
  if (unit == "percentage_point") return absl::StrCat(Digits(value), " pp");
  if (IsCurrencyCode(unit)) return absl::StrCat(unit, " ", FormatNumber(value));
  if (unit.empty() || unit == "count") return FormatNumber(value);
  return absl::StrCat(FormatNumber(value), " ", unit);
}

std::string FormatFigureWithInterval(double value, const double* low, const double* high,
                                     absl::string_view unit) {
  std::string out = FormatFigure(value, unit);
  bool has_low = low != nullptr && *low != value;
  bool has_high = high != nullptr && *high != value;
  if (has_low && has_high) {
    absl::StrAppend(&out, " (", FormatNumber(*low), " to ", FormatNumber(*high), ")");
  } else if (has_low) {
    absl::StrAppend(&out, " (at least ", FormatNumber(*low), ")");
  } else if (has_high) {
    absl::StrAppend(&out, " (at most ", FormatNumber(*high), ")");
  }
  return out;
}

std::string FormatPublished(const v1::PublicationTime& published) {
  if (!published.has_time()) {
    if (published.unresolved_relative() && !published.surface().empty()) {
      return absl::StrCat(published.surface(), " (unresolved)");
    }
    return "date unknown";
  }
  absl::Time t = absl::FromUnixSeconds(published.time().seconds());
  const char* format = "%Y-%m-%d";
  if (published.precision() == v1::TIME_PRECISION_YEAR) format = "%Y";
  if (published.precision() == v1::TIME_PRECISION_MONTH) format = "%Y-%m";
  return absl::FormatTime(format, t, absl::UTCTimeZone());
}

std::string FormatScope(const v1::TimeScope& scope) {
  absl::CivilDay start, end;
  bool has_start = ParseDay(scope.start(), &start);
  bool has_end = ParseDay(scope.end(), &end);
  std::string label;
  if (has_start && has_end) {
    absl::CivilDay last = end - 1;
    switch (scope.granularity()) {
      case v1::GRANULARITY_YEAR:
        label = absl::StrCat(start.year());
        break;
      case v1::GRANULARITY_HALF:
        label = absl::StrCat("H", start.month() <= 6 ? 1 : 2, " ", start.year());
        break;
      case v1::GRANULARITY_QUARTER:
        label = absl::StrCat("Q", (start.month() - 1) / 3 + 1, " ", start.year());
        break;
      case v1::GRANULARITY_MONTH:
        label = absl::FormatCivilTime(absl::CivilMonth(start));
        break;
      case v1::GRANULARITY_DAY:
        label = scope.start();
        break;
      case v1::GRANULARITY_MULTI_YEAR:
        label = absl::StrCat(start.year(), "\xE2\x80\x93", last.year());
        break;
      default:
        label = end - start <= 1 ? scope.start()
                                 : absl::StrCat(scope.start(), " to ", absl::FormatCivilTime(last));
    }
  } else if (has_start) {
    label = absl::StrCat("since ", scope.start());
  } else if (has_end) {
    label = absl::StrCat("until ", scope.end());
  } else if (!scope.text().empty()) {
    label = scope.text();
  } else {
    return "period unknown";
  }
  if (scope.kind() == v1::SCOPE_KIND_FORECAST) absl::StrAppend(&label, " (forecast)");
  if (scope.kind() == v1::SCOPE_KIND_DEADLINE && has_end) {
    label = absl::StrCat("by ", absl::FormatCivilTime(end - 1));
  }
  return label;
}

std::string FormatSubject(const v1::Subject& subject) {
  std::vector<std::string> parts;
  std::string entity = !subject.entity().empty() ? subject.entity() : subject.entity_as_written();
  if (!entity.empty()) parts.push_back(entity);
  std::string metric = !subject.metric().empty() ? subject.metric() : subject.metric_as_written();
  if (!metric.empty()) parts.push_back(absl::StrReplaceAll(metric, {{"_", " "}}));
  for (const v1::Qualifier& q : subject.qualifiers()) parts.push_back(q.value());
  if (parts.empty()) return subject.key().empty() ? "unknown subject" : subject.key();
  return absl::StrJoin(parts, " \xC2\xB7 ");
}

std::string DescribeReview(const v1::Finding& finding) {
  if (finding.status() == v1::REVIEW_STATUS_OPEN ||
      finding.status() == v1::REVIEW_STATUS_UNSPECIFIED || !finding.has_review()) {
    return "open";
  }
  const v1::Review& r = finding.review();
  std::string verdict = absl::StrReplaceAll(
      absl::AsciiStrToLower(absl::StripPrefix(v1::Verdict_Name(r.verdict()), "VERDICT_")),
      {{"_", "-"}});
  if (!r.reviewer().empty()) absl::StrAppend(&verdict, " by ", r.reviewer());
  if (r.has_time()) {
    absl::StrAppend(&verdict, " on ",
                    absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(r.time().seconds()),
                                     absl::UTCTimeZone()));
  }
  if (finding.status() == v1::REVIEW_STATUS_REOPENED) {
    return absl::StrCat("reopened: new evidence (earlier verdict: ", verdict, ")");
  }
  return verdict;
}

std::vector<const v1::Finding*> FindingsBySeverity(const v1::Report& report) {
  std::vector<const v1::Finding*> out;
  for (const v1::Finding& f : report.findings()) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), [](const v1::Finding* a, const v1::Finding* b) {
    if (a->severity() != b->severity()) return a->severity() > b->severity();
    if (a->kind() != b->kind()) return a->kind() < b->kind();
    return a->id() < b->id();
  });
  return out;
}

std::map<std::string, const v1::Claim*> ClaimsById(const v1::Report& report) {
  std::map<std::string, const v1::Claim*> out;
  for (const v1::Claim& c : report.claims()) out.emplace(c.id(), &c);
  return out;
}

SentenceParts SplitSentence(const v1::Claim& claim) {
  const v1::Provenance& p = claim.provenance();
  const std::string& s = p.sentence();
  SentenceParts parts;
  size_t begin = std::string::npos, end = std::string::npos;
  if (p.figure_begin() >= p.sentence_begin() && p.figure_end() > p.figure_begin()) {
    uint64_t b = p.figure_begin() - p.sentence_begin();
    uint64_t e = p.figure_end() - p.sentence_begin();
    if (e <= s.size() && IsUtf8Boundary(s, b) && IsUtf8Boundary(s, e)) begin = b, end = e;
  }
  if (begin == std::string::npos && !claim.quantity().text().empty()) {
    size_t at = s.find(claim.quantity().text());
    if (at != std::string::npos) begin = at, end = at + claim.quantity().text().size();
  }
  if (begin == std::string::npos) {
    parts.before = s;
    return parts;
  }
  parts.before = s.substr(0, begin);
  parts.figure = s.substr(begin, end - begin);
  parts.after = s.substr(end);
  return parts;
}

std::string EscapeHtml(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text.data() + i, n);
      i += n;
      continue;
    }
    char c = text[i++];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\0': out += "\xEF\xBF\xBD"; break;
      default: out += c;
    }
  }
  return out;
}

bool IsSafeLink(absl::string_view url) {
  if (!absl::StartsWithIgnoreCase(url, "http://") && !absl::StartsWithIgnoreCase(url, "https://")) {
    return false;
  }
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    // A space is tolerated (JSON Lines items are named "url#line 3"); printers
    // percent-encode it in the link target.
    if (u < 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') {
      return false;
    }
  }
  return url.size() > 8 && url[url.find("//") + 2] != ' ';
}

}  // namespace claimcheck
