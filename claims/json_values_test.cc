#include "claims/json_values.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::string String(absl::string_view s) {
  std::string out;
  EXPECT_TRUE(AppendJsonString(s, &out)) << s;
  return out;
}

// protobuf's rule, spelt out with printf: %.15g, or %.17g when that does not read back.
std::string SimpleDtoa(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  if (std::strtod(buf, nullptr) != v) std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

TEST(JsonValuesTest, StringsAreEscapedAsProtobufDoes) {
  EXPECT_EQ(String(""), "\"\"");
  EXPECT_EQ(String("plain words, 45%"), "\"plain words, 45%\"");
  EXPECT_EQ(String("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
  EXPECT_EQ(String("<p>"), "\"\\u003cp\\u003e\"");
  EXPECT_EQ(String("tab\tline\n"), "\"tab\\tline\\n\"");
  EXPECT_EQ(String(std::string("nul\0", 4)), "\"nul\\u0000\"");
  EXPECT_EQ(String("\x7f"), "\"\\u007f\"");
  EXPECT_EQ(String("SMIC\xe2\x80\x99s \xe2\x82\xac"), "\"SMIC\xe2\x80\x99s \xe2\x82\xac\"");
  EXPECT_EQ(String("soft\xc2\xad" "hyphen"), "\"soft\\u00adhyphen\"");
  EXPECT_EQ(String("\xe2\x80\xa8"), "\"\\u2028\"");
}

// The plain runs are scanned many bytes at a time: a special character is found at
// every position, also across block boundaries.
TEST(JsonValuesTest, SpecialCharactersAreFoundAtEveryPosition) {
  const struct {
    const char* in;
    const char* out;
  } specials[] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"<", "\\u003c"}, {">", "\\u003e"},
                  {"\n", "\\n"}, {"\x01", "\\u0001"}, {"\x7f", "\\u007f"},
                  {"\xc3\xa9", "\xc3\xa9"}, {"\xc2\xad", "\\u00ad"}};
  // Every length of plain text around the special character (short texts are scanned
  // differently from long ones), and a second one at the end.
  for (const auto& special : specials) {
    for (int total = 0; total <= 40; ++total) {
      for (int k = 0; k <= total; ++k) {
        const std::string before(k, 'a'), after(total - k, 'b');
        EXPECT_EQ(String(before + special.in + after),
                  "\"" + before + special.out + after + "\"")
            << "position " << k << " of " << total;
        EXPECT_EQ(String(before + special.in + after + special.in),
                  "\"" + before + special.out + after + special.out + "\"")
            << "position " << k << " of " << total << ", twice";
      }
    }
  }
}

// Every byte value, alone in plain text at each position of a block: the special ones
// are escaped (or, if not ASCII, refused as a lone byte that is not UTF-8), the others
// copied.
TEST(JsonValuesTest, EveryByteIsClassified) {
  for (int c = 0; c < 256; ++c) {
    const bool special = c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>';
    for (int total : {1, 5, 9, 17, 33}) {
      for (int k = 0; k < total; ++k) {
        std::string text(total, 'x');
        text[k] = static_cast<char>(c);
        std::string out;
        const bool ok = AppendJsonString(text, &out);
        if (c >= 0x80) {
          EXPECT_FALSE(ok) << "byte " << c << " at " << k << " of " << total;
        } else if (!special) {
          EXPECT_EQ(out, "\"" + text + "\"") << "byte " << c << " at " << k << " of " << total;
        } else {
          ASSERT_TRUE(ok);
          EXPECT_NE(out, "\"" + text + "\"") << "byte " << c << " at " << k << " of " << total;
        }
      }
    }
  }
}

// The writers store in blocks: into a heap buffer of exactly the documented bound (so
// that AddressSanitizer sees a write past it), strings of every length, plain and
// escaped at the end, and numbers of every length.
TEST(JsonValuesTest, WritersStayWithinTheirBounds) {
  for (int n = 0; n <= 70; ++n) {
    for (const std::string& text :
         {std::string(n, 'a'), std::string(n, '<'), std::string(n, 'a') + "\x01"}) {
      std::unique_ptr<char[]> buffer(new char[MaxJsonStringSize(text.size())]);
      char* end = WriteJsonString(text, buffer.get());
      ASSERT_NE(end, nullptr);
      std::string expected;
      ASSERT_TRUE(AppendJsonString(text, &expected));
      EXPECT_EQ(std::string(buffer.get(), end), expected);
    }
  }
  uint64_t v = 1;
  for (int digits = 1; digits <= 20; ++digits, v *= 10) {
    for (uint64_t x : {v, v + 1, v * 9 + (v - 1)}) {  // 10..0, 10..1, 99..9 (overflows at 20)
      if (digits == 20 && x != v) x = ~uint64_t{0};
      std::unique_ptr<char[]> buffer(new char[kMaxDecimalSize]);
      EXPECT_EQ(std::string(buffer.get(), WriteDecimal(x, buffer.get())), std::to_string(x));
    }
  }
  for (double d : {-123456789012345.0, -0.60000000000000009, 1.2345678901234567e-5,
                   -99999999999999.9, -0.00012345}) {
    std::unique_ptr<char[]> buffer(new char[kMaxJsonDoubleSize]);
    EXPECT_EQ(std::string(buffer.get(), WriteJsonDouble(d, buffer.get())), SimpleDtoa(d));
  }
}

// WriteJsonStdString reads a short string's storage in blocks: the same output as
// WriteJsonString for every byte value at every position of strings of each length,
// kept in the string object or on the heap (a long string cut short), into a heap
// buffer of exactly the documented room (so that AddressSanitizer sees a write past it).
TEST(JsonValuesTest, StdStringsAreWrittenAsStringViews) {
  for (int n = 0; n <= 40; ++n) {
    for (int c = 0; c < 256; ++c) {
      for (int k = 0; k < std::max(n, 1); ++k) {
        std::string local(n, 'x');
        std::string heap(100, 'y');
        heap.assign(n, 'x');
        if (n > 0) local[k] = heap[k] = static_cast<char>(c);
        for (const std::string* text : {&local, &heap}) {
          const size_t room = MaxJsonStringSize(text->size()) + kJsonStringSlack;
          std::unique_ptr<char[]> expected(new char[room]);
          std::unique_ptr<char[]> got(new char[room]);
          char* const expected_end = WriteJsonString(*text, expected.get());
          char* const got_end = WriteJsonStdString(*text, got.get());
          ASSERT_EQ(got_end == nullptr, expected_end == nullptr)
              << "byte " << c << " at " << k << " of " << n;
          if (got_end == nullptr) continue;
          EXPECT_EQ(std::string(got.get(), got_end), std::string(expected.get(), expected_end))
              << "byte " << c << " at " << k << " of " << n;
        }
      }
    }
  }
}

TEST(JsonValuesTest, DecimalsOfEveryLength) {
  std::mt19937_64 rng(9);
  for (int i = 0; i < 200000; ++i) {
    const uint64_t x = rng() >> (rng() % 64);
    std::string out(kMaxDecimalSize, '?');
    out.resize(WriteDecimal(x, &out[0]) - out.data());
    ASSERT_EQ(out, std::to_string(x));
  }
  for (uint64_t x : {uint64_t{0}, uint64_t{9}, uint64_t{10}, uint64_t{99999999},
                     uint64_t{100000000}, ~uint64_t{0}}) {
    std::string out(kMaxDecimalSize, '?');
    out.resize(WriteDecimal(x, &out[0]) - out.data());
    EXPECT_EQ(out, std::to_string(x));
  }
}

TEST(JsonValuesTest, InvalidUtf8IsRefused) {
  for (const char* bad : {"\xff", "\xc0\x80", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
    std::string out;
    EXPECT_FALSE(AppendJsonString(bad, &out)) << bad;
  }
}

TEST(JsonValuesTest, Doubles) {
  struct Case {
    double value;
    const char* json;
  } cases[] = {{450e6, "450000000"}, {0.85, "0.85"}, {-0.0, "-0"}, {1e15, "1e+15"},
               {0.1 + 0.2, "0.30000000000000004"}, {2.5e-7, "2.5e-07"},
               // Short decimals (written from their digits), and their neighbours.
               {449.5, "449.5"}, {-13.5, "-13.5"}, {3.45, "3.45"}, {0.0001, "0.0001"},
               {1234.00000001, "1234.00000001"}, {1234.000000001, "1234.000000001"},
               {99999999999999.9, "99999999999999.9"}, {90.350000000000009, "90.350000000000009"},
               {std::nextafter(3.45, 4.0), "3.4500000000000006"}};
  for (const Case& c : cases) {
    std::string out;
    EXPECT_TRUE(AppendJsonDouble(c.value, &out));
    EXPECT_EQ(out, c.json);
  }
  std::string out;
  EXPECT_FALSE(AppendJsonDouble(std::numeric_limits<double>::quiet_NaN(), &out));
  EXPECT_FALSE(AppendJsonDouble(-std::numeric_limits<double>::infinity(), &out));
  EXPECT_EQ(out, "");
}

TEST(JsonValuesTest, DoublesMatchPrintfOverEveryMagnitude) {
  std::mt19937_64 rng(5);
  std::vector<double> values = {0.1, 0.85, 1e-5, 1e-4, 0.0001234, 1e15 + 0.5, 1e16, 1e21,
                                123456789012345.6, 5e-324, 2.2250738585072014e-308,
                                1.7976931348623157e308, -0.3, 99999999999999.99, 3e-310, -1.5e-320};
  for (int i = 0; i < 200000; ++i) {
    uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isfinite(v)) values.push_back(v);
    // Decimal-looking values: a few digits at a power of ten.
    values.push_back(static_cast<double>(rng() % 100000) * std::pow(10.0, static_cast<int>(rng() % 40) - 25));
    // A few places after the point (prices, percentages, shares), up to 15 and more
    // digits in all, of either sign.
    const double places = std::pow(10.0, static_cast<int>(rng() % 9));
    values.push_back((static_cast<double>(rng() % 2000000000) - 1e9) / places);
    values.push_back(static_cast<double>(rng() % 10000000000000000ull) / places);
    // The range computed in integers (1e-5 to 1e14): both neighbours of a decimal of 14
    // to 17 digits (where 15 digits stop reading back), halves (ties when rounding to
    // 15 digits), binary fractions with long exact expansions, and the range's edges.
    const double decimal = static_cast<double>(rng() % 100000000000000000ull) *
                           std::pow(10.0, -static_cast<int>(rng() % 22));
    values.push_back(std::nextafter(decimal, 0.0));
    values.push_back(std::nextafter(decimal, 1e300));
    values.push_back(static_cast<double>(rng() % 100000000000000ull) + 0.5);
    values.push_back(std::ldexp(static_cast<double>(rng() >> 11), -static_cast<int>(rng() % 70)));
  }
  for (double edge : {1e-5, 1e14}) {
    values.push_back(std::nextafter(edge, 0.0));
    values.push_back(std::nextafter(edge, 1e300));
  }
  for (double v : values) {
    std::string out;
    ASSERT_TRUE(AppendJsonDouble(v, &out));
    ASSERT_EQ(out, SimpleDtoa(v)) << std::hexfloat << v;
  }
  // Printed again (the printer remembers recent values), in another order.
  std::shuffle(values.begin(), values.end(), rng);
  values.resize(20000);
  for (int pass = 0; pass < 2; ++pass) {
    for (double v : values) {
      std::string out;
      ASSERT_TRUE(AppendJsonDouble(v, &out));
      ASSERT_EQ(out, SimpleDtoa(v)) << std::hexfloat << v << " pass " << pass;
    }
  }
}

TEST(JsonValuesTest, Timestamps) {
  struct Case {
    int64_t seconds;
    int32_t nanos;
    const char* json;
  } cases[] = {{0, 0, "\"1970-01-01T00:00:00Z\""},
               {1762231140, 0, "\"2025-11-04T04:39:00Z\""},
               {1762231140, 500000000, "\"2025-11-04T04:39:00.500Z\""},
               {1762231140, 123456000, "\"2025-11-04T04:39:00.123456Z\""},
               {1762231140, 1, "\"2025-11-04T04:39:00.000000001Z\""},
               {-62135596800LL, 0, "\"0001-01-01T00:00:00Z\""}};
  for (const Case& c : cases) {
    std::string out;
    EXPECT_TRUE(AppendJsonTimestamp(c.seconds, c.nanos, &out));
    EXPECT_EQ(out, c.json);
  }
  // Every day of the range (before and after the epoch) and times of day, against
  // absl's formatting of the same instant.
  std::mt19937_64 rng(3);
  for (int i = 0; i < 100000; ++i) {
    const int64_t s = -62135596800LL + static_cast<int64_t>(rng() % (253402300800ULL + 62135596800ULL));
    std::string got;
    ASSERT_TRUE(AppendJsonTimestamp(s, 0, &got));
    ASSERT_EQ(got, absl::StrCat("\"", absl::FormatTime("%E4Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(s),
                                                    absl::UTCTimeZone()), "\""));
  }
  std::string out;
  EXPECT_FALSE(AppendJsonTimestamp(253402300800LL, 0, &out));
  EXPECT_FALSE(AppendJsonTimestamp(0, 1000000000, &out));
  EXPECT_FALSE(AppendJsonTimestamp(0, -1, &out));
  EXPECT_EQ(out, "");
}

// The last Timestamp's text is remembered: the same instant twice, instants that differ
// only in seconds or only in nanos, and a refused one in between give the right text.
TEST(JsonValuesTest, RepeatedAndAlternatingTimestamps) {
  const struct {
    int64_t seconds;
    int32_t nanos;
    const char* json;
  } sequence[] = {{1762231140, 0, "\"2025-11-04T04:39:00Z\""},
                  {1762231140, 0, "\"2025-11-04T04:39:00Z\""},
                  {1762231140, 500000000, "\"2025-11-04T04:39:00.500Z\""},
                  {1762231141, 500000000, "\"2025-11-04T04:39:01.500Z\""},
                  {1762231141, 500000000, "\"2025-11-04T04:39:01.500Z\""},
                  {1762231141, -1, nullptr},
                  {1762231141, -1, nullptr},
                  {1762231141, 500000000, "\"2025-11-04T04:39:01.500Z\""},
                  {0, 0, "\"1970-01-01T00:00:00Z\""},
                  {1762231140, 0, "\"2025-11-04T04:39:00Z\""}};
  for (const auto& t : sequence) {
    std::string out;
    EXPECT_EQ(AppendJsonTimestamp(t.seconds, t.nanos, &out), t.json != nullptr) << t.seconds;
    EXPECT_EQ(out, t.json != nullptr ? t.json : "") << t.seconds << " " << t.nanos;
  }
}

}  // namespace
}  // namespace claimcheck
