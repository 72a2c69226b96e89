#include "extract/read/plain_text_reader.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "extract/read/byline.h"

namespace claimcheck {

void MarkUndated(v1::PublicationTime* published) {
  published->Clear();
  published->set_method(v1::DATE_METHOD_UNKNOWN);
}

namespace {

// Everything but the text itself, which `doc` already holds.
void ReadHeader(const OffsetMap& to_file, const DateContext& context, v1::Document* doc) {
  doc->set_format(v1::DOCUMENT_FORMAT_PLAIN_TEXT);
  to_file.AppendTo(doc);
  absl::string_view text = doc->text();
  DateContext ctx = context;
  ctx.china_text[0] = text.substr(0, 8192);
  Byline byline = FindByline(text, ctx);
  if (!byline.title.empty()) doc->set_title(byline.title);
  if (!byline.author.empty()) doc->set_author(byline.author);
  if (byline.date.has_value()) {
    *doc->mutable_published() = std::move(byline.date->time);
    if (doc->published().method() != v1::DATE_METHOD_RELATIVE) {
      doc->mutable_published()->set_method(v1::DATE_METHOD_BYLINE);
    }
    if (byline.date->zone_assumed) {
      doc->add_warnings(absl::StrCat("byline time \"", doc->published().surface(),
                                     "\" gives no time zone; read as UTC"));
    }
  } else {
    MarkUndated(doc->mutable_published());
  }
}

}  // namespace

void ReadPlainText(absl::string_view text, const OffsetMap& to_file,
                   const DateContext& context, v1::Document* doc) {
  doc->mutable_text()->assign(text.data(), text.size());
  ReadHeader(to_file, context, doc);
}

void ReadOwnedPlainText(std::string&& text, const OffsetMap& to_file, const DateContext& context,
                        v1::Document* doc) {
  doc->set_text(std::move(text));
  ReadHeader(to_file, context, doc);
}

}  // namespace claimcheck
