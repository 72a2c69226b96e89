#include "cli/html_checker.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

bool IsVoid(const std::string& tag) {
  static const std::set<std::string>* kVoid = new std::set<std::string>{
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
      "track", "wbr"};
  return kVoid->count(tag) > 0;
}

absl::Status Error(size_t at, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("byte ", at, ": ", what));
}

bool IsNameChar(char c) { return absl::ascii_isalnum(c) || c == '-' || c == ':' || c == '_'; }

}  // namespace

absl::Status CheckHtmlWellFormed(absl::string_view html, std::vector<std::string>* elements) {
  std::vector<std::pair<std::string, size_t>> open;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '>') return Error(i, "stray '>' in text");
    if (html[i] != '<') {
      ++i;
      continue;
    }
    size_t start = i;
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      if (end == absl::string_view::npos) return Error(i, "unterminated comment");
      i = end + 3;
      continue;
    }
    if (html.substr(i, 2) == "<!") {
      size_t end = html.find('>', i);
      if (end == absl::string_view::npos) return Error(i, "unterminated doctype");
      i = end + 1;
      continue;
    }
    bool closing = html.substr(i, 2) == "</";
    i += closing ? 2 : 1;
    size_t name_start = i;
    while (i < html.size() && IsNameChar(html[i])) ++i;
    if (i == name_start) return Error(start, "'<' that does not start a tag (unescaped text?)");
    std::string name = absl::AsciiStrToLower(html.substr(name_start, i - name_start));
    bool self_closed = false;
    // Attributes.
    while (true) {
      while (i < html.size() && absl::ascii_isspace(html[i])) ++i;
      if (i >= html.size()) return Error(start, "unterminated tag");
      if (html[i] == '>') {
        ++i;
        break;
      }
      if (html.substr(i, 2) == "/>") {
        self_closed = true;
        i += 2;
        break;
      }
      if (closing) return Error(i, "attributes in an end tag");
      size_t attr_start = i;
      while (i < html.size() && IsNameChar(html[i])) ++i;
      if (i == attr_start) return Error(i, "bad attribute name");
      if (i < html.size() && html[i] == '=') {
        ++i;
        if (i >= html.size() || (html[i] != '"' && html[i] != '\'')) {
          return Error(i, "unquoted attribute value");
        }
        char q = html[i];
        size_t end = html.find(q, i + 1);
        if (end == absl::string_view::npos) return Error(i, "unterminated attribute value");
        absl::string_view value = html.substr(i + 1, end - i - 1);
        if (value.find('<') != absl::string_view::npos) return Error(i, "'<' in attribute value");
        i = end + 1;
      }
    }
    if (closing) {
      if (open.empty()) return Error(start, absl::StrCat("</", name, "> with nothing open"));
      if (open.back().first != name) {
        return Error(start, absl::StrCat("</", name, "> closes <", open.back().first,
                                         "> opened at byte ", open.back().second));
      }
      open.pop_back();
      continue;
    }
    if (elements != nullptr) elements->push_back(name);
    if (self_closed || IsVoid(name)) continue;
    if (name == "style" || name == "script") {
      std::string end_tag = absl::StrCat("</", name, ">");
      size_t end = html.find(end_tag, i);
      if (end == absl::string_view::npos) return Error(start, absl::StrCat("unterminated <", name, ">"));
      i = end + end_tag.size();
      continue;
    }
    open.push_back({name, start});
  }
  if (!open.empty()) {
    return Error(open.back().second, absl::StrCat("<", open.back().first, "> never closed"));
  }
  return absl::OkStatus();
}

}  // namespace claimcheck
