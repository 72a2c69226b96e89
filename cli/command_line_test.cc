#include "cli/command_line.h"

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

const std::vector<FlagSpec> kSpecs = {
    {"format", true, "", "output format"},
    {"output", true, "o", "output file"},
    {"jsonl", false, "", "JSON Lines mode"},
    {"aliases", true, "", "alias file"},
};

TEST(CommandLineTest, SplitsFlagsAndPositionals) {
  auto cl = CommandLine::Parse({"a.txt", "--format=binpb", "-o", "out", "--jsonl", "b.txt",
                                "--aliases", "x", "--aliases=y"},
                               kSpecs);
  ASSERT_TRUE(cl.ok()) << cl.status();
  EXPECT_EQ(cl->positional(), (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_EQ(cl->Get("format"), "binpb");
  EXPECT_EQ(cl->Get("output"), "out");
  EXPECT_TRUE(cl->Has("jsonl"));
  EXPECT_EQ(cl->GetAll("aliases"), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(cl->Get("missing", "dflt"), "dflt");
}

TEST(CommandLineTest, DoubleDashEndsFlags) {
  auto cl = CommandLine::Parse({"--", "--format"}, kSpecs);
  ASSERT_TRUE(cl.ok());
  EXPECT_EQ(cl->positional(), (std::vector<std::string>{"--format"}));
}

TEST(CommandLineTest, UsageErrorsNameTheWord) {
  struct {
    std::vector<std::string> args;
    std::string expected;
  } cases[] = {
      {{"--formt=x"}, "did you mean '--format'"},
      {{"--format"}, "needs a value"},
      {{"--jsonl=1"}, "takes no value"},
      {{"--zzzzzzzz"}, "unknown flag '--zzzzzzzz'"},
  };
  for (const auto& c : cases) {
    auto cl = CommandLine::Parse(c.args, kSpecs);
    ASSERT_FALSE(cl.ok());
    EXPECT_NE(cl.status().message().find(c.expected), std::string::npos) << cl.status();
  }
}

TEST(CommandLineTest, EditDistance) {
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("report", "reprot"), 2);
  EXPECT_EQ(EditDistance("extract", "extract"), 0);
}

}  // namespace
}  // namespace claimcheck
