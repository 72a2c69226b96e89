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

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_ARITHMETIC_H_
