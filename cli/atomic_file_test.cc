#include "cli/atomic_file.h"

#include <dirent.h>
#include <stdlib.h>

#include <string>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

std::string TempDir() {
  const char* t = getenv("TEST_TMPDIR");
  return t ? t : "/tmp";
}

int CountEntries(const std::string& dir) {
  int n = 0;
  DIR* d = opendir(dir.c_str());
  if (!d) return -1;
  while (dirent* e = readdir(d)) {
    if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") ++n;
  }
  closedir(d);
  return n;
}

TEST(AtomicFileTest, WritesAndReplaces) {
  std::string path = TempDir() + "/atomic_a.txt";
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  ASSERT_TRUE(WriteFileAtomically(path, "second").ok());
  auto read = ReadFileToString(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, "second");
}

TEST(AtomicFileTest, MissingDirectoryIsAClearErrorAndLeavesNothing) {
  std::string dir = TempDir() + "/no_such_dir";
  absl::Status s = WriteFileAtomically(dir + "/report.html", "x");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no_such_dir/report.html"), std::string::npos) << s;
  EXPECT_EQ(CountEntries(dir), -1);
}

TEST(AtomicFileTest, ReadErrorsNameThePath) {
  auto missing = ReadFileToString(TempDir() + "/nope.txt");
  EXPECT_TRUE(absl::IsNotFound(missing.status()));
  EXPECT_NE(missing.status().message().find("nope.txt"), std::string::npos);
  auto dir = ReadFileToString(TempDir());
  EXPECT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("directory"), std::string::npos);
}

}  // namespace
}  // namespace claimcheck
