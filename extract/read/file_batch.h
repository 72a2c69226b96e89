// File batches: opening and reading many small files with few system calls.
//
// A corpus is often thousands of files of a few kilobytes each. Reading one takes three
// system calls (open, read, close), and on a virtual machine with today's mitigations
// those cost more than extracting the file's claims. On Linux, FileBatch hands the
// kernel a whole batch of opens in one io_uring submission and the batch's first reads
// in a second; the closes go with the next batch's opens. A file then costs a small
// fraction of a system call, and the kernel still does the work in the calling thread
// (files whose names are cached open without blocking; anything else the kernel may hand
// to its own worker).
//
// Where io_uring is missing or forbidden (kernels before 5.6, container profiles that
// block it, other systems), Load opens and reads the files one by one: the same results
// with ordinary system calls.
//
// Memory: kMaxFiles buffers of kFirstRead bytes, reserved at construction; only the
// pages the files' bytes were read into become resident.
// Thread-safety: not thread-safe; one FileBatch per reading thread.
#ifndef CLAIMCHECK_EXTRACT_READ_FILE_BATCH_H_
#define CLAIMCHECK_EXTRACT_READ_FILE_BATCH_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace claimcheck {

class FileBatch {
 public:
  // At most this many files per Load.
  static constexpr size_t kMaxFiles = 32;
  // The first read of each file asks for this many bytes.
  static constexpr size_t kFirstRead = size_t{64} << 10;

  // The outcome for one file of a batch.
  struct File {
    // errno of the open or first read that failed; 0 when both succeeded.
    int error = 0;
    // The file's first bytes (at most kFirstRead). A regular file gives fewer bytes than
    // asked only at its end, so when first.size() < kFirstRead they are the whole file.
    absl::string_view first;
    // The open file (when error == 0): the caller may read on from offset first.size().
    // It is closed by the next Load or by the destructor; the caller must not close it.
    int fd = -1;
  };

  // Sets up an io_uring when `use_io_uring` and the kernel offers one with the operations
  // needed; otherwise Load makes one system call per operation. Never fails.
  explicit FileBatch(bool use_io_uring = true);
  // Closes the files of the last batch.
  ~FileBatch();
  FileBatch(const FileBatch&) = delete;
  FileBatch& operator=(const FileBatch&) = delete;

  // True when batches go through io_uring.
  bool batched() const { return ring_ != nullptr; }

  // Closes the previous batch's files, then opens `names` (at most kMaxFiles,
  // NUL-terminated, relative to the open directory `dir_fd`, or absolute), read-only, and
  // reads the first kFirstRead bytes of each from offset 0. Returns one File per name, in
  // order, valid until the next Load or the destructor. The names must stay valid during
  // the call.
  absl::Span<const File> Load(int dir_fd, absl::Span<const char* const> names);

 private:
  class Ring;

  // Load without io_uring: open and read each file in turn.
  void LoadOneByOne(int dir_fd, absl::Span<const char* const> names);
  // Closes the open files of `files_` with ordinary system calls.
  void CloseAll();
  // Queues a close on the ring for each open file of `files_`; returns how many.
  size_t QueueCloses();

  std::unique_ptr<Ring> ring_;  // null: io_uring not available
  std::unique_ptr<char[]> buffers_;  // kMaxFiles buffers of kFirstRead bytes
  std::vector<File> files_;          // the last batch
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_FILE_BATCH_H_
