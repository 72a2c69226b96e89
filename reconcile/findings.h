// Findings: how a finding is named, identified and explained.
//
// Identity (the review ledger relies on both; see also reconciler.h):
//   * Finding.id    = Fingerprinter over (FindingKind name, subject key, the finding's
//     claim ids sorted). The same evidence gives the same id on every run and machine;
//     any new or removed claim in the finding gives a new id.
//   * Finding.topic = Fingerprinter over (FindingKind name, subject key, period label).
//     It names the question ("is Big Fund II's 2019 size consistent?") rather than the
//     evidence, so it survives new evidence: a review of an earlier id with the same
//     topic marks the new finding REOPENED instead of losing it.
// Period labels are FormatRange's ("2019", "2025-Q3", "undated"); a finding comparing
// two periods uses "A vs B".
//
// Explanations are one paragraph naming, for every claim, the figure as written, the
// source title and address, the publication day, the quoted sentence, and the number it
// was compared as (with the exchange rate and year when converted).
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_RECONCILE_FINDINGS_H_
#define CLAIMCHECK_RECONCILE_FINDINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/report.pb.h"
#include "reconcile/subject.h"

namespace claimcheck {

// "contradiction", "scale_slip", "unit_mismatch", "period_mismatch", "stale_figure",
// "arithmetic", "reference_mismatch", "single_source"; "unspecified" for 0.
std::string FindingKindShortName(v1::FindingKind kind);

// The inverse of FindingKindShortName (also accepting the full enum name and '-' for '_').
// Returns nullopt for an unknown name.
std::optional<v1::FindingKind> FindingKindFromName(absl::string_view name);

// A value for people: "CNY 344 billion", "60%", "3 percentage points", "7 nm",
// "884,250 wafer". Six significant digits at most.
std::string FormatAmount(double value, absl::string_view unit);

// "CNY 343.5 billion to 344.5 billion", "at least USD 20 billion", "60%" for a point.
std::string FormatInterval(const Interval& interval, absl::string_view unit);

// One claim for an explanation: "\"RMB 344 billion\" in \"Title\" (uri, published
// 2024-05-27): \"quoted sentence\"", followed by the conversion when there was one.
std::string DescribeItem(const Item& item);

// A human name for the subject: "Big Fund II fund size" (+ " (recipient: X)").
std::string SubjectName(const v1::Subject& subject);

// Builds a finding over `items` (indices into analysis.items): sets id and topic as
// above, kind, severity, subject, the sorted claim ids, one ComparedValue per item, the
// explanation, and status OPEN.
v1::Finding MakeFinding(v1::FindingKind kind, v1::Severity severity,
                        const SubjectAnalysis& analysis, absl::string_view period_label,
                        const std::vector<int>& items, std::string explanation);

// True when any of the items is hedged as an estimate, rumour or forecast.
bool AnyHedged(const SubjectAnalysis& analysis, const std::vector<int>& items);

// Lowers a severity by one step, not below LOW.
v1::Severity Downgrade(v1::Severity severity);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_FINDINGS_H_
