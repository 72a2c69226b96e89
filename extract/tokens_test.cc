#include "extract/tokens.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "extract/word_lists.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::string Show(absl::string_view text) {
  std::vector<std::string> parts;
  for (const Token& t : Tokenize(text)) {
    std::string s(t.word());
    if (t.kind == TokenKind::kPossessive) s = "<pos>";
    if (t.kind == TokenKind::kNumber) s = "#" + s;
    if (t.acronym) s = "A:" + s;
    else if (t.capitalized) s = "C:" + s;
    parts.push_back(s);
  }
  return absl::StrJoin(parts, " ");
}

TEST(TokensTest, Cases) {
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"SMIC\xE2\x80\x99s best process", "A:smic <pos> best process"},
      {"Big Fund III committed RMB 450 million.",
       "C:big C:fund A:iii committed A:rmb #450 million ."},
      {"a $56 billion, Huawei-led move", "a $ #56 billion , C:huawei-led move"},
      {"the U.S. and R&D", "the A:u.s . and A:r&d"},
      {"top five \xE2\x80\x93 Naura, AMEC \xE2\x80\x93 whose", "top five - C:naura , A:amec - whose"},
      {"companies\xE2\x80\x99 profits", "companies <pos> profits"},
      {"don't stop", "don't stop"},
      {"the 2008-vintage 40nm process", "the #2008-vintage #40nm process"},
      {"\xE4\xB8\xAD\xE5\x9B\xBD\xE7\xA7\xBB\xE5\x8A\xA8\xE3\x80\x82", "\xE4\xB8\xAD\xE5\x9B\xBD\xE7\xA7\xBB\xE5\x8A\xA8 \xE3\x80\x82"},
      {"", ""},
      // Words read eight bytes at a time: lengths around 8 and 16, at the end of the text.
      {"ABCDEFGH abcdefghI ABCDEFGHIJKLMNOP ABCDEFGHIJKLMNOPQ Abcdefghijklmnopq",
       "A:abcdefgh abcdefghi A:abcdefghijklmnop A:abcdefghijklmnopq C:abcdefghijklmnopq"},
      {"xY Ab AB", "xy C:ab A:ab"},
      {"aaaaaaaB Said", "aaaaaaab C:said"},
      {"SAID", "A:said"},
  };
  for (const auto& c : cases) EXPECT_EQ(Show(c.text), c.want) << c.text;
}

// A word is read sixteen bytes at a time when sixteen bytes of text remain, eight at a
// time near the end of the text, and byte by byte when it is long or unusual: wherever a
// word stands, it gives the same token.
TEST(TokensTest, AWordIsReadTheSameWhereverItStands) {
  const char* const words[] = {
      "a",    "Q3",  "SMIC",       "SMICs",          "iPhone",           "McKinsey",
      "2025", "450m", "U.S",       "R&D",            "Huawei-led",       "fifteenchars15",
      "OF",   "Of",  "sixteen-chars-16", "Semiconductors", "ABCDEFGHIJKLMNO", "abcdefghijklmnop"};
  const std::string pad(20, ' ');
  for (const char* word : words) {
    const std::vector<Token> alone = Tokenize(word);
    ASSERT_FALSE(alone.empty()) << word;
    const std::string w = word;
    const std::vector<std::string> texts = {pad + w, w + pad + "x", "x " + w + ".",
                                            pad + w + " x" + pad, "(" + w + ")" + pad};
    for (const std::string& text : texts) {
      const std::vector<Token> got = Tokenize(text);
      const size_t at = text.find(word);
      size_t k = 0;
      while (k < got.size() && got[k].begin != at) ++k;
      ASSERT_LT(k, got.size()) << word << " in [" << text << "]";
      const Token& t = got[k];
      const std::string where = std::string(word) + " in [" + text + "]";
      EXPECT_EQ(t.end - t.begin, alone[0].end - alone[0].begin) << where;
      EXPECT_EQ(t.word(), alone[0].word()) << where;
      EXPECT_EQ(t.kind, alone[0].kind) << where;
      EXPECT_EQ(t.classes, alone[0].classes) << where;
      EXPECT_EQ(t.capitalized, alone[0].capitalized) << where;
      EXPECT_EQ(t.acronym, alone[0].acronym) << where;
      EXPECT_EQ(t.modifier, alone[0].modifier) << where;
    }
  }
  // And what the reading finds.
  EXPECT_EQ(Show("SMIC and McKinsey, OF Q3 2025 " + std::string(20, ' ')),
            "A:smic and C:mckinsey , A:of C:q3 #2025");
  EXPECT_EQ(Show("ABCDEFGHIJKLMNO abcdefghijklmnop " + std::string(20, ' ')),
            "A:abcdefghijklmno abcdefghijklmnop");
}

TEST(TokensTest, WordClassesAreLookedUpInLowerCase) {
  std::vector<Token> tokens = Tokenize("Said the CEO; MICROELECTRONICS, microelectronicsx");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_NE(tokens[0].classes & kReportingVerb, 0u);
  EXPECT_NE(tokens[1].classes & kNotName, 0u);
  EXPECT_NE(tokens[2].classes & kNotName, 0u);
  EXPECT_EQ(tokens[3].classes, 0u);  // punctuation
  EXPECT_NE(tokens[4].classes & kOrganisationHead, 0u);
  EXPECT_EQ(tokens[6].classes, 0u);
}

TEST(TokensTest, OffsetsCoverTheText) {
  const std::string text = "Naura\xE2\x80\x99s revenue rose 12% to $2.3 billion.";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_GE(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Naura");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "\xE2\x80\x99s");
  for (size_t i = 1; i < tokens.size(); ++i) EXPECT_LE(tokens[i - 1].end, tokens[i].begin);
}

TEST(TokensTest, ClauseBreaks) {
  std::vector<Token> tokens = Tokenize("a; b: c (d) e \xE2\x80\x94 f, g");
  std::string breaks;
  for (const Token& t : tokens) breaks += IsClauseBreak(t) ? "B" : ".";
  EXPECT_EQ(breaks, ".B.B.B.B.B...");
}

// Token.word() views the token's own storage (inline or, past kInlineLower bytes, on the
// heap): copies and moves, single and through a growing vector, keep the text.
TEST(TokensTest, CopiesAndMovesKeepTheLowerText) {
  const std::string text =
      "Semiconductor-Manufacturing-International Corp\xE2\x80\x99s \xE2\x80\x9C" "fab\xE2\x80\x9D";
  const std::vector<std::string> want = {"semiconductor-manufacturing-international", "corp", "'s",
                                         "\"", "fab", "\""};
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), want.size());
  auto expect_lower = [&](const std::vector<Token>& got, const char* how) {
    ASSERT_EQ(got.size(), want.size()) << how;
    for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i].word(), want[i]) << how << " " << i;
  };
  expect_lower(tokens, "tokenized");
  std::vector<Token> copy = tokens;
  expect_lower(copy, "copied");
  std::vector<Token> grown;
  for (const Token& t : copy) grown.push_back(t);  // reallocates: moves the earlier tokens
  expect_lower(grown, "grown");
  std::vector<Token> moved = std::move(grown);
  expect_lower(moved, "moved vector");
  Token assigned;
  assigned = moved[0];
  EXPECT_EQ(assigned.word(), want[0]);
  Token taken(std::move(moved[0]));
  EXPECT_EQ(taken.word(), want[0]);
  assigned = moved[1];  // a short text after a long one
  EXPECT_EQ(assigned.word(), want[1]);
  assigned = std::move(taken);
  EXPECT_EQ(assigned.word(), want[0]);
  tokens.clear();  // the copies own their text
  expect_lower(copy, "copy after the original is gone");
}

// The constructor Tokenize builds a short plain word with: every field as given, the
// lowered text the first `size` bytes of the two halves, kept by copies and moves.
TEST(TokensTest, TokenBuiltWithAllItsFields) {
  uint64_t lo = 0, hi = 0;
  std::memcpy(&lo, "semicond", 8);
  std::memcpy(&hi, "uctors\0\0", 8);
  const Token t(3, 17, TokenKind::kWord, kNotName, true, false, lo, hi, 14);
  EXPECT_EQ(t.begin, 3u);
  EXPECT_EQ(t.end, 17u);
  EXPECT_EQ(t.kind, TokenKind::kWord);
  EXPECT_EQ(t.classes, kNotName);
  EXPECT_TRUE(t.capitalized);
  EXPECT_FALSE(t.acronym);
  EXPECT_FALSE(t.modifier);
  EXPECT_EQ(t.word(), "semiconductors");
  const Token copy = t;
  Token moved(std::move(copy));
  EXPECT_EQ(moved.word(), "semiconductors");
  EXPECT_EQ(moved.classes, kNotName);
  std::memcpy(&lo, "smic\0\0\0\0", 8);
  const Token acronym(0, 4, TokenKind::kWord, 0, true, true, lo, 0, 4);
  EXPECT_EQ(acronym.word(), "smic");
  EXPECT_TRUE(acronym.acronym);
}

// A word written with typographic apostrophes or hyphens is longer than its lowered text:
// one written past kInlineLower bytes whose lowered text fits in the token keeps it there,
// one still longer keeps its own heap copy; both survive copies and moves.
TEST(TokensTest, LoweredTextShorterThanTheWrittenWord) {
  const std::string text =
      "Rock\xE2\x80\x99n\xE2\x80\x99Roll-"  // 19 bytes written, 15 lowered
      "Ten Well\xE2\x80\x90Known\xE2\x80\x90Semiconductor\xE2\x80\x90Names";
  const std::vector<std::string> want = {"rock'n'roll-ten", "well-known-semiconductor-names"};
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(tokens[i].word(), want[i]) << i;
  std::vector<Token> copy = tokens;
  std::vector<Token> moved = std::move(tokens);
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(copy[i].word(), want[i]) << i;
    EXPECT_EQ(moved[i].word(), want[i]) << i;
  }
}

TEST(TokensTest, TokenizingIntoAUsedVectorReplacesItsTokens) {
  const std::vector<std::string> sentences = {
      "Contoso\xE2\x80\x99s long-awaited Semiconductor-Manufacturing-International deal",
      "It rose 5%.", "", "U.S. sales of R&D kits fell to $3 billion in Q3 2025."};
  std::vector<Token> reused;
  for (const std::string& s : sentences) {
    Tokenize(s, &reused);
    const std::vector<Token> fresh = Tokenize(s);
    ASSERT_EQ(reused.size(), fresh.size()) << s;
    for (size_t i = 0; i < fresh.size(); ++i) {
      EXPECT_EQ(reused[i].word(), fresh[i].word()) << s << " " << i;
      EXPECT_EQ(reused[i].begin, fresh[i].begin) << s << " " << i;
      EXPECT_EQ(reused[i].end, fresh[i].end) << s << " " << i;
      EXPECT_EQ(reused[i].kind, fresh[i].kind) << s << " " << i;
      EXPECT_EQ(reused[i].classes, fresh[i].classes) << s << " " << i;
      EXPECT_EQ(reused[i].capitalized, fresh[i].capitalized) << s << " " << i;
      EXPECT_EQ(reused[i].acronym, fresh[i].acronym) << s << " " << i;
      EXPECT_EQ(reused[i].modifier, fresh[i].modifier) << s << " " << i;
    }
  }
}

}  // namespace
}  // namespace claimcheck
