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

  StderrIssueSink sink(io.err);
  DocumentReader reader(options, &sink);
  std::string out;
  int documents = 0;
  auto on_document = [&](v1::Document&& doc) {
    absl::Status s = AppendRecord(doc, format, &out);
    if (!s.ok()) {
      sink.Report(doc.uri(), absl::StrCat("cannot serialise the document: ", s.message()));
      return;
    }
    ++documents;
  };
  for (const std::string& path : args.positional()) {
    if (path == "-") {  // standard input, format detected by content
      std::string bytes((std::istreambuf_iterator<char>(*io.in)), std::istreambuf_iterator<char>());
      reader.ReadBytes(bytes, "<stdin>", on_document);
      continue;
    }
    absl::Status s = reader.ReadPath(path, on_document);
    if (!s.ok()) *io.err << "claimcheck: " << s.message() << "\n";
  }
  if (documents == 0) {
    *io.err << "claimcheck extract: no document could be read\n";
    return kExitUsage;
  }
  if (args.Has("output")) {
    absl::Status s = WriteFileAtomically(args.Get("output"), out);
    if (!s.ok()) {
      *io.err << "claimcheck: " << s.message() << "\n";
      return kExitUsage;
    }
  } else {
    io.out->write(out.data(), static_cast<std::streamsize>(out.size()));
  }
  return kExitOk;
}

}  // namespace claimcheck
