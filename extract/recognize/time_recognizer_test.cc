#include "extract/recognize/time_recognizer.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* expression;  // the mention's text
  const char* start;
  const char* end;
  v1::ScopeKind kind;
  v1::Granularity granularity;
};

const Case kCases[] = {
    {"Quarter", "In Q3 2025, the fund committed", "In Q3 2025", "2025-07-01", "2025-10-01",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_QUARTER},
    {"QuarterWords", "during the third quarter of 2024", "during the third quarter of 2024",
     "2024-07-01", "2024-10-01", v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_QUARTER},
    {"Year", "sales doubled in 2023 alone", "in 2023", "2023-01-01", "2024-01-01",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_YEAR},
    {"Half", "profit in H1 2024 rose", "in H1 2024", "2024-01-01", "2024-07-01",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_HALF},
    {"FiscalYear", "FY2024 revenue", "FY2024", "2024-01-01", "2025-01-01",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_YEAR},
    {"FromTo", "revenues jumped 121% from 2019 to 2021", "from 2019 to 2021", "2019-01-01",
     "2022-01-01", v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_MULTI_YEAR},
    {"Between", "between 2014 and 2019 the fund", "between 2014 and 2019", "2014-01-01",
     "2020-01-01", v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_MULTI_YEAR},
    {"LastYear", "reaching $2.3 billion last year", "last year", "2021-01-01", "2022-01-01",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_YEAR},
    {"LastQuarter", "margins fell last quarter", "last quarter", "2022-01-01", "2022-04-01",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_QUARTER},
    {"NextTwoYears", "in the next two years, a 28nm line", "in the next two years",
     "2022-05-10", "2024-05-10", v1::SCOPE_KIND_FORECAST, v1::GRANULARITY_MULTI_YEAR},
    {"By", "capacity will double by 2030", "by 2030", "", "2031-01-01",
     v1::SCOPE_KIND_DEADLINE, v1::GRANULARITY_YEAR},
    {"Since", "prices rose since 2019", "since 2019", "2019-01-01", "",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_YEAR},
    {"AsOf", "as of September 1, the fund held", "as of September 1", "2022-09-01",
     "2022-09-02", v1::SCOPE_KIND_POINT, v1::GRANULARITY_DAY},
    {"MonthYear", "launched in September 2023 with", "in September 2023", "2023-09-01",
     "2023-10-01", v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_MONTH},
    {"IsoDate", "released on 2024-01-15 by", "on 2024-01-15", "2024-01-15", "2024-01-16",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_DAY},
    {"MonthDayYear", "Tuesday, Nov 4, 2025 4:39 am", "Nov 4, 2025", "2025-11-04",
     "2025-11-05", v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_DAY},
    // Years are read by hand; these pin the spans RE2 gives them.
    {"AsOfYear", "held as of 2020 in", "as of 2020", "2020-01-01", "2021-01-01",
     v1::SCOPE_KIND_POINT, v1::GRANULARITY_YEAR},
    {"PrepAcrossLines", "rose THROUGHOUT\n\t1999 and", "THROUGHOUT\n\t1999", "1999-01-01",
     "2000-01-01", v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_YEAR},
    {"PrepNeedsWordEdge", "within 2021 sales", "2021", "2021-01-01", "2022-01-01",
     v1::SCOPE_KIND_PERIOD, v1::GRANULARITY_YEAR},
};

TEST(TimeRecognizerTest, ResolvesScopes) {
  auto r = TimeRecognizer::Create();
  ASSERT_TRUE(r.ok()) << r.status();
  const absl::CivilDay reference(2022, 5, 10);
  for (const Case& c : kCases) {
    std::vector<TimeMention> found = (*r)->Find(c.text, reference);
    const TimeMention* hit = nullptr;
    for (const TimeMention& m : found) {
      if (m.scope.text() == c.expression) hit = &m;
    }
    ASSERT_NE(hit, nullptr) << c.name << ": \"" << c.expression << "\" not found in \""
                            << c.text << "\" (" << found.size() << " found"
                            << (found.empty() ? "" : ", first: " + found[0].scope.text())
                            << ")";
    EXPECT_EQ(hit->scope.start(), c.start) << c.name;
    EXPECT_EQ(hit->scope.end(), c.end) << c.name;
    EXPECT_EQ(hit->scope.kind(), c.kind) << c.name;
    EXPECT_EQ(hit->scope.granularity(), c.granularity) << c.name;
    EXPECT_EQ(std::string(c.text).substr(hit->begin, hit->end - hit->begin), c.expression);
  }
}

TEST(TimeRecognizerTest, RelativeWithoutReferenceIsUnresolved) {
  auto r = TimeRecognizer::Create();
  ASSERT_TRUE(r.ok()) << r.status();
  auto found = (*r)->Find("sales rose last year", std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].scope.unresolved());
  EXPECT_TRUE(found[0].scope.start().empty());
}

TEST(TimeRecognizerTest, AmountsAreNotYears) {
  auto r = TimeRecognizer::Create();
  ASSERT_TRUE(r.ok()) << r.status();
  for (const char* text : {"it cost $2020 in total", "a rise of 2021%", "1,2019 units",
                           "<h2>Heading</h2>"}) {
    for (const TimeMention& m : (*r)->Find(text, std::nullopt)) {
      ADD_FAILURE() << text << ": unexpected " << m.scope.text();
    }
  }
}

// The combined RE2 pass is skipped or started late by hand-written anchor tests (a year
// read without RE2, words that cannot be part of a period, U+017F folding to 's'); these
// spans are the ones RE2 alone gives.
TEST(TimeRecognizerTest, AnchorShortcutsKeepRe2Spans) {
  auto r = TimeRecognizer::Create();
  ASSERT_TRUE(r.ok()) << r.status();
  struct {
    const char* text;
    std::vector<std::string> expressions;
  } cases[] = {
      {"revenue in fiscal 2024 rose", {"in fiscal 2024"}},
      {"sales rose from 2019 to 2021.", {"from 2019 to 2021"}},
      {"the 2019\xE2\x80\x93" "2021 plan", {"2019\xE2\x80\x93" "2021"}},
      {"the fir\xC5\xBFt quarter of 2024 was weak", {"the fir\xC5\xBFt quarter of 2024"}},
      {"\xE2\x80\x9CIn 2023,\xE2\x80\x9D she said", {"In 2023"}},
      {"for years the fund grew", {}},
      {"$2019 was spent in 2020", {"in 2020"}},
      {"during the past two years", {"during the past two years"}},
      {"in 2024 and 2025", {"in 2024", "2025"}},
      {"capacity will double by 2030-31", {"by 2030"}},
      {"the company said in May that", {"in May"}},
      {"May rose; Market share fell", {}},
  };
  for (const auto& c : cases) {
    std::vector<std::string> got;
    for (const TimeMention& m : (*r)->Find(c.text, absl::CivilDay(2025, 11, 5))) {
      got.push_back(m.scope.text());
    }
    EXPECT_EQ(got, c.expressions) << c.text;
  }
}

// The reusing Find writes over the mentions (and their messages) an earlier text left,
// and takes and gives spare ones: the mentions must be those a fresh vector gets, whatever
// held the vectors before: more mentions, fewer, unresolved ones, open and fallback ones.
TEST(TimeRecognizerTest, ReusedVectorsGiveTheSameMentions) {
  auto r = TimeRecognizer::Create();
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> texts;
  for (const Case& c : kCases) texts.push_back(c.text);
  texts.push_back("nothing here");
  texts.push_back("in Q3 2025, H1 2024, FY2023 and between 2014 and 2019, since 2019");
  texts.push_back("sales rose last year and will double by 2030, from 2019 and 2021");
  texts.push_back("2019 and 2021 were weak; as of September 1 the quarter ended June 30");
  std::vector<TimeMention> reused;
  std::vector<TimeMention> spare;
  // Forwards and backwards, with and without a reference day, so that each text meets
  // vectors left by a different one.
  for (int pass = 0; pass < 4; ++pass) {
    const std::optional<absl::CivilDay> reference =
        pass % 2 == 0 ? std::optional<absl::CivilDay>(absl::CivilDay(2022, 5, 10)) : std::nullopt;
    for (size_t k = 0; k < texts.size(); ++k) {
      const std::string& text = pass < 2 ? texts[k] : texts[texts.size() - 1 - k];
      std::vector<TimeMention> fresh;
      (*r)->Find(text, reference, &fresh);
      (*r)->Find(text, reference, &reused, &spare);
      ASSERT_EQ(reused.size(), fresh.size()) << text;
      for (size_t i = 0; i < fresh.size(); ++i) {
        EXPECT_EQ(reused[i].scope.SerializeAsString(), fresh[i].scope.SerializeAsString())
            << text;
        EXPECT_EQ(reused[i].begin, fresh[i].begin) << text;
        EXPECT_EQ(reused[i].end, fresh[i].end) << text;
      }
      EXPECT_LE(spare.size(), TimeRecognizer::kMaxSpareMentions);
    }
  }
  // The returning Find gives the same as the reusing one.
  for (const std::string& text : texts) {
    std::vector<TimeMention> returned = (*r)->Find(text, absl::CivilDay(2022, 5, 10));
    (*r)->Find(text, absl::CivilDay(2022, 5, 10), &reused, &spare);
    ASSERT_EQ(returned.size(), reused.size()) << text;
    for (size_t i = 0; i < returned.size(); ++i) {
      EXPECT_EQ(returned[i].scope.SerializeAsString(), reused[i].scope.SerializeAsString());
    }
  }
}

TEST(TimeRecognizerTest, MalformedInputReturns) {
  auto r = TimeRecognizer::Create();
  ASSERT_TRUE(r.ok()) << r.status();
  std::string junk = "in 20\xff\xfe" "23 Q\xC3" "3 2025 \xE2\x82";
  (*r)->Find(junk, absl::CivilDay(2024, 1, 1));
  std::string years;
  for (int i = 0; i < 200000; ++i) years += "in 2023 ";
  EXPECT_EQ((*r)->Find(years, std::nullopt).size(), 200000u);
  std::string digits(10 * 1000 * 1000, '7');
  EXPECT_TRUE((*r)->Find(digits, std::nullopt).empty());
}

}  // namespace
}  // namespace claimcheck
