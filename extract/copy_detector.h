// Copy detection: a figure repeated verbatim is one source, not a confirmation.
//
// Forum posts paste whole articles, aggregators republish wire copy, replies quote
// earlier replies. The reconciler must count such repeats once, so each claim records
// whether its sentence is a copy and, if so, the id of the claim where the same words
// first appeared (Provenance.is_quotation, first_appearance_claim_id).
//
// Two appearances are the same when the sentence text from its start up to the end of
// the figure (and on, if needed, until there are kMinWords words) is identical after
// normalisation (letters and digits only, lower-cased,
// one space between words) and the figure has the same value and unit. Using the text
// up to the figure makes a truncated paste ("... a $56 billion, Huawei-led move to
// revive its") match the full sentence. Fewer than kMinWords words of context are not
// enough evidence of copying, so such figures are never linked; more than
// kMaxContextBytes before the figure are not looked at.
//
// Memory: one 8-byte key, a 16-byte id and a period per distinct figure context, capped at
// `max_entries` (later contexts are then not remembered, so repeats of them are missed).
// Thread-safety: not thread-safe.
#ifndef CLAIMCHECK_EXTRACT_COPY_DETECTOR_H_
#define CLAIMCHECK_EXTRACT_COPY_DETECTOR_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

class CopyDetector {
 public:
  static constexpr int kMinWords = 6;
  static constexpr size_t kMaxContextBytes = 400;

  explicit CopyDetector(size_t max_entries = size_t{1} << 21) : max_entries_(max_entries) {}

  // `sentence` holds the figure, which ends at byte `figure_end`. The context is the
  // sentence up to the figure's end, extended by the words after it until it has
  // kMinWords words. Returns the claim id of the first appearance of the same context and
  // figure (a view valid until the next call), or "" when this is the first (then
  // `claim_id` is remembered as the first appearance) or the sentence is too short to
  // tell.
  //
  // `scope` (may be null) is the claim's period: a first appearance's period is
  // remembered, and a copy whose own period is only inferred (a pasted article carries
  // no date of its own) or missing takes the first appearance's.
  absl::string_view FirstAppearance(absl::string_view sentence, size_t figure_end,
                                    const v1::Quantity& quantity, const std::string& claim_id,
                                    v1::TimeScope* scope = nullptr);

  size_t size() const { return first_.size(); }

 private:
  size_t max_entries_;
  struct First {
    std::string claim_id;
    v1::TimeScope scope;
  };
  absl::flat_hash_map<uint64_t, First> first_;
  std::string buffer_;  // room for the normalised context; only grows
};

// `text` reduced to lower-case letters and digits, words separated by one space;
// non-ASCII bytes are kept as letters. Sets *words to the number of words.
std::string NormalizeForCopy(absl::string_view text, int* words);

// NormalizeForCopy into *out (its capacity reused).
void NormalizeForCopyInto(absl::string_view text, std::string* out, int* words);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_COPY_DETECTOR_H_
