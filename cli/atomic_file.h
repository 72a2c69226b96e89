// Whole-file reads and atomic whole-file writes.
//
// WriteFileAtomically writes to a temporary file in the target's directory, flushes it
// to disk, and renames it over the target, so readers see either the old file or the new
// one, never a part. On any failure the temporary file is removed and the target is left
// as it was.
#ifndef CLAIMCHECK_CLI_ATOMIC_FILE_H_
#define CLAIMCHECK_CLI_ATOMIC_FILE_H_

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

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_ATOMIC_FILE_H_
