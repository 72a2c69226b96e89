// recognition_dump: prints every QuantityMention and TimeMention, every field, for a set
// of inputs, so a change to the recognizers can be checked for unchanged output by
// diffing two dumps (the speed work on the scanners relies on this).
//
//   bazel build //extract/recognize:recognition_dump
//   bazel-bin/extract/recognize/recognition_dump [cases:]PATH... > dump.txt
//
// A PATH prefixed "cases:" is a conformance .jsonl file ({"id","input","reference_time"}
// lines): each input is recognised whole, against its reference day. Any other PATH (a
// file or a directory) is read as documents (extract/read): each document's text is
// recognised whole and sentence by sentence (the extractor's calls), and each file's raw
// bytes whole (markup and JSON exercise other paths). Times resolve against the
// document's publication day, or 2025-11-05 when it has none.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/strip.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "extract/read/sentence_splitter.h"
#include "extract/recognize/conformance_output.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"

namespace claimcheck {
namespace {

std::string Line(const QuantityMention& m) {
  return absl::StrFormat(
      "Q %d %d fig=%d num=%d-%d %.17g hi=%d-%d %.17g glued=%d unit=%s factor=%.17g | %s\n",
      m.begin, m.end, m.figure_begin, m.number_begin, m.number_end, m.number_value,
      m.high_begin, m.high_end, m.high_value, m.unit_glued, m.unit_name, m.unit_factor,
      m.quantity.ShortDebugString());
}

void Dump(const std::string& label, absl::string_view text, std::optional<absl::CivilDay> day,
          const QuantityRecognizer& q, const TimeRecognizer& t) {
  std::vector<QuantityMention> qs = q.Find(text);
  // The Find that reuses a vector, given the one the previous call filled: it must give
  // the same mentions.
  static auto* reused = new std::vector<QuantityMention>();
  q.Find(text, reused);
  bool same = reused->size() == qs.size();
  for (size_t k = 0; same && k < qs.size(); ++k) same = Line(qs[k]) == Line((*reused)[k]);
  if (!same) std::cout << "!! the reusing Find differs on " << label << "\n";
  std::vector<TimeMention> ts = t.Find(text, day);
  if (qs.empty() && ts.empty()) return;
  std::cout << "== " << label << "\n";
  for (const QuantityMention& m : qs) std::cout << Line(m);
  for (const TimeMention& m : ts) {
    std::cout << absl::StrFormat("T %d %d | %s\n", m.begin, m.end, m.scope.ShortDebugString());
  }
}

std::optional<absl::CivilDay> DayOf(const v1::PublicationTime& published) {
  if (!published.has_time()) return absl::CivilDay(2025, 11, 5);
  return absl::ToCivilDay(absl::FromUnixSeconds(published.time().seconds()),
                          absl::UTCTimeZone());
}

int Run(int argc, char** argv) {
  auto q = QuantityRecognizer::Create();
  auto t = TimeRecognizer::Create();
  if (!q.ok() || !t.ok()) {
    std::cerr << "cannot create recognizers\n";
    return 1;
  }
  for (int a = 1; a < argc; ++a) {
    absl::string_view arg = argv[a];
    if (absl::ConsumePrefix(&arg, "cases:")) {
      std::ifstream in{std::string(arg)};
      std::string line;
      while (std::getline(in, line)) {
        absl::StatusOr<ConformanceCase> c = ParseConformanceCase(line);
        if (!c.ok()) continue;
        Dump(c->id, c->input, c->reference, **q, **t);
      }
      continue;
    }
    CollectingIssueSink sink;
    DocumentReader reader(ReadOptions(), &sink);
    absl::Status s = reader.ReadPath(std::string(arg), [&](v1::Document&& doc) {
      const std::string name = doc.uri() + "#" + doc.item();
      std::ifstream raw(doc.uri(), std::ios::binary);
      std::stringstream bytes;
      bytes << raw.rdbuf();
      Dump(name + " raw", bytes.str(), DayOf(doc.published()), **q, **t);
      Dump(name + " text", doc.text(), DayOf(doc.published()), **q, **t);
      for (const TextSpan& span : SplitSentences(doc.text())) {
        Dump(absl::StrFormat("%s @%d", name, span.begin),
             absl::string_view(doc.text()).substr(span.begin, span.end - span.begin),
             DayOf(doc.published()), **q, **t);
      }
    });
    if (!s.ok()) std::cerr << s << "\n";
  }
  return 0;
}

}  // namespace
}  // namespace claimcheck

int main(int argc, char** argv) { return claimcheck::Run(argc, argv); }
