// Runs the built `claimcheck` binary the way a user does, and checks exit codes and
// output of the whole program.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "claims/record_stream.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "tests/claimcheck_runner.h"

namespace claimcheck {
namespace {

using Result = RunResult;

Result Claimcheck(const std::string& args) { return RunClaimcheck(args); }

TEST(EndToEndTest, HelpListsEverySubcommand) {
  Result r = Claimcheck("help");
  EXPECT_EQ(r.code, 0) << r.out;
  for (const char* name : {"extract", "quantities", "reconcile", "report", "review", "export"}) {
    EXPECT_NE(r.out.find(absl::StrCat("  ", name, " ")), std::string::npos) << name;
  }
}

TEST(EndToEndTest, UnknownSubcommandExitsTwoWithSuggestion) {
  Result r = Claimcheck("nosuch");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("did you mean"), std::string::npos) << r.out;
  Result typo = Claimcheck("extrct");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.out.find("did you mean 'extract'"), std::string::npos) << typo.out;
}

TEST(EndToEndTest, SubcommandHelpHasAnExample) {
  for (const char* name : {"extract", "quantities", "reconcile", "report", "review", "export"}) {
    Result r = Claimcheck(absl::StrCat(name, " --help"));
    EXPECT_EQ(r.code, 0) << name;
    EXPECT_NE(r.out.find("example:"), std::string::npos) << r.out;
  }
}

std::string TempPath(const std::string& name) {
  const char* tmp = getenv("TEST_TMPDIR");
  return absl::StrCat(tmp ? tmp : "/tmp", "/", name);
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<v1::Claim> ReadClaims(const std::string& path) {
  std::vector<v1::Claim> claims;
  std::string data = ReadFileOrEmpty(path);
  v1::Claim scratch;
  ReadRecords(
      data, DetectRecordFormat(data), path, &scratch, [&] { claims.push_back(scratch); },
      [&](const std::string& problem) { ADD_FAILURE() << problem; });
  return claims;
}

// extract -> claims in both framings -> reconcile: the same claims and the same report.
TEST(EndToEndTest, BothClaimFramingsGiveTheSameReport) {
  std::string corpus = Runfile("tests/testdata/corpus");
  std::string jsonl = TempPath("claims.jsonl"), binpb = TempPath("claims.binpb");
  Result a = Claimcheck(absl::StrCat("extract ", corpus, " -o ", jsonl));
  ASSERT_EQ(a.code, 0) << a.out;
  Result b = Claimcheck(absl::StrCat("extract ", corpus, " --format=binpb -o ", binpb));
  ASSERT_EQ(b.code, 0) << b.out;
  std::vector<v1::Claim> from_json = ReadClaims(jsonl), from_binary = ReadClaims(binpb);
  ASSERT_GT(from_json.size(), 40u);
  ASSERT_EQ(from_json.size(), from_binary.size());
  for (size_t i = 0; i < from_json.size(); ++i) {
    EXPECT_EQ(from_json[i].SerializeAsString(), from_binary[i].SerializeAsString()) << i;
    EXPECT_FALSE(from_json[i].id().empty());
    EXPECT_FALSE(from_json[i].subject().key().empty()) << from_json[i].quantity().text();
  }

  v1::Report reports[2];
  const std::string inputs[2] = {jsonl, binpb};
  for (int k = 0; k < 2; ++k) {
    std::string out = TempPath(absl::StrCat("report", k, ".json"));
    Result r = Claimcheck(absl::StrCat("reconcile ", inputs[k], " -o ", out));
    ASSERT_EQ(r.code, 0) << r.out;
    absl::Status s = RecordFromJson(ReadFileOrEmpty(out), &reports[k]);
    ASSERT_TRUE(s.ok()) << s;
    reports[k].clear_generated();
  }
  EXPECT_GT(reports[0].findings_size(), 0);
  EXPECT_GT(reports[0].timelines_size(), 0);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(reports[0], reports[1]));
}

TEST(EndToEndTest, FailOnExitsOneWhenSuchAFindingIsOpen) {
  std::string claims = TempPath("fail_on_claims.jsonl");
  ASSERT_EQ(Claimcheck(absl::StrCat("extract ", Runfile("tests/testdata/corpus"), " -o ", claims))
                .code,
            0);
  Result slip = Claimcheck(absl::StrCat("reconcile ", claims, " -o /dev/null --fail-on=scale_slip"));
  EXPECT_EQ(slip.code, 1) << slip.out;
  Result bad_kind = Claimcheck(absl::StrCat("reconcile ", claims, " --fail-on=nonsense"));
  EXPECT_EQ(bad_kind.code, 2) << bad_kind.out;
}

TEST(EndToEndTest, BadInputsAreReportedAndGoodOnesStillProcessed) {
  std::string out = TempPath("mixed_claims.jsonl");
  Result r = Claimcheck(absl::StrCat("extract ", Runfile("tests/testdata/bad"), " ",
                                     Runfile("tests/testdata/corpus"), " ",
                                     TempPath("missing-file.txt"), " -o ", out));
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("missing-file.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("invalid-utf8.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("truncated-wp-post.json"), std::string::npos) << r.out;
  EXPECT_GT(ReadClaims(out).size(), 40u);
}

}  // namespace
}  // namespace claimcheck
