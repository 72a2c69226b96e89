// Checks on one subject: the findings that need only that subject's claims.
//
//   * CheckAgreement: claims about the same period (identical stated ranges, or both
//     undated and published within a year of each other) whose intervals do not
//     overlap. The cluster with the most independent sources is the reference; each
//     other cluster is a SCALE_SLIP when it differs from the reference by a factor near
//     10^3, 10^6 or 10^9 (tolerance.h), else a CONTRADICTION. Before that, an undated
//     claim that repeats the value of an older stated period after other sources had
//     published a different value for a later period is a STALE_FIGURE (and is not
//     also reported as a contradiction): "most advanced process is still 14nm"
//     published in 2025, when 7nm had been reported for 2022 and 14nm was the 2019
//     value.
//   * CheckUnits: claims about the same period whose units cannot be converted into the
//     subject's unit (percent against percentage points, money against a count):
//     UNIT_MISMATCH.
//   * CheckPeriods: the same additive figure (money, a count) given for two different
//     but nested or overlapping periods, such as a half-year's revenue presented as the
//     second quarter's: PERIOD_MISMATCH. Rates and levels (percentages, process nodes)
//     may legitimately hold over nested periods and are not checked.
//   * CheckSingleSource: figures stated by several documents (or quoted) that all go
//     back to one independent source: SINGLE_SOURCE (informational).
// Changes between different periods are not findings: they are timeline points.
//
// Thread-safe: pure functions over the analysis.
#ifndef CLAIMCHECK_RECONCILE_CHECKS_H_
#define CLAIMCHECK_RECONCILE_CHECKS_H_

#include <vector>

#include "proto/report.pb.h"
#include "reconcile/subject.h"

namespace claimcheck {

void CheckAgreement(const SubjectAnalysis& analysis, std::vector<v1::Finding>* findings);
void CheckUnits(const SubjectAnalysis& analysis, std::vector<v1::Finding>* findings);
void CheckPeriods(const SubjectAnalysis& analysis, std::vector<v1::Finding>* findings);
void CheckSingleSource(const SubjectAnalysis& analysis, std::vector<v1::Finding>* findings);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_CHECKS_H_
