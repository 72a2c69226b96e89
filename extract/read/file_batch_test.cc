#include "extract/read/file_batch.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

// Every test runs with io_uring (where the kernel offers it) and without.
class FileBatchTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("file_batch_") + info->name();
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    dir_ = fs::path(tmp != nullptr ? tmp : "/tmp") / name;
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    dir_fd_ = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ASSERT_GE(dir_fd_, 0);
  }
  void TearDown() override {
    if (dir_fd_ >= 0) ::close(dir_fd_);
  }
  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  // The number of open descriptors of this process.
  static int OpenDescriptors() {
    int n = 0;
    for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
      (void)entry;
      ++n;
    }
    return n;
  }

  fs::path dir_;
  int dir_fd_ = -1;
};

// A text of `size` bytes whose bytes depend on their position.
std::string Pattern(size_t size) {
  std::string s(size, ' ');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
  return s;
}

TEST_P(FileBatchTest, FilesOfEverySizeComeBackInOrder) {
  const std::vector<size_t> sizes = {0, 1, 1800, FileBatch::kFirstRead - 1, FileBatch::kFirstRead,
                                     FileBatch::kFirstRead + 5000};
  std::vector<std::string> names;
  for (size_t k = 0; k < sizes.size(); ++k) {
    names.push_back("f" + std::to_string(k) + ".txt");
    Write(names.back(), Pattern(sizes[k]));
  }
  std::vector<const char*> c_names;
  for (const std::string& n : names) c_names.push_back(n.c_str());
  FileBatch batch(GetParam());
  const absl::Span<const FileBatch::File> files = batch.Load(dir_fd_, c_names);
  ASSERT_EQ(files.size(), sizes.size());
  for (size_t k = 0; k < sizes.size(); ++k) {
    SCOPED_TRACE(names[k]);
    EXPECT_EQ(files[k].error, 0);
    const std::string whole = Pattern(sizes[k]);
    const size_t first = std::min(sizes[k], FileBatch::kFirstRead);
    EXPECT_EQ(files[k].first, whole.substr(0, first));
    ASSERT_GE(files[k].fd, 0);
    // The caller reads on from where the first read stopped.
    std::string rest(whole.size() - first + 1, '\0');
    const ssize_t got = ::pread(files[k].fd, rest.data(), rest.size(), first);
    ASSERT_GE(got, 0);
    rest.resize(static_cast<size_t>(got));
    EXPECT_EQ(rest, whole.substr(first));
  }
}

TEST_P(FileBatchTest, MissingFileIsAnErrorAndTheOthersAreRead) {
  Write("a.txt", "Alpha.");
  Write("c.txt", "Charlie.");
  const std::vector<const char*> names = {"a.txt", "b.txt", "c.txt"};
  FileBatch batch(GetParam());
  const absl::Span<const FileBatch::File> files = batch.Load(dir_fd_, names);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].first, "Alpha.");
  EXPECT_EQ(files[1].error, ENOENT);
  EXPECT_LT(files[1].fd, 0);
  EXPECT_EQ(files[2].first, "Charlie.");
}

TEST_P(FileBatchTest, DirectoryNameGivesAReadError) {
  fs::create_directories(dir_ / "sub");
  Write("x.txt", "Xray.");
  const std::vector<const char*> names = {"sub", "x.txt"};
  FileBatch batch(GetParam());
  const absl::Span<const FileBatch::File> files = batch.Load(dir_fd_, names);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].error, EISDIR);
  EXPECT_EQ(files[1].first, "Xray.");
}

TEST_P(FileBatchTest, AbsoluteNamesNeedNoDirectory) {
  Write("abs.txt", "Absolute.");
  const std::string path = (dir_ / "abs.txt").string();
  const std::vector<const char*> names = {path.c_str(), path.c_str()};
  FileBatch batch(GetParam());
  const absl::Span<const FileBatch::File> files = batch.Load(-1, names);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].first, "Absolute.");
  EXPECT_EQ(files[1].first, "Absolute.");
}

TEST_P(FileBatchTest, AtMostMaxFilesPerLoad) {
  Write("same.txt", "Same.");
  const std::vector<const char*> names(FileBatch::kMaxFiles + 3, "same.txt");
  FileBatch batch(GetParam());
  const absl::Span<const FileBatch::File> files = batch.Load(dir_fd_, names);
  ASSERT_EQ(files.size(), FileBatch::kMaxFiles);
  for (const FileBatch::File& f : files) EXPECT_EQ(f.first, "Same.");
}

TEST_P(FileBatchTest, EachLoadClosesThePreviousBatch) {
  Write("one.txt", "One.");
  const std::vector<const char*> names(FileBatch::kMaxFiles, "one.txt");
  const int before = OpenDescriptors();
  {
    FileBatch batch(GetParam());
    for (int round = 0; round < 50; ++round) {
      const absl::Span<const FileBatch::File> files = batch.Load(dir_fd_, names);
      ASSERT_EQ(files.size(), names.size());
      EXPECT_EQ(files.back().first, "One.");
    }
    // One batch's files (and the ring's descriptor) are open, not fifty batches'.
    EXPECT_LE(OpenDescriptors(), before + static_cast<int>(FileBatch::kMaxFiles) + 1);
  }
  EXPECT_EQ(OpenDescriptors(), before);
}

TEST_P(FileBatchTest, AnEmptyLoadClosesThePreviousBatch) {
  Write("one.txt", "One.");
  const std::vector<const char*> names(4, "one.txt");
  FileBatch batch(GetParam());
  const int before = OpenDescriptors();
  batch.Load(dir_fd_, names);
  EXPECT_EQ(OpenDescriptors(), before + 4);
  EXPECT_TRUE(batch.Load(dir_fd_, {}).empty());
  EXPECT_EQ(OpenDescriptors(), before);
}

TEST(FileBatchModeTest, WithoutIoUringLoadsOneByOne) {
  FileBatch batch(/*use_io_uring=*/false);
  EXPECT_FALSE(batch.batched());
}

INSTANTIATE_TEST_SUITE_P(IoUringAndNot, FileBatchTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "IoUringWhereOffered" : "OneByOne";
                         });

}  // namespace
}  // namespace claimcheck
