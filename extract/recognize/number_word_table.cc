#include "extract/recognize/number_word_table.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "extract/recognize/number_words.h"

namespace claimcheck {
namespace number_word_table {

const WordTable& Words() {
  static const WordTable* table = [] {
    auto* t = new WordTable;
    const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
                           "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                           "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                           "nineteen"};
    for (int i = 0; i < 20; ++i) (*t)[units[i]] = {Tok::kUnit, double(i)};
    (*t)["nought"] = {Tok::kUnit, 0};
    (*t)["naught"] = {Tok::kUnit, 0};
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                          "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) (*t)[tens[i]] = {Tok::kTens, double(20 + 10 * i)};
    (*t)["hundred"] = {Tok::kHundred, 100};
    (*t)["hundreds"] = {Tok::kHundred, 100, true};
    struct Scale { const char* w; double v; } scales[] = {
        {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
        {"lakh", 1e5}, {"crore", 1e7}};
    for (const Scale& s : scales) {
      (*t)[s.w] = {Tok::kScale, s.v};
      (*t)[std::string(s.w) + "s"] = {Tok::kScale, s.v, true};
    }
    for (const char* w : {"dozen", "dozens", "dzs", "dozs", "dz"}) (*t)[w] = {Tok::kDozen, 12};
    (*t)["and"] = {Tok::kAnd, 0};
    (*t)["point"] = {Tok::kPoint, 0};
    (*t)["a"] = {Tok::kA, 1};
    (*t)["an"] = {Tok::kA, 1};
    (*t)["half"] = {Tok::kHalf, 2};
    (*t)["halves"] = {Tok::kHalf, 2, true};
    (*t)["quarter"] = {Tok::kQuarter, 4};
    (*t)["quarters"] = {Tok::kQuarter, 4, true};
    struct Ord { const char* w; double v; } ords[] = {
        {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6}, {"seventh", 7},
        {"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {"eleventh", 11}, {"twelfth", 12},
        {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15}, {"sixteenth", 16},
        {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
        {"thirtieth", 30}, {"fortieth", 40}, {"fiftieth", 50}, {"sixtieth", 60},
        {"seventieth", 70}, {"eightieth", 80}, {"ninetieth", 90}, {"hundredth", 100},
        {"thousandth", 1e3}, {"millionth", 1e6}, {"billionth", 1e9}, {"trillionth", 1e12}};
    for (const Ord& o : ords) {
      (*t)[o.w] = {Tok::kOrdinal, o.v};
      (*t)[std::string(o.w) + "s"] = {Tok::kOrdinal, o.v, true};
    }
    (*t)["first"] = {Tok::kOrdinal, 1, false, true};
    (*t)["firsts"] = {Tok::kOrdinal, 1, true, true};
    (*t)["second"] = {Tok::kOrdinal, 2, false, true};
    (*t)["seconds"] = {Tok::kOrdinal, 2, true, true};
    (*t)["of"] = {Tok::kOf, 0};
    (*t)["over"] = {Tok::kOver, 0};
    (*t)["out"] = {Tok::kOutOf, 0};
    (*t)["minus"] = {Tok::kMinus, 0};
    (*t)["negative"] = {Tok::kMinus, 0};
    (*t)["couple"] = {Tok::kCouple, 2};
    return t;
  }();
  return *table;
}

const WordIndex& AllWords() {
  static const WordIndex* index = new WordIndex([](const WordInfo&) { return true; });
  return *index;
}

}  // namespace number_word_table

using namespace number_word_table;  // the questions below are about the table

namespace {

// Words bucketed by length and first letter: the scan asks about every word of the text,
// and comparing against the one or two candidates of a bucket beats hashing the word.
class WordBuckets {
 public:
  template <typename Pred>
  explicit WordBuckets(Pred keep) {
    for (const auto& [word, info] : Words()) {
      if (word.size() <= kMaxLen && keep(info)) {
        buckets_[word.size()][word[0] - 'a'].push_back(word.c_str());
        int c1 = word.size() > 1 ? word[1] - 'a' : 26;
        seen_[(word.size() * 26 + (word[0] - 'a')) * 27 + c1] = true;
      }
    }
  }
  bool Contains(absl::string_view word) const {
    if (word.empty() || word.size() > kMaxLen) return false;
    const unsigned c = static_cast<unsigned>((word[0] | 0x20) - 'a');
    if (c >= 26) return false;  // OR-ing 0x20 maps only 'A'..'Z' onto 'a'..'z'
    // Most words fail on (length, first two letters) without touching a string.
    unsigned c1 = 26;
    if (word.size() > 1) {
      c1 = static_cast<unsigned>((word[1] | 0x20) - 'a');
      if (c1 >= 26) return false;
    }
    if (!seen_[(word.size() * 26 + c) * 27 + c1]) return false;
    for (const char* w : buckets_[word.size()][c]) {
      if (EqualsLowerWord(word.data(), w, word.size())) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kMaxLen = 12;
  std::vector<const char*> buckets_[kMaxLen + 1][26];  // keys of Words(), never freed
  std::array<bool, (kMaxLen + 1) * 26 * 27> seen_ = {};
};

}  // namespace

static bool StartsNumber(const WordInfo& info) {
  switch (info.kind) {
    case Tok::kUnit: case Tok::kTens: case Tok::kA: case Tok::kHalf: case Tok::kQuarter:
    case Tok::kMinus:
      return true;
    default:
      return false;
  }
}

bool CanStartNumberWord(absl::string_view word) {
  static const WordBuckets* starts = new WordBuckets(StartsNumber);
  return starts->Contains(word);
}

bool MayStartNumberWord(unsigned char c) {
  struct Table {
    bool first[256] = {};
  };
  static const Table* table = [] {
    auto* t = new Table;
    for (const auto& [word, info] : Words()) {
      if (word.empty() || !StartsNumber(info)) continue;
      unsigned char f = static_cast<unsigned char>(word[0]);
      t->first[static_cast<unsigned char>(absl::ascii_tolower(f))] = true;
      t->first[static_cast<unsigned char>(absl::ascii_toupper(f))] = true;
    }
    return t;
  }();
  return table->first[c];
}

uint32_t StartWordLengths(unsigned char c0, unsigned char c1) {
  // Indexed by the first letter (0-25) and the second (0-25, or 26 for none).
  static const auto* table = [] {
    auto* t = new std::array<uint32_t, 26 * 27>();
    for (const auto& [word, info] : Words()) {
      if (word.empty() || word.size() >= 32 || !StartsNumber(info)) continue;
      const int second = word.size() > 1 ? word[1] - 'a' : 26;
      (*t)[(word[0] - 'a') * 27 + second] |= uint32_t{1} << word.size();
    }
    return t;
  }();
  const int first = absl::ascii_tolower(c0) - 'a';
  if (first < 0 || first > 25) return 0;
  int second = 26;
  if (c1 != 0) {
    second = absl::ascii_tolower(c1) - 'a';
    if (second < 0 || second > 25) return 0;
  }
  return (*table)[first * 27 + second];
}

bool CanFollowArticle(absl::string_view word) {
  static const WordBuckets* follows = new WordBuckets([](const WordInfo& info) {
    switch (info.kind) {
      case Tok::kHundred: case Tok::kScale: case Tok::kDozen: case Tok::kHalf:
      case Tok::kQuarter: case Tok::kOrdinal: case Tok::kCouple: case Tok::kTens:
        return true;
      default:
        return false;
    }
  });
  return follows->Contains(word);
}

}  // namespace claimcheck
