#include "extract/recognize/number_parser.h"

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct Case {
  const char* text;
  double value;
  const char* read;  // the bytes the number covers
  double precision;
};

const Case kCases[] = {
    {"1,234.5 tons", 1234.5, "1,234.5", 0.1},
    {"1.2m dollars", 1.2, "1.2", 0.1},  // "m" is left to the recognizer (metre or million)
    {"3.5bn", 3.5e9, "3.5bn", 1e8},
    {"450 million yuan", 450e6, "450 million", 1e6},
    {"1 234 567 people", 1234567, "1 234 567", 1},
    {"12,34,567.89", 1234567.89, "12,34,567.89", 0.01},
    {"1e10", 1e10, "1e10", 0},
    {"-4/5", -0.8, "-4/5", 0},
    {"2  1/4", 2.25, "2  1/4", 0},
    {".08", 0.08, ".08", 0.01},
    {"10k", 1e4, "10k", 1e3},
    {"13 lakh", 13e5, "13 lakh", 1e5},
    {"5\xE4\xB8\x87", 5e4, "5\xE4\xB8\x87", 1e4},
    {"3 hundred and 21", 321, "3 hundred and 21", 1},
    {"1,3.", 1.3, "1,3", 0.1},
    {"\xC2\xBD", 0.5, "\xC2\xBD", 0},
    {"twenty-one", 21, "twenty-one", 1},
    // Plain digits before a blank: words or a scale word may follow, and nothing else
    // when neither does; a digit group, a fraction or "x 10^" after the blank reads on.
    {"2024 revenue", 2024, "2024", 1},
    {"-5 million", -5e6, "-5 million", 1e6},
    {"40 000 people", 40000, "40 000", 1},
    {"2 1/4 miles", 2.25, "2 1/4", 0},
    {"12, 13", 12, "12", 1},
    {"5.", 5, "5", 1},
};

TEST(NumberParserTest, Parses) {
  for (const Case& c : kCases) {
    std::optional<ParsedNumber> n = ParseNumberAt(c.text, 0);
    ASSERT_TRUE(n.has_value()) << c.text;
    EXPECT_NEAR(n->value, c.value, 1e-9 * std::max(1.0, std::abs(c.value))) << c.text;
    EXPECT_EQ(std::string(c.text).substr(0, n->end), c.read) << c.text;
    EXPECT_DOUBLE_EQ(n->precision, c.precision) << c.text;
  }
}

TEST(NumberParserTest, Flags) {
  EXPECT_TRUE(ParseNumberAt("192.168.1.2", 0)->dotted);
  EXPECT_TRUE(ParseNumberAt("2023", 0)->plain_integer);
  EXPECT_FALSE(ParseNumberAt("2,023", 0)->plain_integer);
  EXPECT_TRUE(ParseNumberAt("10k", 0)->glued_scale);
  EXPECT_FALSE(ParseNumberAt("abc", 0).has_value());
  EXPECT_FALSE(ParseNumberAt("", 0).has_value());
}

// Short literals take a fast path instead of strtod; the double must be the very same.
TEST(NumberParserTest, ValuesAreBitExactWithStrtod) {
  for (const char* literal : {"0.1", "0.3", "12.345", "2.675", "99.99", "123456789012345",
                              "1234567890.12345", "0.000000000000007", "1234567890123456",
                              "12345678901234567.5", "3.14159265358979", "007.50"}) {
    std::optional<ParsedNumber> n = ParseNumberAt(literal, 0);
    ASSERT_TRUE(n.has_value()) << literal;
    EXPECT_EQ(n->value, std::strtod(literal, nullptr)) << literal;
  }
}

// Digits that end at a byte no rule reads on from ("45%", "2023)", "in 2024, the", an
// en dash) take a short path: the fields are those the whole reading gives the same
// digits before a no-break space (which only that reading reads on from).
TEST(NumberParserTest, DigitsEndingAtPunctuationReadAsPlainIntegers) {
  for (const char* text :
       {"45%", "2023)", "-4;", "7", "\xE2\x88\x92" "12\"", "123456789012345!", "2024, the",
        "2024.", "2024./", "12/x", "2019\xE2\x80\x93" "2021", "7\xE2\x80\x9D"}) {
    SCOPED_TRACE(text);
    std::optional<ParsedNumber> n = ParseNumberAt(text, 0);
    ASSERT_TRUE(n.has_value());
    std::string digits = text;
    const size_t end = digits.find_first_of("%);\"!,./\xE2", 1);
    const std::string blank = digits.substr(0, end) + "\xC2\xA0of";  // the long path
    std::optional<ParsedNumber> m = ParseNumberAt(blank, 0);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(n->end, end == std::string::npos ? digits.size() : end);
    EXPECT_EQ(n->end, m->end);
    EXPECT_EQ(n->literal_end, m->literal_end);
    EXPECT_EQ(n->value, m->value);
    EXPECT_EQ(n->precision, m->precision);
    EXPECT_EQ(n->plain_integer, m->plain_integer);
    EXPECT_EQ(n->integer_digits, m->integer_digits);
    EXPECT_EQ(n->scale, m->scale);
    EXPECT_FALSE(n->from_words || n->is_fraction || n->glued_scale || n->dotted);
  }
}

// Decimals take a short path too: the fields are those the whole reading gives the same
// decimal before an "e" that starts no exponent (which only that reading looks at).
TEST(NumberParserTest, DecimalsReadAsTheLongReadingDoes) {
  for (const char* text : {"3.5;", "0.25%", "007.50)", "-2.75", "1234567890.12345.",
                           "45.6\xE2\x80\x93", "1.5 of"}) {
    SCOPED_TRACE(text);
    std::optional<ParsedNumber> n = ParseNumberAt(text, 0);
    ASSERT_TRUE(n.has_value());
    std::string long_text = std::string(text).substr(0, n->end) + "e" +
                            std::string(text).substr(n->end);
    std::optional<ParsedNumber> m = ParseNumberAt(long_text, 0);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(n->end, m->end);
    EXPECT_EQ(n->literal_end, m->literal_end);
    EXPECT_EQ(n->value, m->value);
    EXPECT_EQ(n->precision, m->precision);
    EXPECT_EQ(n->integer_digits, m->integer_digits);
    EXPECT_EQ(n->dotted, m->dotted);
    EXPECT_FALSE(n->plain_integer || n->from_words || n->is_fraction || n->glued_scale);
  }
  EXPECT_EQ(ParseNumberAt("3.5;", 0)->end, 3u);
  EXPECT_EQ(ParseNumberAt("45.6 billion", 0)->value, 45.6e9);
  EXPECT_EQ(ParseNumberAt("1.3 x 10^6", 0)->value, 1.3e6);
  EXPECT_EQ(ParseNumberAt("2.5e3", 0)->value, 2500);
}

TEST(NumberParserTest, HugeDigitRunIsClamped) {
  std::string digits(100000, '9');
  std::optional<ParsedNumber> n = ParseNumberAt(digits, 0);
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->end, digits.size());
  EXPECT_GT(n->integer_digits, 18);
}

}  // namespace
}  // namespace claimcheck
