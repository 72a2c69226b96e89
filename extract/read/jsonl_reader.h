// JSON items: JSON Lines files (and JSON arrays) of {url, title, published, text}.
//
// Each line of a JSON Lines file is one item; a line that is not valid JSON, or has no
// text, is reported to the sink as "<uri>:<line>" and the other lines are still read.
// Accepted field names: url (or uri, link), title, published (or date, datePublished,
// published_at, pubDate), author, and text (or content, body). Text that carries HTML
// markup is read by the HTML reader. The document text is the title, a blank line, then
// the text; item is "line N" (or "item [i]" in an array).
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_JSONL_READER_H_
#define CLAIMCHECK_EXTRACT_READ_JSONL_READER_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "extract/read/issue_sink.h"
#include "extract/read/json_value.h"
#include "extract/read/offset_map.h"
#include "extract/read/publication_date.h"
#include "proto/document.pb.h"

namespace claimcheck {

// True when `v` is an object with a string text/content/body field.
bool IsJsonItem(const JsonValue& v);

// Reads `item` (parsed from `json`, whose offsets become file offsets through `to_file`)
// into `*doc`. Returns InvalidArgument when the item has no text.
absl::Status ReadJsonItem(absl::string_view json, const JsonValue& item,
                          const OffsetMap& to_file, const DateContext& context,
                          v1::Document* doc);

// True when `text` looks like JSON Lines: at least two non-blank lines starting with '{'.
bool LooksLikeJsonLines(absl::string_view text);

// The first line of `text` that is not blank (whitespace only), without its line break;
// empty when there is none. ReadJsonLines's first item comes from it.
absl::string_view FirstJsonLine(absl::string_view text);

// Reads every line of `text` (file bytes mapped by `to_file`), calling `on_document` for
// each good item with `*doc`, cleared and filled (the caller's buffer, kept from item to
// item: `on_document` may move from it); bad lines go to `sink` as "<uri>:<line>".
// `first`, when not null, is ParseJson(FirstJsonLine(text)) already made by the caller
// (successful): that line is not parsed again.
void ReadJsonLines(absl::string_view text, const OffsetMap& to_file, const DateContext& context,
                   const std::string& uri, IssueSink* sink, v1::Document* doc,
                   const std::function<void(v1::Document&&)>& on_document,
                   const JsonValue* first = nullptr);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_JSONL_READER_H_
