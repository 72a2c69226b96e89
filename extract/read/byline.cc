#include "extract/read/byline.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "extract/read/byte_words.h"

namespace claimcheck {
namespace {

constexpr size_t kHeaderBytes = 4096;
constexpr size_t kMaxBylineLength = 200;
constexpr size_t kMaxTitleLength = 200;

bool EndsLikeSentence(absl::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == ',' || line.back() == ';');
}

// "Jane Doe", "Jane Q. Doe and John Roe": up to 8 words, each starting uppercase or a
// connector.
bool LooksLikeName(absl::string_view s) {
  if (s.empty() || s.size() > 80) return false;
  size_t words = 0;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    size_t e = i + 1;
    while (e < s.size() && s[e] != ' ') ++e;
    const absl::string_view w = s.substr(i, e - i);
    i = e;
    if (++words > 8) return false;
    if (w == "and" || w == "&" || w == "de" || w == "van" || w == "von") continue;
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return false;
  }
  return words > 0;
}

std::string AuthorFrom(absl::string_view line) {
  // Every lead-in starts with B, b, W, P, A or R: most lines stop here.
  if (line.empty()) return "";
  switch (line[0]) {
    case 'B': case 'b': case 'W': case 'P': case 'A': case 'R':
      break;
    default:
      return "";
  }
  for (absl::string_view lead : {"By ", "by ", "BY ", "Written by ", "Posted by ", "Author: ",
                                 "Authors: ", "Author ", "Reporting by ", "Reported by "}) {
    if (!absl::StartsWith(line, lead)) continue;
    absl::string_view rest = line.substr(lead.size());
    // Cut at a separator before a date or a role ("Jane Doe | Reuters", "Jane Doe, 3 min").
    size_t cut = rest.find_first_of("|,;\xE2\xC2");
    size_t editing = rest.find(" and editing");
    if (editing < cut) cut = editing;
    if (cut != absl::string_view::npos) rest = rest.substr(0, cut);
    size_t on = rest.find(" on ");
    if (on != absl::string_view::npos) rest = rest.substr(0, on);
    rest = absl::StripAsciiWhitespace(rest);
    if (LooksLikeName(rest)) return std::string(rest);
  }
  return "";
}

}  // namespace

Byline FindByline(absl::string_view text, const DateContext& context) {
  Byline out;
  absl::string_view head = text.substr(0, kHeaderBytes);
  size_t pos = 0;
  int lines_seen = 0;
  bool first = true;
  while (pos < head.size() && lines_seen < kBylineLines) {
    size_t nl = FindByte(head, '\n', pos);
    if (nl == absl::string_view::npos) nl = head.size();
    absl::string_view raw = head.substr(pos, nl - pos);
    size_t line_begin = pos;
    pos = nl + 1;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty()) continue;
    ++lines_seen;
    if (first) {
      first = false;
      if (line.size() <= kMaxTitleLength && !EndsLikeSentence(line)) {
        out.title = std::string(line);
        continue;
      }
    }
    if (line.size() > kMaxBylineLength) continue;  // a paragraph, not a byline
    if (out.author.empty()) out.author = AuthorFrom(line);
    if (!out.date.has_value()) {
      if (std::optional<FoundDate> d = FindDateInLine(raw, context)) {
        d->begin += line_begin;
        d->end += line_begin;
        out.date = std::move(d);
      }
    }
    if (out.date.has_value() && !out.author.empty()) break;
  }
  return out;
}

}  // namespace claimcheck
