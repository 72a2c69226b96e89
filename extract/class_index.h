// Class index: where in a sentence the words of a class may be, by blocks of tokens.
//
// Several rules of the claim assembler start only at words of a few classes (Token::
// classes, extract/word_lists.h): references at determiners and reference nouns,
// attributions at reporting verbs, implicit periods at period nouns, the discourse's
// activity at "of". Each used to look at every token of the sentence for its classes
// (NextWithClass, extract/tokens.h). A ClassIndex reads the tokens' classes once and
// keeps the OR of each run of kBlock tokens, so a search skips a block that holds none
// of its classes with one test, and reads tokens only in the blocks that do.
//
// Thread-safety: const methods may be called concurrently.
#ifndef CLAIMCHECK_EXTRACT_CLASS_INDEX_H_
#define CLAIMCHECK_EXTRACT_CLASS_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "extract/tokens.h"

namespace claimcheck {

class ClassIndex {
 public:
  static constexpr size_t kBlock = 8;

  // Indexes `tokens`, which must outlive the index and not change while it is used.
  explicit ClassIndex(const std::vector<Token>& tokens);

  ClassIndex(const ClassIndex&) = delete;
  ClassIndex& operator=(const ClassIndex&) = delete;

  // NextWithClass(tokens, i, classes, end): the index of the first token in [i, end)
  // with any of the WordClass bits `classes`, or `end` (at most tokens.size()) when
  // there is none; `i` itself when i is past that bound.
  // (Inline: rules call it for every word they start at.)
  size_t Next(size_t i, uint32_t classes, size_t end) const {
    const size_t n = end < size_ ? end : size_;
    if (i >= n) return i;
    if ((all_ & classes) == 0) return n;
    return NextInBlocks(i, classes, n);
  }

  // The same up to the end of the tokens.
  size_t Next(size_t i, uint32_t classes) const { return Next(i, classes, size_); }

  // True when some token has any of the bits `classes`.
  bool Any(uint32_t classes) const { return (all_ & classes) != 0; }

  const std::vector<Token>& tokens() const { return tokens_; }

 private:
  // Next for i < n <= size_.
  size_t NextInBlocks(size_t i, uint32_t classes, size_t n) const {
    const Token* const t = tokens_.data();
    // The block of i is tested whole (its tokens before i may give a false alarm, which
    // only costs reading them); then whole blocks.
    size_t block_end = (i / kBlock + 1) * kBlock;
    if (block_end > n) block_end = n;
    while (true) {
      if (blocks_[i / kBlock] & classes) {
        for (; i < block_end; ++i) {
          if (t[i].classes & classes) return i;
        }
      }
      i = block_end;
      if (i >= n) return n;
      block_end = i + kBlock < n ? i + kBlock : n;
    }
  }

  static constexpr size_t kInlineBlocks = 16;

  const std::vector<Token>& tokens_;
  const size_t size_;
  uint32_t all_ = 0;  // the OR of every token's classes
  // The OR of the classes of tokens [kBlock * b, kBlock * (b + 1)) at [b]: in
  // inline_blocks_ for a sentence of up to 128 tokens, else on the heap.
  const uint32_t* blocks_ = nullptr;
  uint32_t inline_blocks_[kInlineBlocks];
  std::unique_ptr<uint32_t[]> heap_blocks_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_CLASS_INDEX_H_
