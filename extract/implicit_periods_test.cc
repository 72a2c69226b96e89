#include "extract/implicit_periods.h"

#include <cstring>
#include <string>
#include <vector>

#include "extract/tokens.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TimeMention Mention(const std::string& text, const char* written, const char* start,
                    const char* end, v1::Granularity g) {
  TimeMention m;
  m.begin = text.find(written);
  m.end = m.begin + strlen(written);
  m.scope.set_start(start);
  m.scope.set_end(end);
  m.scope.set_granularity(g);
  m.scope.set_text(written);
  return m;
}

v1::PublicationTime Published(int64_t seconds) {
  v1::PublicationTime p;
  p.mutable_time()->set_seconds(seconds);
  return p;
}

TEST(ImplicitPeriodsTest, ImplicitPeriodsStatedAndForecast) {
  const std::string text =
      "Third-quarter revenue rose, while in the first half of the year sales fell.";
  const std::vector<Token> tokens = Tokenize(text);
  const v1::PublicationTime published = Published(1763164800);  // 2025-11-15
  std::vector<TimeMention> stated, forecast;
  ImplicitPeriods(tokens, {}, published, &stated, &forecast);
  ASSERT_EQ(stated.size(), 2u);
  ASSERT_EQ(forecast.size(), 2u);
  EXPECT_EQ(text.substr(stated[0].begin, stated[0].end - stated[0].begin), "Third-quarter");
  EXPECT_EQ(stated[0].scope.start(), "2025-07-01");
  EXPECT_EQ(stated[0].scope.end(), "2025-10-01");
  EXPECT_EQ(forecast[0].scope.start(), "2026-07-01");
  EXPECT_EQ(text.substr(stated[1].begin, stated[1].end - stated[1].begin),
            "first half of the year");
  EXPECT_EQ(stated[1].scope.start(), "2025-01-01");
  EXPECT_EQ(forecast[1].scope.start(), "2026-01-01");
  // The one-list form gives the same periods.
  for (const bool f : {false, true}) {
    std::vector<TimeMention> one = ImplicitPeriods(tokens, {}, published, f);
    const std::vector<TimeMention>& both = f ? forecast : stated;
    ASSERT_EQ(one.size(), both.size());
    for (size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(one[i].begin, both[i].begin);
      EXPECT_EQ(one[i].scope.start(), both[i].scope.start());
      EXPECT_EQ(one[i].scope.end(), both[i].scope.end());
    }
  }
  // An undated document has none.
  ImplicitPeriods(tokens, {}, v1::PublicationTime(), &stated, &forecast);
  EXPECT_TRUE(stated.empty());
  EXPECT_TRUE(forecast.empty());
}

TEST(ImplicitPeriodsTest, HasUnnumberedPeriodsSaysWhetherAligningMovesOne) {
  const std::string text = "Third-quarter sales and Q3 2025 sales";
  const v1::PublicationTime published = Published(1763164800);  // 2025-11-15
  std::vector<TimeMention> unnumbered = {
      Mention(text, "Third-quarter", "2025-07-01", "2025-10-01", v1::GRANULARITY_QUARTER)};
  std::vector<TimeMention> numbered = {
      Mention(text, "Q3 2025", "2025-07-01", "2025-10-01", v1::GRANULARITY_QUARTER)};
  // Begun by the publication day: a stated figure keeps it; a forecast's moves a year on.
  EXPECT_FALSE(HasUnnumberedPeriods(text, published, false, unnumbered));
  EXPECT_TRUE(HasUnnumberedPeriods(text, published, true, unnumbered));
  // Written with digits: never moved.
  EXPECT_FALSE(HasUnnumberedPeriods(text, published, true, numbered));
  EXPECT_FALSE(HasUnnumberedPeriods(text, v1::PublicationTime(), true, unnumbered));
  AlignUnnumberedPeriods(text, published, true, &unnumbered);
  EXPECT_EQ(unnumbered[0].scope.start(), "2026-07-01");
  EXPECT_FALSE(HasUnnumberedPeriods(text, published, true, unnumbered));
}

// "the quarter" and "the year" are the latest ended ones; "a year earlier" is a year
// before another period of the sentence; spans the recognizer found are left alone.
TEST(ImplicitPeriodsTest, ThePeriodAndAYearEarlier) {
  const v1::PublicationTime published = Published(1763164800);  // 2025-11-15
  {
    const std::string text = "Revenue in the quarter rose to $5 billion.";
    const std::vector<TimeMention> found = ImplicitPeriods(Tokenize(text), {}, published, false);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "the quarter");
    EXPECT_EQ(found[0].scope.start(), "2025-07-01");
    EXPECT_EQ(found[0].scope.end(), "2025-10-01");
    EXPECT_TRUE(found[0].scope.text().empty());
  }
  {
    const std::string text = "Sales were $9 billion in 2024, up from $8 billion a year earlier.";
    const std::vector<TimeMention> stated = {
        Mention(text, "in 2024", "2024-01-01", "2025-01-01", v1::GRANULARITY_YEAR)};
    const std::vector<TimeMention> found =
        ImplicitPeriods(Tokenize(text), stated, published, false);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "a year earlier");
    EXPECT_EQ(found[0].scope.start(), "2023-01-01");
    EXPECT_EQ(found[0].scope.end(), "2024-01-01");
    EXPECT_TRUE(found[0].scope.text().empty());
  }
}

}  // namespace
}  // namespace claimcheck
