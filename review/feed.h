// The export feed: every claim of a report with its document, the findings that involve
// it (with review status and verdict) and the timeline points it supports, as
// v1::FeedItem records (proto/feed.proto), in the report's claim order.
//
// Written by `claimcheck export --format=jsonl|binpb` with claims/record_stream.h, so a
// downstream program needs only the .proto files to read it. Pure function; thread-safe.
#ifndef CLAIMCHECK_REVIEW_FEED_H_
#define CLAIMCHECK_REVIEW_FEED_H_

#include <vector>

#include "proto/feed.pb.h"
#include "proto/report.pb.h"

namespace claimcheck {

// One FeedItem per claim of `report`. A claim whose document is not in
// report.documents() gets a DocumentSummary built from its provenance.
std::vector<v1::FeedItem> BuildFeed(const v1::Report& report);

}  // namespace claimcheck

#endif  // CLAIMCHECK_REVIEW_FEED_H_
