#include "extract/read/json_value.h"

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(JsonValueTest, ParsesObjectsArraysAndEscapes) {
  std::string json = R"({"a": [1, 2.5, true, null], "s": "x\u2019y\n\"q\"", "o": {"k": "v"}})";
  absl::StatusOr<JsonValue> v = ParseJson(json);
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_TRUE(v->is_object());
  const JsonValue* a = v->Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->items().size(), 4u);
  EXPECT_EQ(a->items()[1].number(), 2.5);
  EXPECT_EQ(v->FindString("s")->string_value(), "x\xE2\x80\x99y\n\"q\"");
  // Decoded once, on the first call; a copy keeps the decoded string.
  EXPECT_EQ(v->FindString("s")->string_value(), "x\xE2\x80\x99y\n\"q\"");
  const JsonValue copy = *v->FindString("s");
  EXPECT_EQ(copy.string_value(), "x\xE2\x80\x99y\n\"q\"");
  EXPECT_EQ(v->FindPath({"o", "k"})->string_value(), "v");
  EXPECT_EQ(v->FindPath({"o", "missing"}), nullptr);
  EXPECT_EQ(json.substr(v->Find("o")->begin(), v->Find("o")->end() - v->Find("o")->begin()),
            R"({"k": "v"})");
}

TEST(JsonValueTest, MemberNamesWithAndWithoutEscapes) {
  const std::string json = R"({"plain": 1, "t\u00e9st": 2, "q\"uote": 3})";
  absl::StatusOr<JsonValue> v = ParseJson(json);
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_EQ(v->members().size(), 3u);
  EXPECT_EQ(v->members()[0].key(), "plain");
  EXPECT_EQ(v->members()[1].key(), "t\xC3\xA9st");
  EXPECT_EQ(v->members()[2].key(), "q\"uote");
  EXPECT_EQ(v->Find("t\xC3\xA9st")->number(), 2);
  EXPECT_EQ(v->Find("q\"uote")->number(), 3);
  // A copy (moved members, short names) still finds them.
  const JsonValue copy = *v;
  EXPECT_EQ(copy.Find("t\xC3\xA9st")->number(), 2);
  EXPECT_EQ(copy.Find("plain")->number(), 1);
}

TEST(JsonValueTest, SurrogatePairs) {
  auto v = ParseJson(R"("\ud83d\ude00 \ud800")");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->string_value(), "\xF0\x9F\x98\x80 \xEF\xBF\xBD");
}

TEST(JsonValueTest, ErrorsNameTheByteOffset) {
  struct Case {
    const char* json;
    size_t offset;
    const char* says;
  } cases[] = {
      {R"({"a": "unterminated)", 19, "truncated"},
      {R"({"a": [1, 2)", 11, "truncated"},
      {R"({"a" 1})", 5, "expected ':'"},
      {R"({"a": 1} extra)", 9, "after the JSON value"},
      {R"({"a": tru)", 9, "truncated"},
      {"", 0, "truncated"},
      // Escapes in a value are checked while parsing (decoded later): the same errors.
      {R"({"a": "x\q"})", 8, "bad escape \\q"},
      {R"({"a": "x\u12g4"})", 8, "bad \\u escape"},
      {R"({"a": "\ud83d\uzz00"})", 13, "bad \\u escape"},
      {"{\"a\": \"x\\", 9, "truncated"},
      {"{\"a\": \"x\ty\"}", 8, "control character"},
      // And in a member name, which is decoded at once.
      {R"({"a\q": 1})", 3, "bad escape \\q"},
  };
  for (const auto& c : cases) {
    size_t at = 999;
    auto v = ParseJson(c.json, &at);
    ASSERT_FALSE(v.ok()) << c.json;
    EXPECT_EQ(at, c.offset) << c.json << ": " << v.status();
    EXPECT_TRUE(absl::StrContains(v.status().message(), c.says)) << v.status();
    EXPECT_TRUE(absl::StartsWith(v.status().message(), "byte ")) << v.status();
  }
}

TEST(JsonValueTest, DeepNestingIsAnErrorNotACrash) {
  std::string json(100000, '[');
  auto v = ParseJson(json);
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(absl::StrContains(v.status().message(), "nested too deeply"));
}

TEST(JsonValueTest, DecodeStringWithMapLeadsToSource) {
  std::string json = R"({"t": "ab\u00e9cd"})";
  auto v = ParseJson(json);
  ASSERT_TRUE(v.ok());
  std::string out;
  OffsetMap map;
  DecodeStringWithMap(json, *v->Find("t"), &out, &map);
  ASSERT_EQ(out, "ab\xC3\xA9" "cd");
  EXPECT_EQ(map.ToSource(0), json.find("ab"));
  EXPECT_EQ(map.ToSource(2), json.find("\\u00e9"));
  EXPECT_EQ(map.ToSource(4), json.find("cd"));
}

TEST(JsonValueTest, DecodeStringViewWithMapMatchesTheCopyingDecoder) {
  const struct {
    const char* name;
    const char* json;
    bool viewed;  // no escapes: the result views the JSON text
  } cases[] = {
      {"Plain", R"({"t": "Revenue rose 3%"})", true},
      {"Empty", R"({"t": ""})", true},
      {"Escapes", R"({"t": "a\/b \u2019 \"q\""})", false},
  };
  for (const auto& c : cases) {
    const std::string json = c.json;
    auto v = ParseJson(json);
    ASSERT_TRUE(v.ok()) << c.name << ": " << v.status();
    const JsonValue& t = *v->Find("t");
    std::string copy;
    OffsetMap copy_map;
    DecodeStringWithMap(json, t, &copy, &copy_map);
    std::string storage;
    OffsetMap view_map;
    absl::string_view view = DecodeStringViewWithMap(json, t, &storage, &view_map);
    EXPECT_EQ(view, copy) << c.name;
    EXPECT_EQ(t.string_value(), copy) << c.name;
    const bool in_json = view.data() >= json.data() && view.data() <= json.data() + json.size();
    EXPECT_EQ(in_json, c.viewed) << c.name;
    ASSERT_EQ(view_map.runs().size(), copy_map.runs().size()) << c.name;
    for (size_t k = 0; k < copy.size(); ++k) {
      EXPECT_EQ(view_map.ToSource(k), copy_map.ToSource(k)) << c.name << " byte " << k;
    }
  }
}

}  // namespace
}  // namespace claimcheck
