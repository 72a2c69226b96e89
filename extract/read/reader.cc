#include "extract/read/reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/read/file_batch.h"
#include "extract/read/format_detector.h"
#include "extract/read/forum_reader.h"
#include "extract/read/html_reader.h"
#include "extract/read/json_value.h"
#include "extract/read/jsonl_reader.h"
#include "extract/read/offset_map.h"
#include "extract/read/plain_text_reader.h"
#include "extract/read/text_normalizer.h"
#include "extract/read/utf8.h"
#include "extract/read/wordpress_json_reader.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

// At most this many invalid UTF-8 offsets are reported one by one per file.
constexpr size_t kMaxReportedBadBytes = 10;

absl::Status ErrnoStatus(const std::string& path, const std::error_code& ec) {
  std::string msg = absl::StrCat(path, ": ", ec.message());
  if (ec == std::errc::no_such_file_or_directory) return absl::NotFoundError(msg);
  if (ec == std::errc::permission_denied) return absl::PermissionDeniedError(msg);
  return absl::FailedPreconditionError(msg);
}

// At most this many bytes are read by the first read of a file listed as regular.
constexpr size_t kFirstRead = size_t{64} << 10;

// Reads on from the current position of the open file `fd` (named `path` in errors),
// appending to *out, which holds the file's bytes before that position. fstat gives the
// size: a regular file over `max_bytes` sets *too_large and is not read (*out cleared);
// one of a known size is read to that size with no call to see its end; a pipe goes on in
// chunks. Sets *size to the file's size. Does not close `fd`.
absl::Status ReadRestOfFile(const std::string& path, int fd, uintmax_t max_bytes,
                            std::string* out, uintmax_t* size, bool* too_large) {
  *too_large = false;
  size_t have = out->size();
  struct stat st;
  size_t expected = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    *size = static_cast<uintmax_t>(st.st_size);
    if (*size > max_bytes) {
      out->clear();
      *too_large = true;
      return absl::OkStatus();
    }
    expected = static_cast<size_t>(*size);
  }
  // One read for a regular file of known size; a growing file or a pipe goes on in chunks.
  out->resize(std::max(expected, have) + 1);
  bool failed = false;
  for (;;) {
    if (have == out->size()) out->resize(std::max<size_t>(out->size() * 2, 1 << 16));
    const ssize_t got = ::read(fd, &(*out)[have], out->size() - have);
    if (got < 0) {
      if (errno == EINTR) continue;
      failed = true;
      break;
    }
    if (got == 0) break;
    have += static_cast<size_t>(got);
    // A regular file that gave the size fstat reported is read: no call to see its end.
    if (expected > 0 && have == expected) break;
  }
  out->resize(have);
  if (expected == 0) *size = have;
  if (failed) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return absl::OkStatus();
}

// Reads `path` whole into *out with one descriptor: reading many small files is mostly
// system calls, so it takes as few as it can. With `dir_fd` >= 0 the file is opened as
// `name` in that directory (one name to look up, not every part of the path); `path`
// names it in errors. A file its directory listed as `regular`
// is read first into `scratch` (grown to kFirstRead bytes once, kept by the caller): when
// that read comes back short it holds the whole file (a regular file gives fewer bytes
// than asked only at its end), and open, read, close is all. Otherwise ReadRestOfFile
// goes on.
absl::Status ReadWholeFile(const std::string& path, int dir_fd, const char* name, bool regular,
                           uintmax_t max_bytes, std::string* scratch, std::string* out,
                           uintmax_t* size, bool* too_large) {
  *too_large = false;
  const int fd = dir_fd >= 0 ? ::openat(dir_fd, name, O_RDONLY | O_CLOEXEC)
                             : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(path, std::error_code(errno, std::generic_category()));
  out->clear();
  if (regular) {
    if (scratch->size() < kFirstRead) scratch->resize(kFirstRead);
    ssize_t got;
    do {
      got = ::read(fd, &(*scratch)[0], kFirstRead);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      ::close(fd);
      return absl::DataLossError(absl::StrCat(path, ": read error"));
    }
    out->assign(scratch->data(), static_cast<size_t>(got));
    if (static_cast<size_t>(got) < kFirstRead) {
      ::close(fd);
      *size = static_cast<size_t>(got);
      return absl::OkStatus();
    }
  }
  absl::Status s = ReadRestOfFile(path, fd, max_bytes, out, size, too_large);
  ::close(fd);
  return s;
}

// Lists the entries of the open directory `d` into *entries as (name, is a directory):
// subdirectories, but not symbolic links to them (no cycles), and regular files, symbolic
// links to files included; hidden names (starting with '.') are left out. Uses the
// directory's own entry types, so most entries need no stat. Returns false with *error
// set when the listing fails.
bool ListDirectory(DIR* d, std::vector<std::pair<std::string, bool>>* entries,
                   std::string* error) {
  const int dir_fd = ::dirfd(d);
  bool ok = true;
  for (;;) {
    errno = 0;
    const struct dirent* e = ::readdir(d);
    if (e == nullptr) {
      if (errno != 0) {
        *error = std::error_code(errno, std::generic_category()).message();
        ok = false;
      }
      break;
    }
    if (e->d_name[0] == '.') continue;  // hidden, "." and ".."
    bool is_directory = e->d_type == DT_DIR;
    bool is_file = e->d_type == DT_REG;
    if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {
      struct stat st;
      if (e->d_type == DT_UNKNOWN &&
          ::fstatat(dir_fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
        is_directory = true;
      } else if (::fstatat(dir_fd, e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode)) {
        is_file = true;
      }
    }
    if (is_directory) {
      entries->emplace_back(std::string(e->d_name) + "/", true);
    } else if (is_file) {
      entries->emplace_back(e->d_name, false);
    }
  }
  return ok;
}

// Closes a directory opened with opendir when it goes out of scope.
struct DirCloser {
  void operator()(DIR* d) const { ::closedir(d); }
};

}  // namespace

// Lends the reader's scratch_ to one read or, when a read already holds it (a callback
// reading again with the same reader), buffers of the lease's own.
class DocumentReader::ScratchLease {
 public:
  explicit ScratchLease(DocumentReader* reader) {
    if (reader->scratch_in_use_) {
      own_ = std::make_unique<Scratch>();
      scratch_ = own_.get();
    } else {
      in_use_ = &reader->scratch_in_use_;
      *in_use_ = true;
      scratch_ = &reader->scratch_;
    }
  }
  ~ScratchLease() {
    if (in_use_ != nullptr) *in_use_ = false;
  }
  ScratchLease(const ScratchLease&) = delete;
  ScratchLease& operator=(const ScratchLease&) = delete;

  Scratch* operator->() const { return scratch_; }

 private:
  std::unique_ptr<Scratch> own_;
  bool* in_use_ = nullptr;
  Scratch* scratch_ = nullptr;
};

DocumentReader::DocumentReader(const ReadOptions& options, IssueSink* sink)
    : options_(options), sink_(sink) {}

absl::Status DocumentReader::ReadPath(
    const std::string& path, const std::function<void(v1::Document&&)>& on_document) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    if (!ec) ec = std::make_error_code(std::errc::no_such_file_or_directory);
    return ErrnoStatus(path, ec);
  }
  if (!fs::is_directory(st)) return ReadFile(path, -1, nullptr, /*regular=*/false, on_document);

  ReadDirectory(path, on_document);
  return absl::OkStatus();
}

void DocumentReader::ReadDirectory(const std::string& dir,
                                   const std::function<void(v1::Document&&)>& on_document) {
  // One directory's names at a time, sorted with a '/' after each subdirectory's name:
  // the files come in the order of their sorted full paths, and memory holds one listing
  // per level, not the whole tree.
  // The directory stays open while its files are read, which are opened by name in it.
  std::vector<std::pair<std::string, bool>> entries;  // (name, is a directory)
  const std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  std::unique_ptr<DIR, DirCloser> d(::opendir(dir.c_str()));
  if (d == nullptr) {
    // A directory we may not read lists as empty.
    if (errno != EACCES) {
      sink_->Report(dir, absl::StrCat("cannot list directory: ",
                                      std::error_code(errno, std::generic_category()).message()));
    }
    return;
  }
  std::string error;
  if (!ListDirectory(d.get(), &entries, &error)) {
    sink_->Report(dir, absl::StrCat("cannot list directory: ", error));
    if (entries.empty()) return;
  }
  std::sort(entries.begin(), entries.end());
  // Consecutive files are read in batches (a subdirectory's files come between them).
  std::vector<const char*> files;
  auto read_files = [&] {
    ReadFiles(prefix, ::dirfd(d.get()), files, on_document);
    files.clear();
  };
  for (auto& [name, is_directory] : entries) {
    if (is_directory) {
      read_files();
      name.pop_back();
      ReadDirectory(prefix + name, on_document);
      continue;
    }
    files.push_back(name.c_str());
    if (files.size() == FileBatch::kMaxFiles) read_files();
  }
  read_files();
}

void DocumentReader::ReadFiles(const std::string& prefix, int dir_fd,
                               absl::Span<const char* const> names,
                               const std::function<void(v1::Document&&)>& on_document) {
  // A batch of one saves nothing; a callback reading again while the batch is in use
  // reads one file at a time.
  if (names.size() < 2 || batch_in_use_) {
    for (const char* name : names) {
      const std::string file = prefix + name;
      absl::Status s = ReadFile(file, dir_fd, name, /*regular=*/true, on_document);
      if (!s.ok()) sink_->Report(file, s.message());
    }
    return;
  }
  if (batch_ == nullptr) batch_ = std::make_unique<FileBatch>();
  batch_in_use_ = true;
  const absl::Span<const FileBatch::File> loaded = batch_->Load(dir_fd, names);
  for (size_t k = 0; k < loaded.size(); ++k) {
    const FileBatch::File& f = loaded[k];
    const std::string file = prefix + names[k];
    absl::Status s;
    if (f.error != 0) {
      // Read again alone: ReadFile reports the failure (or reads a file that came back).
      s = ReadFile(file, dir_fd, names[k], /*regular=*/true, on_document);
    } else {
      ScratchLease scratch(this);
      std::string& bytes = scratch->file;
      bytes.assign(f.first.data(), f.first.size());
      uintmax_t size = bytes.size();
      bool too_large = false;
      if (f.first.size() == FileBatch::kFirstRead) {  // maybe more: read on
        if (::lseek(f.fd, static_cast<off_t>(f.first.size()), SEEK_SET) < 0) {
          s = absl::DataLossError(absl::StrCat(file, ": read error"));
        } else {
          s = ReadRestOfFile(file, f.fd, kMaxDocumentFileBytes, &bytes, &size, &too_large);
        }
      }
      if (s.ok()) ReadFileBytes(file, size, too_large, &scratch->file, &scratch->doc, on_document);
    }
    if (!s.ok()) sink_->Report(file, s.message());
  }
  batch_in_use_ = false;
}

absl::Status DocumentReader::ReadFile(
    const std::string& path, int dir_fd, const char* name, bool regular,
    const std::function<void(v1::Document&&)>& on_document) {
  ScratchLease scratch(this);
  std::string& bytes = scratch->file;
  uintmax_t size = 0;
  bool too_large = false;
  absl::Status s =
      ReadWholeFile(path, dir_fd, name, regular, kMaxDocumentFileBytes, &read_buffer_, &bytes,
                    &size, &too_large);
  if (!s.ok()) return s;
  ReadFileBytes(path, size, too_large, &bytes, &scratch->doc, on_document);
  return absl::OkStatus();
}

void DocumentReader::ReadFileBytes(const std::string& path, uintmax_t size, bool too_large,
                                   std::string* bytes, v1::Document* doc,
                                   const std::function<void(v1::Document&&)>& on_document) {
  if (too_large) {
    sink_->Report(path, absl::StrCat("file too large (", size, " bytes; the limit is ",
                                     kMaxDocumentFileBytes, "), skipped"));
    return;
  }
  ReadBytesImpl(*bytes, bytes, path, doc, on_document);
}

void DocumentReader::Deliver(v1::Document&& doc,
                             const std::function<void(v1::Document&&)>& on_document) {
  std::string where = doc.item().empty() ? doc.uri() : absl::StrCat(doc.uri(), " (", doc.item(), ")");
  const uint64_t id = absl::HashOf(absl::string_view(doc.id()));
  if (!seen_.insert(id).second) {
    auto first = first_place_.find(id);
    sink_->Report(where, absl::StrCat("same content as ",
                                      first != first_place_.end() ? first->second
                                                                  : "a document read earlier",
                                      " (document ", doc.id(), "), read once"));
    return;
  }
  if (first_place_.size() < kMaxPlacesRemembered) first_place_.emplace(id, std::move(where));
  on_document(std::move(doc));
}

void DocumentReader::ReadBytes(absl::string_view bytes, const std::string& uri,
                               const std::function<void(v1::Document&&)>& on_document) {
  ScratchLease scratch(this);
  ReadBytesImpl(bytes, nullptr, uri, &scratch->doc, on_document);
}

void DocumentReader::ReadBytesImpl(absl::string_view bytes, std::string* owned,
                                   const std::string& uri, v1::Document* doc,
                                   const std::function<void(v1::Document&&)>& on_document) {
  if (absl::StripAsciiWhitespace(bytes).empty()) {
    sink_->Report(uri, bytes.empty() ? "empty file, nothing to read"
                                     : "file holds only whitespace, nothing to read");
    return;
  }
  if (std::optional<std::string> why = WhyBinary(bytes)) {
    sink_->Report(uri, absl::StrCat("binary file skipped (", *why, ")"));
    return;
  }
  // Valid UTF-8 is used in place; otherwise a repaired copy with its offset map.
  std::string repaired;
  OffsetMap to_file;
  absl::string_view text = bytes;
  std::vector<std::string> warnings;
  if (IsValidUtf8(bytes)) {
    to_file.AddExact(0, 0);
  } else {
    std::vector<size_t> bad = RepairUtf8(bytes, &repaired, &to_file);
    text = repaired;
    for (size_t k = 0; k < bad.size() && k < kMaxReportedBadBytes; ++k) {
      std::string w = absl::StrCat("invalid UTF-8 at byte ", bad[k], " replaced with U+FFFD");
      sink_->Report(absl::StrCat(uri, ": byte ", bad[k]), "invalid UTF-8 replaced with U+FFFD");
      warnings.push_back(std::move(w));
    }
    if (bad.size() > kMaxReportedBadBytes) {
      std::string w = absl::StrCat(bad.size() - kMaxReportedBadBytes,
                                   " more invalid UTF-8 sequences replaced with U+FFFD");
      sink_->Report(uri, w);
      warnings.push_back(std::move(w));
    }
  }
  // Strip a UTF-8 byte order mark.
  size_t bom = absl::StartsWith(text, "\xEF\xBB\xBF") ? 3 : 0;
  DateContext context;
  context.reference_date = options_.reference_date;
  auto deliver = [&](v1::Document&& doc) {
    if (doc.uri().empty()) doc.set_uri(uri);
    for (const std::string& w : warnings) doc.add_warnings(w);
    if (doc.id().empty()) DocumentIdForText(doc.text(), doc.mutable_id());
    Deliver(std::move(doc), on_document);
  };
  OffsetMap body_map;
  if (bom > 0) {
    OffsetMap shift;
    shift.AddExact(0, bom);
    body_map = shift.ComposeWith(to_file);
    text.remove_prefix(bom);
  } else {
    body_map = std::move(to_file);
  }
  switch (DetectFormat(text, uri)) {
    case DetectedFormat::kHtml:
      doc->Clear();
      ReadHtml(text, body_map, context, doc);
      deliver(std::move(*doc));
      break;
    case DetectedFormat::kForumThread:
      doc->Clear();
      ReadForumThread(text, body_map, context, doc);
      deliver(std::move(*doc));
      break;
    case DetectedFormat::kJson:
      ReadJson(text, body_map, context, uri, doc, deliver);
      break;
    case DetectedFormat::kPlainText:
      doc->Clear();
      if (owned != nullptr && text.data() == owned->data() && text.size() == owned->size()) {
        // The file's own buffer becomes the text: no copy of a large file.
        ReadOwnedPlainText(std::move(*owned), body_map, context, doc);
      } else {
        ReadPlainText(text, body_map, context, doc);
      }
      deliver(std::move(*doc));
      break;
  }
}

void DocumentReader::ReadJson(absl::string_view text, const OffsetMap& to_file,
                              const DateContext& context, const std::string& uri,
                              v1::Document* doc,
                              const std::function<void(v1::Document&&)>& deliver) {
  // JSON Lines: when the first line that is not blank is a whole JSON value by itself,
  // the file cannot be one (another line starting with '{' follows it), so it is read as
  // lines at once, that line's value kept, and the file is not parsed whole.
  if (LooksLikeJsonLines(text)) {
    absl::StatusOr<JsonValue> first = ParseJson(FirstJsonLine(text));
    if (first.ok()) {
      ReadJsonLines(text, to_file, context, uri, sink_, doc, deliver, &*first);
      return;
    }
  }
  size_t error_at = 0;
  absl::StatusOr<JsonValue> value = ParseJson(text, &error_at);
  if (!value.ok()) {
    if (LooksLikeJsonLines(text)) {
      ReadJsonLines(text, to_file, context, uri, sink_, doc, deliver);
    } else {
      // Report the offset in the file, not in the repaired text.
      size_t file_offset = to_file.ToSource(error_at);
      absl::string_view msg = value.status().message();
      msg = msg.substr(msg.find(": ") + 2);
      sink_->Report(absl::StrCat(uri, ": byte ", file_offset), absl::StrCat("bad JSON: ", msg));
    }
    return;
  }
  auto read_one = [&](const JsonValue& v, const std::string& item) {
    doc->Clear();
    doc->set_item(item);
    std::string place = item.empty() ? uri : absl::StrCat(uri, " (", item, ")");
    if (IsWordPressPost(v)) {
      ReadWordPressPost(text, v, to_file, context, doc);
    } else if (IsJsonItem(v)) {
      absl::Status s = ReadJsonItem(text, v, to_file, context, doc);
      if (!s.ok()) {
        sink_->Report(place, s.message());
        return;
      }
    } else {
      sink_->Report(place,
                    "JSON value is neither a WordPress post (title.rendered, content.rendered) "
                    "nor an item with a \"text\" field, skipped");
      return;
    }
    deliver(std::move(*doc));
  };
  if (value->is_array()) {
    for (size_t k = 0; k < value->items().size(); ++k) {
      read_one(value->items()[k], absl::StrCat("item [", k, "]"));
    }
  } else {
    read_one(*value, "");
  }
}

}  // namespace claimcheck
