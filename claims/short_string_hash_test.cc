#include "claims/short_string_hash.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// Equal strings hash equal whatever holds them, at every length the tail code handles.
TEST(ShortStringHashTest, EqualStringsHashEqual) {
  const std::vector<std::string> cases = {"",         "a",          "ab",          "abc",
                                          "abcd",     "abcdefg",    "abcdefgh",    "abcdefghi",
                                          "revenue",  "big fund iii", "semiconductor manufacturing international"};
  const ShortStringHash hash;
  for (const std::string& s : cases) {
    const std::string copy = s;
    EXPECT_EQ(hash(s), hash(absl::string_view(copy))) << s;
    EXPECT_TRUE(ShortStringEq()(s, absl::string_view(copy))) << s;
  }
}

// Strings that differ in one byte anywhere (or only in length) hash apart, and low bits
// (the tables' tags) vary.
TEST(ShortStringHashTest, NearStringsHashApart) {
  const ShortStringHash hash;
  absl::flat_hash_set<size_t> hashes;
  absl::flat_hash_set<size_t> low_bits;
  int strings = 0;
  for (size_t length = 0; length <= 24; ++length) {
    for (size_t at = 0; at < length || (length == 0 && at == 0); ++at) {
      std::string s(length, 'a');
      if (length > 0) s[at] = 'b';
      hashes.insert(hash(s));
      low_bits.insert(hash(s) & 0x7F);
      ++strings;
    }
  }
  EXPECT_EQ(hashes.size(), static_cast<size_t>(strings));
  EXPECT_GT(low_bits.size(), 64u);
}

// A table with the hash finds every key, by std::string and by view.
TEST(ShortStringHashTest, TableFindsEveryKey) {
  absl::flat_hash_map<std::string, int, ShortStringHash, ShortStringEq> table;
  for (int i = 0; i < 5000; ++i) table[absl::StrCat("name ", i)] = i;
  for (int i = 0; i < 5000; ++i) {
    const std::string key = absl::StrCat("name ", i);
    auto it = table.find(absl::string_view(key));
    ASSERT_TRUE(it != table.end()) << key;
    EXPECT_EQ(it->second, i);
  }
  EXPECT_TRUE(table.find(absl::string_view("name 5000")) == table.end());
}

}  // namespace
}  // namespace claimcheck
