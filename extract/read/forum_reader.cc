#include "extract/read/forum_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "extract/read/byte_words.h"
#include "extract/read/plain_text_reader.h"
#include "extract/read/quotation_finder.h"
#include "extract/read/text_normalizer.h"

namespace claimcheck {
namespace {

constexpr size_t kMaxHeaderLineBytes = 48;

enum class Kind { kBlank, kText, kRank, kDate, kSaid, kExpand, kFurniture };

struct Line {
  size_t begin;  // trimmed line, offsets into the thread text
  size_t end;
  Kind kind;
  size_t date;  // for kDate: index into the dates Classify fills
};

// Words separated by spaces (runs of spaces count once).
size_t WordCount(absl::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

bool IsSaidLine(absl::string_view line) {
  return line.size() <= 80 && (absl::EndsWith(line, " said:") || absl::EndsWith(line, " wrote:") ||
                               absl::StartsWith(line, "Originally Posted by ") ||
                               absl::StartsWith(line, "Quote from "));
}

bool IsExpandLine(absl::string_view line) {
  return line == "Click to expand..." || line == "Click to expand\xE2\x80\xA6" ||
         line == "Click to shrink...";
}

// Page furniture: lines that are not anyone's words.
bool IsFurniture(absl::string_view line) {
  if (line == "Not open for further replies." || line == "Last edited:" ||
      absl::StartsWith(line, "Last edited by") || absl::StartsWith(line, "Please, Log in or Register") ||
      absl::StartsWith(line, "Please Log in or Register") || line == "Reply" || line == "Like" ||
      line == "Report" || line == "Quote" || line == "Share" || line == "Reactions:" ||
      line == "Bookmark") {
    return true;
  }
  // "Page 41 of 58", "#12".
  if (absl::StartsWith(line, "Page ") && absl::StrContains(line, " of ") && line.size() < 20) {
    return true;
  }
  if (line.size() > 1 && line.size() < 8 && line[0] == '#') {
    for (size_t k = 1; k < line.size(); ++k) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(line[k]))) return false;
    }
    return true;
  }
  return false;
}

// A short line without sentence punctuation: a user name or a custom title.
bool IsNameLike(absl::string_view line) {
  if (line.empty() || line.size() > kMaxHeaderLineBytes || WordCount(line) > 3) return false;
  char last = line.back();
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ',';
}

// The lines of `text`; the dates of kDate lines go to `*dates` (kept apart: a line is
// then a few words, cheap to move as the vector grows).
std::vector<Line> Classify(absl::string_view text, const DateContext& ctx,
                           std::vector<v1::PublicationTime>* dates) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 32 + 1);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = FindByte(text, '\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    size_t b = pos;
    size_t e = nl;
    while (b < e && absl::ascii_isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && absl::ascii_isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    absl::string_view line = text.substr(b, e - b);
    Line l{b, e, Kind::kText, 0};
    if (line.empty()) {
      l.kind = Kind::kBlank;
    } else if (IsExpandLine(line)) {
      l.kind = Kind::kExpand;
    } else if (IsSaidLine(line)) {
      l.kind = Kind::kSaid;
    } else if (IsFurniture(line)) {
      l.kind = Kind::kFurniture;
    } else if (IsForumRankLine(line)) {
      l.kind = Kind::kRank;
    } else if (line.size() <= 60) {
      if (std::optional<v1::PublicationTime> t = ParsePublicationTime(line, ctx)) {
        l.kind = Kind::kDate;
        l.date = dates->size();
        dates->push_back(std::move(*t));
      }
    }
    lines.push_back(l);
    if (nl >= text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

struct Header {
  size_t first;  // line index of the header's first line
  size_t last;   // one past its last line
  std::string author;
  const v1::PublicationTime* date = nullptr;  // of its first date line, if any
};

// Post headers: a rank line, with name-like lines just above it, and rank/date lines
// (blank lines allowed between them) after it.
std::vector<Header> FindHeaders(absl::string_view text, const std::vector<Line>& lines,
                                const std::vector<v1::PublicationTime>& dates) {
  std::vector<Header> headers;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].kind != Kind::kRank) {
      ++i;
      continue;
    }
    Header h;
    size_t first = i;
    size_t floor = headers.empty() ? 0 : headers.back().last;
    while (first > floor && i - first < 2 && lines[first - 1].kind == Kind::kText &&
           IsNameLike(text.substr(lines[first - 1].begin,
                                  lines[first - 1].end - lines[first - 1].begin))) {
      --first;
    }
    // A name line must open the header: blank line or page furniture above it.
    if (first < i && first > 0 && lines[first - 1].kind != Kind::kBlank &&
        lines[first - 1].kind != Kind::kFurniture) {
      first = i;
    }
    if (first < i) {
      h.author = std::string(text.substr(lines[first].begin, lines[first].end - lines[first].begin));
    }
    size_t j = i + 1;
    while (j < lines.size()) {
      Kind k = lines[j].kind;
      if (k == Kind::kRank || k == Kind::kFurniture) {
        ++j;
      } else if (k == Kind::kDate) {
        if (h.date == nullptr) h.date = &dates[lines[j].date];
        ++j;
      } else if (k == Kind::kBlank && j + 1 < lines.size() &&
                 (lines[j + 1].kind == Kind::kRank || lines[j + 1].kind == Kind::kDate)) {
        ++j;
      } else {
        break;
      }
    }
    h.first = first;
    h.last = j;
    headers.push_back(std::move(h));
    i = j;
  }
  return headers;
}

}  // namespace

namespace {

// The last words of forum rank lines ("Senior Member", "Moderator"), in lower case.
constexpr absl::string_view kRankWords[] = {
    "member", "moderator", "administrator", "admin", "staff", "general", "colonel",
    "major", "captain", "lieutenant", "sergeant", "professional", "contributor", "poster",
    "veteran", "newbie", "guest", "banned", "enthusiast", "regular"};
constexpr size_t kLongestRankWord = 13;

// For each lower-case first letter, the lengths (bits) of the rank words it starts: a
// word whose first letter and length match none is no rank word, told by one lookup.
constexpr std::array<uint16_t, 26> MakeRankWordShapes() {
  std::array<uint16_t, 26> t{};
  for (absl::string_view w : kRankWords) t[w[0] - 'a'] |= uint16_t{1} << w.size();
  return t;
}
constexpr std::array<uint16_t, 26> kRankWordShapes = MakeRankWordShapes();

}  // namespace

bool IsForumRankLine(absl::string_view line) {
  // The cheap tests first: most lines fail them.
  if (line.empty() || line.size() > 40) return false;
  if (!absl::ascii_isupper(static_cast<unsigned char>(line[0]))) return false;
  size_t sp = line.size();
  while (sp > 0 && line[sp - 1] != ' ') --sp;
  const absl::string_view last = line.substr(sp);
  // The last word is compared in lower case, first by its first letter and length.
  if (last.size() < 4 || last.size() > kLongestRankWord) return false;
  const unsigned char first = static_cast<unsigned char>(last[0]) | 0x20;
  if (first < 'a' || first > 'z' || (kRankWordShapes[first - 'a'] >> last.size() & 1) == 0) {
    return false;
  }
  // The words are lower-case letters: a byte b equals the letter w in lower case exactly
  // when (b | 0x20) == w (only 'A'..'Z' and 'a'..'z' map onto 'a'..'z').
  auto is_word = [&](absl::string_view w) {
    if (w.size() != last.size()) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      if ((last.data()[k] | 0x20) != w[k]) return false;
    }
    return true;
  };
  bool rank_word = false;
  for (absl::string_view w : kRankWords) {
    if (is_word(w)) {
      rank_word = true;
      break;
    }
  }
  return rank_word && WordCount(line) <= 4;
}

bool LooksLikeForumThread(absl::string_view text) {
  absl::string_view head = text.substr(0, 64 * 1024);
  const char* const d = head.data();
  int ranks = 0;
  int said = 0;
  int expand = 0;
  for (size_t pos = 0; pos <= head.size();) {
    size_t nl = FindByte(head, '\n', pos);
    if (nl == absl::string_view::npos) nl = head.size();
    const size_t begin = pos;
    pos = nl + 1;
    // Rank, "said:" and "Click to expand" lines are at most 80 bytes once stripped; a
    // longer line with no space at either end (most paragraphs) needs no stripping.
    if (nl - begin > 80 && !absl::ascii_isspace(static_cast<unsigned char>(d[begin])) &&
        !absl::ascii_isspace(static_cast<unsigned char>(d[nl - 1]))) {
      continue;
    }
    absl::string_view line = absl::StripAsciiWhitespace(head.substr(begin, nl - begin));
    if (line.empty() || line.size() > 80) continue;
    // Each test only where the line's first or last byte allows it: a rank line starts
    // with a capital, a "said:" line ends with ':' or starts with "Originally" or
    // "Quote", a "Click to expand" line starts with 'C'.
    const char first = line.front();
    if (absl::ascii_isupper(static_cast<unsigned char>(first)) && IsForumRankLine(line)) {
      ++ranks;
    }
    if ((line.back() == ':' || first == 'O' || first == 'Q') && IsSaidLine(line)) ++said;
    if (first == 'C' && IsExpandLine(line)) ++expand;
    if (ranks >= 2 || (said >= 1 && expand >= 1)) return true;  // the rest cannot undo it
  }
  return false;
}

void ReadForumThread(absl::string_view text, const OffsetMap& to_file,
                     const DateContext& context, v1::Document* doc) {
  doc->set_format(v1::DOCUMENT_FORMAT_FORUM_THREAD);
  DateContext ctx = context;
  ctx.china_text[0] = text.substr(0, 8192);
  std::vector<v1::PublicationTime> dates;
  std::vector<Line> lines = Classify(text, ctx, &dates);
  std::vector<Header> headers = FindHeaders(text, lines, dates);

  // The map from document text to thread text; separators get inexact runs. Scratch kept
  // from thread to thread (one per thread of execution): its runs are not regrown.
  thread_local OffsetMap local;
  local.Clear();
  std::string* out = doc->mutable_text();
  out->reserve(text.size());  // the kept lines: at most about the thread itself
  int pending = 0;  // 0 = start, 1 = after a line, 2 = after a paragraph break
  auto append_line = [&](const Line& l) {
    if (!out->empty()) {
      local.AddInexact(out->size(), l.begin);
      out->append(pending >= 2 ? "\n\n" : "\n");
    }
    pending = 1;
    local.AddExact(out->size(), l.begin);
    out->append(text.data() + l.begin, l.end - l.begin);
  };
  struct QuoteBlock {
    size_t begin;
    size_t end;
  };
  std::vector<QuoteBlock> quote_blocks;

  // Appends lines [from, to), returns nothing; tracks explicit quote blocks.
  auto append_range = [&](size_t from, size_t to) {
    bool in_quote = false;
    size_t quote_begin = 0;
    for (size_t k = from; k < to; ++k) {
      const Line& l = lines[k];
      switch (l.kind) {
        case Kind::kBlank:
          if (pending == 1) pending = 2;
          break;
        case Kind::kSaid:
          pending = out->empty() ? 0 : 2;
          in_quote = true;
          quote_begin = out->size() + (out->empty() ? 0 : 2);
          break;
        case Kind::kExpand:
          if (in_quote && out->size() > quote_begin) {
            quote_blocks.push_back(QuoteBlock{quote_begin, out->size()});
          }
          in_quote = false;
          pending = 2;
          break;
        case Kind::kFurniture:
          break;
        default:
          append_line(l);
          break;
      }
    }
  };

  size_t first_post = headers.empty() ? lines.size() : headers.front().first;
  // Preamble: the thread title and anything before the first post.
  for (size_t k = 0; k < first_post; ++k) {
    if (lines[k].kind == Kind::kText) {
      absl::string_view t = text.substr(lines[k].begin, lines[k].end - lines[k].begin);
      if (t.size() <= 200) doc->set_title(std::string(t));
      break;
    }
  }
  append_range(0, first_post);
  for (size_t h = 0; h < headers.size(); ++h) {
    size_t body_end = h + 1 < headers.size() ? headers[h + 1].first : lines.size();
    pending = out->empty() ? 0 : 2;
    size_t begin = out->size() + (out->empty() ? 0 : 2);
    append_range(headers[h].last, body_end);
    v1::Post* post = doc->add_posts();
    post->set_begin(std::min(begin, out->size()));
    post->set_end(out->size());
    if (!headers[h].author.empty()) post->set_author(headers[h].author);
    if (headers[h].date != nullptr) {
      *post->mutable_published() = *headers[h].date;
      if (post->published().method() != v1::DATE_METHOD_RELATIVE) {
        post->mutable_published()->set_method(v1::DATE_METHOD_BYLINE);
      }
    } else {
      MarkUndated(post->mutable_published());
    }
  }

  local.AppendComposedTo(to_file, doc);

  // Publication time: first resolved post date, else first unresolved relative one.
  const v1::PublicationTime* best = nullptr;
  for (const v1::Post& p : doc->posts()) {
    if (p.published().has_time()) {
      best = &p.published();
      break;
    }
    if (best == nullptr && p.published().unresolved_relative()) best = &p.published();
  }
  if (best != nullptr) {
    *doc->mutable_published() = *best;
  } else {
    MarkUndated(doc->mutable_published());
  }

  // Quotations: repeats of earlier text, then explicit quote blocks not yet covered.
  std::vector<RepeatedPassage> repeats = FindRepeatedPassages(*out);
  auto covered = [&](const QuoteBlock& b) {
    for (const RepeatedPassage& r : repeats) {
      if (r.begin < b.end && b.begin < r.end) return true;
    }
    return false;
  };
  // The normalised text, to find the source of a quote block not covered, is built only
  // for those; the id is then hashed from it.
  std::string normalized;
  OffsetMap normalized_map;
  if (!std::all_of(quote_blocks.begin(), quote_blocks.end(), covered)) {
    NormalizeForMatching(*out, &normalized, &normalized_map);
    doc->set_id(DocumentIdForNormalizedText(normalized));
  } else {
    doc->set_id(DocumentIdForText(*out));
  }
  std::vector<v1::Quotation> quotes;
  for (const RepeatedPassage& r : repeats) {
    v1::Quotation q;
    q.set_begin(r.begin);
    q.set_end(r.end);
    q.set_source_document_id(doc->id());
    q.set_source_offset(r.source_offset);
    quotes.push_back(std::move(q));
  }
  for (const QuoteBlock& b : quote_blocks) {
    if (covered(b)) continue;
    v1::Quotation q;
    q.set_begin(b.begin);
    q.set_end(b.end);
    // A quote of part of a sentence: look for it verbatim earlier in the thread.
    std::string needle = NormalizeForMatching(absl::string_view(*out).substr(b.begin, b.end - b.begin));
    size_t at = needle.size() >= kMinRepeatBytes ? normalized.find(needle) : std::string::npos;
    if (at != std::string::npos && normalized_map.ToSource(at) < b.begin) {
      q.set_source_document_id(doc->id());
      q.set_source_offset(normalized_map.ToSource(at));
    }
    // Otherwise it quotes a post we do not have: no source.
    quotes.push_back(std::move(q));
  }
  std::sort(quotes.begin(), quotes.end(), [](const v1::Quotation& a, const v1::Quotation& b) {
    return a.begin() < b.begin();
  });
  for (v1::Quotation& q : quotes) *doc->add_quotations() = std::move(q);
}

}  // namespace claimcheck
