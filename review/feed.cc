#include "review/feed.h"

#include <map>
#include <string>

namespace claimcheck {

std::vector<v1::FeedItem> BuildFeed(const v1::Report& report) {
  std::map<std::string, const v1::DocumentSummary*> documents;
  for (const v1::DocumentSummary& d : report.documents()) documents.emplace(d.id(), &d);
  // claim id -> findings / timeline points that name it, in report order.
  std::map<std::string, std::vector<const v1::Finding*>> findings;
  for (const v1::Finding& f : report.findings()) {
    for (const std::string& id : f.claim_ids()) findings[id].push_back(&f);
  }
  std::map<std::string, std::vector<const v1::TimelinePoint*>> points;
  for (const v1::Timeline& t : report.timelines()) {
    for (const v1::TimelinePoint& p : t.points()) {
      for (const std::string& id : p.claim_ids()) points[id].push_back(&p);
    }
  }
  std::vector<v1::FeedItem> feed;
  feed.reserve(static_cast<size_t>(report.claims_size()));
  for (const v1::Claim& claim : report.claims()) {
    v1::FeedItem item;
    *item.mutable_claim() = claim;
    auto doc = documents.find(claim.provenance().document_id());
    if (doc != documents.end()) {
      *item.mutable_document() = *doc->second;
    } else {
      v1::DocumentSummary* d = item.mutable_document();
      d->set_id(claim.provenance().document_id());
      d->set_uri(claim.provenance().uri());
      d->set_title(claim.provenance().title());
      *d->mutable_published() = claim.provenance().published();
    }
    for (const v1::Finding* f : findings[claim.id()]) *item.add_findings() = *f;
    for (const v1::TimelinePoint* p : points[claim.id()]) *item.add_timeline_points() = *p;
    feed.push_back(std::move(item));
  }
  return feed;
}

}  // namespace claimcheck
