#include "extract/recognize/figure_suffix.h"

#include <optional>
#include <string>

#include "extract/recognize/number_parser.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

struct Case {
  const char* name;
  const char* text;    // the number starts at byte 0
  bool nouns;
  const char* unit;    // the unit's canonical spelling, "" for none
  const char* noun;    // the counted noun, "" for none
  const char* suffix;  // the text of the suffix, "" when nothing is found
  bool glued;
};

const Case kCases[] = {
    {"GluedUnit", "28nm process", true, "nm", "", "nm", true},
    {"UnitAfterBlank", "45 percent of sales", true, "percent", "", "percent", false},
    {"UnitInBrackets", "20 (kg) of rice", true, "kg", "", "(kg)", false},
    {"NoCurrencyInBrackets", "20 (USD) fee", true, "", "", "", false},
    {"CountedNoun", "10 initial partners joined", true, "", "partner", "initial partners",
     false},
    {"SingularAfterHyphen", "128-layer chip", true, "", "layer", "layer", false},
    {"RateCloses", "50,000 wafers per month", true, "", "wafer per month",
     "wafers per month", false},
    {"NounsNotLookedFor", "10 initial partners joined", false, "", "", "", false},
    {"OneLetterSymbolBeforeHyphen", "230F-A model", true, "", "", "", false},
    {"UnitBeforeDigit", "5 m212 code", true, "", "", "", false},
    {"NumberWordsAfterHyphen", "three-nought-four", true, "", "", "", false},
    {"NothingAfter", "2024", true, "", "", "", false},
};

TEST(FigureSuffixTest, ReadsUnitsAndCountedNouns) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const std::string text = c.text;
    std::optional<ParsedNumber> pn = ParseNumberAt(text, 0);
    ASSERT_TRUE(pn.has_value());
    const FigureSuffix s = ReadFigureSuffix(text, *pn, c.nouns);
    EXPECT_EQ(s.unit != nullptr ? s.unit->canonical : "", c.unit);
    EXPECT_EQ(s.noun, c.noun);
    EXPECT_EQ(s.found() ? text.substr(s.begin, s.end - s.begin) : "", c.suffix);
    EXPECT_EQ(s.found() && s.glued, c.glued);
  }
}

}  // namespace
}  // namespace claimcheck
