#include "extract/figure_scope.h"

#include <string>
#include <vector>

#include "extract/tokens.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

// A sentence with its figures and periods marked as the assembler marks them.
struct Marked {
  Marked(const std::string& text_in, const std::vector<std::string>& figure_texts,
         const std::vector<std::pair<std::string, std::pair<const char*, const char*>>>&
             periods_in)
      : text(text_in), tokens(Tokenize(text)), s(text, &tokens) {
    s.ClearMarks();
    for (const std::string& f : figure_texts) {
      QuantityMention q;
      q.begin = text.find(f);
      q.end = q.begin + f.size();
      size_t first = tokens.size(), last = 0;
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].begin >= q.begin && tokens[i].end <= q.end) {
          first = std::min(first, i);
          last = i + 1;
          s.fig[i] = static_cast<int>(quantities.size());
        }
      }
      s.figs.push_back({first, last});
      bytes.push_back({q.begin, q.end});
      quantities.push_back(q);
    }
    for (const auto& [written, span] : periods_in) {
      TimeMention m;
      m.begin = text.find(written);
      m.end = m.begin + written.size();
      m.scope.set_start(span.first);
      m.scope.set_end(span.second);
      m.scope.set_granularity(v1::GRANULARITY_YEAR);
      m.scope.set_text(written);
      periods.push_back(m);
    }
  }
  v1::TimeScope ScopeOf(size_t qi, bool growth) {
    std::optional<v1::TimeScope> inferred;
    std::optional<bool> year_on_year;
    v1::TimeScope scope;
    FigureScope(s, quantities, periods, bytes, qi, growth, v1::PublicationTime(), &inferred,
                &year_on_year, &scope);
    return scope;
  }

  std::string text;
  std::vector<Token> tokens;
  grammar::Sentence s;
  std::vector<QuantityMention> quantities;
  std::vector<TimeMention> periods;
  std::vector<ByteRange> bytes;
};

TEST(FigureScopeTest, ALevelTakesItsStatedPeriod) {
  Marked m("Revenue was $5 billion in 2024.", {"$5 billion"},
           {{"in 2024", {"2024-01-01", "2025-01-01"}}});
  v1::TimeScope scope = m.ScopeOf(0, false);
  EXPECT_EQ(scope.start(), "2024-01-01");
  EXPECT_EQ(scope.end(), "2025-01-01");
}

TEST(FigureScopeTest, AChangeSpansTheYearItComparesWith) {
  Marked m("Revenue rose 10% to $5 billion in 2024.", {"10%", "$5 billion"},
           {{"in 2024", {"2024-01-01", "2025-01-01"}}});
  v1::TimeScope change = m.ScopeOf(0, true);
  EXPECT_EQ(change.start(), "2023-01-01");  // the level's year, against the year before
  EXPECT_EQ(change.end(), "2025-01-01");
}

TEST(FigureScopeTest, APeriodAfterFromIsTheBaseNotThePeriod) {
  Marked m("Revenue rose 8% from 2023.", {"8%"}, {{"from 2023", {"2023-01-01", "2024-01-01"}}});
  // Not 2022-2023 or 2023-2024: the change has no period of its own (nor a date to infer
  // one from).
  EXPECT_EQ(m.ScopeOf(0, true).start(), "");
}

}  // namespace
}  // namespace claimcheck
