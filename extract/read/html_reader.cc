#include "extract/read/html_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "extract/read/byline.h"
#include "extract/read/byte_words.h"
#include "extract/read/html_entities.h"
#include "extract/read/html_tags.h"
#include "extract/read/json_value.h"
#include "extract/read/plain_text_reader.h"

namespace claimcheck {
namespace {

constexpr std::array<bool, 256> MakeSpecial() {
  std::array<bool, 256> t{};
  t['<'] = t['&'] = t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecial();

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool NameIs(absl::string_view name, std::initializer_list<absl::string_view> list) {
  for (absl::string_view n : list) {
    if (name == n) return true;
  }
  return false;
}

std::string CollapseSpace(absl::string_view s) {
  // Written through a pointer into a string sized once (never longer than `s`): one
  // push_back per byte checks the capacity each time.
  std::string out(s.size(), '\0');
  char* const begin = &out[0];
  char* o = begin;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = o != begin;
      continue;
    }
    if (space) *o++ = ' ';
    space = false;
    *o++ = c;
  }
  out.resize(o - begin);
  return out;
}

struct Tag {
  char name[html_tags::kMaxTagName] = {};  // TagKey reads 8 bytes of it, whatever the name's length
  size_t name_len = 0;
  bool closing = false;
  bool self_closing = false;
  size_t end = 0;  // one past '>'
  static constexpr size_t kMaxAttrs = 12;
  std::pair<absl::string_view, absl::string_view> attrs[kMaxAttrs];  // (name, raw value)
  size_t attr_count = 0;
  // Ready for the next tag (the attribute slots are left as they are: attr_count says
  // how many hold this tag's).
  void Reset() {
    name_len = 0;
    closing = self_closing = false;
    end = 0;
    attr_count = 0;
  }
  absl::string_view Name() const { return absl::string_view(name, name_len); }
  // The raw value of the attribute named `n` (lower-case ASCII letters) in any case;
  // empty when there is none.
  absl::string_view Attr(absl::string_view n) const {
    for (size_t k = 0; k < attr_count; ++k) {
      if (IsNameInAnyCase(attrs[k].first, n)) return attrs[k].second;
    }
    return {};
  }

 private:
  // Whether `name` is `lower` (lower-case ASCII letters) in any case: a byte b is the
  // letter c in either case exactly when (b | 0x20) == c (only 'A'..'Z' and 'a'..'z'
  // map onto 'a'..'z').
  static bool IsNameInAnyCase(absl::string_view name, absl::string_view lower) {
    if (name.size() != lower.size()) return false;
    for (size_t k = 0; k < name.size(); ++k) {
      if ((name.data()[k] | 0x20) != lower.data()[k]) return false;
    }
    return true;
  }
};

class Scanner {
 public:
  Scanner(absl::string_view html, std::string* out, OffsetMap* map, HtmlMetadata* meta)
      : h_(html), out_(out), map_(map), meta_(meta) {}

  void Run() {
    out_->clear();
    out_->reserve(h_.size() / 2);
    const unsigned char* d = reinterpret_cast<const unsigned char*>(h_.data());
    const size_t n = h_.size();
    while (i_ < n) {
      // A run of text; a single space between words stays in the run (it would collapse
      // to itself anyway).
      // Whole blocks of 16 are skipped where they can be, the rest looked at up to 8 bytes
      // at a time.
      size_t run = i_;
      bool run_ended = false;
      while (run < n && !run_ended) {
        if (run > i_) run = SkipTextRun(h_.data(), run, n, kSpecial, [](const ByteBlock& b) {
          return b.Equal('<') | b.Equal('&') | b.Below(0x20);
        });
        const size_t stop = std::min(n, run + 8);
        while (run < stop) {
          unsigned char c = d[run];
          if (!kSpecial[c]) {
            ++run;
          } else if (c == ' ' && run > i_ && run + 1 < n && !kSpecial[d[run + 1]]) {
            run += 2;
          } else {
            run_ended = true;
            break;
          }
        }
      }
      if (run > i_) {
        EmitText(i_, run);
        i_ = run;
        continue;
      }
      char c = h_[i_];
      if (IsSpace(c)) {
        if (pre_depth_ > 0) {
          EmitText(i_, i_ + 1);
        } else if (!pending_space_) {
          pending_space_ = true;
          space_src_ = i_;
        }
        ++i_;
      } else if (c == '&') {
        decoded_.clear();
        size_t used = DecodeEntityAt(h_, i_, &decoded_);
        if (used == 0) {
          EmitText(i_, i_ + 1);
          ++i_;
        } else {
          EmitDecoded(decoded_, i_);
          i_ += used;
        }
      } else {
        HandleTag();
      }
    }
    while (!out_->empty() && (out_->back() == ' ' || out_->back() == '\n')) out_->pop_back();
  }

 private:
  void Flush(size_t src) {
    if (pending_break_ > 0) {
      if (!out_->empty()) {
        while (!out_->empty() && out_->back() == ' ') out_->pop_back();
        if (map_) map_->AddInexact(out_->size(), break_src_);
        out_->append(pending_break_ >= 2 ? "\n\n" : "\n");
        if (in_h1_) meta_->first_h1.push_back(' ');
      }
      pending_break_ = 0;
      pending_space_ = false;
      return;
    }
    if (pending_space_) {
      if (!out_->empty() && out_->back() != '\n' && out_->back() != ' ') {
        if (map_) map_->AddExact(out_->size(), space_src_);
        out_->push_back(' ');
        if (in_h1_) meta_->first_h1.push_back(' ');
      }
      pending_space_ = false;
    }
    (void)src;
  }

  void EmitText(size_t b, size_t e) {
    Flush(b);
    if (map_) map_->AddExact(out_->size(), b);
    out_->append(h_.data() + b, e - b);
    if (in_h1_) meta_->first_h1.append(h_.data() + b, e - b);
  }

  void EmitDecoded(absl::string_view bytes, size_t src) {
    Flush(src);
    if (map_) map_->AddInexact(out_->size(), src);
    out_->append(bytes.data(), bytes.size());
    if (in_h1_) meta_->first_h1.append(bytes.data(), bytes.size());
  }

  void Break(int level, size_t src) {
    if (level > pending_break_) {
      pending_break_ = level;
      break_src_ = src;
    }
  }

  // Parses the tag at i_ ('<') into *tag; false if it is not a tag (literal '<'). Reads
  // through a raw pointer: every string_view [] checks its bounds.
  bool ParseTag(Tag* tag) {
    const size_t n = h_.size();
    const char* const d = h_.data();
    size_t j = i_ + 1;
    if (j < n && d[j] == '/') {
      tag->closing = true;
      ++j;
    }
    size_t name_begin = j;
    for (char lower;
         j < n && (lower = html_tags::kTagNameBytes[static_cast<unsigned char>(d[j])]) != 0;
         ++j) {
      if (tag->name_len < sizeof(tag->name)) tag->name[tag->name_len++] = lower;
    }
    if (j == name_begin || !absl::ascii_isalpha(static_cast<unsigned char>(d[name_begin]))) {
      return false;
    }
    // Attributes.
    while (j < n && d[j] != '>') {
      if (IsSpace(d[j]) || d[j] == '/') {
        if (d[j] == '/' && j + 1 < n && d[j + 1] == '>') tag->self_closing = true;
        ++j;
        continue;
      }
      size_t an = j;
      while (j < n && !html_tags::kAttrNameEnds[static_cast<unsigned char>(d[j])]) ++j;
      absl::string_view attr_name(d + an, j - an);
      while (j < n && IsSpace(d[j])) ++j;
      absl::string_view value;
      if (j < n && d[j] == '=') {
        ++j;
        while (j < n && IsSpace(d[j])) ++j;
        if (j < n && (d[j] == '"' || d[j] == '\'')) {
          char q = d[j];
          size_t vb = ++j;
          const void* close = std::memchr(d + j, q, n - j);
          j = close ? static_cast<const char*>(close) - d : n;
          value = absl::string_view(d + vb, j - vb);
          if (j < n) ++j;
        } else {
          size_t vb = j;
          while (j < n && !IsSpace(d[j]) && d[j] != '>') ++j;
          value = absl::string_view(d + vb, j - vb);
        }
      }
      if (!tag->closing && !attr_name.empty() && tag->attr_count < Tag::kMaxAttrs) {
        tag->attrs[tag->attr_count++] = {attr_name, value};
      }
      if (an == j) ++j;  // a stray character: make progress
    }
    tag->end = j < n ? j + 1 : n;
    return true;
  }

  // Position of the "</name" that closes raw text starting at `from`, or h_.size().
  size_t FindRawClose(size_t from, absl::string_view name) const {
    size_t j = from;
    while (true) {
      const void* lt = std::memchr(h_.data() + j, '<', h_.size() - j);
      if (lt == nullptr) return h_.size();
      j = static_cast<const char*>(lt) - h_.data();
      if (j + 2 + name.size() <= h_.size() && h_[j + 1] == '/' &&
          absl::EqualsIgnoreCase(h_.substr(j + 2, name.size()), name)) {
        return j;
      }
      ++j;
      if (j >= h_.size()) return h_.size();
    }
  }

  // Skips the content of a non-raw element `name` up to its matching close tag, counting
  // nested elements of the same name. Returns the position after the close tag.
  size_t SkipElement(size_t from, absl::string_view name) const {
    int depth = 1;
    size_t j = from;
    const size_t n = h_.size();
    while (j < n) {
      const void* lt = std::memchr(h_.data() + j, '<', n - j);
      if (lt == nullptr) return n;
      j = static_cast<const char*>(lt) - h_.data();
      bool closing = j + 1 < n && h_[j + 1] == '/';
      size_t nb = j + (closing ? 2 : 1);
      if (nb + name.size() <= n && absl::EqualsIgnoreCase(h_.substr(nb, name.size()), name) &&
          (nb + name.size() == n ||
           !absl::ascii_isalnum(static_cast<unsigned char>(h_[nb + name.size()])))) {
        depth += closing ? -1 : 1;
        if (depth == 0) {
          const void* gt = std::memchr(h_.data() + nb, '>', n - nb);
          return gt ? static_cast<const char*>(gt) - h_.data() + 1 : n;
        }
      } else if (!closing && h_.substr(j, 4) == "<!--") {
        size_t e = h_.find("-->", j + 4);
        if (e == absl::string_view::npos) return n;
        j = e + 3;
        continue;
      }
      ++j;
    }
    return n;
  }

  void HandleTag() {
    const size_t n = h_.size();
    const char* const d = h_.data();  // unchecked reads: i_ < n here
    if (n - i_ >= 4 && std::memcmp(d + i_, "<!--", 4) == 0) {
      size_t e = h_.find("-->", i_ + 4);
      i_ = e == absl::string_view::npos ? n : e + 3;
      return;
    }
    if (i_ + 1 < n && (d[i_ + 1] == '!' || d[i_ + 1] == '?')) {
      const void* gt = std::memchr(h_.data() + i_, '>', n - i_);
      i_ = gt ? static_cast<const char*>(gt) - h_.data() + 1 : n;
      return;
    }
    // One Tag reused for every tag: its attribute slots are too many to clear each time.
    Tag& tag = tag_;
    tag.Reset();
    if (!ParseTag(&tag)) {
      EmitText(i_, i_ + 1);
      ++i_;
      return;
    }
    size_t tag_begin = i_;
    i_ = tag.end;
    absl::string_view name = tag.Name();
    const unsigned info = html_tags::TagInfo(tag.name, tag.name_len);
    if (tag.closing) {
      if (info & html_tags::kH1) in_h1_ = false;
      if ((info & html_tags::kPre) && pre_depth_ > 0) --pre_depth_;
      if (info & html_tags::kBlock) Break(2, tag_begin);
      if (info & html_tags::kRow) Break(1, tag_begin);
      if ((info & html_tags::kCell) && !pending_space_) {
        pending_space_ = true;
        space_src_ = tag_begin;
      }
      return;
    }
    if (info & html_tags::kMeta) {
      Meta(tag);
      return;
    }
    if ((info & html_tags::kTime) && meta_->time_datetime.empty()) {
      meta_->time_datetime = std::string(absl::StripAsciiWhitespace(tag.Attr("datetime")));
    }
    if (info & html_tags::kBr) {
      Break(1, tag_begin);
      return;
    }
    if (tag.self_closing) return;
    if (info & html_tags::kTitle) {
      size_t close = FindRawClose(i_, "title");
      if (meta_->title_element.empty()) {
        meta_->title_element = CollapseSpace(DecodeEntities(h_.substr(i_, close - i_)));
      }
      i_ = SkipCloseTag(close);
      return;
    }
    if (info & html_tags::kRawText) {
      size_t close = FindRawClose(i_, name);
      if ((info & html_tags::kScript) &&
          absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(tag.Attr("type")),
                                 "application/ld+json")) {
        JsonLd(h_.substr(i_, close - i_));
      }
      i_ = SkipCloseTag(close);
      return;
    }
    if (info & html_tags::kSkipped) {
      if (info & html_tags::kHead) return;  // head: only its title/meta/script matter
      i_ = SkipElement(i_, name);
      return;
    }
    // Elements whose end tag may be omitted (p, li, td...) are never skipped whole: an
    // unclosed one would swallow the text after it.
    if (!(info & html_tags::kNoFurnitureCheck) && tag.attr_count > 0 &&
        !(info & html_tags::kOptionalEnd) &&
        (html_tags::HasFurnitureWord(tag.Attr("class")) ||
         html_tags::HasFurnitureWord(tag.Attr("id")))) {
      if (!(info & html_tags::kVoid)) i_ = SkipElement(i_, name);
      return;
    }
    if ((info & html_tags::kH1) && meta_->first_h1.empty()) in_h1_ = true;
    if (info & html_tags::kPre) ++pre_depth_;
    if (info & html_tags::kBlock) {
      Break(2, tag_begin);
    } else if (info & html_tags::kRow) {
      Break(1, tag_begin);
    } else if ((info & html_tags::kCell) && !pending_space_) {
      pending_space_ = true;
      space_src_ = tag_begin;
    }
  }

  size_t SkipCloseTag(size_t close) const {
    if (close >= h_.size()) return h_.size();
    const void* gt = std::memchr(h_.data() + close, '>', h_.size() - close);
    return gt ? static_cast<const char*>(gt) - h_.data() + 1 : h_.size();
  }

  void Meta(const Tag& tag) {
    absl::string_view key = tag.Attr("property");
    if (key.empty()) key = tag.Attr("name");
    if (key.empty()) key = tag.Attr("itemprop");
    // The key in lower case, on the stack: no name below is longer than kLongestKey.
    constexpr size_t kLongestKey = 32;
    if (key.empty() || key.size() > kLongestKey) return;
    char lowered[kLongestKey];
    for (size_t j = 0; j < key.size(); ++j) {
      lowered[j] = absl::ascii_tolower(static_cast<unsigned char>(key[j]));
    }
    const absl::string_view k(lowered, key.size());
    absl::string_view raw = tag.Attr("content");
    if (raw.empty()) raw = tag.Attr("datetime");
    if (raw.empty()) return;
    // Which field the key names, before the value is decoded (most meta tags name none).
    enum class Field { kNone, kPublished, kTitle, kAuthor, kPublisher };
    Field field = Field::kNone;
    if (NameIs(k, {"article:published_time", "og:article:published_time", "datepublished",
                   "date", "citation_date", "citation_publication_date",
                   "citation_online_date", "dc.date", "dc.date.issued", "dcterms.date",
                   "dcterms.issued", "pubdate", "publish-date", "publish_date",
                   "sailthru.date", "parsely-pub-date", "article.published", "published_time",
                   "og:published_time"})) {
      field = Field::kPublished;
    } else if (NameIs(k, {"og:title", "twitter:title", "citation_title", "dc.title"})) {
      field = Field::kTitle;
    } else if (NameIs(k, {"author", "article:author", "citation_author", "dc.creator",
                          "parsely-author", "sailthru.author", "byl"})) {
      field = Field::kAuthor;
    } else if (NameIs(k, {"og:site_name", "citation_publisher", "dc.publisher"})) {
      field = Field::kPublisher;
    }
    if (field == Field::kNone) return;
    std::string value = CollapseSpace(DecodeEntities(raw));
    switch (field) {
      case Field::kPublished:
        // article:published_time wins over the looser names.
        if (meta_->meta_published.empty() || k == "article:published_time") {
          meta_->meta_published = value;
        }
        break;
      case Field::kTitle:
        if (meta_->meta_title.empty() || k == "og:title") meta_->meta_title = value;
        break;
      case Field::kAuthor:
        if (meta_->author.empty() && !absl::StartsWith(value, "http")) {
          meta_->author = std::string(absl::StripPrefix(value, "By "));
        }
        break;
      case Field::kPublisher:
        if (meta_->publisher.empty()) meta_->publisher = value;
        break;
      case Field::kNone:
        break;
    }
  }

  static bool IsArticleType(const JsonValue* type) {
    if (type == nullptr) return false;
    auto one = [](const JsonValue& t) {
      return t.is_string() &&
             NameIs(t.string_value(), {"NewsArticle", "Article", "BlogPosting", "Report",
                                       "ReportageNewsArticle", "AnalysisNewsArticle",
                                       "OpinionNewsArticle", "TechArticle"});
    };
    if (one(*type)) return true;
    if (type->is_array()) {
      for (const JsonValue& t : type->items()) {
        if (one(t)) return true;
      }
    }
    return false;
  }

  static std::string NameOf(const JsonValue* v) {
    if (v == nullptr) return "";
    if (v->is_string()) return std::string(v->string_value());
    if (v->is_array() && !v->items().empty()) return NameOf(&v->items()[0]);
    if (const JsonValue* name = v->FindString("name")) return std::string(name->string_value());
    return "";
  }

  void Article(const JsonValue& obj) {
    if (!obj.is_object() || !IsArticleType(obj.Find("@type"))) return;
    if (const JsonValue* h = obj.FindString("headline"); h && meta_->jsonld_headline.empty()) {
      meta_->jsonld_headline = CollapseSpace(DecodeEntities(h->string_value()));
    }
    if (const JsonValue* d = obj.FindString("datePublished"); d && meta_->jsonld_published.empty()) {
      meta_->jsonld_published = std::string(d->string_value());
    }
    if (meta_->author.empty()) meta_->author = NameOf(obj.Find("author"));
    if (meta_->publisher.empty()) meta_->publisher = NameOf(obj.Find("publisher"));
  }

  void JsonLd(absl::string_view json) {
    absl::StatusOr<JsonValue> v = ParseJson(json);
    if (!v.ok()) return;  // broken JSON-LD is common and harmless: the page still reads
    std::vector<const JsonValue*> todo = {&*v};
    for (size_t k = 0; k < todo.size() && k < 64; ++k) {
      const JsonValue* x = todo[k];
      if (x->is_array()) {
        for (const JsonValue& item : x->items()) todo.push_back(&item);
      } else if (x->is_object()) {
        Article(*x);
        if (const JsonValue* g = x->Find("@graph")) todo.push_back(g);
      }
    }
  }

  absl::string_view h_;
  std::string* out_;
  OffsetMap* map_;
  HtmlMetadata* meta_;
  size_t i_ = 0;
  bool pending_space_ = false;
  size_t space_src_ = 0;
  int pending_break_ = 0;
  size_t break_src_ = 0;
  int pre_depth_ = 0;
  bool in_h1_ = false;
  std::string decoded_;
  Tag tag_;  // the tag being handled
};

// Drops " | Site Name" or " - Site Name" from a <title>.
std::string StripSiteSuffix(std::string title, const std::string& site) {
  for (absl::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    size_t p = title.rfind(std::string(sep));
    if (p != std::string::npos && (site.empty() || title.substr(p + sep.size()) == site)) {
      title.resize(p);
      break;
    }
  }
  return title;
}

}  // namespace

void HtmlToText(absl::string_view html, std::string* text, OffsetMap* map,
                HtmlMetadata* meta) {
  Scanner(html, text, map, meta).Run();
}

void HtmlFragmentToText(absl::string_view html, std::string* text, OffsetMap* map) {
  HtmlMetadata unused;
  HtmlToText(html, text, map, &unused);
}

void ReadHtml(absl::string_view html, const OffsetMap& to_file, const DateContext& context,
              v1::Document* doc) {
  doc->set_format(v1::DOCUMENT_FORMAT_HTML);
  HtmlMetadata meta;
  thread_local OffsetMap local;  // text -> html; scratch kept from document to document
  local.Clear();
  HtmlToText(html, doc->mutable_text(), &local, &meta);
  local.AppendComposedTo(to_file, doc);

  std::string title = !meta.meta_title.empty()        ? meta.meta_title
                      : !meta.jsonld_headline.empty() ? meta.jsonld_headline
                      : !meta.first_h1.empty()        ? CollapseSpace(meta.first_h1)
                                                      : StripSiteSuffix(meta.title_element, meta.publisher);
  doc->set_title(title);
  if (!meta.author.empty()) doc->set_author(meta.author);
  if (!meta.publisher.empty()) doc->set_publisher(meta.publisher);

  DateContext ctx = context;
  ctx.china_text[0] = absl::string_view(doc->text()).substr(0, 8192);
  ctx.china_text[1] = title;
  for (const std::string* candidate :
       {&meta.meta_published, &meta.jsonld_published, &meta.time_datetime}) {
    if (candidate->empty()) continue;
    if (std::optional<v1::PublicationTime> t = ParsePublicationTime(*candidate, ctx)) {
      if (t->unresolved_relative() || !t->has_time()) continue;
      *doc->mutable_published() = std::move(*t);
      doc->mutable_published()->set_method(v1::DATE_METHOD_METADATA);
      return;
    }
  }
  Byline byline = FindByline(doc->text(), ctx);
  if (byline.date.has_value()) {
    *doc->mutable_published() = std::move(byline.date->time);
    if (doc->published().method() != v1::DATE_METHOD_RELATIVE) {
      doc->mutable_published()->set_method(v1::DATE_METHOD_BYLINE);
    }
  } else {
    MarkUndated(doc->mutable_published());
  }
  if (doc->author().empty() && !byline.author.empty()) doc->set_author(byline.author);
}

}  // namespace claimcheck
