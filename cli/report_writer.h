// Report output formats: the -o extension picks HTML, Markdown or JSON, and this renders
// a Report in it.
//
//   .html .htm       RenderHtmlReport (cli/html_report.h)
//   .md .markdown    RenderMarkdownReport (cli/markdown_report.h)
//   .json            the Report in protobuf's JSON mapping, .proto field names kept,
//                    indented; readable back with JsonStringToMessage.
#ifndef CLAIMCHECK_CLI_REPORT_WRITER_H_
#define CLAIMCHECK_CLI_REPORT_WRITER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace claimcheck {

enum class ReportFormat { kHtml, kMarkdown, kJson };

// The format for an output path, by extension (case-insensitive). Returns
// InvalidArgument naming the path and the accepted extensions otherwise.
absl::StatusOr<ReportFormat> ReportFormatFromPath(absl::string_view path);

// `report` rendered in `format`. Fails only when JSON serialisation fails.
absl::StatusOr<std::string> RenderReport(const v1::Report& report, ReportFormat format);

// Parses a report written with kJson. Returns InvalidArgument naming `name` on bad JSON.
absl::StatusOr<v1::Report> ParseJsonReport(absl::string_view json, absl::string_view name);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_REPORT_WRITER_H_
