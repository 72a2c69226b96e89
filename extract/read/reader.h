// DocumentReader: turns files as users collect them into v1::Document records.
//
// The format of each input is detected by its content (not only by its extension):
// plain text (with a byline date near the top), HTML, WordPress REST API JSON (one post
// or an array), forum threads pasted as text, and JSON Lines of {url, title, published,
// text}. Every reader produces clean UTF-8 text, a publication time with its precision
// and method, and an offset map leading each text byte back to the original bytes.
//
// Relative dates ("Yesterday at 10:42 PM") are resolved only against
// ReadOptions::reference_date; without it they are kept as unresolved, never guessed
// from the clock.
//
// Problems that concern one item (an invalid UTF-8 byte, a bad JSON line, a binary file
// inside a directory) go to the IssueSink and the other items are still read.
//
// Memory: to read a repeated document once, a reader remembers a 64-bit hash of every
// document id (about 20 bytes a document), and where the first kMaxPlacesRemembered
// documents came from (to name the original in the duplicate report), and a 64 KiB
// buffer for the first read of each file; nothing else grows with the corpus. The bytes
// of a file and the document handed to the callback are buffers kept by the reader from
// file to file and document to document (cleared, not freed), so they hold the memory of
// the largest file and document read so far.
//
// Thread safety: a DocumentReader is not thread-safe (it remembers the ids it has seen);
// use one per thread.
#ifndef CLAIMCHECK_EXTRACT_READ_READER_H_
#define CLAIMCHECK_EXTRACT_READ_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "extract/read/file_batch.h"
#include "extract/read/issue_sink.h"
#include "extract/read/offset_map.h"
#include "extract/read/publication_date.h"
#include "proto/document.pb.h"

namespace claimcheck {

struct ReadOptions {
  // Resolves relative dates ("yesterday", "3 years ago"). Unset (the default): such dates
  // are recorded with unresolved_relative = true and no time.
  std::optional<absl::CivilDay> reference_date;
};

// Files larger than this are skipped with a message to the sink (256 MiB).
inline constexpr size_t kMaxDocumentFileBytes = size_t{256} << 20;

class DocumentReader {
 public:
  // `sink` must outlive this reader.
  DocumentReader(const ReadOptions& options, IssueSink* sink);
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads a file, or a directory recursively in sorted path order (hidden entries, whose
  // names start with '.', are left out). Calls `on_document` for each document not seen
  // before (same id = same normalised content). The document is the reader's own buffer:
  // `on_document` may move from it or copy it, but must not keep a pointer to it after it
  // returns; it may read with this reader again (that read uses buffers of its own).
  // Binary, empty, unreadable and oversized
  // files are reported to the sink and skipped. Returns NotFound / PermissionDenied /
  // FailedPrecondition naming `path` only when `path` itself cannot be read.
  absl::Status ReadPath(const std::string& path,
                        const std::function<void(v1::Document&&)>& on_document);

  // Reads in-memory bytes as if they were the file `uri` (format detected by content,
  // the extension of `uri` breaking ties), calling `on_document` as ReadPath does.
  // Problems go to the sink.
  void ReadBytes(absl::string_view bytes, const std::string& uri,
                 const std::function<void(v1::Document&&)>& on_document);

 private:
  // `regular`: the directory listed `path` as a regular file (or a link to one). With
  // `dir_fd` >= 0 the file is opened as `name` in that open directory.
  absl::Status ReadFile(const std::string& path, int dir_fd, const char* name, bool regular,
                        const std::function<void(v1::Document&&)>& on_document);
  // The buffers of one read (see Scratch): the reader's own, or new ones for a read
  // started by a callback while the reader's are in use.
  class ScratchLease;
  // ReadBytes, filling `*doc` (cleared before each document); when `owned` is the buffer
  // `bytes` views, it may be moved into a document.
  void ReadBytesImpl(absl::string_view bytes, std::string* owned, const std::string& uri,
                     v1::Document* doc, const std::function<void(v1::Document&&)>& on_document);
  // Reads a JSON file: one WordPress post or item, an array of them, or JSON Lines, each
  // into `*doc`.
  void ReadJson(absl::string_view text, const OffsetMap& to_file, const DateContext& context,
                const std::string& uri, v1::Document* doc,
                const std::function<void(v1::Document&&)>& deliver);
  // Reads the files under `dir` (recursively, sorted by path, hidden names left out).
  void ReadDirectory(const std::string& dir,
                     const std::function<void(v1::Document&&)>& on_document);
  // Reads the files `names` (listed as regular) of the open directory `dir_fd`, whose
  // path with a trailing '/' is `prefix`, in order: in one FileBatch (at most
  // FileBatch::kMaxFiles names), or one by one while the batch is in use.
  void ReadFiles(const std::string& prefix, int dir_fd, absl::Span<const char* const> names,
                 const std::function<void(v1::Document&&)>& on_document);
  // Reads the bytes of the file `path` (*bytes, which may be moved into a document) into
  // `*doc`, or reports the file as too large (`size` bytes) when `too_large`.
  void ReadFileBytes(const std::string& path, uintmax_t size, bool too_large,
                     std::string* bytes, v1::Document* doc,
                     const std::function<void(v1::Document&&)>& on_document);
  // Emits `doc` unless a document with the same id was seen (then reports a duplicate).
  void Deliver(v1::Document&& doc, const std::function<void(v1::Document&&)>& on_document);

  ReadOptions options_;
  IssueSink* sink_;
  static constexpr size_t kMaxPlacesRemembered = size_t{1} << 13;
  absl::flat_hash_set<uint64_t> seen_;                     // hashes of the ids read
  absl::flat_hash_map<uint64_t, std::string> first_place_;  // id hash -> first uri (and item)
  std::string read_buffer_;  // the first read of each file (64 KiB, kept between files)
  std::unique_ptr<FileBatch> batch_;  // made on first use
  bool batch_in_use_ = false;  // a batch's files are being read (a callback's read does not get it)
  // A file's bytes and the document the format readers fill, kept from file to file and
  // from document to document: cleared, not freed, their strings and repeated fields
  // (the runs of the offset map among them) keep their memory.
  struct Scratch {
    std::string file;
    v1::Document doc;
  };
  Scratch scratch_;
  bool scratch_in_use_ = false;  // a read holds scratch_ (a callback reading again does not get it)
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_READER_H_
