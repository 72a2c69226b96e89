// Arithmetic: growth rates that do not fit the levels they connect.
//
// "Revenue rose 45% in 2024 to $8.03 billion" implies 2023 revenue of about $5.54
// billion; when other claims give 2023 revenue as $6.32 billion the figures do not add
// up. The check links a growth subject to its level subject by a naming convention:
//
//   a subject whose metric is "<base>_growth" (unit percent, a stated period [S, E))
//   pairs with the subject of the same entity and qualifiers whose metric is "<base>"
//   ("revenue_growth" with "revenue", "capacity_growth" with "capacity").
//
// The growth period's endpoints are level periods of equal length, shorter than the
// growth period, one starting at S and one ending at E: for "2023..2024", the years 2023
// and 2024; for "2023-Q3..2024-Q3", the quarters 2023-Q3 and 2024-Q3. When several
// lengths fit, the longest is used. The implied growth is computed from the two levels'
// intervals, (L1 / L0 - 1) x 100 with the extreme ratios as its ends, and compared with
// the stated growth's interval: no overlap is an ARITHMETIC finding on the growth
// subject. "down 13%" must be given as -13.
//
// Parts and totals: a subject with qualifiers ("Big Fund III|capital_contribution|
// ministry of finance") is a part of the subject with the same entity and metric and no
// qualifiers (its total). For each period the total states, the parts' lower bounds for
// the same period (identical stated range, or both undated) are summed; a sum above the
// total's upper bound is an ARITHMETIC finding on the total. Parts in another unit than
// the total are left out.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_RECONCILE_ARITHMETIC_H_
#define CLAIMCHECK_RECONCILE_ARITHMETIC_H_

#include <optional>
#include <string>
#include <vector>

#include "proto/report.pb.h"
#include "reconcile/subject.h"

namespace claimcheck {

// For a growth subject ("<base>_growth"), the key of its level subject as
// BuildSubjectKey would make it (entity|base|qualifiers). nullopt otherwise.
std::optional<std::string> LevelSubjectKey(const v1::Subject& subject);

// Checks every stated-period percent cluster of `growth` against the levels in `level`,
// appending ARITHMETIC findings (keyed on the growth subject) to *findings.
void CheckGrowth(const SubjectAnalysis& growth, const SubjectAnalysis& level,
                 std::vector<v1::Finding>* findings);

// For a subject with qualifiers, the key of its total (BuildSubjectKey without the
// qualifiers). nullopt for a subject without qualifiers.
std::optional<std::string> TotalSubjectKey(const v1::Subject& subject);

// Compares the parts (subjects whose TotalSubjectKey is total's key) with the total,
// appending ARITHMETIC findings keyed on the total subject.
void CheckParts(const SubjectAnalysis& total, const std::vector<const SubjectAnalysis*>& parts,
                std::vector<v1::Finding>* findings);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_ARITHMETIC_H_
