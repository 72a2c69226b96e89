// Bylines: the title, author and publication date at the top of a plain-text article.
//
// Articles copied as text usually start with a headline, then a few short lines: "By
// Jane Doe", "Posted on September 3, 2023 1:20 pm", "Tuesday, Nov 4, 2025 4:39 am ET".
// Only the first lines are searched (up to kBylineLines lines within the first 4 KiB),
// and only short lines, so a date mentioned in the body ("on March 3, 2024 the fund...")
// is not taken for the publication date.
//
// Thread-safe: pure function.
#ifndef CLAIMCHECK_EXTRACT_READ_BYLINE_H_
#define CLAIMCHECK_EXTRACT_READ_BYLINE_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "extract/read/publication_date.h"

namespace claimcheck {

inline constexpr int kBylineLines = 12;

struct Byline {
  std::string title;   // the first line when it looks like a headline, else empty
  std::string author;  // from "By ...", "Author: ...", "Written by ...", else empty
  std::optional<FoundDate> date;  // offsets are into the searched text
};

// Finds the headline, author and date at the top of `text`. Fields not found stay empty.
Byline FindByline(absl::string_view text, const DateContext& context);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_BYLINE_H_
