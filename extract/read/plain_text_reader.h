// Plain-text articles: the text as written, with headline, author and byline date.
//
// The text is kept byte for byte (it is already valid UTF-8 when it gets here), so the
// offset map is the one that leads the repaired text back to the file. The publication
// time comes from a byline near the top (byline.h); without one the document says it is
// undated (DATE_METHOD_UNKNOWN, no time).
//
// Thread-safe: pure function.
#ifndef CLAIMCHECK_EXTRACT_READ_PLAIN_TEXT_READER_H_
#define CLAIMCHECK_EXTRACT_READ_PLAIN_TEXT_READER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "extract/read/offset_map.h"
#include "extract/read/publication_date.h"
#include "proto/document.pb.h"

namespace claimcheck {

// Fills text, title, author, format, published and offset_map of `*doc` from `text`
// (valid UTF-8) whose bytes map to the file through `to_file`. Leaves id and uri alone.
void ReadPlainText(absl::string_view text, const OffsetMap& to_file,
                   const DateContext& context, v1::Document* doc);

// The same, taking over `text` (valid UTF-8) instead of copying it.
void ReadOwnedPlainText(std::string&& text, const OffsetMap& to_file, const DateContext& context,
                        v1::Document* doc);

// Sets `*published` to "no date known": DATE_METHOD_UNKNOWN, no time.
void MarkUndated(v1::PublicationTime* published);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_PLAIN_TEXT_READER_H_
