#include "cli/report_pipeline.h"

#include <stdlib.h>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(ReportPipelineTest, DirectoryOf) {
  struct {
    const char* path;
    const char* want;
  } cases[] = {
      {"report.html", "."}, {"out/report.html", "out"}, {"/abs/dir/r.md", "/abs/dir"}, {"/r.json", "/"},
  };
  for (const auto& c : cases) EXPECT_EQ(DirectoryOf(c.path), c.want) << c.path;
}

TEST(ReportPipelineTest, RelativePathsFollowBazelRun) {
  unsetenv("BUILD_WORKSPACE_DIRECTORY");
  EXPECT_EQ(ResolveUserPath("corpus"), "corpus");
  setenv("BUILD_WORKSPACE_DIRECTORY", "/home/me/claimcheck", 1);
  EXPECT_EQ(ResolveUserPath("corpus"), "/home/me/claimcheck/corpus");
  EXPECT_EQ(ResolveUserPath("/abs/corpus"), "/abs/corpus");
  unsetenv("BUILD_WORKSPACE_DIRECTORY");
}

TEST(ReportPipelineTest, FlagsIntoOptions) {
  std::vector<FlagSpec> specs = PipelineFlags();
  auto args = CommandLine::Parse({"a", "b", "--reference-date=2025-11-20", "--aliases=x.txt",
                                  "--aliases=y.txt", "--rates=r.csv", "--reference=ref.jsonl"},
                                 specs);
  ASSERT_TRUE(args.ok()) << args.status();
  auto options = PipelineOptionsFromFlags(*args, args->positional());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->paths, (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(options->reference_date.has_value());
  EXPECT_EQ(*options->reference_date, absl::CivilDay(2025, 11, 20));
  EXPECT_EQ(options->alias_files, (std::vector<std::string>{"x.txt", "y.txt"}));
  EXPECT_EQ(options->rates_path, "r.csv");
  EXPECT_EQ(options->reference_path, "ref.jsonl");
}

TEST(ReportPipelineTest, BadReferenceDateNamesTheValue) {
  auto args = CommandLine::Parse({"a", "--reference-date=20/11/2025"}, PipelineFlags());
  ASSERT_TRUE(args.ok());
  auto options = PipelineOptionsFromFlags(*args, args->positional());
  ASSERT_FALSE(options.ok());
  EXPECT_TRUE(absl::StrContains(options.status().message(), "20/11/2025"));
}

TEST(ReportPipelineTest, MissingDefaultCorpusSaysWhatToDo) {
  auto args = CommandLine::Parse({}, PipelineFlags());
  ASSERT_TRUE(args.ok());
  setenv("BUILD_WORKSPACE_DIRECTORY", "/nonexistent-claimcheck-root", 1);
  auto options = PipelineOptionsFromFlags(*args, {});
  unsetenv("BUILD_WORKSPACE_DIRECTORY");
  ASSERT_FALSE(options.ok());
  EXPECT_TRUE(absl::StrContains(options.status().message(), "default corpus"));
}

}  // namespace
}  // namespace claimcheck
