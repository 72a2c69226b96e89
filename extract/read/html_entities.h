// HTML character references: named (&amp; &rsquo; &nbsp; ...), decimal (&#8217;) and
// hexadecimal (&#x2019;).
//
// Numeric references follow the HTML standard's repairs: 0, surrogates and values above
// U+10FFFF become U+FFFD, and 0x80-0x9F are read as Windows-1252 (&#146; is ’). Named
// references cover the entities that occur in news and blog markup (a few hundred would
// be the full list; unknown names are left as written). The semicolon may be missing
// after the oldest names (&amp &lt &gt &quot &nbsp), as browsers allow.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_HTML_ENTITIES_H_
#define CLAIMCHECK_EXTRACT_READ_HTML_ENTITIES_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

// If text[i] ('&') starts a character reference, appends its UTF-8 to `*out` and returns
// the number of bytes it spans; returns 0 (and appends nothing) otherwise.
size_t DecodeEntityAt(absl::string_view text, size_t i, std::string* out);

// `text` with every character reference decoded (attribute values, titles).
std::string DecodeEntities(absl::string_view text);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_HTML_ENTITIES_H_
