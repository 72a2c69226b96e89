// Reconciler: claims in; findings and timelines out.
//
// Add every claim, then Finish. Finish groups claims by subject (grouper.h), puts each
// subject's figures in one unit (normalizer.h: scales, units, currencies at the annual
// rate of the figure's year), and asks of each subject:
//   * do figures for the same period agree within rounding and stated approximation
//     (tolerance.h, period.h)? If not: CONTRADICTION, or SCALE_SLIP for a factor near
//     10^3/10^6/10^9; an undated figure repeating a superseded value: STALE_FIGURE;
//     units that cannot be converted: UNIT_MISMATCH; the same additive figure for nested
//     periods: PERIOD_MISMATCH; agreement resting on copies of one text: SINGLE_SOURCE
//     (checks.h);
//   * does a stated growth rate fit the levels it connects, and do the parts (subjects
//     with qualifiers) stay within their total (ARITHMETIC, arithmetic.h)?
//     When it does not, a CONTRADICTION between growth figures for the same period is
//     dropped: the levels settle which one is wrong, and it is reported once.
//   * does it match the user's trusted figures (REFERENCE_MISMATCH, reference.h)?
// Figures for different periods are not errors: they become the subject's timeline
// (timeline.h).
//
// Finding identity, relied on by the review ledger (review/ledger.h):
//   * Finding.id = 16 hex digits of FNV-1a (claims/fingerprint.h) over the finding kind
//     name ("contradiction"), the subject key, and the finding's claim ids sorted. The
//     same claims give the same id on every run; a new claim joining the finding (another
//     source repeating one side, say) or one leaving it gives a new id.
//   * Finding.topic = the same hash over kind name, subject key and the period label
//     ("2019", "2025-Q3", "2024-H1 vs 2024-Q2", "undated"). It does not change when new
//     evidence arrives, so a verdict recorded against an earlier id with the same topic
//     shows the finding as REOPENED rather than as new.
//
// Determinism: the report depends only on the set of claims added and their order of
// addition only where claims are otherwise identical; subjects are processed in key
// order, claims within a subject by publication day then claim id, and findings are
// sorted by subject key, kind and id.
//
// Memory: Add keeps each claim serialised (a few hundred bytes, in large chunks; the
// Subject, when it repeats the subject's first claim byte for byte, only once per
// subject; the sources' titles, addresses and sentences last, so that Finish can skip
// them for subjects without findings) with a 20-byte index entry, an 8-byte document
// fingerprint and one key per subject. Finish parses and analyses one subject at a time,
// keeping only growth subjects and their level subjects until the arithmetic check, then
// (with keep_claims) parses the claims into the report chunk by chunk, releasing each
// chunk as it goes. Peak memory is therefore the serialised input plus the report: its
// timelines (a few hundred bytes per point), and the claim messages with keep_claims.
//
// Not thread-safe: one thread adds and finishes.
#ifndef CLAIMCHECK_RECONCILE_RECONCILER_H_
#define CLAIMCHECK_RECONCILE_RECONCILER_H_

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claims/currency.h"
#include "google/protobuf/arena.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "reconcile/arithmetic.h"
#include "reconcile/normalizer.h"
#include "reconcile/reference.h"

namespace claimcheck {

struct ReconcileOptions {
  // Exchange rates, CSV as described in claims/currency.h. Empty = the built-in table
  // (reconcile/data/exchange_rates.csv compiled in).
  std::string rates_path;
  // Trusted figures (--reference), JSON Lines as described in reconcile/reference.h.
  // Empty = none.
  std::string reference_path;
  // When false, Report.claims is left empty (findings and timelines still name claim
  // ids): for inputs too large to hold as messages twice. Default true.
  bool keep_claims = true;
};

class Reconciler {
 public:
  // Loads the rate table and the reference file. Returns an error naming the file (and
  // line) when either cannot be read or parsed.
  static absl::StatusOr<std::unique_ptr<Reconciler>> Create(const ReconcileOptions& options);

  // Creates a reconciler from tables already in memory (tests, benchmarks).
  Reconciler(RateTable rates, std::optional<ReferenceTable> reference,
             bool keep_claims = true);
  Reconciler(const Reconciler&) = delete;
  Reconciler& operator=(const Reconciler&) = delete;

  // Takes a copy of one claim.
  void Add(const v1::Claim& claim);

  // Groups, compares, builds timelines. Fills Report.summary, claims (moved in, in the
  // order added), findings, timelines and problems (claims with unusable scopes or
  // currencies missing from the rate table; the claims are still used). Documents are
  // left to the caller; summary.documents counts distinct document ids among the claims.
  // The reconciler is empty afterwards and may be reused.
  v1::Report Finish();

  // Finish into *report, which must be empty; the content is the same as Finish's. Meant
  // for a report on an arena, where the report's many small messages and strings (one
  // timeline point per period per subject, each with its scope, claim ids and document
  // ids) are carved from large blocks instead of costing one malloc each: for a million
  // claims Finish takes about 2.5 s instead of 3.1 s (tests/reconcile/
  // reconcile_benchmark.cc), and the report is smaller in memory.
  //   google::protobuf::Arena arena(Reconciler::ReportArenaOptions());
  //   auto* report = google::protobuf::Arena::CreateMessage<v1::Report>(&arena);
  //   reconciler->FinishInto(report);
  // The arena must outlive every use of the report.
  void FinishInto(v1::Report* report);

  // Arena options suited to a report: blocks that grow from 64 KiB to 8 MiB, the large
  // ones aligned to and advised for transparent huge pages (as the claim store is).
  static google::protobuf::ArenaOptions ReportArenaOptions();

 private:
  // Where one added claim is: its serialised bytes and its subject group.
  // A claim whose serialised Subject is byte-for-byte its group's (the usual case) is
  // stored without it (subject_elided), and gets the group's back when parsed.
  // A claim's Provenance uri, title and sentence are stored last (after core_size bytes),
  // so that a claim can be parsed without them.
  struct Stored {
    uint32_t chunk;
    uint32_t offset;
    uint32_t size : 31;
    uint32_t subject_elided : 1;
    uint32_t core_size;
    uint32_t group;
  };
  // One subject. Trivially copyable (the views point into texts_), so that groups_ grows
  // without moving strings.
  struct Group {
    absl::string_view key;             // GroupKey of its claims
    absl::string_view subject_record;  // its first claim's Subject field, right after key
    absl::string_view built_key;  // BuildSubjectKey of that subject, when != key
    absl::string_view level_key;  // for a growth subject (arithmetic.h), when has_level
    absl::string_view total_key;  // for a subject with qualifiers (a part), when has_total
    bool has_level = false;
    bool has_total = false;
    absl::string_view built() const { return built_key.empty() ? key : built_key; }
  };
  // What Add needs of a group, in the map's slot: no further lookup on the hot path.
  struct GroupRef {
    uint32_t group;
    uint32_t record_size;  // of the Subject field stored right after the key
  };
  // Bytes that stay where they are until the pool is destroyed: group keys and subjects.
  class TextPool {
   public:
    char* Allocate(size_t size);
    absl::string_view Keep(absl::string_view text);  // a copy in the pool

   private:
    std::vector<std::unique_ptr<char[]>> blocks_;
    size_t used_ = 0;
    size_t capacity_ = 0;
  };
  // A vector of trivially copyable T grown with realloc: a large buffer grows in place
  // (mremap) instead of being copied into fresh memory that must be faulted in again.
  template <typename T>
  class PodVector {
    static_assert(std::is_trivially_copyable<T>::value, "realloc moves the bytes");

   public:
    PodVector() = default;
    PodVector(const PodVector&) = delete;
    PodVector& operator=(const PodVector&) = delete;
    ~PodVector() { std::free(data_); }
    void push_back(const T& value) {
      if (size_ == capacity_) {
        capacity_ = capacity_ == 0 ? 64 : 2 * capacity_;
        data_ = static_cast<T*>(std::realloc(static_cast<void*>(data_), capacity_ * sizeof(T)));
        if (data_ == nullptr) std::abort();  // out of memory, as operator new would end it
      }
      data_[size_++] = value;
    }
    T& operator[](size_t i) { return data_[i]; }
    const T& operator[](size_t i) const { return data_[i]; }
    size_t size() const { return size_; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    // Empties the vector and releases its memory.
    void clear() {
      std::free(data_);
      data_ = nullptr;
      size_ = capacity_ = 0;
    }

   private:
    T* data_ = nullptr;
    size_t size_ = 0;
    size_t capacity_ = 0;
  };

  // Parses a stored claim into *claim; false when the bytes do not parse. An elided
  // subject is restored only when `with_subject`, the provenance's uri, title and
  // sentence only when `with_detail`; otherwise the claim lacks them.
  bool Parse(const Stored& stored, v1::Claim* claim, bool with_subject,
             bool with_detail) const;

  RateTable rates_;
  std::optional<ReferenceTable> reference_;
  Normalizer normalizer_;
  bool keep_claims_;
  struct FreeDeleter {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  struct Chunk {
    std::unique_ptr<uint8_t, FreeDeleter> bytes;
    size_t capacity = 0;
    size_t used = 0;
  };
  static Chunk NewChunk(size_t capacity);
  std::vector<Chunk> chunks_;
  PodVector<Stored> stored_;
  PodVector<Group> groups_;
  TextPool texts_;
  absl::flat_hash_map<absl::string_view, GroupRef> group_of_key_;  // views into texts_
  PodVector<uint64_t> document_prints_;  // fingerprint of each claim's document id
  std::string key_scratch_;
  std::string scratch_core_;    // MoveDetailLast's buffers
  std::string scratch_detail_;
  std::vector<std::string> scratch_problems_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_RECONCILE_RECONCILER_H_
