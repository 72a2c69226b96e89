#include "review/claimreview.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "review/json_writer.h"

namespace claimcheck {
namespace {

bool IsWebUrl(absl::string_view url) {
  if (!absl::StartsWithIgnoreCase(url, "http://") && !absl::StartsWithIgnoreCase(url, "https://")) {
    return false;
  }
  for (char c : url) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '<' || c == '>') return false;
  }
  return true;
}

// `url` with spaces percent-encoded (JSON Lines items are named "url#line 3").
std::string UrlValue(absl::string_view url) { return absl::StrReplaceAll(url, {{" ", "%20"}}); }

// "www.example.com" from "https://www.example.com/a/b".
std::string HostOf(absl::string_view url) {
  size_t start = url.find("://");
  if (start == absl::string_view::npos) return "";
  url.remove_prefix(start + 3);
  return std::string(url.substr(0, url.find_first_of("/?#")));
}

// ISO 8601 at the precision the source gives: "2025", "2025-11", "2025-11-04" or a UTC
// instant "2025-11-04T09:39:00Z". Empty when the time is unknown.
std::string IsoDate(const v1::PublicationTime& published) {
  if (!published.has_time()) return "";
  absl::Time t = absl::FromUnixSeconds(published.time().seconds());
  switch (published.precision()) {
    case v1::TIME_PRECISION_YEAR:
      return absl::FormatTime("%Y", t, absl::UTCTimeZone());
    case v1::TIME_PRECISION_MONTH:
      return absl::FormatTime("%Y-%m", t, absl::UTCTimeZone());
    case v1::TIME_PRECISION_MINUTE:
    case v1::TIME_PRECISION_SECOND:
      return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
    default:
      return absl::FormatTime("%Y-%m-%d", t, absl::UTCTimeZone());
  }
}

// Sort key for "most recently published": unknown dates sort first.
int64_t PublishedSeconds(const v1::Claim& claim) {
  const auto& p = claim.provenance().published();
  return p.has_time() ? p.time().seconds() : INT64_MIN;
}

// The source's name for Claim.author: whom the text attributes the figure to, else the
// publishing site, else the document title.
std::string ClaimAuthor(const v1::Claim& claim) {
  const v1::Provenance& p = claim.provenance();
  if (!p.attribution().empty()) return p.attribution();
  if (IsWebUrl(p.uri())) return HostOf(p.uri());
  return p.title();
}

void WriteCreativeWork(const v1::Claim& claim, JsonWriter& w) {
  const v1::Provenance& p = claim.provenance();
  w.BeginObject();
  w.Member("@type", "CreativeWork");
  if (IsWebUrl(p.uri())) w.Member("url", UrlValue(p.uri()));
  w.Member("name", !p.title().empty() ? p.title() : p.uri());
  std::string date = IsoDate(p.published());
  if (!date.empty()) w.Member("datePublished", date);
  w.EndObject();
}

// The figure compared for `claim` in `finding` (the common unit), else its own value.
double ComparedFigure(const v1::Finding& finding, const v1::Claim& claim) {
  for (const v1::ComparedValue& v : finding.values()) {
    if (v.claim_id() == claim.id()) return v.value();
  }
  return claim.quantity().value();
}

// How far `v` is from `median`: on a log scale when both are positive (so a 1000x
// slip counts the same either way), else the absolute difference.
double Distance(double v, double median) {
  if (v > 0 && median > 0) return std::fabs(std::log(v / median));
  return std::fabs(v - median);
}

// The claim a ClaimReview is about: the outlier, i.e. the figure furthest from the
// median of the figures compared ("RMB 344 million" against three "RMB 344 billion");
// among equals (two sources disagreeing), the most recently published.
const v1::Claim* ReviewedClaim(const v1::Finding& finding,
                               const std::vector<const v1::Claim*>& claims) {
  std::vector<double> figures;
  for (const v1::Claim* c : claims) figures.push_back(ComparedFigure(finding, *c));
  std::vector<double> sorted = figures;
  std::sort(sorted.begin(), sorted.end());
  double median = sorted[sorted.size() / 2];
  if (sorted.size() % 2 == 0) median = (sorted[sorted.size() / 2 - 1] + median) / 2;
  const v1::Claim* best = claims.front();
  double best_distance = Distance(figures.front(), median);
  for (size_t i = 1; i < claims.size(); ++i) {
    double d = Distance(figures[i], median);
    const double kSame = 1e-9;
    if (d > best_distance + kSame ||
        (d > best_distance - kSame && PublishedSeconds(*claims[i]) > PublishedSeconds(*best))) {
      best = claims[i];
      best_distance = std::max(d, best_distance);
    }
  }
  return best;
}

int RatingValue(v1::Verdict verdict) {
  switch (verdict) {
    case v1::VERDICT_CONFIRMED:
      return 2;
    case v1::VERDICT_NEEDS_SOURCE:
      return 3;
    case v1::VERDICT_RESOLVED:
      return 4;
    default:
      return 5;
  }
}

std::string RatingText(const v1::Finding& finding) {
  switch (finding.review().verdict()) {
    case v1::VERDICT_CONFIRMED:
      return RatingLabel(finding.kind());
    case v1::VERDICT_NEEDS_SOURCE:
      return "Unverified: needs another source";
    case v1::VERDICT_RESOLVED:
      return "Corrected";
    default:
      return "Consistent on review";
  }
}

void WriteClaimReview(const v1::Finding& finding, const std::vector<const v1::Claim*>& claims,
                      const std::map<std::string, const v1::Claim*>& by_id,
                      const v1::Report& report, const ClaimReviewOptions& options,
                      JsonWriter& w) {
  const v1::Claim* reviewed = ReviewedClaim(finding, claims);
  // Where the same figure appears: claims of the finding stating the same value, plus
  // the first appearance the extractor linked, one per document, oldest first.
  std::vector<const v1::Claim*> appearances;
  auto add_appearance = [&](const v1::Claim* c) {
    for (const v1::Claim* a : appearances) {
      if (a->provenance().document_id() == c->provenance().document_id()) return;
    }
    appearances.push_back(c);
  };
  for (const v1::Claim* c : claims) {
    if (c->quantity().value() == reviewed->quantity().value() &&
        c->quantity().unit() == reviewed->quantity().unit()) {
      add_appearance(c);
    }
  }
  const v1::Claim* first = nullptr;
  for (const v1::Claim* c : appearances) {
    auto it = by_id.find(c->provenance().first_appearance_claim_id());
    if (c->provenance().is_quotation() && it != by_id.end()) add_appearance(it->second);
  }
  for (const v1::Claim* c : appearances) {
    if (first == nullptr || (PublishedSeconds(*c) < PublishedSeconds(*first) &&
                             PublishedSeconds(*c) != INT64_MIN)) {
      first = c;
    }
  }

  const v1::Review& review = finding.review();
  w.BeginObject();
  w.Member("@context", "https://schema.org");
  w.Member("@type", "ClaimReview");
  w.Member("url", absl::StrCat(options.review_url, "#finding-", finding.id()));
  w.Member("claimReviewed", SummarizeClaim(*reviewed));
  std::string date = review.has_time()
                         ? absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(review.time().seconds()),
                                            absl::UTCTimeZone())
                         : (report.has_generated()
                                ? absl::FormatTime(
                                      "%Y-%m-%d",
                                      absl::FromUnixSeconds(report.generated().seconds()),
                                      absl::UTCTimeZone())
                                : "");
  if (!date.empty()) w.Member("datePublished", date);
  w.Key("author");
  w.BeginObject();
  w.Member("@type", "Organization");
  w.Member("name", options.organization);
  if (IsWebUrl(options.organization_url)) w.Member("url", UrlValue(options.organization_url));
  w.EndObject();
  if (!review.reviewer().empty()) {
    w.Key("contributor");
    w.BeginObject();
    w.Member("@type", "Person");
    w.Member("name", review.reviewer());
    w.EndObject();
  }
  std::string body = finding.explanation();
  if (!review.note().empty()) absl::StrAppend(&body, body.empty() ? "" : " ", "Reviewer's note: ", review.note());
  if (!body.empty()) w.Member("reviewBody", body);

  w.Key("reviewRating");
  w.BeginObject();
  w.Member("@type", "Rating");
  w.Key("ratingValue");
  w.Number(RatingValue(review.verdict()));
  w.Key("bestRating");
  w.Number(5);
  w.Key("worstRating");
  w.Number(1);
  std::string label = RatingText(finding);
  w.Member("alternateName", label);
  w.Member("name", label);
  w.EndObject();

  w.Key("itemReviewed");
  w.BeginObject();
  w.Member("@type", "Claim");
  w.Key("author");
  w.BeginObject();
  w.Member("@type", "Organization");
  w.Member("name", ClaimAuthor(*reviewed));
  w.EndObject();
  std::string claim_date = IsoDate(reviewed->provenance().published());
  if (!claim_date.empty()) w.Member("datePublished", claim_date);
  w.Key("appearance");
  w.BeginArray();
  for (const v1::Claim* c : appearances) WriteCreativeWork(*c, w);
  w.EndArray();
  w.Key("firstAppearance");
  WriteCreativeWork(*first, w);
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string RatingLabel(v1::FindingKind kind) {
  switch (kind) {
    case v1::FINDING_KIND_CONTRADICTION:
      return "Contradicted by other sources";
    case v1::FINDING_KIND_SCALE_SLIP:
      return "Scale error";
    case v1::FINDING_KIND_UNIT_MISMATCH:
      return "Units do not match";
    case v1::FINDING_KIND_PERIOD_MISMATCH:
      return "Wrong period";
    case v1::FINDING_KIND_STALE_FIGURE:
      return "Outdated figure";
    case v1::FINDING_KIND_ARITHMETIC:
      return "Does not add up";
    case v1::FINDING_KIND_REFERENCE_MISMATCH:
      return "Disagrees with the reference figure";
    case v1::FINDING_KIND_SINGLE_SOURCE:
      return "Single source only";
    default:
      return "Disputed";
  }
}

std::string SummarizeClaim(const v1::Claim& claim) {
  const v1::Subject& s = claim.subject();
  std::string entity = !s.entity().empty() ? s.entity() : s.entity_as_written();
  std::string metric = absl::StrReplaceAll(
      !s.metric().empty() ? s.metric() : s.metric_as_written(), {{"_", " "}});
  std::string out = absl::StrJoin({entity, metric}, " ");
  std::vector<std::string> qualifiers;
  for (const v1::Qualifier& q : s.qualifiers()) qualifiers.push_back(q.value());
  if (!qualifiers.empty()) absl::StrAppend(&out, " (", absl::StrJoin(qualifiers, ", "), ")");
  const v1::TimeScope& scope = claim.scope();
  // A period taken from the publication date is not part of what the source claimed.
  if (!scope.inferred()) {
    if (!scope.text().empty()) {
      absl::StrAppend(&out, " ", scope.text());
    } else if (!scope.start().empty() && !scope.end().empty()) {
      absl::StrAppend(&out, " ", scope.start(), " to ", scope.end());
    }
  }
  std::string figure =
      !claim.quantity().text().empty() ? claim.quantity().text() : "(figure not quoted)";
  out = std::string(absl::StripAsciiWhitespace(out));
  return out.empty() ? figure : absl::StrCat(out, ": ", figure);
}

std::string ClaimReviewJsonLd(const v1::Report& report, const ClaimReviewOptions& options) {
  std::map<std::string, const v1::Claim*> by_id;
  for (const v1::Claim& c : report.claims()) by_id.emplace(c.id(), &c);
  JsonWriter w;
  w.BeginArray();
  for (const v1::Finding& finding : report.findings()) {
    if (finding.status() != v1::REVIEW_STATUS_REVIEWED) continue;
    if (finding.review().verdict() == v1::VERDICT_UNSPECIFIED) continue;
    std::vector<const v1::Claim*> claims;
    for (const std::string& id : finding.claim_ids()) {
      auto it = by_id.find(id);
      if (it != by_id.end()) claims.push_back(it->second);
    }
    if (claims.empty()) continue;
    WriteClaimReview(finding, claims, by_id, report, options, w);
  }
  w.EndArray();
  return w.text() + "\n";
}

}  // namespace claimcheck
