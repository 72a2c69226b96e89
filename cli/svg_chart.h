// Timeline charts: one subject's figure over time as an inline SVG, for the HTML report.
//
// x is time (each point drawn at the middle of its period, with a thin line spanning the
// period); y is the figure in the timeline's unit, on a logarithmic axis when the values
// span more than a factor of 50 (a scale slip would otherwise flatten everything else).
// Each point shows its interval as a vertical bar, and one small marker per source
// document behind it. Figures that findings on the same subject flag (contradictions,
// scale slips, ...) are drawn as red crosses at the value the source gave; points
// involved in a finding get a red ring. Axes carry tick labels and the unit.
//
// Every piece of text (titles, tooltips) is HTML-escaped. Pure function; thread-safe.
#ifndef CLAIMCHECK_CLI_SVG_CHART_H_
#define CLAIMCHECK_CLI_SVG_CHART_H_

#include <map>
#include <string>
#include <vector>

#include "proto/report.pb.h"

namespace claimcheck {

// The <svg> element for `timeline`, or "" when fewer than two points have a usable
// period and value. `claims` resolves claim ids (report claims); `findings` are the
// report's findings (only those on the timeline's subject key are drawn).
std::string RenderTimelineSvg(const v1::Timeline& timeline,
                              const std::map<std::string, const v1::Claim*>& claims,
                              const std::vector<const v1::Finding*>& findings);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_SVG_CHART_H_
