#include "review/ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "claims/record_stream.h"

namespace claimcheck {
namespace {

absl::Status ErrnoError(absl::string_view what, const std::string& path, int err) {
  std::string msg = absl::StrCat(path, ": cannot ", what, ": ", strerror(err));
  if (err == ENOENT) return absl::NotFoundError(msg);
  if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(msg);
  return absl::FailedPreconditionError(msg);
}

// Releases the lock and closes the descriptor on every path out of Append.
class LockedFile {
 public:
  explicit LockedFile(int fd) : fd_(fd) {}
  ~LockedFile() {
    if (fd_ >= 0) {
      flock(fd_, LOCK_UN);
      close(fd_);
    }
  }
  LockedFile(const LockedFile&) = delete;
  LockedFile& operator=(const LockedFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

void Ledger::Add(v1::Review review) {
  size_t index = reviews_.size();
  by_finding_[review.finding_id()] = index;
  if (!review.topic().empty()) by_topic_[review.topic()] = index;
  reviews_.push_back(std::move(review));
}

Ledger Ledger::Parse(absl::string_view data, absl::string_view name,
                     std::vector<std::string>* problems) {
  Ledger ledger;
  v1::Review scratch;
  // Line numbers come from ReadRecords, so a bad line is named exactly as an editor
  // shows it.
  ReadRecords(
      data, RecordFormat::kJsonLines, name, &scratch,
      [&] {
        if (scratch.finding_id().empty()) {
          // Parsed, but useless: say so rather than silently keeping it.
          if (problems != nullptr) {
            problems->push_back(absl::StrCat(name, ": a review without finding_id skipped"));
          }
          return;
        }
        ledger.Add(std::move(scratch));
        scratch = v1::Review();
      },
      [&](const std::string& problem) {
        if (problems != nullptr) problems->push_back(absl::StrCat(problem, " (line skipped)"));
      });
  return ledger;
}

absl::StatusOr<Ledger> Ledger::Load(const std::string& path,
                                    std::vector<std::string>* problems) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Ledger();
    return ErrnoError("open review ledger", path, errno);
  }
  LockedFile file(fd);
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": is a directory, not a review ledger"));
  }
  // A shared lock waits for an append in progress to finish, so no half line is read.
  flock(fd, LOCK_SH);
  std::string data;
  char buf[1 << 16];
  while (true) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("read review ledger", path, errno);
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  return Parse(data, path, problems);
}

absl::Status Ledger::Append(const std::string& path, const v1::Review& review) {
  if (review.finding_id().empty()) {
    return absl::InvalidArgumentError("a review needs a finding id");
  }
  if (review.verdict() == v1::VERDICT_UNSPECIFIED) {
    return absl::InvalidArgumentError("a review needs a verdict");
  }
  auto json = RecordToJson(review);
  if (!json.ok()) return json.status();
  std::string line = absl::StrCat(*json, "\n");

  int fd = open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("open review ledger", path, errno);
  LockedFile file(fd);
  while (flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) return ErrnoError("lock review ledger", path, errno);
  }
  struct stat st;
  if (fstat(fd, &st) != 0) return ErrnoError("stat review ledger", path, errno);
  off_t size = st.st_size;
  // If an earlier writer died mid-line, start on a fresh line so this verdict is not
  // glued to the fragment (the fragment is then reported as one corrupt line).
  if (size > 0) {
    char last = '\n';
    if (pread(fd, &last, 1, size - 1) == 1 && last != '\n') line.insert(0, "\n");
  }
  ssize_t n;
  do {
    n = write(fd, line.data(), line.size());
  } while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(line.size())) {
    int err = n < 0 ? errno : ENOSPC;
    // Take back a short write so the ledger keeps only whole lines.
    if (ftruncate(fd, size) != 0) {
      return ErrnoError("write review ledger (and could not undo a partial line)", path, err);
    }
    return ErrnoError("write review ledger", path, err);
  }
  if (fsync(fd) != 0) return ErrnoError("sync review ledger", path, errno);
  return absl::OkStatus();
}

const v1::Review* Ledger::LatestForFinding(absl::string_view finding_id) const {
  auto it = by_finding_.find(finding_id);
  return it == by_finding_.end() ? nullptr : &reviews_[it->second];
}

const v1::Review* Ledger::LatestForTopic(absl::string_view topic) const {
  if (topic.empty()) return nullptr;
  auto it = by_topic_.find(topic);
  return it == by_topic_.end() ? nullptr : &reviews_[it->second];
}

void ApplyReviews(const Ledger& ledger, v1::Report* report) {
  uint32_t open = 0;
  for (v1::Finding& finding : *report->mutable_findings()) {
    finding.clear_review();
    // A verdict on this very evidence wins over a later verdict on another version of
    // the finding: it is the decision about exactly what the reader now sees.
    if (const v1::Review* same = ledger.LatestForFinding(finding.id())) {
      finding.set_status(v1::REVIEW_STATUS_REVIEWED);
      *finding.mutable_review() = *same;
    } else if (const v1::Review* earlier = ledger.LatestForTopic(finding.topic())) {
      finding.set_status(v1::REVIEW_STATUS_REOPENED);
      *finding.mutable_review() = *earlier;
    } else {
      finding.set_status(v1::REVIEW_STATUS_OPEN);
    }
    if (IsOpenFinding(finding)) ++open;
  }
  report->mutable_summary()->set_open_findings(open);
}

bool IsOpenFinding(const v1::Finding& finding) {
  switch (finding.status()) {
    case v1::REVIEW_STATUS_REVIEWED:
      return finding.review().verdict() == v1::VERDICT_NEEDS_SOURCE;
    case v1::REVIEW_STATUS_REOPENED:
    case v1::REVIEW_STATUS_OPEN:
    default:
      return true;
  }
}

bool IsUnsettledFinding(const v1::Finding& finding) {
  if (IsOpenFinding(finding)) return true;
  return finding.review().verdict() == v1::VERDICT_CONFIRMED;
}

absl::StatusOr<v1::Verdict> ParseVerdict(absl::string_view name) {
  if (name == "confirmed") return v1::VERDICT_CONFIRMED;
  if (name == "dismissed") return v1::VERDICT_DISMISSED;
  if (name == "needs-source" || name == "needs_source") return v1::VERDICT_NEEDS_SOURCE;
  if (name == "resolved") return v1::VERDICT_RESOLVED;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown verdict '", name, "' (expected confirmed, dismissed, needs-source or resolved)"));
}

std::string VerdictName(v1::Verdict verdict) {
  switch (verdict) {
    case v1::VERDICT_CONFIRMED:
      return "confirmed";
    case v1::VERDICT_DISMISSED:
      return "dismissed";
    case v1::VERDICT_NEEDS_SOURCE:
      return "needs-source";
    case v1::VERDICT_RESOLVED:
      return "resolved";
    default:
      return "";
  }
}

std::string ReviewStatusName(v1::ReviewStatus status) {
  switch (status) {
    case v1::REVIEW_STATUS_REVIEWED:
      return "reviewed";
    case v1::REVIEW_STATUS_REOPENED:
      return "reopened";
    default:
      return "open";
  }
}

}  // namespace claimcheck
