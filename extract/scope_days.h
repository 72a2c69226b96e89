// Scope days: the "YYYY-MM-DD" days periods are written with, read and written without
// the time-zone formatter, and the publication day (UTC) they are measured from. Shared
// by the period rules (extract/period.h, extract/implicit_periods.h).
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_SCOPE_DAYS_H_
#define CLAIMCHECK_EXTRACT_SCOPE_DAYS_H_

#include <string>

#include "absl/time/civil_time.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"

namespace claimcheck {

// Reads a day written "YYYY-MM-DD" (or, more loosely, "Y-M-D") into *day; false (and *day
// untouched) when `s` is not one.
bool ParseDay(const std::string& s, absl::CivilDay* day);

// `day` as "YYYY-MM-DD" ("%04d-%02d-%02d" for years outside 0..9999).
std::string FormatDay(absl::CivilDay day);

// The UTC day of the publication time (which must have a time).
absl::CivilDay PublicationDay(const v1::PublicationTime& published);

// True when `s` has a start and is not left unresolved.
inline bool Resolved(const v1::TimeScope& s) { return !s.unresolved() && !s.start().empty(); }

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_SCOPE_DAYS_H_
