#include "extract/read/jsonl_reader.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/read/byte_words.h"
#include "extract/read/plain_text_reader.h"
#include "extract/read/wordpress_json_reader.h"

namespace claimcheck {
namespace {

const JsonValue* FirstString(const JsonValue& obj, std::initializer_list<absl::string_view> keys) {
  for (absl::string_view k : keys) {
    if (const JsonValue* v = obj.FindString(k)) return v;
  }
  return nullptr;
}

bool LooksLikeHtml(absl::string_view s) {
  // Each '<' compared with the tags ("</p>", "<br", "</div>", "<p>").
  for (size_t lt = FindByte(s, '<', 0); lt != absl::string_view::npos;
       lt = FindByte(s, '<', lt + 1)) {
    const absl::string_view at = s.substr(lt);
    if (absl::StartsWith(at, "</p>") || absl::StartsWith(at, "<br") ||
        absl::StartsWith(at, "</div>") || absl::StartsWith(at, "<p>")) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsJsonItem(const JsonValue& v) {
  return v.is_object() && FirstString(v, {"text", "content", "body"}) != nullptr;
}

absl::Status ReadJsonItem(absl::string_view json, const JsonValue& item,
                          const OffsetMap& to_file, const DateContext& context,
                          v1::Document* doc) {
  const JsonValue* body = FirstString(item, {"text", "content", "body"});
  if (body == nullptr) return absl::InvalidArgumentError("item has no \"text\" field");
  doc->set_format(v1::DOCUMENT_FORMAT_JSON_LINES);
  std::string* text = doc->mutable_text();
  thread_local OffsetMap local;  // text -> json; scratch kept from item to item
  local.Clear();
  if (const JsonValue* title = FirstString(item, {"title", "headline"})) {
    AppendHtmlFromJsonString(json, *title, LooksLikeHtml(title->string_value()), text, &local);
    doc->set_title(*text);
    if (!text->empty()) {
      local.AddInexact(text->size(), body->begin());
      text->append("\n\n");
    }
  }
  AppendHtmlFromJsonString(json, *body, LooksLikeHtml(body->string_value()), text, &local);
  local.AppendComposedTo(to_file, doc);
  if (const JsonValue* url = FirstString(item, {"url", "uri", "link"})) {
    doc->set_uri(std::string(url->string_value()));
  }
  if (const JsonValue* author = FirstString(item, {"author", "byline"})) {
    doc->set_author(std::string(author->string_value()));
  }
  if (const JsonValue* publisher = FirstString(item, {"publisher", "source", "site"})) {
    doc->set_publisher(std::string(publisher->string_value()));
  }
  DateContext ctx = context;
  ctx.china_text[0] = absl::string_view(*text).substr(0, 8192);
  const JsonValue* date =
      FirstString(item, {"published", "date", "datePublished", "published_at", "pubDate"});
  if (date != nullptr) {
    bool zone_assumed = false;
    if (auto t = ParsePublicationTime(date->string_value(), ctx, &zone_assumed)) {
      *doc->mutable_published() = std::move(*t);
      if (zone_assumed) {
        doc->add_warnings(absl::StrCat("published time \"", date->string_value(),
                                       "\" gives no time zone; read as UTC"));
      }
      if (doc->published().method() != v1::DATE_METHOD_RELATIVE) {
        doc->mutable_published()->set_method(v1::DATE_METHOD_METADATA);
      }
      return absl::OkStatus();
    }
    doc->add_warnings(absl::StrCat("unreadable date \"", date->string_value(), "\""));
  }
  MarkUndated(doc->mutable_published());
  return absl::OkStatus();
}

bool LooksLikeJsonLines(absl::string_view text) {
  int objects = 0;
  size_t pos = 0;
  while (pos < text.size() && objects < 2) {
    size_t nl = FindByte(text, '\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    absl::string_view line = absl::StripLeadingAsciiWhitespace(text.substr(pos, nl - pos));
    if (!line.empty()) {
      if (line[0] != '{') return false;
      ++objects;
    }
    pos = nl + 1;
  }
  return objects >= 2;
}

absl::string_view FirstJsonLine(absl::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = FindByte(text, '\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    const absl::string_view line = text.substr(pos, nl - pos);
    if (!absl::StripAsciiWhitespace(line).empty()) return line;
    pos = nl + 1;
  }
  return {};
}

void ReadJsonLines(absl::string_view text, const OffsetMap& to_file, const DateContext& context,
                   const std::string& uri, IssueSink* sink, v1::Document* doc,
                   const std::function<void(v1::Document&&)>& on_document,
                   const JsonValue* first) {
  size_t pos = 0;
  int line_no = 0;
  OffsetMap line_map, line_to_file;  // line offsets -> file offsets (memory kept)
  while (pos < text.size()) {
    size_t nl = FindByte(text, '\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    ++line_no;
    absl::string_view line = text.substr(pos, nl - pos);
    size_t line_begin = pos;
    pos = nl + 1;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    auto place = [&] { return absl::StrCat(uri, ":", line_no); };  // for reports only
    // The first line that is not blank may come parsed (FirstJsonLine); every other line
    // is parsed here.
    absl::StatusOr<JsonValue> parsed;
    const JsonValue* v = first;
    first = nullptr;
    if (v == nullptr) {
      size_t error_at = 0;
      parsed = ParseJson(line, &error_at);
      if (!parsed.ok()) {
        sink->Report(place(), absl::StrCat("bad JSON line skipped: column ", error_at + 1, ": ",
                                         parsed.status().message().substr(
                                             parsed.status().message().find(": ") + 2)));
        continue;
      }
      v = &*parsed;
    }
    line_map.Clear();
    line_map.AddExact(0, line_begin);
    line_map.ComposeInto(to_file, &line_to_file);
    doc->Clear();
    doc->set_item(absl::StrCat("line ", line_no));
    absl::Status s = IsWordPressPost(*v)
                         ? (ReadWordPressPost(line, *v, line_to_file, context, doc), absl::OkStatus())
                         : ReadJsonItem(line, *v, line_to_file, context, doc);
    if (!s.ok()) {
      sink->Report(place(), absl::StrCat(s.message(), ", skipped"));
      continue;
    }
    on_document(std::move(*doc));
  }
}

}  // namespace claimcheck
