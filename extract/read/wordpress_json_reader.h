// WordPress REST API posts (/wp-json/wp/v2/posts): JSON with HTML inside.
//
// A post carries title.rendered and content.rendered (HTML with entities, read by the
// HTML reader), link, date_gmt (UTC) and date (the site's local time, zone unknown), and
// the author when embedded (author_meta.display_name, _embedded.author[0].name,
// yoast_head_json.author). Everything else (ids, guid, class_list, _links, meta) is
// metadata and never reaches the text. The text is the title, a blank line, then the
// body; the offset map leads each byte through the HTML and the JSON string escapes back
// to the file.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_WORDPRESS_JSON_READER_H_
#define CLAIMCHECK_EXTRACT_READ_WORDPRESS_JSON_READER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/read/json_value.h"
#include "extract/read/offset_map.h"
#include "extract/read/publication_date.h"
#include "proto/document.pb.h"

namespace claimcheck {

// True when `v` is an object with content.rendered or title.rendered.
bool IsWordPressPost(const JsonValue& v);

// Reads `post` (parsed from `json`, whose bytes map to the file through `to_file`) into
// `*doc`. Problems that do not stop the read ("only the site-local date is given") are
// added to doc->warnings.
void ReadWordPressPost(absl::string_view json, const JsonValue& post, const OffsetMap& to_file,
                       const DateContext& context, v1::Document* doc);

// Appends the text of the HTML in JSON string `value` to `*text`, with runs from text
// offsets to `json` offsets added to `*map`. Shared with the JSON Lines reader.
void AppendHtmlFromJsonString(absl::string_view json, const JsonValue& value, bool is_html,
                              std::string* text, OffsetMap* map);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_WORDPRESS_JSON_READER_H_
