#include "cli/report_writer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claims/record_stream.h"
#include "google/protobuf/util/json_util.h"
#include "cli/html_report.h"
#include "cli/markdown_report.h"

namespace claimcheck {

absl::StatusOr<ReportFormat> ReportFormatFromPath(absl::string_view path) {
  std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".html") || absl::EndsWith(lower, ".htm")) return ReportFormat::kHtml;
  if (absl::EndsWith(lower, ".md") || absl::EndsWith(lower, ".markdown")) {
    return ReportFormat::kMarkdown;
  }
  if (absl::EndsWith(lower, ".json")) return ReportFormat::kJson;
  return absl::InvalidArgumentError(absl::StrCat(
      path, ": cannot tell the report format from the name (use .html, .md or .json)"));
}

absl::StatusOr<std::string> RenderReport(const v1::Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml:
      return RenderHtmlReport(report);
    case ReportFormat::kMarkdown:
      return RenderMarkdownReport(report);
    case ReportFormat::kJson:
      break;
  }
  return RecordToJson(report, JsonLayout::kIndented);
}

absl::StatusOr<v1::Report> ParseJsonReport(absl::string_view json, absl::string_view name) {
  v1::Report report;
  google::protobuf::util::JsonParseOptions options;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &report, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": not a claimcheck report in JSON: ", status.message().ToString()));
  }
  return report;
}

}  // namespace claimcheck
