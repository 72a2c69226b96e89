// claimcheck quantities: the figures and periods the recognizers find in a text.
//
//   claimcheck quantities 'TEXT'       one line per figure, for a person
//   echo TEXT | claimcheck quantities  the same, from stdin
//   claimcheck quantities --jsonl      conformance mode: reads {"id","input",
//       "reference_time"} lines, writes {"id","found":[...]} lines in the format of
//       ../shared/conformance/score.py (code-point offsets, inclusive end).
//
// --types=number,percentage,currency,dimension,... limits --jsonl output to those
// Recognizers-Text types, the way each of its models reports one kind: "number" lists
// every number inside every figure ("$20" gives 20), the others whole figures.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "cli/command.h"
#include "extract/recognize/conformance_output.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"

namespace claimcheck {
namespace {

int RunJsonl(const CommandLine& args, CommandIO& io, const QuantityRecognizer& quantities,
             const TimeRecognizer& times) {
  absl::flat_hash_set<std::string> types;
  for (absl::string_view t : absl::StrSplit(args.Get("types"), ',', absl::SkipEmpty())) {
    types.insert(std::string(t));
  }
  std::string line;
  int line_number = 0;
  int bad = 0;
  while (std::getline(*io.in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    absl::StatusOr<ConformanceCase> c = ParseConformanceCase(line);
    if (!c.ok()) {
      *io.err << "claimcheck quantities: stdin:" << line_number << ": "
              << c.status().message() << "\n";
      ++bad;
      continue;
    }
    *io.out << ConformanceLine(*c, quantities, times, types) << "\n";
  }
  return bad > 0 ? kExitUsage : kExitOk;
}

// The period printed next to a figure: the nearest time mention in the same sentence.
const TimeMention* PeriodOf(absl::string_view text, const QuantityMention& m,
                            const std::vector<TimeMention>& ts) {
  const TimeMention* best = nullptr;
  size_t best_distance = 0;
  for (const TimeMention& t : ts) {
    size_t a = std::min(t.end, m.begin), b = std::max(t.begin, m.end);
    if (t.end > m.begin && t.begin < m.end) continue;
    absl::string_view between = text.substr(std::min(a, b), b > a ? b - a : a - b);
    if (between.find_first_of("!?\n") != absl::string_view::npos ||
        between.find(". ") != absl::string_view::npos) {
      continue;
    }
    size_t distance = between.size();
    if (!best || distance < best_distance) best = &t, best_distance = distance;
  }
  return best;
}

int RunText(const std::string& text, std::optional<absl::CivilDay> reference, CommandIO& io,
            const QuantityRecognizer& quantities, const TimeRecognizer& times) {
  std::vector<QuantityMention> qs = quantities.Find(text);
  std::vector<TimeMention> ts = times.Find(text, reference);
  if (qs.empty()) *io.out << "no figures found\n";
  for (const QuantityMention& m : qs) {
    const v1::Quantity& q = m.quantity;
    std::string type = v1::QuantityType_Name(q.type()).substr(strlen("QUANTITY_TYPE_"));
    std::string bound = v1::BoundKind_Name(q.bound()).substr(strlen("BOUND_KIND_"));
    *io.out << "\"" << ValidUtf8(q.text()) << "\"  " << absl::AsciiStrToLower(type) << "  "
            << JsonNumber(q.value()) << (q.unit().empty() ? "" : " " + q.unit())
            << (q.currency_assumed() ? " (assumed)" : "") << "  "
            << absl::AsciiStrToLower(bound) << "  ["
            << (q.has_low() ? JsonNumber(q.low()) : "-inf") << ", "
            << (q.has_high() ? JsonNumber(q.high()) : "+inf") << "]";
    if (const TimeMention* t = PeriodOf(text, m, ts)) {
      const v1::TimeScope& s = t->scope;
      *io.out << "  period: \"" << s.text() << "\" "
              << (s.unresolved() ? std::string("(unresolved)")
                                 : absl::StrCat(s.start().empty() ? "..." : s.start(), " to ",
                                                s.end().empty() ? "..." : s.end()));
    }
    *io.out << "\n";
  }
  for (const TimeMention& t : ts) {
    const v1::TimeScope& s = t.scope;
    *io.out << "period \"" << s.text() << "\"  "
            << absl::AsciiStrToLower(v1::ScopeKind_Name(s.kind()).substr(strlen("SCOPE_KIND_")))
            << "  "
            << (s.unresolved() ? std::string("unresolved")
                               : absl::StrCat(s.start().empty() ? "..." : s.start(), " to ",
                                              s.end().empty() ? "..." : s.end()))
            << "\n";
  }
  return kExitOk;
}

int RunQuantities(const CommandLine& args, CommandIO& io) {
  RecognizerOptions options;
  if (args.Has("bare-dollar")) options.bare_dollar_currency = args.Get("bare-dollar");
  auto quantities = QuantityRecognizer::Create(options);
  if (!quantities.ok()) {
    *io.err << "claimcheck quantities: " << quantities.status().message() << "\n";
    return kExitUsage;
  }
  auto times = TimeRecognizer::Create();
  if (!times.ok()) {
    *io.err << "claimcheck quantities: " << times.status().message() << "\n";
    return kExitUsage;
  }
  if (args.Has("jsonl")) return RunJsonl(args, io, **quantities, **times);
  std::string text;
  if (!args.positional().empty()) {
    text = absl::StrJoin(args.positional(), " ");
  } else {
    text.assign(std::istreambuf_iterator<char>(*io.in), std::istreambuf_iterator<char>());
  }
  std::optional<absl::CivilDay> reference;
  if (args.Has("reference-date")) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(args.Get("reference-date"), &day)) {
      *io.err << "claimcheck quantities: --reference-date wants YYYY-MM-DD, got \""
              << args.Get("reference-date") << "\"\n";
      return kExitUsage;
    }
    reference = day;
  }
  return RunText(text, reference, io, **quantities, **times);
}

}  // namespace

Command QuantitiesCommand() {
  return Command{
      "quantities",
      "list the quantities and time expressions found in text",
      "claimcheck quantities [TEXT] [--reference-date=YYYY-MM-DD] [--bare-dollar=USD] "
      "[--jsonl [--types=number,currency,...]]",
      "claimcheck quantities 'The fund committed nearly RMB 450 million in Q3 2025.'",
      {
          {"jsonl", false, "", "read {\"id\",\"input\",\"reference_time\"} lines from stdin, "
                               "write {\"id\",\"found\"} lines (conformance format)"},
          {"types", true, "", "with --jsonl: only these types (number, percentage, currency, "
                              "dimension, temperature, duration, datetime)"},
          {"bare-dollar", true, "", "currency a bare \"$\" stands for (default USD)"},
          {"reference-date", true, "", "resolve \"last year\" against this day (YYYY-MM-DD)"},
      },
      &RunQuantities,
  };
}

}  // namespace claimcheck
