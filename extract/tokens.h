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
// Token::word() is the ASCII-lowercased text with typographic apostrophes as "'" and
// dashes as "-", so the grammar compares plain ASCII; Token.classes says which of the
// grammar's word lists (extract/word_lists.h) hold it.
//
// A token is 48 bytes (a sentence's tokens are read many times by the grammar, so they
// are kept small): 32-bit offsets, and its lowered text stored without a std::string:
// up to kInlineLower bytes (all but a few words) inside the token, longer text in a heap
// block the token owns (the length alone tells which). A view taken from word() stays
// valid as long as the token is neither destroyed nor moved (for tokens in a vector: as
// long as the vector is not resized or destroyed; moving the whole vector keeps them
// valid). Tokens never point into the tokenised text, which may go away first.
//
// Thread-safe: pure function.
#ifndef CLAIMCHECK_EXTRACT_TOKENS_H_
#define CLAIMCHECK_EXTRACT_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
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
  Token(const Token& other) { CopyFrom(other); }
  Token(Token&& other) noexcept { TakeFrom(&other); }
  Token& operator=(const Token& other);
  Token& operator=(Token&& other) noexcept;
  ~Token() { FreeLongLower(); }
  // A token of text[begin, end) of `kind`, its lowered text still to be set.
  Token(size_t begin_in, size_t end_in, TokenKind kind_in)
      : begin(static_cast<uint32_t>(begin_in)),
        end(static_cast<uint32_t>(end_in)),
        kind(kind_in) {}
  // A token of text[begin, end) with all its fields (modifier false) and a lowered text
  // of `size` <= kInlineLower bytes, given as the two 8-byte halves of its
  // kInlineLower bytes (zero padded), as memcpy packs them. Tokenize builds a short plain
  // word this way: every field is written once.
  Token(size_t begin_in, size_t end_in, TokenKind kind_in, uint32_t classes_in,
        bool capitalized_in, bool acronym_in, uint64_t lower_lo, uint64_t lower_hi,
        size_t size)
      : begin(static_cast<uint32_t>(begin_in)),
        end(static_cast<uint32_t>(end_in)),
        classes(classes_in),
        kind(kind_in),
        capitalized(capitalized_in),
        acronym(acronym_in),
        lower_(inline_lower_, size) {
    static_assert(kInlineLower == 16, "the lowered text is two 8-byte halves");
    std::memcpy(inline_lower_, &lower_lo, 8);
    std::memcpy(inline_lower_ + 8, &lower_hi, 8);
  }

  uint32_t begin = 0;  // byte offsets into the tokenised text, [begin, end)
  uint32_t end = 0;
  uint32_t classes = 0;      // WordClass bits of word() (extract/word_lists.h); words only
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // starts with an ASCII capital letter
  bool acronym = false;      // two or more capitals and no lower-case letter ("SMIC", "U.S")
  bool modifier = false;     // hyphenated, last part lower case ("Huawei-led", "state-backed")

  // The normalised lower-case text, in this token's storage.
  absl::string_view word() const { return lower_; }

  // Storage for `size` bytes of lowered text, which word() then views: the caller writes
  // them (it may write up to kInlineLower bytes when size <= kInlineLower).
  char* ResizeLower(size_t size);
  // Cuts the lowered text, written through ResizeLower, to its first `size` bytes.
  void TruncateLower(size_t size);

 private:
  bool HasLongLower() const { return lower_.size() > kInlineLower; }
  void FreeLongLower() {
    if (HasLongLower()) delete[] lower_.data();
  }
  // Copies every field but the lowered text.
  void CopyFieldsFrom(const Token& other);
  // Copies every field and the lowered text of `other` (freeing this token's own).
  void CopyFrom(const Token& other);
  // The same, taking `other`'s long text if it has one (leaving it empty).
  void TakeFrom(Token* other);

  absl::string_view lower_;  // inline_lower_, or a new[] block when longer than it
  char inline_lower_[kInlineLower];
};
static_assert(sizeof(Token) == 48, "a token is three 16-byte parts");

// Tokens of `text` in order. Never fails; whitespace produces no tokens. Offsets are
// 32-bit: a text longer than 4 GiB is tokenised up to there.
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
