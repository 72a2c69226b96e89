// Feeds the readers thousands of generated inputs made of the fragments that make parsers
// stumble (unclosed tags and strings, stray entities, invalid UTF-8, forum markers,
// dates, abbreviations) and checks the invariants every Document must keep: valid UTF-8
// text, posts and quotations inside the text, offset runs in order and inside the input.
// Run under --config=asan to catch memory errors.
#include <random>
#include <string>
#include <vector>

#include "extract/read/issue_sink.h"
#include "extract/read/reader.h"
#include "extract/read/sentence_splitter.h"
#include "extract/read/utf8.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

const std::vector<std::string>& Fragments() {
  static const auto* f = new std::vector<std::string>{
      "<p>", "</p>", "<div class=\"share\">", "</div>", "<script>", "</script>", "<!--", "-->",
      "<nav>", "</nav>", "<br>", "<title>", "<meta property=\"article:published_time\" content=\"",
      "<time datetime=\"", "\">", "&#", "&#x", "&amp", "&rsquo;", "&", ";", "<", ">", "{", "}",
      "[", "]", "\"", ":", ",", "\\u", "\\ud800", "\\", "\"content\":{\"rendered\":\"",
      "\"title\":", "\"text\":", "\"date_gmt\":\"2023-09-03T11:20:00\"", "\n", "\n\n", " ",
      "Registered Member\n", "fabwatcher\n", "x said:\n", "Click to expand...\n",
      "Yesterday at 10:42 PM\n", "3 days ago\n", "Nov 4, 2025 4:39 am ET", "2024-05-27",
      "Feb 30, 2024", "\xE2\x80", "\xE2\x80\x99", "\xFF", "\xC0\xAF", "\xF0\x9F\x98\x80", "2.3",
      "U.S. ", "Corp. ", "e.g. ", "...", "\xE2\x80\xA6", "1. ", "- ", "The fund grew. ",
      "Revenue rose 7.8% to $2.38 billion in the quarter, a record for the company. ",
      "<script type=\"application/ld+json\">", "{\"@type\":\"NewsArticle\",\"headline\":\"H\"}"};
  return *f;
}

std::string Generate(std::mt19937* rng, const std::string& prefix) {
  const auto& f = Fragments();
  std::uniform_int_distribution<size_t> count(0, 80);
  std::uniform_int_distribution<size_t> pick(0, f.size() - 1);
  std::string s = prefix;
  for (size_t n = count(*rng); n > 0; --n) s += f[pick(*rng)];
  return s;
}

void CheckInvariants(const v1::Document& d, size_t input_size) {
  ASSERT_TRUE(IsValidUtf8(d.text())) << d.uri();
  ASSERT_EQ(d.id().size(), 16u);
  for (const v1::Post& p : d.posts()) {
    ASSERT_LE(p.begin(), p.end());
    ASSERT_LE(p.end(), d.text().size());
  }
  for (const v1::Quotation& q : d.quotations()) {
    ASSERT_LT(q.begin(), q.end());
    ASSERT_LE(q.end(), d.text().size());
  }
  uint64_t last = 0;
  for (const v1::OffsetRun& r : d.offset_map()) {
    ASSERT_GE(r.text_offset(), last);
    last = r.text_offset();
    ASSERT_LE(r.source_offset(), input_size);
  }
  for (const TextSpan& s : SplitSentences(d.text())) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, d.text().size());
  }
}

TEST(ReaderFuzzTest, GeneratedInputsKeepDocumentInvariants) {
  std::mt19937 rng(20261122);
  const char* prefixes[] = {"", "<html><body>", "{", "[{", "{\"text\": \"", "Thread title\n\n"};
  CollectingIssueSink sink;
  size_t documents = 0;
  for (int round = 0; round < 10000; ++round) {
    std::string input = Generate(&rng, prefixes[round % 6]);
    ReadOptions options;
    if (round % 2 == 0) options.reference_date = absl::CivilDay(2025, 11, 22);
    DocumentReader reader(options, &sink);
    reader.ReadBytes(input, "fuzz-" + std::to_string(round), [&](v1::Document&& d) {
      ++documents;
      CheckInvariants(d, input.size());
    });
    if (HasFatalFailure()) {
      ADD_FAILURE() << "input: " << input;
      return;
    }
  }
  EXPECT_GT(documents, 3000u);  // most generated inputs still give a document
}

}  // namespace
}  // namespace claimcheck
