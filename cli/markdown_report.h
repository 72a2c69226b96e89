// The Markdown report: the HTML report's content for terminals and code review.
//
// Summary, findings by severity (each with a table of the figures compared: figure,
// source, date, quoted sentence with the figure in bold), review state and note,
// timelines as tables, documents, problems. Document text is escaped so it cannot
// become Markdown or HTML markup: '<', '>' and '&' become entities, Markdown
// punctuation is backslash-escaped, '|' is escaped in tables and newlines become
// spaces. Only http(s) URLs become links.
#ifndef CLAIMCHECK_CLI_MARKDOWN_REPORT_H_
#define CLAIMCHECK_CLI_MARKDOWN_REPORT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace claimcheck {

// The complete Markdown document for `report`. Pure function; thread-safe.
std::string RenderMarkdownReport(const v1::Report& report);

// `text` made inert in Markdown (see above), on one line.
std::string EscapeMarkdown(absl::string_view text);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_MARKDOWN_REPORT_H_
