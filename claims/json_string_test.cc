#include "claims/json_string.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(JsonStringTest, EscapesWhatJsonAndHtmlNeed) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"plain", "\"plain\""},
      {"say \"hi\"\\", "\"say \\\"hi\\\"\\\\\""},
      {"a\nb\tc", "\"a\\nb\\tc\""},
      {"</script>&", "\"\\u003c/script\\u003e\\u0026\""},
      {"\x01", "\"\\u0001\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
      {"bad\xFF", "\"bad\\ufffd\""},
      {"\xE2\x80\xA8", "\"\\u2028\""},
  };
  for (const auto& c : cases) EXPECT_EQ(QuoteJson(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace claimcheck
