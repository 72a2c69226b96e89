#include "claims/subject_key.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(SubjectKeyTest, NormalizeKeyPart) {
  struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"Big Fund III", "big fund iii"},
      {"  Piotech   Jianke \n", "piotech jianke"},
      {"SMIC\xE2\x80\x99s line", "smic's line"},        // typographic apostrophe
      {"Non\xE2\x80\x93" "A line", "non-a line"},       // en dash
      {"a|b", "a b"},                                    // separator never leaks in
      {"\xE4\xB8\xAD\xE5\x9B\xBD Mobile", "\xE4\xB8\xAD\xE5\x9B\xBD mobile"},  // UTF-8 kept
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeKeyPart(c.in), c.want) << c.in;
}

TEST(SubjectKeyTest, IsNormalizedKeyPartAgreesWithNormalizeKeyPart) {
  const char* cases[] = {
      "big fund iii", "Big Fund III", " smic", "smic ", "a  b", "a\tb", "a|b", "",
      "smic's line", "SMIC\xE2\x80\x99s line", "no\xC2\xA0" "break",
      "\xE4\xB8\xAD\xE5\x9B\xBD mobile", "process_node", "x-ray 5nm",
  };
  for (const char* c : cases) {
    const bool normalized = NormalizeKeyPart(c) == c;
    // The test may say "no" for text that happens to be normalised, never "yes" wrongly.
    if (IsNormalizedKeyPart(c)) {
      EXPECT_TRUE(normalized) << c;
    }
  }
  EXPECT_TRUE(IsNormalizedKeyPart("big fund iii"));
  EXPECT_TRUE(IsNormalizedKeyPart("\xE4\xB8\xAD\xE5\x9B\xBD mobile"));
  EXPECT_FALSE(IsNormalizedKeyPart("Big Fund"));
  EXPECT_FALSE(IsNormalizedKeyPart("a  b"));
  EXPECT_FALSE(IsNormalizedKeyPart(" a"));
}

TEST(SubjectKeyTest, AppendNormalizedKeyPartAppends) {
  std::string out = "x|";
  AppendNormalizedKeyPart("  Piotech   Jianke ", &out);
  EXPECT_EQ(out, "x|piotech jianke");
  AppendNormalizedKeyPart("", &out);
  EXPECT_EQ(out, "x|piotech jianke");
}

TEST(SubjectKeyTest, JoinsEntityMetricAndQualifiers) {
  struct {
    const char* entity;
    const char* metric;
    std::vector<std::string> qualifiers;
    const char* want;
  } cases[] = {
      {"Big Fund III", "investment", {"Piotech Jianke"}, "big fund iii|investment|piotech jianke"},
      {"SMIC", "process_node", {}, "smic|process_node"},
      {"SMIC", "process_node", {"", "target"}, "smic|process_node|target"},
      {"SMIC", "process_node", {" | ", "Target"}, "smic|process_node|target"},
      {"", "revenue", {}, "|revenue"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MakeSubjectKey(c.entity, c.metric, c.qualifiers), c.want) << c.want;
  }
}

TEST(SubjectKeyTest, SubjectKeyReadsTheProto) {
  v1::Subject s;
  s.set_entity("Big Fund III");
  s.set_metric("investment");
  v1::Qualifier* q = s.add_qualifiers();
  q->set_role("recipient");
  q->set_value("Piotech  Jianke");
  s.set_key("ignored");
  EXPECT_EQ(SubjectKey(s), "big fund iii|investment|piotech jianke");
}

TEST(SubjectKeyTest, SetSubjectKeyReplacesTheOldKey) {
  v1::Subject s;
  s.set_entity("SMIC");
  s.set_metric("revenue");
  s.add_qualifiers()->set_value("");
  s.set_key("a much longer old key that must not survive in any part");
  SetSubjectKey(&s);
  EXPECT_EQ(s.key(), "smic|revenue");
  EXPECT_EQ(s.key(), SubjectKey(s));
}

}  // namespace
}  // namespace claimcheck
