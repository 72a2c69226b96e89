#include "cli/html_report.h"

#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "cli/report_format.h"
#include "cli/svg_chart.h"
#include "review/ledger.h"

namespace claimcheck {
namespace {

constexpr char kStyle[] = R"css(
:root{--fg:#1d2329;--muted:#5b6670;--line:#d8dde2;--bg:#fff;--card:#f6f8fa;
--high:#b42318;--medium:#b54708;--low:#1d4ed8;--info:#475467;--ok:#067647;--mark:#fde68a}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;margin:.2em 0}h2{font-size:1.3rem;border-bottom:1px solid var(--line);
padding-bottom:.2em;margin-top:2em}h3{font-size:1.05rem;margin:.2em 0}
.meta,.muted{color:var(--muted);font-size:.9rem}
.stats{display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0;list-style:none}
.stats li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;
min-width:120px}.stats b{display:block;font-size:1.4rem}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--card)}
.table-wrap{overflow-x:auto}
.finding{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:8px;
padding:12px 14px;margin:14px 0}
.finding.sev-high{border-left-color:var(--high)}.finding.sev-medium{border-left-color:var(--medium)}
.finding.sev-low{border-left-color:var(--low)}
.badge{display:inline-block;font-size:.78rem;font-weight:600;border-radius:999px;padding:1px 9px;
margin-right:6px;background:var(--card);border:1px solid var(--line)}
.badge.high{color:#fff;background:var(--high);border-color:var(--high)}
.badge.medium{color:#fff;background:var(--medium);border-color:var(--medium)}
.badge.low{color:#fff;background:var(--low);border-color:var(--low)}
.status-open,.status-reopened{color:var(--high)}.status-reviewed{color:var(--ok)}
.values{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:10px;margin:10px 0}
.value{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px;
overflow-wrap:anywhere}
.figure{font-size:1.2rem;font-weight:700}
blockquote{margin:.4em 0;padding:.3em .7em;border-left:3px solid var(--line);background:var(--bg)}
mark{background:var(--mark);padding:0 2px;border-radius:3px}
.review{background:var(--card);border-radius:6px;padding:6px 10px;margin-top:8px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;
overflow-wrap:anywhere}
.chart-wrap{overflow-x:auto}
.chart{width:100%;min-width:520px;height:auto;max-width:760px;display:block}
.chart .axis{stroke:#5b6670;stroke-width:1}.chart .grid{stroke:#e5e8eb;stroke-width:1}
.chart .tick{font-size:11px;fill:#5b6670}.chart .label{font-size:12px;fill:#1d2329}
.chart .line{fill:none;stroke:#1d4ed8;stroke-width:1.5;stroke-dasharray:4 3}
.chart .span{stroke:#1d4ed8;stroke-width:3;opacity:.35}
.chart .bar{fill:#1d4ed8;opacity:.3}
.chart .pt{fill:#1d4ed8;stroke:#fff;stroke-width:1.5}
.chart .pt.conflict{stroke:#b42318;stroke-width:3}
.chart .src{fill:#067647}
.chart .flag{stroke:#b42318;stroke-width:2.5;fill:none}
.legend{font-size:.85rem;color:var(--muted)}
.legend span{margin-right:14px}
@media (max-width:700px){main{padding:10px}body{font-size:15px}.stats li{min-width:44%}}
@media print{.finding{break-inside:avoid}}
)css";

std::string Esc(absl::string_view s) { return EscapeHtml(s); }

// A link when `uri` is a safe http(s) URL, else the text of `label` with the URI shown
// as plain text.
std::string SourceLink(absl::string_view uri, absl::string_view title) {
  std::string label = Esc(title.empty() ? uri : title);
  if (IsSafeLink(uri)) {
    std::string href = absl::StrReplaceAll(uri, {{" ", "%20"}});
    return absl::StrCat("<a href=\"", Esc(href), "\" rel=\"noopener noreferrer\">", label, "</a>");
  }
  if (uri.empty() || uri == title) return label;
  return absl::StrCat(label, " <span class=\"muted\">(<code>", Esc(uri), "</code>)</span>");
}

std::string HedgeLabel(v1::Hedge hedge) {
  switch (hedge) {
    case v1::HEDGE_REPORTED: return "reported";
    case v1::HEDGE_ESTIMATED: return "estimated";
    case v1::HEDGE_FORECAST: return "forecast";
    case v1::HEDGE_RUMOURED: return "rumoured";
    default: return "";
  }
}

void RenderSummary(const v1::Report& report, std::string& out) {
  const v1::ReportSummary& s = report.summary();
  absl::StrAppend(&out, "<section id=\"summary\"><h2>Summary</h2>\n<ul class=\"stats\">");
  std::pair<const char*, uint32_t> stats[] = {
      {"documents", s.documents() ? s.documents() : static_cast<uint32_t>(report.documents_size())},
      {"claims", s.claims() ? s.claims() : static_cast<uint32_t>(report.claims_size())},
      {"subjects", s.subjects()},
      {"findings", s.findings() ? s.findings() : static_cast<uint32_t>(report.findings_size())},
      {"open findings", s.open_findings()},
  };
  for (const auto& [name, n] : stats) {
    absl::StrAppend(&out, "<li><b>", n, "</b>", name, "</li>");
  }
  absl::StrAppend(&out, "</ul>\n");
  // Findings by kind, from the findings themselves (so the table and the list agree).
  std::map<v1::FindingKind, std::pair<int, int>> by_kind;  // total, open
  for (const v1::Finding& f : report.findings()) {
    auto& [total, open] = by_kind[f.kind()];
    ++total;
    if (IsOpenFinding(f)) ++open;
  }
  if (!by_kind.empty()) {
    absl::StrAppend(&out, "<div class=\"table-wrap\"><table><thead><tr><th>Finding kind</th>"
                          "<th>Findings</th><th>Open</th></tr></thead><tbody>\n");
    for (const auto& [kind, counts] : by_kind) {
      absl::StrAppend(&out, "<tr><td>", Esc(FindingKindLabel(kind)), " <span class=\"muted\">(",
                      Esc(FindingKindName(kind)), ")</span></td><td>", counts.first,
                      "</td><td>", counts.second, "</td></tr>\n");
    }
    absl::StrAppend(&out, "</tbody></table></div>\n");
  } else {
    absl::StrAppend(&out, "<p>No findings: every figure agrees with the others on its subject.</p>\n");
  }
  absl::StrAppend(&out, "</section>\n");
}

void RenderValue(const v1::Claim* claim, const v1::ComparedValue* compared,
                 const std::map<std::string, const v1::Claim*>& claims, std::string& out) {
  absl::StrAppend(&out, "<div class=\"value\">");
  if (compared != nullptr) {
    absl::StrAppend(&out, "<div class=\"figure\">",
                    Esc(FormatFigure(compared->value(), compared->unit())), "</div>");
    if (compared->has_low() || compared->has_high()) {
      // The interval rounding and hedges allow, which is what was compared.
      std::string low = compared->has_low() ? FormatNumber(compared->low()) : "\xE2\x88\x92\xE2\x88\x9E";
      std::string high = compared->has_high() ? FormatNumber(compared->high()) : "\xE2\x88\x9E";
      absl::StrAppend(&out, "<div class=\"muted\">allowed: ", Esc(low), " to ", Esc(high), "</div>");
    }
  } else if (claim != nullptr) {
    absl::StrAppend(&out, "<div class=\"figure\">",
                    Esc(FormatFigure(claim->quantity().value(), claim->quantity().unit())),
                    "</div>");
  }
  if (claim == nullptr) {
    absl::StrAppend(&out, "<div class=\"muted\">claim <code>",
                    Esc(compared ? compared->claim_id() : ""), "</code> not in this report</div></div>\n");
    return;
  }
  const v1::Provenance& p = claim->provenance();
  absl::StrAppend(&out, "<div class=\"muted\">as written: \xE2\x80\x9C", Esc(claim->quantity().text()),
                  "\xE2\x80\x9D \xC2\xB7 ", Esc(FormatScope(claim->scope())), "</div>");
  absl::StrAppend(&out, "<div class=\"source\">", SourceLink(p.uri(), p.title()), " \xC2\xB7 ",
                  Esc(FormatPublished(p.published())), "</div>");
  SentenceParts parts = SplitSentence(*claim);
  absl::StrAppend(&out, "<blockquote>", Esc(parts.before));
  if (!parts.figure.empty()) absl::StrAppend(&out, "<mark>", Esc(parts.figure), "</mark>");
  absl::StrAppend(&out, Esc(parts.after), "</blockquote>");
  std::vector<std::string> details;
  if (!p.attribution().empty()) details.push_back(absl::StrCat("according to ", Esc(p.attribution())));
  std::string hedge = HedgeLabel(p.hedge());
  if (!hedge.empty()) details.push_back(hedge);
  if (p.line() > 0) details.push_back(absl::StrCat("line ", p.line(), ", column ", p.column()));
  if (compared != nullptr && !compared->conversion().empty()) {
    details.push_back(absl::StrCat("converted: ", Esc(compared->conversion())));
  }
  if (p.is_quotation()) {
    auto it = claims.find(p.first_appearance_claim_id());
    details.push_back(it == claims.end()
                          ? std::string("repeats earlier text")
                          : absl::StrCat("repeats ", SourceLink(it->second->provenance().uri(),
                                                                it->second->provenance().title())));
  }
  if (!details.empty()) {
    absl::StrAppend(&out, "<div class=\"muted\">", absl::StrJoin(details, " \xC2\xB7 "), "</div>");
  }
  absl::StrAppend(&out, "</div>\n");
}

void RenderFinding(const v1::Finding& f, const std::map<std::string, const v1::Claim*>& claims,
                   std::string& out) {
  std::string sev = SeverityName(f.severity());
  absl::StrAppend(&out, "<article class=\"finding sev-", sev, "\" id=\"finding-", Esc(f.id()),
                  "\">\n<div><span class=\"badge ", sev, "\">", sev, "</span><span class=\"badge\">",
                  Esc(FindingKindLabel(f.kind())), "</span>");
  std::string status = f.status() == v1::REVIEW_STATUS_REVIEWED   ? "reviewed"
                       : f.status() == v1::REVIEW_STATUS_REOPENED ? "reopened"
                                                                  : "open";
  absl::StrAppend(&out, "<span class=\"badge status-", status, "\">", Esc(DescribeReview(f)),
                  "</span></div>\n<h3>", Esc(FormatSubject(f.subject())), "</h3>\n");
  if (!f.explanation().empty()) absl::StrAppend(&out, "<p>", Esc(f.explanation()), "</p>\n");
  absl::StrAppend(&out, "<div class=\"values\">\n");
  if (f.values_size() > 0) {
    for (const v1::ComparedValue& v : f.values()) {
      auto it = claims.find(v.claim_id());
      RenderValue(it == claims.end() ? nullptr : it->second, &v, claims, out);
    }
  } else {
    for (const std::string& id : f.claim_ids()) {
      auto it = claims.find(id);
      if (it != claims.end()) RenderValue(it->second, nullptr, claims, out);
    }
  }
  absl::StrAppend(&out, "</div>\n");
  if (f.has_review() && f.status() != v1::REVIEW_STATUS_OPEN) {
    absl::StrAppend(&out, "<div class=\"review\"><b>",
                    f.status() == v1::REVIEW_STATUS_REOPENED ? "Reopened, new evidence."
                                                             : "Verdict:",
                    "</b> ", Esc(DescribeReview(f)));
    if (!f.review().note().empty()) {
      absl::StrAppend(&out, "<br>Note: ", Esc(f.review().note()));
    }
    absl::StrAppend(&out, "</div>\n");
  }
  absl::StrAppend(&out, "<p class=\"muted\">finding <code>", Esc(f.id()),
                  "</code> \xC2\xB7 record a verdict: <code>claimcheck review set ", Esc(f.id()),
                  " --verdict=confirmed|dismissed|needs-source|resolved --note=\xE2\x80\xA6</code></p>\n"
                  "</article>\n");
}

void RenderTimelines(const v1::Report& report,
                     const std::map<std::string, const v1::Claim*>& claims,
                     const std::vector<const v1::Finding*>& findings, std::string& out) {
  std::string body;
  for (const v1::Timeline& t : report.timelines()) {
    if (t.points_size() < 2) continue;
    absl::StrAppend(&body, "<article class=\"timeline\"><h3>", Esc(FormatSubject(t.subject())),
                    "</h3>\n");
    std::string svg = RenderTimelineSvg(t, claims, findings);
    if (!svg.empty()) {
      absl::StrAppend(&body, "<div class=\"chart-wrap\">", svg, "</div>",
                      "\n<p class=\"legend\"><span>\xE2\x97\x8F figure for the period (bar: "
                      "interval)</span><span style=\"color:#067647\">\xE2\x97\x8F one per "
                      "source</span><span style=\"color:#b42318\">\xC3\x97 figure a finding "
                      "flags</span></p>\n");
    }
    absl::StrAppend(&body, "<div class=\"table-wrap\"><table><thead><tr><th>Period</th>"
                           "<th>Figure</th><th>Change</th><th>Sources</th><th>First "
                           "published in</th></tr></thead><tbody>\n");
    for (const v1::TimelinePoint& p : t.points()) {
      double low = p.low(), high = p.high();
      std::string change;
      if (p.has_change()) {
        change = absl::StrCat(p.change() >= 0 ? "+" : "", FormatNumber(p.change()));
        if (p.has_change_percent()) {
          absl::StrAppend(&change, absl::StrFormat(" (%+.1f%%)", p.change_percent()));
        }
      }
      std::string first;
      auto it = claims.find(p.first_appearance_claim_id());
      if (it != claims.end()) {
        const v1::Provenance& pr = it->second->provenance();
        first = absl::StrCat(SourceLink(pr.uri(), pr.title()), " \xC2\xB7 ",
                             Esc(FormatPublished(pr.published())));
      }
      absl::StrAppend(&body, "<tr><td>", Esc(FormatScope(p.scope())), "</td><td>",
                      Esc(FormatFigureWithInterval(p.value(), p.has_low() ? &low : nullptr,
                                                   p.has_high() ? &high : nullptr, p.unit())),
                      "</td><td>", Esc(change), "</td><td>", p.document_ids_size(),
                      "</td><td>", first, "</td></tr>\n");
    }
    absl::StrAppend(&body, "</tbody></table></div></article>\n");
  }
  if (body.empty()) return;
  absl::StrAppend(&out, "<section id=\"timelines\"><h2>Timelines</h2>\n", body, "</section>\n");
}

void RenderDocuments(const v1::Report& report, std::string& out) {
  if (report.documents_size() == 0) return;
  absl::StrAppend(&out, "<section id=\"documents\"><h2>Documents</h2>\n<div class=\"table-wrap\">"
                        "<table><thead><tr><th>Title</th><th>Published</th><th>Format</th>"
                        "</tr></thead><tbody>\n");
  for (const v1::DocumentSummary& d : report.documents()) {
    std::string format = v1::DocumentFormat_Name(d.format());
    absl::StrAppend(&out, "<tr><td>", SourceLink(d.uri(), d.title()), "</td><td>",
                    Esc(FormatPublished(d.published())), "</td><td>",
                    Esc(absl::AsciiStrToLower(absl::StripPrefix(format, "DOCUMENT_FORMAT_"))),
                    "</td></tr>\n");
  }
  absl::StrAppend(&out, "</tbody></table></div></section>\n");
}

}  // namespace

std::string RenderHtmlReport(const v1::Report& report) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>claimcheck report</title>\n<style>";
  absl::StrAppend(&out, kStyle, "</style>\n</head>\n<body>\n<main>\n<header><h1>claimcheck report</h1>");
  if (report.has_generated()) {
    absl::StrAppend(&out, "<p class=\"meta\">Generated ",
                    absl::FormatTime("%Y-%m-%d %H:%M UTC",
                                     absl::FromUnixSeconds(report.generated().seconds()),
                                     absl::UTCTimeZone()),
                    "</p>");
  }
  absl::StrAppend(&out, "</header>\n");
  RenderSummary(report, out);
  auto claims = ClaimsById(report);
  std::vector<const v1::Finding*> findings = FindingsBySeverity(report);
  absl::StrAppend(&out, "<section id=\"findings\"><h2>Findings</h2>\n");
  if (findings.empty()) absl::StrAppend(&out, "<p>None.</p>\n");
  for (const v1::Finding* f : findings) RenderFinding(*f, claims, out);
  absl::StrAppend(&out, "</section>\n");
  RenderTimelines(report, claims, findings, out);
  RenderDocuments(report, out);
  if (report.problems_size() > 0) {
    absl::StrAppend(&out, "<section id=\"problems\"><h2>Problems while reading</h2>\n<ul>\n");
    for (const std::string& p : report.problems()) absl::StrAppend(&out, "<li><code>", Esc(p), "</code></li>\n");
    absl::StrAppend(&out, "</ul></section>\n");
  }
  absl::StrAppend(&out, "<footer class=\"muted\"><p>Written by claimcheck. Verdicts come from "
                        "the review ledger; record one with <code>claimcheck review set</code>."
                        "</p></footer>\n</main>\n</body>\n</html>\n");
  return out;
}

}  // namespace claimcheck
