// Whole-file reads and atomic file writes.
//
// An atomic write goes to a temporary file in the target's directory ("FILE.tmp.<pid>.<n>",
// so the final rename never crosses a file system), is flushed to disk, and is renamed
// over the target, so readers see either the old file or the new one, never a part. On
// any failure, or when the writer is dropped without Commit, the temporary file is
// removed and the target is left as it was.
//
// WriteFileAtomically writes a string it is given whole; AtomicFileWriter takes the
// bytes piece by piece, so a long output (`extract -o`) never has to be held in memory.
//
// Targets that are not plain files: a symbolic link is followed (the file it names is
// replaced, the link stays); a device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`
// on a terminal or pipe, a FIFO) is written to directly, since there is nothing to
// replace and a rename would put a plain file in its place.
//
// Not thread-safe: one AtomicFileWriter per thread.
#ifndef CLAIMCHECK_CLI_ATOMIC_FILE_H_
#define CLAIMCHECK_CLI_ATOMIC_FILE_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimcheck {

// Returns the file's bytes, or NotFound / PermissionDenied / FailedPrecondition (for a
// directory) with a message naming `path` and the system's reason.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

// Replaces `path` with `contents` atomically. Returns an error naming `path` when the
// directory does not exist or cannot be written; no partial file is left behind.
absl::Status WriteFileAtomically(const std::string& path, absl::string_view contents);

// Streams bytes into a temporary file and, on Commit, replaces the target with it.
//
//   auto writer = AtomicFileWriter::Open("claims.jsonl");
//   if (!writer.ok()) ...;
//   s = (*writer)->Append(chunk);   // as often as needed
//   s = (*writer)->Commit();        // fsync, close, rename
//
// Append buffers nothing itself: each call is written through (callers batch into a few
// tens of KiB). Until Commit succeeds the target is untouched.
class AtomicFileWriter {
 public:
  // Creates the temporary file next to `path`. Returns NotFound / PermissionDenied /
  // FailedPrecondition naming `path` when the directory is missing or not writable.
  static absl::StatusOr<std::unique_ptr<AtomicFileWriter>> Open(const std::string& path);

  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  // Removes the temporary file unless Commit succeeded.
  ~AtomicFileWriter();

  // Writes `data` to the temporary file. On failure (disk full, say) returns an error
  // naming the target; the writer is then failed: later Appends and Commit return that
  // error, and the temporary file is removed.
  absl::Status Append(absl::string_view data);

  // Flushes the temporary file to disk, closes it and renames it over the target.
  // Returns an error naming the target (and removes the temporary file) on failure, or
  // the first Append error. Call at most once.
  absl::Status Commit();

  // The path as given, and the temporary file's path ("" when writing in place; for
  // messages and tests).
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFileWriter(std::string path, std::string target, std::string temp_path, int fd);
  // Closes the descriptor (if open) and removes the temporary file.
  void Abandon();

  std::string path_;       // as given, for messages
  std::string target_;     // what the temporary file is renamed to (links resolved)
  std::string temp_path_;  // empty when writing in place
  int fd_;
  absl::Status status_;
  bool committed_ = false;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_ATOMIC_FILE_H_
