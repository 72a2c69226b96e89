#include "extract/class_index.h"

namespace claimcheck {

ClassIndex::ClassIndex(const std::vector<Token>& tokens) : tokens_(tokens), size_(tokens.size()) {
  static_assert(kBlock == 8, "a whole block's eight tokens are read below");
  const Token* t = tokens.data();
  const size_t whole = size_ / kBlock;  // blocks of kBlock tokens; then the rest, if any
  const size_t count = whole + (size_ % kBlock != 0 ? 1 : 0);
  uint32_t* blocks = inline_blocks_;
  if (count > kInlineBlocks) {
    heap_blocks_.reset(new uint32_t[count]);
    blocks = heap_blocks_.get();
  }
  blocks_ = blocks;
  uint32_t all = 0;
  for (size_t b = 0; b < whole; ++b, t += kBlock) {
    const uint32_t classes = t[0].classes | t[1].classes | t[2].classes | t[3].classes |
                             t[4].classes | t[5].classes | t[6].classes | t[7].classes;
    blocks[b] = classes;
    all |= classes;
  }
  if (count > whole) {  // the last one to seven tokens: four at a time, then one by one
    uint32_t classes = 0;
    size_t k = whole * kBlock;
    if (k + 4 <= size_) {
      classes = t[0].classes | t[1].classes | t[2].classes | t[3].classes;
      k += 4;
      t += 4;
    }
    for (; k < size_; ++k, ++t) classes |= t->classes;
    blocks[whole] = classes;
    all |= classes;
  }
  all_ = all;
}

}  // namespace claimcheck
