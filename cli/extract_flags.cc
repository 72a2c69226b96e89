#include "cli/extract_flags.h"

namespace claimcheck {

bool ParseExtractFlags(const CommandLine& args, std::ostream* err,
                       std::optional<absl::CivilDay>* reference_date, RecordFormat* format) {
  if (args.Has("reference-date")) {
    std::string value = args.Get("reference-date");
    absl::CivilDay day;
    if (!absl::ParseCivilTime(value, &day)) {
      *err << "claimcheck extract: --reference-date=" << value
           << " is not a date; use YYYY-MM-DD\n";
      return false;
    }
    *reference_date = day;
  }
  *format = RecordFormat::kJsonLines;
  if (args.Has("format")) {
    absl::StatusOr<RecordFormat> f = ParseRecordFormat(args.Get("format"));
    if (!f.ok()) {
      *err << "claimcheck extract: " << f.status().message() << "\n";
      return false;
    }
    *format = *f;
  }
  return true;
}

}  // namespace claimcheck
