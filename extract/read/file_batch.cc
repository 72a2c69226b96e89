#include "extract/read/file_batch.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#if defined(__linux__)
#include <linux/io_uring.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#endif

namespace claimcheck {

#if defined(__linux__) && defined(__NR_io_uring_setup) && defined(__NR_io_uring_enter) && \
    defined(__NR_io_uring_register)

// A minimal io_uring: one submission queue and one completion queue shared with the
// kernel through mapped memory, driven with the raw system calls (no liburing). The
// caller fills entries from Next(), then Submit() hands them to the kernel and waits for
// their completions, which Reap() reads.
class FileBatch::Ring {
 public:
  // A ring of `entries` submission entries, or null when the kernel refuses one or lacks
  // any of openat, read and close.
  static std::unique_ptr<Ring> Create(unsigned entries) {
    std::unique_ptr<Ring> ring(new Ring);
    if (!ring->Init(entries)) return nullptr;
    return ring;
  }

  ~Ring() {
    if (sqes_ != MAP_FAILED) ::munmap(sqes_, sqes_size_);
    if (cq_ring_ != MAP_FAILED && cq_ring_ != sq_ring_) ::munmap(cq_ring_, cq_ring_size_);
    if (sq_ring_ != MAP_FAILED) ::munmap(sq_ring_, sq_ring_size_);
    if (fd_ >= 0) ::close(fd_);
  }

  // A zeroed submission entry to fill; the ring has room for `entries` between Submits.
  io_uring_sqe* Next() {
    io_uring_sqe* sqe = &sqes_[pending_tail_ & sq_mask_];
    std::memset(sqe, 0, sizeof *sqe);
    sq_array_[pending_tail_ & sq_mask_] = pending_tail_ & sq_mask_;
    ++pending_tail_;
    return sqe;
  }

  // Hands the entries filled since the last Submit to the kernel and waits until all of
  // them have completed, calling on_complete(user_data, result) for each. False when the
  // kernel refused the submission (errno set): the ring must not be used again.
  template <typename OnComplete>
  bool Submit(OnComplete on_complete) {
    const unsigned count = pending_tail_ - submitted_tail_;
    __atomic_store_n(sq_tail_, pending_tail_, __ATOMIC_RELEASE);
    unsigned to_submit = count, completed = 0;
    while (completed < count) {
      const long r = ::syscall(__NR_io_uring_enter, fd_, to_submit, count - completed,
                               IORING_ENTER_GETEVENTS, nullptr, 0);
      if (r < 0) {
        if (errno == EINTR || errno == EAGAIN || errno == EBUSY) continue;
        return false;
      }
      to_submit -= static_cast<unsigned>(r) < to_submit ? static_cast<unsigned>(r) : to_submit;
      unsigned head = *cq_head_;
      const unsigned tail = __atomic_load_n(cq_tail_, __ATOMIC_ACQUIRE);
      for (; head != tail; ++head, ++completed) {
        const io_uring_cqe& cqe = cqes_[head & cq_mask_];
        on_complete(cqe.user_data, cqe.res);
      }
      __atomic_store_n(cq_head_, head, __ATOMIC_RELEASE);
    }
    submitted_tail_ = pending_tail_;
    return true;
  }

 private:
  Ring() = default;

  bool Init(unsigned entries) {
    io_uring_params params;
    std::memset(&params, 0, sizeof params);
    fd_ = static_cast<int>(::syscall(__NR_io_uring_setup, entries, &params));
    if (fd_ < 0) return false;
    if (!Supports({IORING_OP_OPENAT, IORING_OP_READ, IORING_OP_CLOSE})) return false;
    sq_ring_size_ = params.sq_off.array + params.sq_entries * sizeof(unsigned);
    cq_ring_size_ = params.cq_off.cqes + params.cq_entries * sizeof(io_uring_cqe);
    const bool single = (params.features & IORING_FEAT_SINGLE_MMAP) != 0;
    if (single) sq_ring_size_ = cq_ring_size_ = std::max(sq_ring_size_, cq_ring_size_);
    sq_ring_ = ::mmap(nullptr, sq_ring_size_, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
                      fd_, IORING_OFF_SQ_RING);
    if (sq_ring_ == MAP_FAILED) return false;
    cq_ring_ = single ? sq_ring_
                      : ::mmap(nullptr, cq_ring_size_, PROT_READ | PROT_WRITE,
                               MAP_SHARED | MAP_POPULATE, fd_, IORING_OFF_CQ_RING);
    if (cq_ring_ == MAP_FAILED) return false;
    sqes_size_ = params.sq_entries * sizeof(io_uring_sqe);
    void* sqes = ::mmap(nullptr, sqes_size_, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
                        fd_, IORING_OFF_SQES);
    if (sqes == MAP_FAILED) return false;
    sqes_ = static_cast<io_uring_sqe*>(sqes);
    char* const sq = static_cast<char*>(sq_ring_);
    char* const cq = static_cast<char*>(cq_ring_);
    sq_tail_ = reinterpret_cast<unsigned*>(sq + params.sq_off.tail);
    sq_mask_ = *reinterpret_cast<unsigned*>(sq + params.sq_off.ring_mask);
    sq_array_ = reinterpret_cast<unsigned*>(sq + params.sq_off.array);
    cq_head_ = reinterpret_cast<unsigned*>(cq + params.cq_off.head);
    cq_tail_ = reinterpret_cast<unsigned*>(cq + params.cq_off.tail);
    cq_mask_ = *reinterpret_cast<unsigned*>(cq + params.cq_off.ring_mask);
    cqes_ = reinterpret_cast<io_uring_cqe*>(cq + params.cq_off.cqes);
    pending_tail_ = submitted_tail_ = *sq_tail_;
    return true;
  }

  // True when the kernel's probe lists every one of `ops` as supported.
  bool Supports(std::initializer_list<int> ops) const {
    constexpr unsigned kOps = 256;
    const size_t size = sizeof(io_uring_probe) + kOps * sizeof(io_uring_probe_op);
    std::unique_ptr<char[]> storage(new char[size]());
    auto* probe = reinterpret_cast<io_uring_probe*>(storage.get());
    if (::syscall(__NR_io_uring_register, fd_, IORING_REGISTER_PROBE, probe, kOps) < 0) {
      return false;
    }
    for (int op : ops) {
      if (op > probe->last_op || !(probe->ops[op].flags & IO_URING_OP_SUPPORTED)) return false;
    }
    return true;
  }

  int fd_ = -1;
  void* sq_ring_ = MAP_FAILED;
  void* cq_ring_ = MAP_FAILED;
  io_uring_sqe* sqes_ = static_cast<io_uring_sqe*>(MAP_FAILED);
  size_t sq_ring_size_ = 0, cq_ring_size_ = 0, sqes_size_ = 0;
  unsigned* sq_tail_ = nullptr;
  unsigned* sq_array_ = nullptr;
  unsigned sq_mask_ = 0;
  unsigned* cq_head_ = nullptr;
  unsigned* cq_tail_ = nullptr;
  unsigned cq_mask_ = 0;
  io_uring_cqe* cqes_ = nullptr;
  unsigned pending_tail_ = 0;    // the tail after the entries Next handed out
  unsigned submitted_tail_ = 0;  // the tail the kernel was last given
};

namespace {

// What a completion answers, in the high half of its user_data (the file's index in the
// low half).
enum Operation : uint64_t { kOpen = 1, kRead = 2, kClose = 3 };

uint64_t Tag(Operation op, size_t index) { return (uint64_t{op} << 32) | index; }

}  // namespace

size_t FileBatch::QueueCloses() {
  size_t queued = 0;
  for (const File& f : files_) {
    if (f.fd < 0) continue;
    io_uring_sqe* sqe = ring_->Next();
    sqe->opcode = IORING_OP_CLOSE;
    sqe->fd = f.fd;
    sqe->user_data = Tag(kClose, 0);
    ++queued;
  }
  return queued;
}

FileBatch::FileBatch(bool use_io_uring)
    : ring_(use_io_uring ? Ring::Create(2 * kMaxFiles) : nullptr),
      buffers_(new char[kMaxFiles * kFirstRead]) {}

absl::Span<const FileBatch::File> FileBatch::Load(int dir_fd, absl::Span<const char* const> names) {
  if (names.size() > kMaxFiles) names = names.first(kMaxFiles);
  if (ring_ == nullptr) {
    LoadOneByOne(dir_fd, names);
    return files_;
  }
  const int at = dir_fd >= 0 ? dir_fd : AT_FDCWD;
  QueueCloses();  // the previous batch's closes go with this batch's opens
  files_.assign(names.size(), File());
  for (size_t k = 0; k < names.size(); ++k) {
    io_uring_sqe* sqe = ring_->Next();
    sqe->opcode = IORING_OP_OPENAT;
    sqe->fd = at;
    sqe->addr = reinterpret_cast<uint64_t>(names[k]);
    sqe->open_flags = O_RDONLY | O_CLOEXEC;
    sqe->user_data = Tag(kOpen, k);
  }
  auto on_complete = [this](uint64_t tag, int result) {
    const Operation op = static_cast<Operation>(tag >> 32);
    File& f = files_[tag & 0xFFFFFFFF];
    if (op == kOpen) {
      if (result >= 0) {
        f.fd = result;
      } else {
        f.error = -result;
      }
    } else if (op == kRead) {
      if (result >= 0) {
        f.first = absl::string_view(f.first.data(), static_cast<size_t>(result));
      } else {
        f.error = -result;
      }
    }
  };
  bool ok = ring_->Submit(on_complete);
  if (ok) {
    size_t reads = 0;
    for (size_t k = 0; k < files_.size(); ++k) {
      File& f = files_[k];
      if (f.fd < 0) continue;
      char* buffer = buffers_.get() + k * kFirstRead;
      f.first = absl::string_view(buffer, 0);
      io_uring_sqe* sqe = ring_->Next();
      sqe->opcode = IORING_OP_READ;
      sqe->fd = f.fd;
      sqe->addr = reinterpret_cast<uint64_t>(buffer);
      sqe->len = kFirstRead;
      sqe->off = 0;
      sqe->user_data = Tag(kRead, k);
      ++reads;
    }
    if (reads > 0) ok = ring_->Submit(on_complete);
  }
  if (!ok) {
    // The kernel refused a submission: what it did of it is unknown. The batch is read
    // again one file at a time (files opened by the lost submission stay open), and
    // later batches never use the ring.
    ring_.reset();
    LoadOneByOne(dir_fd, names);
  }
  return files_;
}

FileBatch::~FileBatch() {
  if (ring_ != nullptr && (QueueCloses() == 0 || ring_->Submit([](uint64_t, int) {}))) return;
  CloseAll();
}

#else  // no io_uring on this system

class FileBatch::Ring {};

FileBatch::FileBatch(bool) : buffers_(new char[kMaxFiles * kFirstRead]) {}

FileBatch::~FileBatch() { CloseAll(); }

absl::Span<const FileBatch::File> FileBatch::Load(int dir_fd, absl::Span<const char* const> names) {
  if (names.size() > kMaxFiles) names = names.first(kMaxFiles);
  LoadOneByOne(dir_fd, names);
  return files_;
}

#endif

void FileBatch::CloseAll() {
  for (File& f : files_) {
    if (f.fd >= 0) ::close(f.fd);
    f.fd = -1;
  }
}

void FileBatch::LoadOneByOne(int dir_fd, absl::Span<const char* const> names) {
  CloseAll();
  files_.assign(names.size(), File());
  const int at = dir_fd >= 0 ? dir_fd : AT_FDCWD;
  for (size_t k = 0; k < names.size(); ++k) {
    File& f = files_[k];
    f.fd = ::openat(at, names[k], O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) {
      f.error = errno;
      continue;
    }
    char* buffer = buffers_.get() + k * kFirstRead;
    ssize_t got;
    do {
      got = ::pread(f.fd, buffer, kFirstRead, 0);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      f.error = errno;
    } else {
      f.first = absl::string_view(buffer, static_cast<size_t>(got));
    }
  }
}

}  // namespace claimcheck
