// Timeline: how a subject's figure moved over time.
//
// Figures for different periods are not in conflict; they are the subject's history.
// Each cluster of agreeing claims about one period (subject.h) becomes one point:
// its value and interval, every claim that states it, the independent documents behind
// it (copies counted once), and the first claim that published it. Undated figures are
// points as of their first publication day.
//
// Points are ordered by period start (undated: first publication), then by first
// publication. Each point's change (absolute and percent) is measured from the previous
// point of the same kind: same unit, same period length (a quarter from the previous
// quarter, a year from the previous year, undated from undated) and both actual or both
// forecast, and about an earlier period (two values for one period are a disagreement,
// not a change). A point with no such predecessor has no change.
//
// Thread-safe: pure function.
#ifndef CLAIMCHECK_RECONCILE_TIMELINE_H_
#define CLAIMCHECK_RECONCILE_TIMELINE_H_

#include "proto/report.pb.h"
#include "reconcile/subject.h"

namespace claimcheck {

// The timeline of one analysed subject. Empty points when the subject has no items.
v1::Timeline BuildTimeline(const SubjectAnalysis& analysis);

// The same, built in *timeline (normally empty: the subject is overwritten and the points
// are appended), so that a report on an arena gets its timelines on that arena without
// a copy.
void BuildTimeline(const SubjectAnalysis& analysis, v1::Timeline* timeline);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_TIMELINE_H_
