#include "cli/extract_flags.h"

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace claimcheck {

std::vector<std::string> FileListFlag(const CommandLine& args, absl::string_view name) {
  std::vector<std::string> files;
  for (const std::string& value : args.GetAll(name)) {
    for (absl::string_view item : absl::StrSplit(value, ',')) {
      item = absl::StripAsciiWhitespace(item);
      if (!item.empty()) files.emplace_back(item);
    }
  }
  return files;
}

absl::Status ExtractOutput::OpenFile(const std::string& path) {
  absl::StatusOr<std::unique_ptr<AtomicFileWriter>> writer = AtomicFileWriter::Open(path);
  if (!writer.ok()) return writer.status();
  file_ = *std::move(writer);
  return absl::OkStatus();
}

absl::Status ExtractOutput::Flush() {
  if (buffer_.empty()) return absl::OkStatus();
  absl::Status s;
  if (file_) {
    s = file_->Append(buffer_);
  } else {
    out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (!*out_) s = absl::DataLossError("cannot write to standard output");
  }
  buffer_.clear();
  return s;
}

absl::Status ExtractOutput::MaybeFlush() {
  return buffer_.size() >= (1 << 16) ? Flush() : absl::OkStatus();
}

absl::Status ExtractOutput::Finish() {
  absl::Status s = Flush();
  if (!s.ok()) return s;
  if (file_) return file_->Commit();
  out_->flush();
  return absl::OkStatus();
}

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
