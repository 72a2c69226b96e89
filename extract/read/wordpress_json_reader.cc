#include "extract/read/wordpress_json_reader.h"

#include <utility>

#include "extract/read/html_reader.h"
#include "extract/read/plain_text_reader.h"

namespace claimcheck {

bool IsWordPressPost(const JsonValue& v) {
  if (!v.is_object()) return false;
  const JsonValue* content = v.FindPath({"content", "rendered"});
  const JsonValue* title = v.FindPath({"title", "rendered"});
  return (content != nullptr && content->is_string()) || (title != nullptr && title->is_string());
}

void AppendHtmlFromJsonString(absl::string_view json, const JsonValue& value, bool is_html,
                              std::string* text, OffsetMap* map) {
  // The decoded string, the text of its HTML and their maps are scratch, kept from call
  // to call (one set per thread): no new buffers for every field of every item.
  struct Scratch {
    std::string storage;
    OffsetMap string_map;  // decoded -> json
    std::string plain;
    OffsetMap html_map;  // plain -> decoded
    OffsetMap composed;  // plain -> json
  };
  thread_local Scratch scratch;
  scratch.string_map.Clear();
  const absl::string_view decoded =
      DecodeStringViewWithMap(json, value, &scratch.storage, &scratch.string_map);
  size_t base = text->size();
  if (!is_html) {
    map->Append(scratch.string_map, base);
    text->append(decoded.data(), decoded.size());
    return;
  }
  scratch.html_map.Clear();
  HtmlFragmentToText(decoded, &scratch.plain, &scratch.html_map);
  scratch.html_map.ComposeInto(scratch.string_map, &scratch.composed);
  map->Append(scratch.composed, base);
  text->append(scratch.plain);
}

void ReadWordPressPost(absl::string_view json, const JsonValue& post, const OffsetMap& to_file,
                       const DateContext& context, v1::Document* doc) {
  doc->set_format(v1::DOCUMENT_FORMAT_WORDPRESS_JSON);
  std::string* text = doc->mutable_text();
  thread_local OffsetMap local;  // text -> json; scratch kept from post to post
  local.Clear();
  if (const JsonValue* title = post.FindPath({"title", "rendered"}); title && title->is_string()) {
    AppendHtmlFromJsonString(json, *title, true, text, &local);
    doc->set_title(*text);
  }
  if (const JsonValue* body = post.FindPath({"content", "rendered"}); body && body->is_string()) {
    if (!text->empty()) {
      local.AddInexact(text->size(), body->begin());
      text->append("\n\n");
    }
    AppendHtmlFromJsonString(json, *body, true, text, &local);
  }
  local.AppendComposedTo(to_file, doc);

  for (std::initializer_list<absl::string_view> path :
       {std::initializer_list<absl::string_view>{"author_meta", "display_name"},
        std::initializer_list<absl::string_view>{"yoast_head_json", "author"}}) {
    const JsonValue* a = post.FindPath(path);
    if (a != nullptr && a->is_string() && !a->string_value().empty()) {
      doc->set_author(std::string(a->string_value()));
      break;
    }
  }
  if (doc->author().empty()) {
    const JsonValue* authors = post.FindPath({"_embedded", "author"});
    if (authors != nullptr && authors->is_array() && !authors->items().empty()) {
      if (const JsonValue* name = authors->items()[0].FindString("name")) {
        doc->set_author(std::string(name->string_value()));
      }
    }
  }
  if (const JsonValue* site = post.FindPath({"yoast_head_json", "og_site_name"});
      site && site->is_string()) {
    doc->set_publisher(std::string(site->string_value()));
  }

  DateContext ctx = context;
  ctx.china_text[0] = absl::string_view(*text).substr(0, 8192);
  const JsonValue* gmt = post.FindString("date_gmt");
  const JsonValue* local_date = post.FindString("date");
  if (gmt != nullptr) {
    if (auto t = ParsePublicationTime(gmt->string_value(), ctx); t && t->has_time()) {
      *doc->mutable_published() = std::move(*t);
      doc->mutable_published()->set_method(v1::DATE_METHOD_METADATA);
      doc->mutable_published()->set_zone("");
      return;
    }
  }
  if (local_date != nullptr) {
    if (auto t = ParsePublicationTime(local_date->string_value(), ctx); t && t->has_time()) {
      *doc->mutable_published() = std::move(*t);
      doc->mutable_published()->set_method(v1::DATE_METHOD_METADATA);
      doc->add_warnings(
          "only the site-local \"date\" is given (no date_gmt); its zone is unknown, read as UTC");
      return;
    }
  }
  MarkUndated(doc->mutable_published());
}

}  // namespace claimcheck
