#include "tests/extract/extract_testing.h"

#include <cstdio>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"

namespace claimcheck {
namespace {

class CollectSink : public IssueSink {
 public:
  explicit CollectSink(std::vector<std::string>* out) : out_(out) {}
  void Report(const std::string& place, absl::string_view message) override {
    if (out_ != nullptr) out_->push_back(absl::StrCat(place, ": ", message));
  }

 private:
  std::vector<std::string>* out_;
};

// "2024", "2024-Q3", "2024-H1" -> [start, end).
bool ParseOne(absl::string_view p, int* y0, int* m0, int* y1, int* m1) {
  int y = 0, k = 0;
  char c = 0;
  if (p.size() == 4 && std::sscanf(std::string(p).c_str(), "%d", &y) == 1) {
    *y0 = y, *m0 = 1, *y1 = y + 1, *m1 = 1;
    return true;
  }
  if (p.size() == 7 && std::sscanf(std::string(p).c_str(), "%d-%c%d", &y, &c, &k) == 3) {
    int months = c == 'Q' ? 3 : c == 'H' ? 6 : 0;
    if (months == 0) return false;
    int start = (k - 1) * months + 1;
    int end = start + months;
    *y0 = y, *m0 = start, *y1 = y + (end > 12 ? 1 : 0), *m1 = end > 12 ? end - 12 : end;
    return true;
  }
  return false;
}

}  // namespace

std::vector<ExtractedClaim> ExtractPaths(const std::vector<std::string>& paths,
                                         const ExtractOptions& options,
                                         std::vector<std::string>* problems) {
  std::vector<ExtractedClaim> out;
  absl::StatusOr<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    if (problems != nullptr) problems->push_back(std::string(extractor.status().message()));
    return out;
  }
  CollectSink sink(problems);
  ReadOptions read_options;
  read_options.reference_date = options.reference_date;
  DocumentReader reader(read_options, &sink);
  for (const std::string& path : paths) {
    const bool is_file = std::filesystem::is_regular_file(path);
    absl::Status s = reader.ReadPath(path, [&](v1::Document&& doc) {
      std::string file = std::filesystem::path(is_file ? path : doc.uri()).filename().string();
      (*extractor)->Extract(doc, [&](v1::Claim&& claim) {
        ExtractedClaim c;
        c.file = file;
        if (doc.format() == v1::DOCUMENT_FORMAT_JSON_LINES) c.item = doc.uri();
        c.claim = std::move(claim);
        out.push_back(std::move(c));
      });
    });
    if (!s.ok() && problems != nullptr) problems->push_back(std::string(s.message()));
  }
  return out;
}

bool ParseAnswerPeriod(absl::string_view period, std::string* start, std::string* end) {
  std::vector<absl::string_view> parts = absl::StrSplit(period, "..");
  int a0, am0, a1, am1, b0, bm0, b1, bm1;
  if (parts.size() == 1) {
    if (!ParseOne(parts[0], &a0, &am0, &a1, &am1)) return false;
    b1 = a1, bm1 = am1;
  } else if (parts.size() == 2) {
    if (!ParseOne(parts[0], &a0, &am0, &a1, &am1) || !ParseOne(parts[1], &b0, &bm0, &b1, &bm1)) {
      return false;
    }
  } else {
    return false;
  }
  *start = absl::StrFormat("%04d-%02d-01", a0, am0);
  *end = absl::StrFormat("%04d-%02d-01", b1, bm1);
  return true;
}

std::string DescribeClaim(const ExtractedClaim& c) {
  const v1::Claim& k = c.claim;
  return absl::StrFormat("%s%s | %s | %s | %g %s | %s..%s%s%s | %s%s", c.file,
                         c.item.empty() ? "" : " " + c.item, k.quantity().text(), k.subject().key(),
                         k.quantity().value(), k.quantity().unit(), k.scope().start(),
                         k.scope().end(), k.scope().inferred() ? " inferred" : "",
                         k.scope().unresolved() ? " unresolved" : "",
                         v1::Hedge_Name(k.provenance().hedge()),
                         k.provenance().is_quotation()
                             ? " quote-of " + k.provenance().first_appearance_claim_id()
                             : "");
}

}  // namespace claimcheck
