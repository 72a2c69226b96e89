// Report formatting helpers shared by the HTML and Markdown printers: names for kinds,
// severities and statuses, human-readable figures and dates, the order findings are
// listed in, and escaping for HTML.
//
// Everything here is a pure function of its arguments; thread-safe.
#ifndef CLAIMCHECK_CLI_REPORT_FORMAT_H_
#define CLAIMCHECK_CLI_REPORT_FORMAT_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace claimcheck {

// "Contradiction", "Scale slip", ... for headings.
std::string FindingKindLabel(v1::FindingKind kind);
// The short lower-case name users type in --fail-on: "contradiction", "scale_slip", ...
// ParseFindingKind accepts it, the enum name, or the enum name without its prefix, in
// any case, with '-' or '_'. Returns FINDING_KIND_UNSPECIFIED when unknown.
std::string FindingKindName(v1::FindingKind kind);
v1::FindingKind ParseFindingKind(absl::string_view name);
// "high", "medium", "low", "info".
std::string SeverityName(v1::Severity severity);

// A figure for people: 450e6 "CNY" -> "CNY 450 million"; 12.5 "percent" -> "12.5%";
// 3 "percentage_point" -> "3 pp"; 20 "soccer field" -> "20 soccer field".
std::string FormatFigure(double value, absl::string_view unit);
// The same figure with its interval when one is known and differs from the value:
// "CNY 344 billion (340 billion to 348 billion)".
std::string FormatFigureWithInterval(double value, const double* low, const double* high,
                                     absl::string_view unit);
// A number with a scale word and at most 4 significant digits: 344000000000 -> "344
// billion", 1234.5 -> "1,234.5". Used for axis ticks and table cells.
std::string FormatNumber(double value);

// Publication date for people: "2025-11-04" (or "2025-11", "2025", or "date unknown",
// or the surface text when a relative date stayed unresolved).
std::string FormatPublished(const v1::PublicationTime& published);
// "Q3 2025", "2025", "2025-07-01 to 2025-10-01", the written text, or "period unknown".
std::string FormatScope(const v1::TimeScope& scope);
// "Big Fund III · investment · Piotech Jianke".
std::string FormatSubject(const v1::Subject& subject);

// The review state in words: "open"; "confirmed by Ana on 2025-11-24"; "reopened: new
// evidence (earlier verdict: dismissed by Ana on 2025-11-24)". The note is not included.
std::string DescribeReview(const v1::Finding& finding);

// Findings in display order: severity high to low, then kind, then id. Pointers into
// `report`, which must outlive the result.
std::vector<const v1::Finding*> FindingsBySeverity(const v1::Report& report);

// Claims of `report` by id. Pointers into `report`.
std::map<std::string, const v1::Claim*> ClaimsById(const v1::Report& report);

// The quoted sentence split around the figure: [before, figure, after]. Uses
// Provenance.figure_begin/end relative to sentence_begin when they fall inside the
// sentence on UTF-8 character boundaries, else the first occurrence of the quantity's
// text, else no figure (everything in `before`).
struct SentenceParts {
  std::string before;
  std::string figure;
  std::string after;
};
SentenceParts SplitSentence(const v1::Claim& claim);

// Escapes &, <, >, " and ' for HTML text and attribute values. Invalid UTF-8 bytes
// become U+FFFD so a browser never re-synchronises inside markup.
std::string EscapeHtml(absl::string_view text);
// True for an absolute http:// or https:// URL without control characters, quotes or
// angle brackets: the only links a report makes clickable (a "javascript:" URI stays
// text). Spaces are allowed; link targets must encode them as %20.
bool IsSafeLink(absl::string_view url);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_REPORT_FORMAT_H_
