// ClaimReview export: reviewed findings as schema.org ClaimReview JSON-LD, the markup
// fact-checkers publish so search engines and fact-check tools can pick up a verdict.
//
// One ClaimReview per finding whose status is REVIEWED (a verdict on exactly the
// evidence in the report; REOPENED findings are left out because their verdict was on
// other evidence). The reviewed claim is the finding's outlier: the figure furthest
// from the median of the figures compared (the "RMB 344 million" among "RMB 344
// billion"s), and among equals the most recently published. Fields follow Google's fact-check
// structured-data documentation:
//   required     claimReviewed (a short summary of the claim, no rating in it),
//                reviewRating.alternateName, url;
//   recommended  author (an Organization), datePublished, itemReviewed (a Claim with
//                author, datePublished, appearance, firstAppearance), reviewRating
//                ratingValue / bestRating / worstRating / name.
//
// Rating scale (worstRating 1, bestRating 5), by verdict:
//   confirmed    2  the finding's own label: "Contradicted by other sources",
//                   "Scale error", "Outdated figure", ... (see RatingLabel)
//   needs-source 3  "Unverified: needs another source"
//   resolved     4  "Corrected"
//   dismissed    5  "Consistent on review"
//
// Pure functions: no I/O, thread-safe.
#ifndef CLAIMCHECK_REVIEW_CLAIMREVIEW_H_
#define CLAIMCHECK_REVIEW_CLAIMREVIEW_H_

#include <string>

#include "proto/report.pb.h"

namespace claimcheck {

struct ClaimReviewOptions {
  // The page hosting the full review; each ClaimReview's url is
  // "<review_url>#finding-<id>", which is the anchor the HTML report gives each finding.
  // Google wants an absolute URL on the publishing site; the default suits a report
  // published as report.html next to the markup.
  std::string review_url = "report.html";
  // The organization publishing the reviews (ClaimReview.author).
  std::string organization = "claimcheck user";
  // Its home page, when given (author.url). Only http(s) URLs are written.
  std::string organization_url;
};

// The rating text for a confirmed finding of `kind` ("Contradicted by other sources").
std::string RatingLabel(v1::FindingKind kind);

// A JSON array of ClaimReview objects (each with "@context": "https://schema.org"), in
// the report's finding order; "[]" when nothing is reviewed. Claims are looked up in
// report.claims() by id; a finding whose claims are all missing is skipped.
std::string ClaimReviewJsonLd(const v1::Report& report, const ClaimReviewOptions& options);

// The short claim summary used as claimReviewed, e.g.
// "Big Fund III investment (Piotech Jianke), Q3 2025: RMB 450 million".
std::string SummarizeClaim(const v1::Claim& claim);

}  // namespace claimcheck

#endif  // CLAIMCHECK_REVIEW_CLAIMREVIEW_H_
