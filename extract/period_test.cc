#include "extract/period.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "extract/tokens.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TimeMention Mention(const std::string& text, const char* written, const char* start,
                    const char* end, v1::Granularity g, bool unresolved = false) {
  TimeMention m;
  m.begin = text.find(written);
  m.end = m.begin + strlen(written);
  m.scope.set_start(start);
  m.scope.set_end(end);
  m.scope.set_granularity(g);
  m.scope.set_unresolved(unresolved);
  m.scope.set_text(written);
  return m;
}

v1::PublicationTime Published(int64_t seconds) {
  v1::PublicationTime p;
  p.mutable_time()->set_seconds(seconds);
  return p;
}

TEST(PeriodTest, PeriodsEndingOnADay) {
  struct Case {
    const char* name;
    std::string text;
    const char* day;  // the day mention as written
    const char* end;  // its scope end (exclusive)
    const char* want_text;
    const char* want_start;  // "" when the mention stays a day
    v1::Granularity want_granularity;
  } cases[] = {
      {"quarter", "Revenue for the quarter ended June 30 rose 5%.", "June 30", "2025-07-01",
       "quarter ended June 30", "2025-04-01", v1::GRANULARITY_QUARTER},
      {"six months ending", "Sales in the six months ending 31 March were flat.", "31 March",
       "2025-04-01", "six months ending 31 March", "2024-10-01", v1::GRANULARITY_HALF},
      {"fiscal year that ended",
       "In the fiscal year that ended September 28, it earned $2 billion.", "September 28",
       "2024-09-29", "year that ended September 28", "2023-09-29",
       v1::GRANULARITY_YEAR},
      {"nine months in digits", "For the 9 months ended Sept. 30, profit doubled.", "Sept. 30",
       "2025-10-01", "9 months ended Sept. 30", "2025-01-01", v1::GRANULARITY_MONTH},
      {"quarter across a year end", "In the quarter ended February 28, orders fell.",
       "February 28", "2025-03-01", "quarter ended February 28", "2024-12-01",
       v1::GRANULARITY_QUARTER},
      {"no period noun", "Shares ended June 30 at $12.", "June 30", "2025-07-01", "June 30", "",
       v1::GRANULARITY_DAY},
      {"a deadline", "The quarter ends by June 30.", "June 30", "2025-07-01", "June 30", "",
       v1::GRANULARITY_DAY},
      {"five months", "In the five months ended May 31, sales rose.", "May 31", "2025-06-01",
       "May 31", "", v1::GRANULARITY_DAY},
  };
  for (const Case& c : cases) {
    absl::CivilDay end_day;
    ASSERT_TRUE(absl::ParseCivilTime(c.end, &end_day)) << c.name;
    const std::string day = absl::FormatCivilTime(end_day - 1);
    std::vector<TimeMention> times = {
        Mention(c.text, c.day, day.c_str(), c.end, v1::GRANULARITY_DAY)};
    times[0].scope.set_kind(v1::SCOPE_KIND_POINT);
    WidenPeriodsEndingOnADay(Tokenize(c.text), c.text, &times);
    const TimeMention& m = times[0];
    EXPECT_EQ(c.text.substr(m.begin, m.end - m.begin), c.want_text) << c.name;
    EXPECT_EQ(m.scope.granularity(), c.want_granularity) << c.name;
    if (*c.want_start != '\0') {
      EXPECT_EQ(m.scope.start(), c.want_start) << c.name;
      EXPECT_EQ(m.scope.end(), c.end) << c.name;
      EXPECT_EQ(m.scope.kind(), v1::SCOPE_KIND_PERIOD) << c.name;
      EXPECT_EQ(m.scope.text(), c.want_text) << c.name;
    }
  }
}

TEST(PeriodTest, LeadingMonthsOfAYear) {
  struct Case {
    const char* name;
    std::string text;
    const char* year;  // the year mention as written
    const char* want_text;
    const char* want_end;  // "" when the mention stays the year
    v1::Granularity want_granularity;
  } cases[] = {
      {"nine months, 'of' in the mention", "In the first nine months of 2025, imports rose.",
       "of 2025", "first nine months of 2025", "2025-10-01", v1::GRANULARITY_MONTH},
      {"six months in digits", "Sales in the first 6 months of 2024 fell.", "2024",
       "first 6 months of 2024", "2024-07-01", v1::GRANULARITY_HALF},
      {"three months", "In the first three months of 2023 it lost money.", "of 2023",
       "first three months of 2023", "2023-04-01", v1::GRANULARITY_QUARTER},
      {"not the first months", "In the last nine months of 2025, imports rose.", "of 2025",
       "of 2025", "", v1::GRANULARITY_YEAR},
  };
  for (const Case& c : cases) {
    const std::string year = std::string(c.year).substr(std::string(c.year).size() - 4);
    const std::string start = year + "-01-01";
    const std::string end = std::to_string(std::stoi(year) + 1) + "-01-01";
    std::vector<TimeMention> times = {
        Mention(c.text, c.year, start.c_str(), end.c_str(), v1::GRANULARITY_YEAR)};
    NarrowToLeadingMonths(Tokenize(c.text), c.text, &times);
    const TimeMention& m = times[0];
    EXPECT_EQ(c.text.substr(m.begin, m.end - m.begin), c.want_text) << c.name;
    EXPECT_EQ(m.scope.granularity(), c.want_granularity) << c.name;
    if (*c.want_end != '\0') {
      EXPECT_EQ(m.scope.start(), year + "-01-01") << c.name;
      EXPECT_EQ(m.scope.end(), c.want_end) << c.name;
    }
  }
}

// The tokens overlapping bytes [b, e), found one by one; {0, 0} when none does.
TokenRange TokensOverlapping(const std::vector<Token>& tokens, size_t b, size_t e) {
  size_t first = tokens.size(), last = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].end > b && tokens[i].begin < e) {
      first = std::min(first, i);
      last = i + 1;
    }
  }
  return first < last ? TokenRange{first, last} : TokenRange{0, 0};
}

TEST(PeriodTest, ChooseScope) {
  struct Case {
    const char* name;
    std::string text;
    const char* figure;
    std::vector<std::tuple<const char*, const char*, const char*, v1::Granularity, bool>> times;
    const char* want_start;
    const char* want_end;
    bool want_inferred;
  } cases[] = {
      {"after the figure", "Revenue was $6.32 billion in 2023.", "$6.32 billion",
       {{"in 2023", "2023-01-01", "2024-01-01", v1::GRANULARITY_YEAR, false}},
       "2023-01-01", "2024-01-01", false},
      {"before the figure", "In Q3 2025, Big Fund III committed RMB 450 million.",
       "RMB 450 million",
       {{"Q3 2025", "2025-07-01", "2025-10-01", v1::GRANULARITY_QUARTER, false}},
       "2025-07-01", "2025-10-01", false},
      {"after wins over before, other figure blocks", "It rose in 2024 to $8 billion, from $6 billion in 2023.",
       "$8 billion",
       {{"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false},
        {"in 2023", "2023-01-01", "2024-01-01", v1::GRANULARITY_YEAR, false}},
       "2024-01-01", "2025-01-01", false},
      {"relative clause is not the figure's", "A teardown of the phone, which went on sale last year, found a 7nm chip.",
       "7nm",
       {{"last year", "2022-01-01", "2023-01-01", v1::GRANULARITY_YEAR, false}},
       "2023-09-03", "2023-09-04", true},
      {"year as a modifier", "The best process is the 2008-vintage 40nm process.", "40nm",
       {{"2008", "2008-01-01", "2009-01-01", v1::GRANULARITY_YEAR, false}},
       "2023-09-03", "2023-09-04", true},
      {"last year anchored by the stated range",
       "Revenue jumped 121% from 2019 to 2021 reaching $2.3 billion last year.", "$2.3 billion",
       {{"from 2019 to 2021", "2019-01-01", "2022-01-01", v1::GRANULARITY_MULTI_YEAR, false},
        {"last year", "", "", v1::GRANULARITY_YEAR, true}},
       "2021-01-01", "2022-01-01", false},
      {"figures joined by 'and' share the period after them",
       "Revenue was $3 billion and profit $1 billion in 2024.", "$3 billion",
       {{"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}},
       "2024-01-01", "2025-01-01", false},
      {"a figure between, not joined, still blocks",
       "Revenue of $3 billion beat estimates of $1 billion in 2024.", "$3 billion",
       {{"in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false}},
       "2023-09-03", "2023-09-04", true},
  };
  for (const Case& c : cases) {
    std::vector<TimeMention> times;
    for (const auto& [w, s, e, g, u] : c.times) times.push_back(Mention(c.text, w, s, e, g, u));
    size_t fb = c.text.find(c.figure);
    size_t fe = fb + strlen(c.figure);
    std::vector<ByteRange> figures;
    for (const char* f :
         {"$6 billion", "$8 billion", "121%", "$2.3 billion", "$1 billion", c.figure}) {
      size_t at = c.text.find(f);
      if (at != std::string::npos) figures.push_back({at, at + strlen(f)});
    }
    v1::TimeScope scope = ChooseScope(Tokenize(c.text), times, figures, fb, fe,
                                      Published(1693742400));  // 2023-09-03 12:00 UTC
    EXPECT_EQ(scope.start(), c.want_start) << c.name;
    EXPECT_EQ(scope.end(), c.want_end) << c.name;
    EXPECT_EQ(scope.inferred(), c.want_inferred) << c.name;
    // The form given the publication day's scope, writing into a scope, agrees.
    v1::TimeScope into;
    into.set_text("overwritten");
    std::optional<v1::TimeScope> inferred;
    ChooseScope(Tokenize(c.text), times, figures, fb, fe, Published(1693742400), &inferred,
                &into);
    EXPECT_EQ(into.SerializeAsString(), scope.SerializeAsString()) << c.name;
    // Token ranges the caller knows (the figure's and every period's, or the first
    // period's only) change nothing.
    const std::vector<Token> tokens = Tokenize(c.text);
    std::vector<TokenRange> ranges;
    for (const TimeMention& m : times) ranges.push_back(TokensOverlapping(tokens, m.begin, m.end));
    for (const size_t known_periods : {ranges.size(), size_t{1}}) {
      KnownTokenRanges known;
      known.figure = TokensOverlapping(tokens, fb, fe);
      known.periods = absl::MakeConstSpan(ranges).first(known_periods);
      v1::TimeScope with_known;
      std::optional<v1::TimeScope> inferred_known;
      ChooseScope(tokens, times, figures, fb, fe, Published(1693742400), &inferred_known,
                  &with_known, {}, known);
      EXPECT_EQ(with_known.SerializeAsString(), scope.SerializeAsString())
          << c.name << ", " << known_periods << " period ranges known";
      EXPECT_EQ(ChooseScope(tokens, times, figures, fb, fe, Published(1693742400), {}, known)
                    .SerializeAsString(),
                scope.SerializeAsString())
          << c.name << ", " << known_periods << " period ranges known";
    }
  }
}

// Periods flagged in `left_out` are chosen, and anchor "last year", as if they were not
// in the list at all.
TEST(PeriodTest, ChooseScopeLeavesOutFlaggedPeriods) {
  struct Case {
    const char* name;
    std::string text;
    const char* figure;
    std::vector<const char*> periods;  // written as in the text, the flagged ones first
    size_t flagged;
  } cases[] = {
      {"stated period left out", "It rose in 2024 to $8 billion, from $6 billion in 2023.",
       "$8 billion", {"in 2024", "in 2023"}, 1},
      {"anchor left out", "Revenue jumped 121% from 2019 to 2021 reaching $2.3 billion last year.",
       "$2.3 billion", {"from 2019 to 2021", "last year"}, 1},
      {"nothing left out", "Revenue was $6.32 billion in 2023.", "$6.32 billion", {"in 2023"}, 0},
  };
  for (const Case& c : cases) {
    std::vector<TimeMention> all;
    std::vector<TimeMention> kept;
    absl::InlinedVector<bool, 4> flags;
    for (size_t k = 0; k < c.periods.size(); ++k) {
      const bool last_year = absl::string_view(c.periods[k]) == "last year";
      TimeMention m = Mention(c.text, c.periods[k], last_year ? "" : "2019-01-01",
                              last_year ? "" : "2022-01-01", v1::GRANULARITY_YEAR, last_year);
      flags.push_back(k < c.flagged);
      if (k >= c.flagged) kept.push_back(m);
      all.push_back(std::move(m));
    }
    const size_t fb = c.text.find(c.figure);
    const size_t fe = fb + strlen(c.figure);
    const std::vector<ByteRange> figures = {{fb, fe}};
    const std::vector<Token> tokens = Tokenize(c.text);
    const v1::TimeScope want = ChooseScope(tokens, kept, figures, fb, fe, Published(1693742400));
    const v1::TimeScope got =
        ChooseScope(tokens, all, figures, fb, fe, Published(1693742400), flags);
    EXPECT_EQ(got.SerializeAsString(), want.SerializeAsString()) << c.name;
    v1::TimeScope into;
    std::optional<v1::TimeScope> inferred;
    ChooseScope(tokens, all, figures, fb, fe, Published(1693742400), &inferred, &into, flags);
    EXPECT_EQ(into.SerializeAsString(), want.SerializeAsString()) << c.name;
  }
}

TEST(PeriodTest, UndatedDocumentGivesEmptyScope) {
  v1::TimeScope scope = InferredScope(v1::PublicationTime());
  EXPECT_TRUE(scope.start().empty());
  EXPECT_FALSE(scope.inferred());
}

TEST(PeriodTest, InferredScopeIsThePublicationDayInUtc) {
  struct {
    int64_t seconds;
    const char* start;
    const char* end;
  } cases[] = {
      {0, "1970-01-01", "1970-01-02"},
      {-1, "1969-12-31", "1970-01-01"},               // before the epoch rounds down
      {951782400, "2000-02-29", "2000-03-01"},        // a leap day in a century year
      {1764547199, "2025-11-30", "2025-12-01"},       // the last second of a day
      {1764547200, "2025-12-01", "2025-12-02"},
      {4107542400, "2100-03-01", "2100-03-02"},       // 2100 is no leap year
      {-62135596800, "0001-01-01", "0001-01-02"},
  };
  for (const auto& c : cases) {
    v1::TimeScope scope = InferredScope(Published(c.seconds));
    EXPECT_EQ(scope.start(), c.start) << c.seconds;
    EXPECT_EQ(scope.end(), c.end) << c.seconds;
    EXPECT_TRUE(scope.inferred());
  }
}

TEST(PeriodTest, ChangeScopeWidensBackOnePeriod) {
  struct {
    const char* start;
    const char* end;
    v1::Granularity g;
    bool yoy;
    const char* want_start;
  } cases[] = {
      {"2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR, false, "2023-01-01"},
      {"2024-07-01", "2024-10-01", v1::GRANULARITY_QUARTER, true, "2023-07-01"},
      {"2025-07-01", "2025-10-01", v1::GRANULARITY_QUARTER, false, "2025-04-01"},
      {"2024-01-01", "2024-07-01", v1::GRANULARITY_HALF, false, "2023-07-01"},
      {"2019-01-01", "2022-01-01", v1::GRANULARITY_MULTI_YEAR, false, "2019-01-01"},
  };
  for (const auto& c : cases) {
    v1::TimeScope scope;
    scope.set_start(c.start);
    scope.set_end(c.end);
    scope.set_granularity(c.g);
    ChangeScope(c.yoy, &scope);
    EXPECT_EQ(scope.start(), c.want_start) << c.start;
    EXPECT_EQ(scope.end(), c.end) << c.start;
  }
}

}  // namespace
}  // namespace claimcheck
