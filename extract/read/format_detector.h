// Format detection by content.
//
// Users keep articles under any name ("004.txt" holding WordPress JSON), so the format is
// read from the bytes: JSON (a WordPress post, an array of posts or items, or JSON Lines)
// starts with '{' or '['; HTML starts with a tag and names an HTML element early on; a
// forum thread pasted as text shows member-rank lines ("Registered Member") or quote
// markers ("X said:" ... "Click to expand..."); anything else is plain text. The file
// extension only breaks ties. Binary files are recognised so they can be skipped.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_FORMAT_DETECTOR_H_
#define CLAIMCHECK_EXTRACT_READ_FORMAT_DETECTOR_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace claimcheck {

enum class DetectedFormat { kPlainText, kHtml, kJson, kForumThread };

// Why `bytes` look binary ("NUL bytes", "PDF", "PNG image", "many control bytes"), or
// nullopt for text. Looks at the first 8 KiB only.
std::optional<std::string> WhyBinary(absl::string_view bytes);

// The format of `text` (valid UTF-8, not empty); `name` is the file name or uri.
DetectedFormat DetectFormat(absl::string_view text, absl::string_view name);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_FORMAT_DETECTOR_H_
