// Tokens: a sentence cut into words, numbers and punctuation, with byte offsets.
//
// The claim assembler reads a sentence as a short list of tokens and applies a small
// grammar to it (verbs, prepositions, possessives, appositions). Tokenize is the only
// place that looks at bytes:
//   * a word is a run of letters, digits and non-ASCII letters (CJK, accented), with
//     inner hyphens, apostrophes, ampersands and dots kept ("Huawei-led", "don't",
//     "R&D", "U.S");
//   * a trailing possessive ('s or ’s, or a lone ’ after a plural s) is its own token of
//     kind kPossessive, so "SMIC’s" is "SMIC" + "'s";
//   * every other visible character (including typographic quotes and dashes, which
//     are kept as written in Document.text) is a one-character kPunct token.
// Token.lower is the ASCII-lowercased text with typographic apostrophes as "'" and
// dashes as "-", so the grammar compares plain ASCII; Token.classes says which of the
// grammar's word lists (extract/word_lists.h) hold it.
//
// Each token owns its lowered text without a std::string: up to kInlineLower bytes (all
// but a few words) live inside the token, longer text in a heap block the token owns.
// `lower` is a view of that storage, re-pointed when a token is copied or moved, so the
// rules are those of a std::string: a view taken from `lower` stays valid as long as the
// token is neither destroyed nor moved (for tokens in a vector: as long as the vector is
// not resized or destroyed; moving the whole vector keeps them valid). Tokens never
// point into the tokenised text, which may go away first.
//
// Thread-safe: pure function.
#ifndef CLAIMCHECK_EXTRACT_TOKENS_H_
#define CLAIMCHECK_EXTRACT_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimcheck {

enum class TokenKind : uint8_t { kWord, kNumber, kPossessive, kPunct };

struct Token {
  // Lowered text of at most this many bytes is stored inside the token.
  static constexpr size_t kInlineLower = 16;

  // Leaves the inline storage uninitialised (Tokenize fills it); the fields are zero.
  Token() {}
  Token(const Token& other) { *this = other; }
  Token(Token&& other) noexcept { *this = std::move(other); }
  Token& operator=(const Token& other);
  Token& operator=(Token&& other) noexcept;
  // A token of text[begin, end) of `kind`, its lowered text still to be set.
  Token(size_t begin_in, size_t end_in, TokenKind kind_in)
      : begin(begin_in), end(end_in), kind(kind_in) {}

  size_t begin = 0;  // byte offsets into the tokenised text, [begin, end)
  size_t end = 0;
  absl::string_view lower;   // normalised lower-case text, in this token's storage
  uint32_t classes = 0;      // WordClass bits of `lower` (extract/word_lists.h); words only
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // starts with an ASCII capital letter
  bool acronym = false;      // two or more capitals and no lower-case letter ("SMIC", "U.S")
  bool modifier = false;     // hyphenated, last part lower case ("Huawei-led", "state-backed")

  // `lower` under the name the grammar reads it by.
  absl::string_view word() const { return lower; }

  // Storage for `size` bytes of lowered text: `lower` is set to view them, and the caller
  // writes them (it may write up to kInlineLower bytes when size <= kInlineLower).
  char* ResizeLower(size_t size);

 private:
  // Points `lower` at this token's copy of `other.lower` (or at the same text when that
  // is not the other token's storage).
  void CopyLowerFrom(const Token& other);
  // Copies every field but the lowered text.
  void CopyFieldsFrom(const Token& other);

  char inline_lower_[kInlineLower];
  std::unique_ptr<char[]> long_lower_;  // lowered text longer than kInlineLower
};

// Tokens of `text` in order. Never fails; whitespace produces no tokens.
std::vector<Token> Tokenize(absl::string_view text);

// The same into `*tokens`, replacing what it held: a caller that tokenises many
// sentences reuses one vector's memory.
void Tokenize(absl::string_view text, std::vector<Token>* tokens);

// True for tokens that end a clause for the grammar: ; : ( ) [ ] and dashes.
bool IsClauseBreak(const Token& token);

// The index of the first token in [i, end) with any of the WordClass bits `classes`, or
// `end` (at most tokens.size()): a tight loop (four tokens a step) for rules that start
// only at listed words.
inline size_t NextWithClass(const std::vector<Token>& tokens, size_t i, uint32_t classes,
                            size_t end) {
  const Token* t = tokens.data();
  const size_t n = end < tokens.size() ? end : tokens.size();
  while (i + 4 <= n &&
         ((t[i].classes | t[i + 1].classes | t[i + 2].classes | t[i + 3].classes) & classes) == 0) {
    i += 4;
  }
  while (i < n && (t[i].classes & classes) == 0) ++i;
  return i;
}

// The same up to the end of the tokens.
inline size_t NextWithClass(const std::vector<Token>& tokens, size_t i, uint32_t classes) {
  return NextWithClass(tokens, i, classes, tokens.size());
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_TOKENS_H_
