// The number words the word-number grammar (number_words.h) reads, and the quick
// questions the recognizers ask about them before parsing: can a word start a number,
// follow "a"/"an", continue one.
//
// Every word of the table is ASCII lower case. Lookups take the word as written, in any
// case: words are bucketed by length and first letter, so a lookup compares the word with
// the one or two keys of its bucket, without lower-casing a copy or hashing it.
//
// Thread-safe: the tables are built once, on first use, and never change.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_WORD_TABLE_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_WORD_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace claimcheck {
namespace number_word_table {

// What a word is to the grammar.
enum class Tok {
  kNone, kUnit, kTens, kHundred, kScale, kDozen, kAnd, kPoint, kA, kHalf, kQuarter,
  kOrdinal, kOf, kOver, kOutOf, kDigits, kMinus, kCouple,
};

struct WordInfo {
  Tok kind;
  double value;
  bool plural = false;
  bool compound_only = false;  // "first", "second": only in "twenty-first"
};

using WordTable = absl::flat_hash_map<std::string, WordInfo>;

// Every number word with what it is.
const WordTable& Words();

// True when the `len` bytes at `p` spell `lower` (lower-case letters) in any case.
inline bool EqualsLowerWord(const char* p, const char* lower, size_t len) {
  for (size_t k = 0; k < len; ++k) {
    // OR-ing 0x20 maps 'A'..'Z' onto 'a'..'z'; a byte it maps onto a letter is that letter.
    if ((p[k] | 0x20) != lower[k]) return false;
  }
  return true;
}

// Words() bucketed by length and first letter: a lookup compares the word with the one or
// two keys of its bucket, without lower-casing a copy or hashing it.
class WordIndex {
 public:
  static constexpr size_t kMaxLen = 12;  // the longest key, "seventeenths"

  template <typename Pred>
  explicit WordIndex(Pred keep) {
    for (const auto& [word, info] : Words()) {
      if (word.empty() || word.size() > kMaxLen || !keep(info)) continue;
      buckets_[word.size()][word[0] - 'a'].push_back({word.c_str(), &info});
    }
  }

  struct Entry {
    const char* word;  // a key of Words() (lower-case), which is never freed
    const WordInfo* info;
  };

  // The entry for the `len` ASCII letters at `p` (any case), or nullptr.
  const Entry* Find(const char* p, size_t len) const {
    if (len == 0 || len > kMaxLen) return nullptr;
    const unsigned first = static_cast<unsigned>((p[0] | 0x20) - 'a');
    if (first >= 26) return nullptr;
    for (const Entry& e : buckets_[len][first]) {
      if (EqualsLowerWord(p, e.word, len)) return &e;
    }
    return nullptr;
  }

 private:
  std::vector<Entry> buckets_[kMaxLen + 1][26];
};

// Every word of Words(), indexed.
const WordIndex& AllWords();

}  // namespace number_word_table
}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_NUMBER_WORD_TABLE_H_
