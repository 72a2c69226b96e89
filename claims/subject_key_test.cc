#include "claims/subject_key.h"

#include <random>
#include <string>
#include <vector>

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

// The normalisation written plainly, byte by byte, for comparison.
std::string SlowNormalize(const std::string& text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '|' || c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = true;
      continue;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      pending_space = true;
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
      if (c2 == 0x98 || c2 == 0x99) {
        c = '\'';
        i += 2;
      } else if (c2 >= 0x90 && c2 <= 0x95) {
        c = '-';
        i += 2;
      }
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

TEST(SubjectKeyTest, LongPartsMatchTheByteByByteRule) {
  // Long enough for the eight-bytes-at-once path, with every kind of byte placed at
  // every offset of a chunk.
  const std::string pieces[] = {"Semiconductor", " ", "  ", "\t", "|", "MANUFACTURING", "@[`{~",
                                "\x7F", "\x01", "AZaz09", "\xC2\xA0", "\xE2\x80\x99",
                                "\xE2\x80\x93", "\xE4\xB8\xAD", "International Corp."};
  const size_t count = sizeof(pieces) / sizeof(pieces[0]);
  for (size_t a = 0; a < count; ++a) {
    for (size_t b = 0; b < count; ++b) {
      for (size_t pad = 0; pad < 9; ++pad) {
        const std::string text = std::string(pad, 'Q') + pieces[a] + "Big Fund III" +
                                 pieces[b] + "ChangXin Memory " + pieces[a];
        EXPECT_EQ(NormalizeKeyPart(text), SlowNormalize(text)) << text;
        std::string out = "x|";
        AppendNormalizedKeyPart(text, &out);
        EXPECT_EQ(out, "x|" + SlowNormalize(text)) << text;
      }
    }
  }
}

TEST(SubjectKeyTest, ShortPartsAndTailsMatchTheByteByByteRule) {
  // Texts of 1 to 20 bytes (read whole as one word below 8 bytes, and as chunks with an
  // overlapping tail above), written into a buffer of exactly their size.
  const std::string pieces[] = {"A", "z", "Q", "9", " ", "  ", "\t", "|", "-", "\x7F", "\x01",
                                "\xE2\x80\x99", "\xC2\xA0", "\xE4\xB8\xAD", "Fund", "usd"};
  const size_t count = sizeof(pieces) / sizeof(pieces[0]);
  std::mt19937 rng(5);
  for (int k = 0; k < 50000; ++k) {
    std::string text;
    const size_t length = 1 + rng() % 20;
    while (text.size() < length) text += pieces[rng() % count];
    std::vector<char> room(text.size());
    char* const end = WriteNormalizedKeyPart(text, room.data());
    ASSERT_EQ(std::string(room.data(), end), SlowNormalize(text)) << text;
  }
}

TEST(SubjectKeyTest, AppendNormalizedKeyPartAppends) {
  std::string out = "x|";
  AppendNormalizedKeyPart("  Piotech   Jianke ", &out);
  EXPECT_EQ(out, "x|piotech jianke");
  AppendNormalizedKeyPart("", &out);
  EXPECT_EQ(out, "x|piotech jianke");
}

TEST(SubjectKeyTest, WriteNormalizedKeyPartWritesTheNormalFormInPlace) {
  const char* cases[] = {"USD", "usd", "  Piotech   Jianke ", "SMIC\xE2\x80\x99s line",
                         "Semiconductor Manufacturing International", ""};
  for (const char* c : cases) {
    const std::string text = c;
    std::string room(text.size(), '#');
    char* const end = WriteNormalizedKeyPart(text, &room[0]);
    EXPECT_EQ(std::string(&room[0], end), NormalizeKeyPart(text)) << c;
  }
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
  s.set_entity("  Semiconductor   Manufacturing International Corp ");
  s.set_metric("Fund Size");
  s.mutable_qualifiers(0)->set_value(" \t ");
  s.add_qualifiers()->set_value("ChangXin Memory Technologies (CXMT)");
  SetSubjectKey(&s);
  EXPECT_EQ(s.key(),
            "semiconductor manufacturing international corp|fund size|changxin memory "
            "technologies (cxmt)");
  EXPECT_EQ(MakeSubjectKey("A", "b", {"", " "}), "a|b");
}

}  // namespace
}  // namespace claimcheck
