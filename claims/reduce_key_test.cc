#include "claims/reduce_key.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "claims/subject_key.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"

namespace claimcheck {
namespace {

v1::Claim ClaimOf(const std::string& entity, const std::string& metric,
                  const std::string& qualifier = "") {
  v1::Claim claim;
  claim.mutable_subject()->set_entity(entity);
  claim.mutable_subject()->set_metric(metric);
  if (!qualifier.empty()) claim.mutable_subject()->add_qualifiers()->set_value(qualifier);
  return claim;
}

TEST(ReduceKeyTest, EntityNormalisedLikeASubjectKeyPart) {
  static const struct {
    const char* entity;
    const char* key;
  } kCases[] = {
      {"Big Fund III", "big fund iii|"},
      {"  SMIC  ", "smic|"},
      {"Big  Fund\tIII", "big fund iii|"},
      {"Hua\xE2\x80\x94Hong", "hua-hong|"},          // em dash
      {"Xi\xE2\x80\x99" "an Fund", "xi'an fund|"},   // typographic apostrophe
      {"A|B", "a b|"},
      {"line\nbreak", "line break|"},
      {"bell\x07" "char", "bell char|"},
      {"\xE4\xB8\xAD\xE8\x8A\xAF", "\xE4\xB8\xAD\xE8\x8A\xAF|"},  // non-ASCII kept
      {"", "|"},
      {"   ", "|"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ReduceKeyOfEntity(c.entity), c.key) << "entity '" << c.entity << "'";
  }
}

TEST(ReduceKeyTest, SubjectsTheReconcilerPairsShareAKey) {
  // Growth with level, part with total: the reconciler pairs them when their entity
  // fields are equal after lower-casing and trimming (reconcile/arithmetic.h).
  static const struct {
    v1::Claim a, b;
  } kPairs[] = {
      {ClaimOf("SMIC", "revenue_growth"), ClaimOf("smic ", "revenue")},
      {ClaimOf("Big Fund III", "capital_contribution", "Ministry of Finance"),
       ClaimOf("BIG FUND III", "capital_contribution")},
      {ClaimOf("Hua Hong", "capacity growth"), ClaimOf("Hua Hong", "capacity")},
  };
  for (const auto& p : kPairs) {
    EXPECT_EQ(ReduceKey(p.a), ReduceKey(p.b)) << p.a.subject().entity();
  }
  EXPECT_NE(ReduceKey(ClaimOf("SMIC", "revenue")), ReduceKey(ClaimOf("CXMT", "revenue")));
}

TEST(ReduceKeyTest, AByteSortKeepsEqualKeysTogether) {
  // Keys where one is a prefix of another ("smic", "smic holdings") or differs by a
  // byte below or above '\t' after the prefix must not interleave in a whole-line sort.
  const std::vector<std::string> entities = {"SMIC", "SMIC Holdings", "smic!", "Big Fund",
                                             "Big Fund III", "", "smic",
                                             "\xE4\xB8\xAD\xE8\x8A\xAF", "Big Fund"};
  std::vector<std::string> lines;
  for (size_t i = 0; i < entities.size(); ++i) {
    for (const char* body : {"{\"id\":\"a\"}", "{\"id\":\"z\"}", "!", "~"}) {
      std::string line;
      AppendReduceKeyPrefix(ClaimOf(entities[i], "revenue"), &line);
      line += body;
      lines.push_back(line);
    }
  }
  std::sort(lines.begin(), lines.end());  // byte order, as LC_ALL=C sort
  std::set<std::string> closed;
  std::string current;
  bool open = false;
  for (const std::string& line : lines) {
    absl::string_view key, record;
    absl::Status s = SplitKeyedLine(line, &key, &record);
    ASSERT_TRUE(s.ok()) << s;
    if (open && key == current) continue;
    if (open) closed.insert(current);
    EXPECT_EQ(closed.count(std::string(key)), 0u) << "key '" << key << "' split by the sort";
    current = std::string(key);
    open = true;
  }
}

TEST(ReduceKeyTest, KeysSortLikeTheSubjectKeysTheyBegin) {
  // Entities where one is a prefix of another, followed by bytes below and above '|'.
  const std::vector<std::string> entities = {"abc",     "abc def", "abc-x", "abc~",
                                             "abc\xC3\xA9", "ab",    "abd",   ""};
  for (const std::string& a : entities) {
    for (const std::string& b : entities) {
      v1::Claim ca = ClaimOf(a, "revenue"), cb = ClaimOf(b, "capex");
      std::string ka = ReduceKey(ca), kb = ReduceKey(cb);
      EXPECT_EQ(ka, SubjectKey(ca.subject()).substr(0, ka.size())) << a;
      if (ka == kb) continue;
      EXPECT_EQ(ka < kb, SubjectKey(ca.subject()) < SubjectKey(cb.subject()))
          << "'" << a << "' vs '" << b << "'";
    }
  }
}

TEST(ReduceKeyTest, KeysHoldNoTabOrControlByte) {
  for (int b = 0; b < 256; ++b) {
    std::string entity = "x";
    entity += static_cast<char>(b);
    entity += "y";
    std::string key = ReduceKeyOfEntity(entity);
    for (char c : key) {
      unsigned char u = static_cast<unsigned char>(c);
      EXPECT_TRUE(u >= 0x20 && u != 0x7F) << "byte " << b << " gave key byte " << int(u);
    }
  }
}

TEST(ReduceKeyTest, SplitKeyedLine) {
  absl::string_view key, record;
  ASSERT_TRUE(SplitKeyedLine("smic\t{\"a\":\"\\t\"}", &key, &record).ok());
  EXPECT_EQ(key, "smic");
  EXPECT_EQ(record, "{\"a\":\"\\t\"}");
  ASSERT_TRUE(SplitKeyedLine("|\t{}", &key, &record).ok());
  EXPECT_EQ(key, "|");
  EXPECT_EQ(record, "{}");
  absl::Status s = SplitKeyedLine("no tab", &key, &record);
  EXPECT_TRUE(absl::IsInvalidArgument(s)) << s;
  EXPECT_NE(s.message().find("KEY<TAB>CLAIM"), std::string::npos);
}

}  // namespace
}  // namespace claimcheck
