// The fast path of ParsePublicationTime (publication_date.h) for the ISO 8601 / RFC 3339
// forms feeds and pages write most: "2025-11-04", "2025-11-04T09:39", "2025-11-04T09:39:00",
// each time optionally followed by "Z", "+08", "+08:00" or "-0500".
//
// It reads those bytes directly, with no tokenizing, and gives exactly what the general
// parser gives for them. Anything else (other separators, one-digit fields, fractions of
// a second, lower-case 't'/'z', an impossible date, an out-of-range time or offset) is
// left to the general parser: the fast path then returns nullopt.
//
// Thread-safe: a pure function.
#ifndef CLAIMCHECK_EXTRACT_READ_ISO_DATE_H_
#define CLAIMCHECK_EXTRACT_READ_ISO_DATE_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "proto/document.pb.h"

namespace claimcheck {

// Parses `s` (already trimmed, lead-in words removed) when the whole of it is one of the
// forms above: the time is UTC, the precision DAY, MINUTE or SECOND, `surface` is `s`,
// `zone` and `method` stay unset. Sets *zone_assumed (when not null) to whether a clock
// time came without "Z" or an offset. Returns nullopt, leaving *zone_assumed alone, for
// anything else.
std::optional<v1::PublicationTime> ParseIsoPublicationTime(absl::string_view s,
                                                           bool* zone_assumed);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_ISO_DATE_H_
