// The HTML report: one self-contained page a reviewer opens in any browser, offline.
//
// The page has no scripts, fonts, images or links to load: CSS is inline, charts are
// inline SVG, and a Content-Security-Policy meta tag forbids scripts and network access
// outright. It reads on a phone as on a laptop (one column below 700px, the figures of
// a finding side by side above).
//
// Contents: a summary (documents, claims, subjects, findings by kind, open findings);
// findings ordered by severity, each with the figures compared side by side (value,
// source title linked when it is an http(s) URL, date, the quoted sentence with the
// figure highlighted), the explanation, and the review status, verdict and note; a
// timeline per subject with two or more points (SVG chart and table); the documents; the
// problems met while reading.
//
// Every string that comes from a document or a reviewer is HTML-escaped, in text and in
// attributes; only http:// and https:// URLs become links (a "javascript:" URI is shown
// as text). Each finding has the anchor "finding-<id>", which ClaimReview urls point to.
#ifndef CLAIMCHECK_CLI_HTML_REPORT_H_
#define CLAIMCHECK_CLI_HTML_REPORT_H_

#include <string>

#include "proto/report.pb.h"

namespace claimcheck {

// The complete page for `report`. Pure function; thread-safe.
std::string RenderHtmlReport(const v1::Report& report);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_HTML_REPORT_H_
