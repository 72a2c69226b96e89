#include "cli/extract_documents.h"

#include <istream>
#include <iterator>
#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "claims/record_stream.h"
#include "cli/atomic_file.h"
#include "cli/extract_flags.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"

namespace claimcheck {

int RunExtractDocuments(const CommandLine& args, CommandIO& io) {
  if (args.positional().empty()) {
    *io.err << "claimcheck extract --documents: give at least one PATH (file or directory)\n";
    return kExitUsage;
  }
  ReadOptions options;
  RecordFormat format;
  if (!ParseExtractFlags(args, io.err, &options.reference_date, &format)) return kExitUsage;

  ExtractOutput output(io.out);
  if (args.Has("output")) {
    absl::Status s = output.OpenFile(args.Get("output"));
    if (!s.ok()) {
      *io.err << "claimcheck: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  StderrIssueSink sink(io.err);
  DocumentReader reader(options, &sink);
  std::string* out = output.buffer();
  absl::Status write_status;
  int documents = 0;
  auto on_document = [&](v1::Document&& doc) {
    if (!write_status.ok()) return;
    const size_t before = out->size();
    absl::Status s = AppendRecord(doc, format, out);
    if (!s.ok()) {
      out->resize(before);
      sink.Report(doc.uri(), absl::StrCat("cannot serialise the document: ", s.message()));
      return;
    }
    ++documents;
    write_status = output.MaybeFlush();
  };
  for (const std::string& path : args.positional()) {
    if (!write_status.ok()) break;
    if (path == "-") {  // standard input, format detected by content
      std::string bytes((std::istreambuf_iterator<char>(*io.in)), std::istreambuf_iterator<char>());
      reader.ReadBytes(bytes, "<stdin>", on_document);
      continue;
    }
    absl::Status s = reader.ReadPath(path, on_document);
    if (!s.ok()) *io.err << "claimcheck: " << s.message() << "\n";
  }
  if (!write_status.ok()) {
    *io.err << "claimcheck: " << write_status.message() << "\n";
    return kExitUsage;
  }
  if (documents == 0) {
    *io.err << "claimcheck extract: no document could be read\n";
    return kExitUsage;
  }
  absl::Status s = output.Finish();
  if (!s.ok()) {
    *io.err << "claimcheck: " << s.message() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace claimcheck
