// HTML pages: visible article text, title, author and publication date.
//
// A hand-written scanner (no regexes, no DOM) walks the markup once. Script, style,
// template, svg, iframe, nav, aside and footer content and comments are dropped, and so
// are elements whose class or id names page furniture (cookie banners, share bars,
// related links, comment sections, newsletter boxes, adverts); block
// elements (p, div, h1-h6, li, blockquote, section, article, table rows...) become
// paragraph breaks ("\n\n"), <br> a line break, other runs of whitespace one space; all
// character references are decoded (html_entities.h). Every text byte maps back to the
// input through an OffsetMap. Nesting depth costs nothing (no recursion).
//
// Metadata comes from <meta> (article:published_time, og:title, og:site_name, author,
// date, citation_date, dc.date, ...), <title>, the first <h1>, the first <time datetime>
// and JSON-LD (<script type="application/ld+json">) objects of @type NewsArticle,
// Article, BlogPosting or Report (headline, datePublished, author, publisher).
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_READ_HTML_READER_H_
#define CLAIMCHECK_EXTRACT_READ_HTML_READER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "extract/read/offset_map.h"
#include "extract/read/publication_date.h"
#include "proto/document.pb.h"

namespace claimcheck {

struct HtmlMetadata {
  std::string meta_title;      // og:title, twitter:title, citation_title, dc.title
  std::string jsonld_headline;
  std::string title_element;   // <title>
  std::string first_h1;
  std::string author;          // meta author / JSON-LD author name
  std::string publisher;       // og:site_name / JSON-LD publisher name
  std::string meta_published;  // article:published_time and friends, as written
  std::string jsonld_published;
  std::string time_datetime;   // first <time datetime="...">
};

// Writes the visible text of `html` to `*text` (replacing it) and runs from text offsets
// to `html` offsets to `*map`; fills `*meta`. Never fails: broken markup is read as well
// as it can be (an unclosed tag ends the text).
void HtmlToText(absl::string_view html, std::string* text, OffsetMap* map, HtmlMetadata* meta);

// Reads an HTML page into `*doc`: text, title, author, publisher, published (metadata,
// else a byline in the text, else unknown), format and offset_map (through `to_file`).
void ReadHtml(absl::string_view html, const OffsetMap& to_file, const DateContext& context,
              v1::Document* doc);

// Reads an HTML fragment (a WordPress content.rendered body) into text and map only.
void HtmlFragmentToText(absl::string_view html, std::string* text, OffsetMap* map);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_HTML_READER_H_
