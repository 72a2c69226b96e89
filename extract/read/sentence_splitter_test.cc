#include "extract/read/sentence_splitter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const TextSpan& s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> sentences;
};

const Case kCases[] = {
    {"TwoSimpleSentences", "The fund grew. It then shrank.", {"The fund grew.", "It then shrank."}},
    {"DecimalIsNotABoundary", "Revenue rose 2.3 percent. Margins fell.",
     {"Revenue rose 2.3 percent.", "Margins fell."}},
    {"CompanySuffixBeforeParenthesis",
     "Semiconductor Manufacturing International Corp. (SMIC) grew. It is large.",
     {"Semiconductor Manufacturing International Corp. (SMIC) grew.", "It is large."}},
    {"CompanySuffixBeforeName", "Fujian Jinhua Integrated Circuit Co. Ltd. said so.",
     {"Fujian Jinhua Integrated Circuit Co. Ltd. said so."}},
    {"CompanySuffixEndsSentenceBeforeOpener", "They bought Acme Inc. The deal closed.",
     {"They bought Acme Inc.", "The deal closed."}},
    {"DottedInitialismBeforeNoun", "The U.S. Commerce Department acted. China replied.",
     {"The U.S. Commerce Department acted.", "China replied."}},
    {"DottedInitialismEndsSentence", "Chips flowed to the U.S. The U.K. followed.",
     {"Chips flowed to the U.S.", "The U.K. followed."}},
    {"TitlesAndInitials", "Mr. J. Smith met Dr. Li. They spoke.",
     {"Mr. J. Smith met Dr. Li.", "They spoke."}},
    // Abbreviations a few bytes before the end of the text (the lookup reads no further).
    {"TitleNearTheEnd", "I met Mr. X", {"I met Mr. X"}},
    {"SuffixNearTheEnd", "It is Acme Co. The", {"It is Acme Co.", "The"}},
    {"SuffixNearTheEndBeforeName", "Ask Co. X", {"Ask Co. X"}},
    {"NumberAndMonthAbbreviations", "It is the No. 2 maker since Jan. 5 of this year. Good.",
     {"It is the No. 2 maker since Jan. 5 of this year.", "Good."}},
    {"LatinAbbreviations", "Some tools, e.g. etchers, i.e. dry ones. Next.",
     {"Some tools, e.g. etchers, i.e. dry ones.", "Next."}},
    {"QuoteAfterPeriod", "He said \"it is done.\" Then he left.",
     {"He said \"it is done.\"", "Then he left."}},
    {"CurlyQuoteAfterPeriod", "She said \xE2\x80\x9Cstill difficult.\xE2\x80\x9D Shares fell.",
     {"She said \xE2\x80\x9Cstill difficult.\xE2\x80\x9D", "Shares fell."}},
    {"EllipsisBeforeLowercaseContinues", "it is the way it goes....some issue remains.",
     {"it is the way it goes....some issue remains."}},
    {"EllipsisBeforeCapitalEnds", "Wait... That already exists.", {"Wait...", "That already exists."}},
    {"QuestionAndExclamation", "Is it real? Yes! Very good.", {"Is it real?", "Yes!", "Very good."}},
    {"ParagraphBreakEndsSentence", "Key Takeaways\n\nThe fund grew", {"Key Takeaways", "The fund grew"}},
    {"BulletLinesAreSentences", "Summary:\n- First point here\n- Second point here",
     {"Summary:", "First point here", "Second point here"}},
    {"NumberedListItems", "Areas:\n1. Packaging matters.\n2. Startups matter.",
     {"Areas:", "Packaging matters.", "Startups matter."}},
    {"HardWrappedLineContinues", "the fund has raised\nmoney from banks.", {"the fund has raised\nmoney from banks."}},
    {"LineWithoutPunctuationBeforeCapital", "Huawei leading chip revival\nHaving spent money, it grew.",
     {"Huawei leading chip revival", "Having spent money, it grew."}},
    {"UrlAndDomainAreNotBoundaries", "See ioplus.nl for more. Done.", {"See ioplus.nl for more.", "Done."}},
    {"ChineseFullStop", "\xE4\xB8\xAD\xE5\x9B\xBD\xE3\x80\x82\xE7\xBE\x8E\xE5\x9B\xBD\xE3\x80\x82",
     {"\xE4\xB8\xAD\xE5\x9B\xBD\xE3\x80\x82", "\xE7\xBE\x8E\xE5\x9B\xBD\xE3\x80\x82"}},
    {"EmptyText", "", {}},
    {"OnlyWhitespace", " \n\n \t", {}},
};

TEST(SentenceSplitterTest, Table) {
  for (const Case& c : kCases) {
    EXPECT_EQ(Split(c.text), c.sentences) << c.name;
  }
}

TEST(SentenceSplitterTest, SpansAreOrderedAndInsideText) {
  std::string text = "A first one. A second one!\n\n- bullet\nlast";
  size_t prev_end = 0;
  for (const TextSpan& s : SplitSentences(text)) {
    EXPECT_LE(prev_end, s.begin);
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    prev_end = s.end;
  }
}

// The scanner skips blocks of 16 or 32 bytes with no byte it must stop at: every
// terminator is seen at every position in and across such blocks, and no other byte
// value stops the scan wrongly (a text of any other byte between two sentences splits
// as it would byte by byte: those bytes never end a sentence).
TEST(SentenceSplitterTest, TerminatorsAreSeenAtEveryPositionOfABlock) {
  const struct {
    const char* name;
    const char* mark;  // ends the first sentence
  } kTerminators[] = {
      {"period", ". "},           {"exclamation", "! "},
      {"question", "? "},         {"blank line", "\n\n"},
      {"line break", ".\n"},      {"ellipsis", "\xE2\x80\xA6 "},
      {"CJK full stop", "\xE3\x80\x82"}, {"fullwidth exclamation", "\xEF\xBC\x81"},
      {"fullwidth question", "\xEF\xBC\x9F"}};
  for (const auto& t : kTerminators) {
    for (size_t length = 0; length < 100; ++length) {
      const std::string first = "Go" + std::string(length, 'o') + t.mark;
      const std::vector<std::string> got = Split(first + "Next one.");
      ASSERT_EQ(got.size(), 2u) << t.name << " after " << length + 2 << " bytes";
      EXPECT_EQ(got[1], "Next one.") << t.name << " after " << length + 2 << " bytes";
    }
  }
  for (int c = 0; c < 256; ++c) {
    if (c == '\n' || c == '.' || c == '!' || c == '?' || c == 0xE2 || c == 0xE3 || c == 0xEF) {
      continue;
    }
    const std::string text = "One here. X" + std::string(40, static_cast<char>(c)) + " Two.";
    EXPECT_EQ(Split(text).size(), 2u) << "byte " << c;
  }
}

}  // namespace
}  // namespace claimcheck
