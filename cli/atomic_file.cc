#include "cli/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

absl::Status ErrnoError(const std::string& what, const std::string& path, int err) {
  std::string msg = absl::StrCat(path, ": cannot ", what, ": ", strerror(err));
  if (err == ENOENT) return absl::NotFoundError(msg);
  if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(msg);
  return absl::FailedPreconditionError(msg);
}

}  // namespace

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open", path, errno);
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return absl::FailedPreconditionError(absl::StrCat(path, ": is a directory"));
  }
  std::string data;
  if (st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  while (true) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      return ErrnoError("read", path, err);
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return data;
}

absl::StatusOr<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::Open(
    const std::string& path) {
  // A device, pipe or socket (/dev/null, /dev/stdout on a terminal, a FIFO) cannot be
  // replaced, and renaming over it would put a plain file in its place: write to it.
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      return absl::FailedPreconditionError(absl::StrCat(path, ": is a directory"));
    }
    int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoError("open", path, errno);
    return std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(path, path, "", fd));
  }
  // A symbolic link is followed, so the file it names is replaced and the link stays.
  std::string target = path;
  struct stat lst;
  if (lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
    char* resolved = realpath(path.c_str(), nullptr);
    if (resolved == nullptr) {  // a dangling link: create the file it names
      int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) return ErrnoError("create", path, errno);
      return std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(path, path, "", fd));
    }
    target = resolved;
    free(resolved);
  }
  // The pid and a per-process counter make the name unique among concurrent writers;
  // O_EXCL makes sure a stale file of that name is never written through.
  static std::atomic<unsigned> counter{0};
  std::string temp = absl::StrCat(target, ".tmp.", getpid(), ".", counter++);
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("create", path, errno);
  return std::unique_ptr<AtomicFileWriter>(
      new AtomicFileWriter(path, std::move(target), std::move(temp), fd));
}

AtomicFileWriter::AtomicFileWriter(std::string path, std::string target,
                                   std::string temp_path, int fd)
    : path_(std::move(path)),
      target_(std::move(target)),
      temp_path_(std::move(temp_path)),
      fd_(fd) {}

AtomicFileWriter::~AtomicFileWriter() {
  if (!committed_) Abandon();
}

void AtomicFileWriter::Abandon() {
  if (fd_ >= 0) {
    close(fd_);
    fd_ = -1;
  }
  if (!temp_path_.empty()) {
    unlink(temp_path_.c_str());
    temp_path_.clear();
  }
}

absl::Status AtomicFileWriter::Append(absl::string_view data) {
  if (!status_.ok()) return status_;
  if (committed_ || fd_ < 0) {
    status_ = absl::FailedPreconditionError(absl::StrCat(path_, ": write after commit"));
    return status_;
  }
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd_, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      status_ = ErrnoError("write", path_, errno);
      Abandon();
      return status_;
    }
    done += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

absl::Status AtomicFileWriter::Commit() {
  if (!status_.ok()) return status_;
  if (committed_ || fd_ < 0) {
    return absl::FailedPreconditionError(absl::StrCat(path_, ": committed twice"));
  }
  // Written in place (a device, a pipe, a dangling link's new file): nothing to rename,
  // and fsync would fail on a pipe.
  const bool in_place = temp_path_.empty();
  // close() is checked too: on some file systems a deferred write error shows only there.
  if (!in_place && fsync(fd_) != 0) {
    status_ = ErrnoError("flush", path_, errno);
    Abandon();
    return status_;
  }
  int fd = fd_;
  fd_ = -1;
  if (close(fd) != 0) {
    status_ = ErrnoError("flush", path_, errno);
    Abandon();
    return status_;
  }
  if (!in_place && rename(temp_path_.c_str(), target_.c_str()) != 0) {
    status_ = ErrnoError("replace", path_, errno);
    Abandon();
    return status_;
  }
  committed_ = true;
  return absl::OkStatus();
}

absl::Status WriteFileAtomically(const std::string& path, absl::string_view contents) {
  absl::StatusOr<std::unique_ptr<AtomicFileWriter>> writer = AtomicFileWriter::Open(path);
  if (!writer.ok()) return writer.status();
  absl::Status s = (*writer)->Append(contents);
  if (!s.ok()) return s;
  return (*writer)->Commit();
}

}  // namespace claimcheck
