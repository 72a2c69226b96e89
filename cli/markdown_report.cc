#include "cli/markdown_report.h"

#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "cli/report_format.h"
#include "review/ledger.h"

namespace claimcheck {
namespace {

std::string Md(absl::string_view s) { return EscapeMarkdown(s); }

std::string Source(absl::string_view uri, absl::string_view title) {
  std::string label = Md(title.empty() ? uri : title);
  if (IsSafeLink(uri)) {
    // Parentheses and spaces cannot occur unescaped in the destination; <...> form
    // is avoided because '<' is escaped elsewhere, so percent-encode the few that break.
    std::string dest;
    for (char c : uri) {
      if (c == '(' || c == ')' || c == ' ') {
        absl::StrAppend(&dest, "%", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
      } else {
        dest += c;
      }
    }
    return absl::StrCat("[", label, "](", dest, ")");
  }
  if (uri.empty() || uri == title) return label;
  return absl::StrCat(label, " (", Md(uri), ")");
}

std::string Quote(const v1::Claim& claim) {
  SentenceParts parts = SplitSentence(claim);
  std::string out = Md(parts.before);
  if (!parts.figure.empty()) absl::StrAppend(&out, "**", Md(parts.figure), "**");
  absl::StrAppend(&out, Md(parts.after));
  return out;
}

}  // namespace

std::string EscapeMarkdown(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
      case '!': case '~': case '{': case '}':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string RenderMarkdownReport(const v1::Report& report) {
  std::string out = "# claimcheck report\n\n";
  if (report.has_generated()) {
    absl::StrAppend(&out, "Generated ",
                    absl::FormatTime("%Y-%m-%d %H:%M UTC",
                                     absl::FromUnixSeconds(report.generated().seconds()),
                                     absl::UTCTimeZone()),
                    ".\n\n");
  }
  const v1::ReportSummary& s = report.summary();
  absl::StrAppend(&out, "## Summary\n\n| documents | claims | subjects | findings | open findings |\n"
                        "|---:|---:|---:|---:|---:|\n| ",
                  s.documents() ? s.documents() : report.documents_size(), " | ",
                  s.claims() ? s.claims() : report.claims_size(), " | ", s.subjects(), " | ",
                  report.findings_size(), " | ", s.open_findings(), " |\n\n");
  std::map<v1::FindingKind, std::pair<int, int>> by_kind;
  for (const v1::Finding& f : report.findings()) {
    auto& [total, open] = by_kind[f.kind()];
    ++total;
    if (IsOpenFinding(f)) ++open;
  }
  if (!by_kind.empty()) {
    absl::StrAppend(&out, "| finding kind | findings | open |\n|---|---:|---:|\n");
    for (const auto& [kind, n] : by_kind) {
      absl::StrAppend(&out, "| ", FindingKindLabel(kind), " (`", FindingKindName(kind), "`) | ",
                      n.first, " | ", n.second, " |\n");
    }
    absl::StrAppend(&out, "\n");
  }

  auto claims = ClaimsById(report);
  std::vector<const v1::Finding*> findings = FindingsBySeverity(report);
  absl::StrAppend(&out, "## Findings\n\n");
  if (findings.empty()) absl::StrAppend(&out, "None.\n\n");
  for (const v1::Finding* f : findings) {
    absl::StrAppend(&out, "### ", FindingKindLabel(f->kind()), " (", SeverityName(f->severity()),
                    "): ", Md(FormatSubject(f->subject())), "\n\n");
    absl::StrAppend(&out, "- finding `", Md(f->id()), "`, status: ", Md(DescribeReview(*f)), "\n");
    if (f->has_review() && !f->review().note().empty()) {
      absl::StrAppend(&out, "- note: ", Md(f->review().note()), "\n");
    }
    absl::StrAppend(&out, "\n");
    if (!f->explanation().empty()) absl::StrAppend(&out, Md(f->explanation()), "\n\n");
    absl::StrAppend(&out, "| figure | as written | period | source | published | sentence |\n"
                          "|---|---|---|---|---|---|\n");
    std::vector<std::pair<const v1::ComparedValue*, std::string>> rows;
    for (const v1::ComparedValue& v : f->values()) rows.push_back({&v, v.claim_id()});
    if (rows.empty()) {
      for (const std::string& id : f->claim_ids()) rows.push_back({nullptr, id});
    }
    for (const auto& [v, id] : rows) {
      auto it = claims.find(id);
      const v1::Claim* c = it == claims.end() ? nullptr : it->second;
      std::string figure;
      if (v != nullptr) {
        double low = v->low(), high = v->high();
        figure = FormatFigureWithInterval(v->value(), v->has_low() ? &low : nullptr,
                                          v->has_high() ? &high : nullptr, v->unit());
        if (!v->conversion().empty()) absl::StrAppend(&figure, " (", v->conversion(), ")");
      } else if (c != nullptr) {
        figure = FormatFigure(c->quantity().value(), c->quantity().unit());
      }
      if (c == nullptr) {
        absl::StrAppend(&out, "| ", Md(figure), " | claim `", Md(id), "` not in report | | | | |\n");
        continue;
      }
      const v1::Provenance& p = c->provenance();
      absl::StrAppend(&out, "| ", Md(figure), " | ", Md(c->quantity().text()), " | ",
                      Md(FormatScope(c->scope())), " | ", Source(p.uri(), p.title()), " | ",
                      Md(FormatPublished(p.published())), " | ", Quote(*c), " |\n");
    }
    absl::StrAppend(&out, "\n");
  }

  bool any_timeline = false;
  for (const v1::Timeline& t : report.timelines()) {
    if (t.points_size() < 2) continue;
    if (!any_timeline) absl::StrAppend(&out, "## Timelines\n\n");
    any_timeline = true;
    absl::StrAppend(&out, "### ", Md(FormatSubject(t.subject())), "\n\n"
                    "| period | figure | change | sources | first published in |\n"
                    "|---|---|---|---:|---|\n");
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
        first = absl::StrCat(Source(it->second->provenance().uri(), it->second->provenance().title()),
                             ", ", Md(FormatPublished(it->second->provenance().published())));
      }
      absl::StrAppend(&out, "| ", Md(FormatScope(p.scope())), " | ",
                      Md(FormatFigureWithInterval(p.value(), p.has_low() ? &low : nullptr,
                                                  p.has_high() ? &high : nullptr, p.unit())),
                      " | ", Md(change), " | ", p.document_ids_size(), " | ", first, " |\n");
    }
    absl::StrAppend(&out, "\n");
  }

  if (report.documents_size() > 0) {
    absl::StrAppend(&out, "## Documents\n\n| title | published | format |\n|---|---|---|\n");
    for (const v1::DocumentSummary& d : report.documents()) {
      std::string format = v1::DocumentFormat_Name(d.format());
      absl::StrAppend(&out, "| ", Source(d.uri(), d.title()), " | ", Md(FormatPublished(d.published())),
                      " | ", absl::AsciiStrToLower(absl::StripPrefix(format, "DOCUMENT_FORMAT_")),
                      " |\n");
    }
    absl::StrAppend(&out, "\n");
  }
  if (report.problems_size() > 0) {
    absl::StrAppend(&out, "## Problems while reading\n\n");
    for (const std::string& p : report.problems()) absl::StrAppend(&out, "- ", Md(p), "\n");
    absl::StrAppend(&out, "\n");
  }
  return out;
}

}  // namespace claimcheck
