// Publication dates: from the ways sites write them to a UTC instant with precision.
//
// Understands ISO 8601 ("2023-09-03T11:20:00", "2024-05-27", "2025-11-04T09:39:00-05:00"),
// written dates with an optional weekday, clock time and zone ("Tuesday, Nov 4, 2025
// 4:39 am ET", "September 3, 2023 1:20 pm", "3 September 2023"), and relative expressions
// ("Yesterday at 10:42 PM", "Today at 9:05", "Saturday at 3:14 PM", "3 years ago",
// "2 days ago", "last week").
//
// Zone abbreviations resolve through IANA zones of Howard Hinnant's tz library, so
// daylight saving is applied by date: ET/EST/EDT -> America/New_York, PT -> America/
// Los_Angeles, CT -> America/Chicago, CST -> Asia/Shanghai when the context says China
// (else America/Chicago), HKT -> Asia/Hong_Kong, SGT -> Asia/Singapore, and a few more;
// GMT, UTC and Z are UTC. A time without a zone is taken as UTC with `zone` empty.
//
// Relative expressions resolve only against DateContext::reference_date, never against
// the clock; without it the result has unresolved_relative = true and no time.
//
// Thread-safe: pure functions (the tz database is loaded once, thread-safely).
#ifndef CLAIMCHECK_EXTRACT_READ_PUBLICATION_DATE_H_
#define CLAIMCHECK_EXTRACT_READ_PUBLICATION_DATE_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/document.pb.h"

namespace claimcheck {

struct DateContext {
  // Resolves relative expressions; unset leaves them unresolved.
  std::optional<absl::CivilDay> reference_date;
  // The document is about China: "CST" means China Standard Time (UTC+8).
  bool china_context = false;
  // Text that makes the document about China, as china_context does, when it mentions
  // China (MentionsChina): up to two pieces (a page's text and its title; empty pieces
  // say nothing). Looked at only when a date names "CST", which most documents never do,
  // so a reader need not scan its document for the question. The viewed text must outlive
  // the parsing.
  absl::string_view china_text[2];
};

// A date found inside a longer text.
struct FoundDate {
  size_t begin;  // byte offsets of the expression in the searched text, [begin, end)
  size_t end;
  // `method` is DATE_METHOD_RELATIVE for a relative expression and left UNSPECIFIED
  // otherwise: the caller knows where an absolute date came from.
  v1::PublicationTime time;
  // A clock time was given without a zone or offset and was read as UTC.
  bool zone_assumed = false;
};

// Parses `text` when the whole of it (surrounding space and a leading "Posted on",
// "Published", "Updated" aside) is one date expression. Returns nullopt otherwise, or
// when the date is impossible (Feb 30). `surface` is set to the trimmed text; `method`
// as for FoundDate::time.
// When `zone_assumed` is not null it is set to whether a clock time came without a zone
// or offset (and was read as UTC).
std::optional<v1::PublicationTime> ParsePublicationTime(absl::string_view text,
                                                        const DateContext& context,
                                                        bool* zone_assumed = nullptr);

// ParsePublicationTime without its fast path for the plain ISO 8601 forms (iso_date.h):
// the general parser alone, with the same contract. For tests of the fast path.
std::optional<v1::PublicationTime> ParsePublicationTimeGeneral(absl::string_view text,
                                                               const DateContext& context,
                                                               bool* zone_assumed = nullptr);

// Finds the first date expression with at least a day, month and year (or a relative
// one) in `line` (a byline such as "By Jane Doe | Nov 4, 2025 4:39 am ET2min read").
std::optional<FoundDate> FindDateInLine(absl::string_view line, const DateContext& context);

// True when `text` mentions China (China, Chinese, Beijing, Shanghai, Shenzhen, PRC, Hong
// Kong) and so "CST" there most likely means China Standard Time.
bool MentionsChina(absl::string_view text);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_PUBLICATION_DATE_H_
