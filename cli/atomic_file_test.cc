#include "cli/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <thread>

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

std::string DirectoryOfTemp(const std::string& p) { return p.substr(0, p.rfind('/')); }

std::string Slurp(const std::string& path) {
  auto read = ReadFileToString(path);
  return read.ok() ? *read : "<" + std::string(read.status().message()) + ">";
}

bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

TEST(AtomicFileWriterTest, StreamsPiecesIntoATempFileThenReplacesTheTarget) {
  std::string dir = TempDir() + "/writer_stream";
  mkdir(dir.c_str(), 0755);
  std::string path = dir + "/claims.jsonl";
  ASSERT_TRUE(WriteFileAtomically(path, "old\n").ok());
  auto writer = AtomicFileWriter::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status();
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    std::string piece = "line " + std::to_string(i) + "\n";
    absl::Status s = (*writer)->Append(piece);
    ASSERT_TRUE(s.ok()) << s;
    expected += piece;
  }
  // While writing: the temp file is beside the target, and the target is still old.
  EXPECT_EQ(DirectoryOfTemp((*writer)->temp_path()), dir);
  EXPECT_TRUE(Exists((*writer)->temp_path()));
  EXPECT_EQ(Slurp(path), "old\n");
  absl::Status s = (*writer)->Commit();
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(Slurp(path), expected);
  writer->reset();
  EXPECT_EQ(CountEntries(dir), 1);  // no temp file left
}

TEST(AtomicFileWriterTest, DroppedWithoutCommitLeavesTheOldFile) {
  std::string dir = TempDir() + "/writer_drop";
  mkdir(dir.c_str(), 0755);
  std::string path = dir + "/out.jsonl";
  ASSERT_TRUE(WriteFileAtomically(path, "keep me").ok());
  {
    auto writer = AtomicFileWriter::Open(path);
    ASSERT_TRUE(writer.ok()) << writer.status();
    ASSERT_TRUE((*writer)->Append("half a run").ok());
  }
  EXPECT_EQ(Slurp(path), "keep me");
  EXPECT_EQ(CountEntries(dir), 1);
}

TEST(AtomicFileWriterTest, WriteFailureRemovesTheTempFileAndKeepsTheOldFile) {
  std::string dir = TempDir() + "/writer_full";
  mkdir(dir.c_str(), 0755);
  std::string path = dir + "/out.jsonl";
  ASSERT_TRUE(WriteFileAtomically(path, "previous").ok());
  // A file-size limit makes write() fail with EFBIG, as a full disk would fail it.
  struct rlimit saved;
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto old_handler = signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = saved;
  small.rlim_cur = 4096;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  absl::Status failed;
  {
    auto writer = AtomicFileWriter::Open(path);
    ASSERT_TRUE(writer.ok()) << writer.status();
    std::string block(1024, 'x');
    for (int i = 0; i < 16 && failed.ok(); ++i) failed = (*writer)->Append(block);
    absl::Status commit = (*writer)->Commit();
    EXPECT_FALSE(commit.ok());
    EXPECT_FALSE(Exists((*writer)->temp_path()) && !(*writer)->temp_path().empty());
  }
  setrlimit(RLIMIT_FSIZE, &saved);
  signal(SIGXFSZ, old_handler);
  EXPECT_FALSE(failed.ok());
  EXPECT_NE(failed.message().find("out.jsonl: cannot write"), std::string::npos) << failed;
  EXPECT_EQ(Slurp(path), "previous");
  EXPECT_EQ(CountEntries(dir), 1);
}

TEST(AtomicFileWriterTest, MissingDirectoryFailsAtOpen) {
  auto writer = AtomicFileWriter::Open(TempDir() + "/no_dir_here/x.jsonl");
  EXPECT_TRUE(absl::IsNotFound(writer.status())) << writer.status();
  EXPECT_NE(writer.status().message().find("no_dir_here/x.jsonl"), std::string::npos);
}

TEST(AtomicFileWriterTest, ASymlinkIsFollowedAndKept) {
  std::string dir = TempDir() + "/writer_link";
  mkdir(dir.c_str(), 0755);
  std::string file = dir + "/real.jsonl", link = dir + "/link.jsonl";
  ASSERT_TRUE(WriteFileAtomically(file, "old").ok());
  ASSERT_EQ(symlink("real.jsonl", link.c_str()), 0);
  absl::Status s = WriteFileAtomically(link, "new");
  ASSERT_TRUE(s.ok()) << s;
  struct stat st;
  ASSERT_EQ(lstat(link.c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode)) << "the link was replaced by a file";
  EXPECT_EQ(Slurp(file), "new");
  EXPECT_EQ(CountEntries(dir), 2);
  // A dangling link: the file it names is created.
  std::string dangling = dir + "/dangling.jsonl";
  ASSERT_EQ(symlink("created.jsonl", dangling.c_str()), 0);
  s = WriteFileAtomically(dangling, "made");
  ASSERT_TRUE(s.ok()) << s;
  ASSERT_EQ(lstat(dangling.c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  EXPECT_EQ(Slurp(dir + "/created.jsonl"), "made");
}

TEST(AtomicFileWriterTest, APipeIsWrittenInPlaceNotReplaced) {
  // As `-o /dev/null` or `-o /dev/stdout`: a rename would put a plain file there.
  std::string fifo = TempDir() + "/writer_fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] {
    int fd = open(fifo.c_str(), O_RDONLY);
    char buf[256];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0) received.append(buf, static_cast<size_t>(n));
    close(fd);
  });
  {
    auto writer = AtomicFileWriter::Open(fifo);
    ASSERT_TRUE(writer.ok()) << writer.status();
    EXPECT_EQ((*writer)->temp_path(), "");
    ASSERT_TRUE((*writer)->Append("through ").ok());
    ASSERT_TRUE((*writer)->Append("the pipe").ok());
    absl::Status s = (*writer)->Commit();
    EXPECT_TRUE(s.ok()) << s;
  }
  reader.join();
  EXPECT_EQ(received, "through the pipe");
  struct stat st;
  ASSERT_EQ(lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(AtomicFileWriterTest, ADirectoryIsAnError) {
  auto writer = AtomicFileWriter::Open(TempDir());
  EXPECT_FALSE(writer.ok());
  EXPECT_NE(writer.status().message().find("is a directory"), std::string::npos)
      << writer.status();
}

TEST(AtomicFileWriterTest, CommitTwiceIsAnError) {
  std::string path = TempDir() + "/twice.txt";
  auto writer = AtomicFileWriter::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_TRUE((*writer)->Commit().ok());
  EXPECT_FALSE((*writer)->Commit().ok());
  EXPECT_FALSE((*writer)->Append("late").ok());
  EXPECT_EQ(Slurp(path), "");
}

}  // namespace
}  // namespace claimcheck
