#include "extract/tokens.h"

#include <cstring>

#include "absl/strings/ascii.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

// Length of the UTF-8 sequence starting with lead byte `c` (1 for invalid leads).
size_t Utf8Length(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Non-ASCII characters that are punctuation or spaces, not letters.
enum class Special { kNone, kSpace, kApostrophe, kQuote, kDash, kOther };

Special Classify(absl::string_view s, size_t i, size_t len) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data() + i);
  if (len == 2 && p[0] == 0xC2) {
    if (p[1] == 0xA0) return Special::kSpace;
    return Special::kOther;  // « » § etc.
  }
  if (len == 3 && p[0] == 0xE2 && p[1] == 0x80) {
    if (p[2] == 0x98 || p[2] == 0x99) return Special::kApostrophe;
    if (p[2] == 0x9C || p[2] == 0x9D) return Special::kQuote;
    if (p[2] >= 0x90 && p[2] <= 0x95) return Special::kDash;
    if (p[2] <= 0x8F || p[2] == 0xAF) return Special::kSpace;  // thin, zero-width spaces
    return Special::kOther;  // bullets, ellipsis
  }
  if (len == 3 && p[0] == 0xE3 && p[1] == 0x80) return Special::kOther;  // 、。「」
  if (len == 3 && p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD)) return Special::kOther;  // ，（）
  return Special::kNone;
}

bool IsNonAsciiWordByte(absl::string_view s, size_t i, size_t* len) {
  *len = std::min(Utf8Length(static_cast<unsigned char>(s[i])), s.size() - i);
  return Classify(s, i, *len) == Special::kNone;
}

inline bool IsWordByte(absl::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return absl::ascii_isalnum(c);
  }
  return IsNonAsciiWordByte(s, i, len);
}

}  // namespace

bool IsClauseBreak(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& s = t.lower;
  return s == ";" || s == ":" || s == "(" || s == ")" || s == "[" || s == "]" || s == "-";
}

std::vector<Token> Tokenize(absl::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 5 + 4);
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 && absl::ascii_isspace(c)) {
      ++i;
      continue;
    }
    if (!IsWordByte(s, i, &len)) {
      Special sp = c < 0x80 ? Special::kNone : Classify(s, i, len);
      if (sp == Special::kSpace) {
        i += len;
        continue;
      }
      // A lone apostrophe after a word ending in s is a plural possessive.
      const bool apostrophe = sp == Special::kApostrophe || (c == '\'' && len == 1);
      const bool possessive = apostrophe && !tokens.empty() && tokens.back().end == i &&
                              tokens.back().kind == TokenKind::kWord &&
                              !tokens.back().lower.empty() && tokens.back().lower.back() == 's';
      Token& t = tokens.emplace_back();  // built in place: no Token moves
      t.begin = i;
      t.end = i + len;
      t.kind = TokenKind::kPunct;
      if (sp == Special::kApostrophe) t.lower.assign(1, '\'');
      else if (sp == Special::kQuote) t.lower.assign(1, '"');
      else if (sp == Special::kDash) t.lower.assign(1, '-');
      else t.lower.assign(s.data() + i, len);
      size_t next_len = 1;
      if (possessive && (i + len >= s.size() || !IsWordByte(s, i + len, &next_len))) {
        t.kind = TokenKind::kPossessive;
      }
      i = t.end;
      continue;
    }
    // A word: word bytes, with inner joiners followed by a word byte.
    size_t start = i;
    size_t end = i;
    size_t possessive_begin = std::string::npos;
    size_t hyphen = std::string::npos;  // the last ASCII '-' joiner
    bool non_ascii = false;             // any byte >= 0x80 (so maybe a typographic mark)
    while (end < s.size()) {
      size_t l = 1;
      if (IsWordByte(s, end, &l)) {
        non_ascii |= l > 1;
        end += l;
        continue;
      }
      // Joiners: - ' ’ & . (the dot only between letters, as in U.S or e.g).
      unsigned char j = static_cast<unsigned char>(s[end]);
      size_t jl = j < 0x80 ? 1 : std::min(Utf8Length(j), s.size() - end);
      Special sp = j < 0x80 ? Special::kNone : Classify(s, end, jl);
      bool joiner = j == '-' || j == '\'' || j == '&' || j == '.' || sp == Special::kApostrophe ||
                    sp == Special::kDash;
      size_t next_len = 1;
      if (!joiner || end + jl >= s.size() || !IsWordByte(s, end + jl, &next_len)) break;
      if (j == '.' && !(absl::ascii_isalpha(static_cast<unsigned char>(s[end - 1])) &&
                        absl::ascii_isalpha(static_cast<unsigned char>(s[end + 1])))) {
        break;
      }
      bool apostrophe = j == '\'' || sp == Special::kApostrophe;
      if (apostrophe && (s[end + jl] == 's' || s[end + jl] == 'S')) {
        size_t after = end + jl + 1;
        size_t al = 1;
        if (after >= s.size() || !IsWordByte(s, after, &al)) {
          possessive_begin = end;
          end = after;
          break;
        }
      }
      if (sp == Special::kDash && jl == 3 && static_cast<unsigned char>(s[end + 2]) != 0x90 &&
          static_cast<unsigned char>(s[end + 2]) != 0x91) {
        break;  // en/em dashes separate words; only U+2010/2011 hyphens join
      }
      if (j == '-') hyphen = end;
      non_ascii |= j >= 0x80;
      end += jl;
    }
    size_t word_end = possessive_begin == std::string::npos ? end : possessive_begin;
    Token& t = tokens.emplace_back();  // built in place: no Token moves
    t.begin = start;
    t.end = word_end;
    absl::string_view text = s.substr(start, word_end - start);
    t.kind = absl::ascii_isdigit(static_cast<unsigned char>(text[0])) ? TokenKind::kNumber
                                                                      : TokenKind::kWord;
    int upper = 0, lower = 0;
    if (!non_ascii || std::memchr(text.data(), 0xE2, text.size()) == nullptr) {
      // The common case: lower-case the bytes in place.
      t.lower.assign(text.data(), text.size());
      for (char& ch : t.lower) {
        unsigned char b = static_cast<unsigned char>(ch);
        upper += absl::ascii_isupper(b);
        lower += absl::ascii_islower(b);
        ch = static_cast<char>(absl::ascii_tolower(b));
      }
    } else {
      for (size_t k = 0; k < text.size(); ++k) {
        unsigned char b = static_cast<unsigned char>(text[k]);
        if (absl::ascii_isupper(b)) ++upper;
        if (absl::ascii_islower(b)) ++lower;
        if (b == 0xE2 && k + 2 < text.size()) {  // typographic apostrophe / hyphen
          unsigned char b2 = static_cast<unsigned char>(text[k + 2]);
          t.lower.push_back(b2 == 0x98 || b2 == 0x99 ? '\'' : '-');
          k += 2;
          continue;
        }
        t.lower.push_back(static_cast<char>(absl::ascii_tolower(b)));
      }
    }
    t.capitalized = absl::ascii_isupper(static_cast<unsigned char>(text[0]));
    t.acronym = upper >= 2 && lower == 0;
    if (hyphen != std::string::npos) hyphen -= start;  // an offset into `text`
    t.modifier = hyphen != std::string::npos && hyphen + 1 < text.size() &&
                 absl::ascii_islower(static_cast<unsigned char>(text[hyphen + 1]));
    if (t.kind == TokenKind::kWord) t.classes = WordClassesOf(t.lower);
    if (possessive_begin != std::string::npos) {
      Token& p = tokens.emplace_back();
      p.begin = possessive_begin;
      p.end = end;
      p.kind = TokenKind::kPossessive;
      p.lower.assign("'s");
    }
    i = end;
  }
  return tokens;
}

}  // namespace claimcheck
