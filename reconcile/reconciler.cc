#include "reconcile/reconciler.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <fstream>
#include <memory>
#include <map>
#include <sstream>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "claims/fingerprint.h"
#include "google/protobuf/io/coded_stream.h"
#include "reconcile/arithmetic.h"
#include "reconcile/builtin_rates.h"
#include "reconcile/checks.h"
#include "reconcile/claim_layout.h"
#include "reconcile/findings.h"
#include "reconcile/grouper.h"
#include "reconcile/subject.h"
#include "reconcile/timeline.h"

namespace claimcheck {
namespace {

// Serialised claims are stored in chunks of up to this size (larger claims get their
// own), starting at kFirstChunkBytes.
constexpr size_t kChunkBytes = 8 << 20;
constexpr size_t kFirstChunkBytes = 64 << 10;
constexpr size_t kHugePage = 2 << 20;

}  // namespace

// Not zero-filled: every byte handed out is written by the serialiser. On Linux the chunk
// is aligned to and advised for transparent huge pages: first-touch page faults, one per
// 4 KiB otherwise, were a large part of Add's cost on virtual machines.
Reconciler::Chunk Reconciler::NewChunk(size_t capacity) {
  Chunk chunk;
  void* memory = nullptr;
  if (capacity < kHugePage) {
    chunk.capacity = capacity;
    memory = std::malloc(capacity);
  } else {
    chunk.capacity = (capacity + kHugePage - 1) / kHugePage * kHugePage;
    memory = std::aligned_alloc(kHugePage, chunk.capacity);
#ifdef MADV_HUGEPAGE
    if (memory != nullptr) madvise(memory, chunk.capacity, MADV_HUGEPAGE);  // advice only
#endif
  }
  if (memory == nullptr) std::abort();  // out of memory, as operator new would end it
  chunk.bytes.reset(static_cast<uint8_t*>(memory));
  return chunk;
}

namespace {

// The number of distinct values among values[0, n); reorders them. Sorted by a radix sort
// on 16-bit digits for large n (a million fingerprints: four linear passes instead of a
// comparison sort), then counted in one pass.
size_t CountDistinct(uint64_t* values, size_t n) {
  if (n > 4096) {
    std::unique_ptr<uint64_t[]> buffer(new uint64_t[n]);  // not zero-filled: all written
    std::vector<size_t> start(1 << 16);
    uint64_t* from = values;
    uint64_t* to = buffer.get();
    for (int shift = 0; shift < 64; shift += 16) {
      std::fill(start.begin(), start.end(), 0);
      for (size_t i = 0; i < n; ++i) ++start[(from[i] >> shift) & 0xffff];
      size_t sum = 0;
      for (size_t& s : start) {
        size_t count = s;
        s = sum;
        sum += count;
      }
      for (size_t i = 0; i < n; ++i) to[start[(from[i] >> shift) & 0xffff]++] = from[i];
      std::swap(from, to);
    }
    // Four passes: the sorted values are back in `values`.
  } else {
    std::sort(values, values + n);
  }
  size_t distinct = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i == 0 || values[i] != values[i - 1]) ++distinct;
  }
  return distinct;
}

// Arena blocks for ReportArenaOptions: the same allocation policy as the claim chunks.
void* AllocateReportBlock(size_t size) {
  void* memory = nullptr;
  if (size < kHugePage) {
    memory = std::malloc(size);
  } else {
    // aligned_alloc wants a multiple of the alignment; the arena uses only `size`.
    size_t rounded = (size + kHugePage - 1) / kHugePage * kHugePage;
    memory = std::aligned_alloc(kHugePage, rounded);
#ifdef MADV_HUGEPAGE
    if (memory != nullptr) madvise(memory, rounded, MADV_HUGEPAGE);  // advice only
#endif
  }
  if (memory == nullptr) std::abort();  // out of memory, as operator new would end it
  return memory;
}

void FreeReportBlock(void* block, size_t) { std::free(block); }

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return contents.str();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Reconciler>> Reconciler::Create(
    const ReconcileOptions& options) {
  absl::StatusOr<RateTable> rates;
  if (options.rates_path.empty()) {
    rates = RateTable::Parse(kBuiltinExchangeRates, "built-in exchange_rates.csv");
  } else {
    auto text = ReadWholeFile(options.rates_path);
    if (!text.ok()) return text.status();
    rates = RateTable::Parse(*text, options.rates_path);
  }
  if (!rates.ok()) return rates.status();
  std::optional<ReferenceTable> reference;
  if (!options.reference_path.empty()) {
    auto text = ReadWholeFile(options.reference_path);
    if (!text.ok()) return text.status();
    auto table = ReferenceTable::Parse(*text, options.reference_path);
    if (!table.ok()) return table.status();
    reference = *std::move(table);
  }
  return std::make_unique<Reconciler>(*std::move(rates), std::move(reference),
                                      options.keep_claims);
}

Reconciler::Reconciler(RateTable rates, std::optional<ReferenceTable> reference,
                       bool keep_claims)
    : rates_(std::move(rates)),
      reference_(std::move(reference)),
      normalizer_(&rates_),
      keep_claims_(keep_claims) {}

char* Reconciler::TextPool::Allocate(size_t size) {
  if (blocks_.empty() || used_ + size > capacity_) {
    capacity_ = std::max<size_t>(size, blocks_.empty() ? 4 << 10 : std::min<size_t>(
                                                                      1 << 20, 2 * capacity_));
    blocks_.emplace_back(new char[capacity_]);
    used_ = 0;
  }
  char* out = blocks_.back().get() + used_;
  used_ += size;
  return out;
}

absl::string_view Reconciler::TextPool::Keep(absl::string_view text) {
  if (text.empty()) return {};
  char* copy = Allocate(text.size());
  std::memcpy(copy, text.data(), text.size());
  return absl::string_view(copy, text.size());
}

void Reconciler::Add(const v1::Claim& claim) {
  // Most claims belong to a subject already seen: look the key up without allocating.
  // The hot path touches the map's slot, the group's key and subject bytes (adjacent in
  // the text pool) and the claim store: with a hundred thousand subjects the first two
  // are cache misses.
  absl::string_view key = absl::StripAsciiWhitespace(claim.subject().key());
  if (key.empty()) {
    key_scratch_ = GroupKey(claim.subject());
  } else {
    key_scratch_.assign(key.data(), key.size());  // reuses the scratch's buffer
    for (char& c : key_scratch_) c = absl::ascii_tolower(static_cast<unsigned char>(c));
  }
  // The map's slot is usually not in cache: start loading it now, and look the key up
  // only after the claim has been serialised.
  group_of_key_.prefetch(absl::string_view(key_scratch_));
  // Distinct documents are counted in Finish from 64-bit fingerprints: no string per
  // document, and no hash-set probe per claim.
  const std::string& document = claim.provenance().document_id();
  if (!document.empty()) document_prints_.push_back(Fingerprinter().Add(document).value());
  size_t size = claim.ByteSizeLong();
  // Room for the claim as serialised and for MoveDetailLast's rearrangement of it.
  const size_t room = size + kDetailSlack;
  if (chunks_.empty() || chunks_.back().used + room > chunks_.back().capacity) {
    // Chunks grow from 64 KiB to 8 MiB, so a small input (one subject of a keyed
    // stream) stays small and a large one gets few, huge-page-backed chunks.
    size_t capacity = chunks_.empty() ? kFirstChunkBytes
                                      : std::min(kChunkBytes, 2 * chunks_.back().capacity);
    chunks_.push_back(NewChunk(std::max(capacity, room)));
  }
  Chunk& chunk = chunks_.back();
  uint8_t* bytes = chunk.bytes.get() + chunk.used;
  claim.SerializeWithCachedSizesToArray(bytes);
  absl::string_view record = SubjectRecord(claim, bytes, size);
  auto it = group_of_key_.find(absl::string_view(key_scratch_));
  const bool new_group = it == group_of_key_.end();
  bool elided = false;
  uint32_t g = 0;
  if (new_group) {
    // The key and the first claim's Subject field, side by side in the text pool.
    char* text = texts_.Allocate(key_scratch_.size() + record.size());
    std::memcpy(text, key_scratch_.data(), key_scratch_.size());
    if (!record.empty()) std::memcpy(text + key_scratch_.size(), record.data(), record.size());
    Group group;
    group.key = absl::string_view(text, key_scratch_.size());
    group.subject_record = absl::string_view(text + key_scratch_.size(), record.size());
    std::string built = BuildSubjectKey(claim.subject());
    if (built != group.key) group.built_key = texts_.Keep(built);
    if (std::optional<std::string> level = LevelSubjectKey(claim.subject())) {
      group.has_level = true;
      group.level_key = texts_.Keep(*level);
    }
    if (std::optional<std::string> total = TotalSubjectKey(claim.subject())) {
      group.has_total = true;
      group.total_key = texts_.Keep(*total);
    }
    g = static_cast<uint32_t>(groups_.size());
    group_of_key_.emplace(group.key, GroupRef{g, static_cast<uint32_t>(record.size())});
    groups_.push_back(group);
  } else {
    g = it->second.group;
    // The group's subject follows its key in the pool (the key the map just compared).
    absl::string_view group_record(it->first.data() + it->first.size(),
                                   it->second.record_size);
    if (!record.empty() && record == group_record) {
      // The subject is the group's: kept once, in the group (and its first claim).
      uint8_t* at = bytes + (record.data() - reinterpret_cast<const char*>(bytes));
      // Later fields move down over it; the bytes stay a valid Claim without a subject.
      std::memmove(at, at + record.size(), size - (at - bytes) - record.size());
      size -= record.size();
      elided = true;
    }
  }
  // The sources' titles, addresses and sentences last, so that Finish can parse claims
  // without them (only findings quote them).
  size_t core_size = size;
  size = MoveDetailLast(bytes, size, &scratch_core_, &scratch_detail_, &core_size);
  Stored stored;
  stored.chunk = static_cast<uint32_t>(chunks_.size() - 1);
  stored.offset = static_cast<uint32_t>(chunk.used);
  stored.size = static_cast<uint32_t>(size);
  stored.subject_elided = elided;
  stored.core_size = static_cast<uint32_t>(core_size);
  stored.group = g;
  chunk.used += size;
  stored_.push_back(stored);
}

bool Reconciler::Parse(const Stored& stored, v1::Claim* claim, bool with_subject,
                       bool with_detail) const {
  if (!claim->ParseFromArray(chunks_[stored.chunk].bytes.get() + stored.offset,
                             static_cast<int>(with_detail ? stored.size : stored.core_size))) {
    return false;
  }
  if (!stored.subject_elided || !with_subject) return true;
  absl::string_view record = groups_[stored.group].subject_record;
  google::protobuf::io::CodedInputStream input(reinterpret_cast<const uint8_t*>(record.data()),
                                                static_cast<int>(record.size()));
  return claim->MergeFromCodedStream(&input);
}

google::protobuf::ArenaOptions Reconciler::ReportArenaOptions() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = kFirstChunkBytes;
  options.max_block_size = kChunkBytes;
  options.block_alloc = &AllocateReportBlock;
  options.block_dealloc = &FreeReportBlock;
  return options;
}

v1::Report Reconciler::Finish() {
  v1::Report report;
  FinishInto(&report);
  return report;
}

void Reconciler::FinishInto(v1::Report* out) {
  v1::Report& report = *out;
  std::vector<std::string> problems;

  // Groups in key order, and each group's claims in input order.
  std::vector<uint32_t> order(groups_.size());
  for (uint32_t g = 0; g < order.size(); ++g) order[g] = g;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return groups_[a].key < groups_[b].key; });
  const size_t documents = CountDistinct(document_prints_.begin(), document_prints_.size());
  std::vector<uint32_t> first(groups_.size() + 1, 0);
  for (const Stored& s : stored_) ++first[s.group + 1];
  for (size_t g = 0; g < groups_.size(); ++g) first[g + 1] += first[g];
  std::vector<uint32_t> members(stored_.size());
  {
    std::vector<uint32_t> next(first.begin(), first.end() - 1);
    for (uint32_t i = 0; i < stored_.size(); ++i) members[next[stored_[i].group]++] = i;
  }

  // Growth subjects and the level subjects they pair with, and parts with their totals
  // (arithmetic.h), are kept with their claims until all subjects have been seen.
  struct Kept {
    std::vector<v1::Claim> claims;
    SubjectAnalysis analysis;
  };
  absl::flat_hash_set<std::string> level_wanted;
  absl::flat_hash_set<std::string> total_wanted;
  for (const Group& group : groups_) {
    if (group.has_level) level_wanted.insert(std::string(group.level_key));
    if (group.has_total) total_wanted.insert(std::string(group.total_key));
  }
  // Totals (by built key) and their parts, kept for CheckParts.
  absl::flat_hash_map<std::string, std::unique_ptr<Kept>> kept_totals;
  std::map<std::string, std::vector<std::unique_ptr<Kept>>> kept_parts;
  std::map<uint32_t, std::unique_ptr<Kept>> kept_growth;
  absl::flat_hash_map<std::string, std::unique_ptr<Kept>> kept_levels;

  // Findings with their sort key: subject key, kind, id.
  std::vector<std::tuple<std::string, int, v1::Finding>> findings;
  std::vector<v1::Finding> found;
  // Each subject's claims are parsed onto an arena that is reset before the next subject.
  // (A reused heap message is no saving: Clear() deletes its sub-messages, so every
  // parse would allocate and free each sub-message and string again, some twenty mallocs
  // per claim.) The arena's first block is kept across resets: a usual subject needs no
  // allocation at all beyond the heap buffers of its longer strings.
  constexpr size_t kParseBlock = 256 << 10;
  std::unique_ptr<char[]> parse_block(new char[kParseBlock]);
  google::protobuf::ArenaOptions parse_options;
  parse_options.initial_block = parse_block.get();
  parse_options.initial_block_size = kParseBlock;
  parse_options.max_block_size = 1 << 20;
  google::protobuf::Arena parse_arena(parse_options);
  std::vector<v1::Claim*> claims;
  std::vector<const v1::Claim*> pointers;
  SubjectAnalysis analysis;  // reused from subject to subject
  for (uint32_t g : order) {
    const Group& group = groups_[g];
    const size_t count = first[g + 1] - first[g];
    pointers.clear();  // the previous subject's claims go with the reset
    parse_arena.Reset();
    claims.clear();
    for (size_t i = 0; i < count; ++i) {
      claims.push_back(google::protobuf::Arena::CreateMessage<v1::Claim>(&parse_arena));
    }
    // Without the subject when it is the group's: the analysis reads the subject of the
    // first claim only (subject.h), and that one always has its own. Without the
    // sources' titles, addresses and sentences at first: only the findings' explanations
    // quote them, and most subjects have no finding.
    for (uint32_t m = first[g]; m < first[g + 1]; ++m) {
      const Stored& stored = stored_[members[m]];
      if (!Parse(stored, claims[m - first[g]], /*with_subject=*/false,
                 /*with_detail=*/false)) {
        problems.push_back(absl::StrCat("internal: cannot re-read claim ", members[m]));
      }
    }
    pointers.assign(claims.begin(), claims.end());
    AnalyzeSubject(group.key, pointers, normalizer_, &problems, &analysis);
    auto check = [&]() {
      found.clear();
      CheckAgreement(analysis, &found);
      CheckUnits(analysis, &found);
      CheckPeriods(analysis, &found);
      CheckSingleSource(analysis, &found);
      if (reference_) reference_->Check(analysis, normalizer_, &found);
    };
    check();
    if (!found.empty()) {
      // The checks decide on figures, periods and sources alone, so the same findings
      // come out with the full claims; this time their explanations quote the sources.
      for (uint32_t m = first[g]; m < first[g + 1]; ++m) {
        Parse(stored_[members[m]], claims[m - first[g]], /*with_subject=*/false,
              /*with_detail=*/true);
      }
      scratch_problems_.clear();  // already reported by the first analysis
      AnalyzeSubject(group.key, pointers, normalizer_, &scratch_problems_, &analysis);
      check();
    }
    for (v1::Finding& f : found) {
      findings.emplace_back(std::string(group.key), static_cast<int>(f.kind()), std::move(f));
    }
    BuildTimeline(analysis, report.add_timelines());  // in place: on the report's arena
    const absl::string_view built_key = group.built();
    bool is_level = level_wanted.count(built_key) > 0;
    bool is_total = total_wanted.count(built_key) > 0;
    if (is_level || is_total || group.has_level || group.has_total) {
      // The analysis points into `claims`; moving the vector keeps its elements in place.
      // A subject may play several roles: the first kept copy owns the claims, the other
      // roles get a second parse.
      auto keep = [&]() {
        auto kept = std::make_unique<Kept>();
        kept->claims.resize(count);
        for (uint32_t m = first[g]; m < first[g + 1]; ++m) {
          Parse(stored_[members[m]], &kept->claims[m - first[g]], /*with_subject=*/true,
                /*with_detail=*/true);
        }
        std::vector<const v1::Claim*> own;
        for (const v1::Claim& c : kept->claims) own.push_back(&c);
        std::vector<std::string> ignored;  // already reported above
        AnalyzeSubject(group.key, own, normalizer_, &ignored, &kept->analysis);
        return kept;
      };
      if (group.has_level) kept_growth.emplace(g, keep());
      if (is_level) kept_levels.emplace(std::string(built_key), keep());
      if (is_total) kept_totals.emplace(std::string(built_key), keep());
      if (group.has_total) kept_parts[std::string(group.total_key)].push_back(keep());
    }
  }
  for (const auto& [total_key, parts] : kept_parts) {
    auto total = kept_totals.find(total_key);
    if (total == kept_totals.end()) continue;
    std::vector<const SubjectAnalysis*> views;
    for (const auto& part : parts) views.push_back(&part->analysis);
    found.clear();
    CheckParts(total->second->analysis, views, &found);
    for (v1::Finding& f : found) {
      findings.emplace_back(total->second->analysis.key, static_cast<int>(f.kind()),
                            std::move(f));
    }
  }
  kept_parts.clear();
  kept_totals.clear();
  for (const auto& [g, growth_kept] : kept_growth) {
    const SubjectAnalysis& growth = growth_kept->analysis;
    auto level = kept_levels.find(groups_[g].level_key);
    if (level == kept_levels.end()) continue;
    found.clear();
    CheckGrowth(growth, level->second->analysis, &found);
    // When the levels show which growth figure is wrong, the disagreement between growth
    // figures for that period is reported once, as the arithmetic finding.
    absl::flat_hash_set<std::string> settled;
    for (const Bucket& bucket : growth.buckets) {
      std::string label = bucket.period.label;
      std::string arithmetic = Fingerprinter().Add("arithmetic").Add(growth.key).Add(label).Hex();
      for (const v1::Finding& f : found) {
        if (f.topic() == arithmetic) {
          settled.insert(Fingerprinter().Add("contradiction").Add(growth.key).Add(label).Hex());
        }
      }
    }
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const auto& entry) {
                                    return settled.count(std::get<2>(entry).topic()) > 0;
                                  }),
                   findings.end());
    for (v1::Finding& f : found) {
      findings.emplace_back(std::string(groups_[g].key), static_cast<int>(f.kind()),
                            std::move(f));
    }
  }
  kept_growth.clear();
  kept_levels.clear();
  std::sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a).id() < std::get<2>(b).id();
  });

  v1::ReportSummary* summary = report.mutable_summary();
  summary->set_documents(static_cast<uint32_t>(documents));
  summary->set_claims(static_cast<uint32_t>(stored_.size()));
  summary->set_subjects(static_cast<uint32_t>(groups_.size()));
  summary->set_findings(static_cast<uint32_t>(findings.size()));
  uint32_t open = 0;
  for (auto& entry : findings) {
    v1::Finding& f = std::get<2>(entry);
    (*summary->mutable_findings_by_kind())[v1::FindingKind_Name(f.kind())]++;
    if (f.status() == v1::REVIEW_STATUS_OPEN || f.status() == v1::REVIEW_STATUS_REOPENED) {
      ++open;
    }
    *report.add_findings() = std::move(f);
  }
  summary->set_open_findings(open);
  for (auto& problem : problems) report.add_problems(std::move(problem));

  // The claims, in the order added; each chunk is released once read.
  if (keep_claims_) {
    report.mutable_claims()->Reserve(static_cast<int>(stored_.size()));
    size_t chunk = 0;
    for (const Stored& stored : stored_) {
      while (chunk < stored.chunk) chunks_[chunk++].bytes.reset();
      Parse(stored, report.add_claims(), /*with_subject=*/true, /*with_detail=*/true);
    }
  }
  chunks_.clear();
  stored_.clear();
  groups_.clear();
  group_of_key_.clear();
  texts_ = TextPool();
  document_prints_.clear();
}

}  // namespace claimcheck
