#include "review/json_writer.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(JsonWriterTest, QuoteEscapes) {
  struct {
    const char* name;
    std::string in;
    std::string want;
  } cases[] = {
      {"plain", "abc", "\"abc\""},
      {"quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""},
      {"control characters", std::string("a\nb\tc\x01", 6), "\"a\\nb\\tc\\u0001\""},
      {"script end tag cannot close a script element", "</script>",
       "\"\\u003c/script\\u003e\""},
      {"ampersand", "a&b", "\"a\\u0026b\""},
      {"utf8 kept", "\xE4\xB8\x87 yuan", "\"\xE4\xB8\x87 yuan\""},
      {"line separator escaped", "a\xE2\x80\xA8" "b", "\"a\\u2028b\""},
      {"invalid utf8 replaced", "a\xFF" "b", "\"a\\ufffdb\""},
      {"truncated utf8 replaced", "a\xE4\xB8", "\"a\\ufffd\\ufffd\""},
  };
  for (const auto& c : cases) EXPECT_EQ(JsonWriter::Quote(c.in), c.want) << c.name;
}

TEST(JsonWriterTest, NestedStructure) {
  JsonWriter w;
  w.BeginObject();
  w.Member("@type", "ClaimReview");
  w.Key("n");
  w.Number(5);
  w.Key("x");
  w.Number(0.1);
  w.Key("list");
  w.BeginArray();
  w.BeginObject();
  w.EndObject();
  w.Bool(true);
  w.Null();
  w.EndArray();
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(w.text(),
            "{\n  \"@type\": \"ClaimReview\",\n  \"n\": 5,\n  \"x\": 0.1,\n  \"list\": [\n"
            "    {},\n    true,\n    null\n  ],\n  \"empty\": []\n}");
}

}  // namespace
}  // namespace claimcheck
