#include "extract/class_index.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "extract/word_lists.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int k = 0; k < times; ++k) absl::StrAppend(&out, text, " ");
  return out;
}

// Next answers as NextWithClass does, from every start, for every bound, for classes
// that occur often, rarely, once and never, in sentences shorter than a block, of whole
// blocks and longer than the inline blocks.
TEST(ClassIndexTest, NextAgreesWithNextWithClass) {
  struct Case {
    const char* name;
    std::string text;
  } cases[] = {
      {"empty", ""},
      {"shorter than a block", "The company said it rose."},
      {"one whole block", "one two three four five six seven eight"},
      {"several blocks",
       "In the third quarter the company said its revenue of developing chips rose 10% "
       "to $5 billion, according to the fund."},
      {"past the inline blocks",
       Repeat("Revenue at the company rose in the year, analysts said, of launching.", 12)},
  };
  const uint32_t class_sets[] = {
      kPreposition,                      // common
      kReferenceCue | kCompanyNoun | kFundNoun,  // a few
      kPeriodNoun,                       // rare
      kOfWord,
      kAttributionCue | kForecastCue | kReportingVerb,
      kTargetWord,                       // absent from these texts
  };
  for (const Case& c : cases) {
    const std::vector<Token> tokens = Tokenize(c.text);
    const ClassIndex index(tokens);
    for (const uint32_t classes : class_sets) {
      bool any = false;
      for (const Token& t : tokens) any = any || (t.classes & classes) != 0;
      EXPECT_EQ(index.Any(classes), any) << c.name << ", classes " << classes;
      for (size_t end = 0; end <= tokens.size() + 2; ++end) {
        for (size_t i = 0; i <= tokens.size() + 2; ++i) {
          ASSERT_EQ(index.Next(i, classes, end), NextWithClass(tokens, i, classes, end))
              << c.name << ", classes " << classes << ", from " << i << " to " << end;
        }
      }
      for (size_t i = 0; i <= tokens.size() + 1; ++i) {
        ASSERT_EQ(index.Next(i, classes), NextWithClass(tokens, i, classes))
            << c.name << ", classes " << classes << ", from " << i;
      }
    }
  }
}

}  // namespace
}  // namespace claimcheck
