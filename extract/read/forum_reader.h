// Forum threads pasted as text: posts with their author and date, and quotations.
//
// A thread copied from a forum page is a run of posts, each opened by a header of short
// lines: the poster's name, rank lines ("Registered Member", "Super Moderator",
// "Lieutenant General") and a date ("Nov 14, 2025", "3 days ago", "Yesterday at 10:42
// PM"). Replies quote earlier posts between "<name> said:" and "Click to expand...".
// The reader keeps the thread title and the post bodies as the text (headers, quote
// markers and page furniture such as "Not open for further replies." are left out; the
// offset map still leads every text byte to the file), records each post's range,
// author and date, and marks as quotations both explicit quote blocks and any passage
// that repeats earlier text of the thread (quotation_finder.h).
//
// The document's publication time is that of the first post with a resolved date, else
// the first unresolved relative one, else unknown.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_FORUM_READER_H_
#define CLAIMCHECK_EXTRACT_READ_FORUM_READER_H_

#include "absl/strings/string_view.h"
#include "extract/read/offset_map.h"
#include "extract/read/publication_date.h"
#include "proto/document.pb.h"

namespace claimcheck {

// True for a member-rank line: at most 4 words ending in a rank word ("Registered
// Member", "Staff member", "Super Moderator", "VIP Professional").
bool IsForumRankLine(absl::string_view line);

// True when `text` reads like a pasted forum thread: at least two rank lines, or a
// "<name> said:" line together with a "Click to expand..." line (first 64 KiB only).
bool LooksLikeForumThread(absl::string_view text);

// Fills text, title, format, posts, quotations, published, offset_map and id of `*doc`
// from `text` (valid UTF-8) whose bytes map to the file through `to_file`.
void ReadForumThread(absl::string_view text, const OffsetMap& to_file,
                     const DateContext& context, v1::Document* doc);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_FORUM_READER_H_
