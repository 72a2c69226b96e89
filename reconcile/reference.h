// Reference figures: trusted values a user supplies to check claims against.
//
// A reference file is JSON Lines, one figure per line:
//   {"entity": "SMIC", "metric": "revenue", "period": "2023", "value": 6.32e9,
//    "unit": "USD", "source": "SMIC annual report 2023"}
// with optional "qualifier" (matched against the subject's first qualifier). "period"
// uses the notation of claims/time_scope.h ParsePeriod ("2023", "2025-Q3", "2019..2021");
// empty or absent means the figure holds for any period. "unit" is an ISO currency code
// or a unit as claims spell it ("percent", "nm", "year").
//
// Every claim of the matching subject (entity, metric and qualifier compared as
// grouper.h keys) about the reference's period is expressed in the reference's unit;
// when the claim's interval excludes the reference value, it is a REFERENCE_MISMATCH.
// A claim with a stated period is held to the figure for exactly that period; an undated
// claim (the value as of its publication) to the figure whose period started last on or
// before its publication day: a fund registered with RMB 344 billion in 2024 is still
// that size in an undated 2025 article unless the file gives a later figure.
//
// Thread-safe after Parse: const methods only.
#ifndef CLAIMCHECK_RECONCILE_REFERENCE_H_
#define CLAIMCHECK_RECONCILE_REFERENCE_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claims/time_scope.h"
#include "proto/report.pb.h"
#include "reconcile/normalizer.h"
#include "reconcile/subject.h"

namespace claimcheck {

struct ReferenceFigure {
  std::string entity;
  std::string metric;
  std::string qualifier;
  std::string period;  // as written
  ScopeRange range;    // empty: any period
  double value = 0;
  std::string unit;    // canonical
  std::string source;
  std::string place;   // "file:line"
};

class ReferenceTable {
 public:
  // Parses JSON Lines text; `name` is used in errors. Returns InvalidArgument
  // "<name>:<line>: <why>" for a line that is not a JSON object, lacks entity, metric or
  // a numeric value, or has a period ParsePeriod rejects. Blank lines and lines starting
  // with '#' are skipped.
  static absl::StatusOr<ReferenceTable> Parse(absl::string_view jsonl, absl::string_view name);

  size_t size() const { return size_; }

  // Appends a REFERENCE_MISMATCH finding for each reference figure of this subject that
  // some of its claims contradict.
  void Check(const SubjectAnalysis& analysis, const Normalizer& normalizer,
             std::vector<v1::Finding>* findings) const;

 private:
  std::map<std::string, std::vector<ReferenceFigure>> by_key_;  // grouper key
  size_t size_ = 0;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_REFERENCE_H_
