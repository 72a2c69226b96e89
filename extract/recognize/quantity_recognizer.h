// QuantityRecognizer: finds every figure in a text and resolves it to a v1::Quantity.
//
// A figure is a number (digits or words) with what is written around it: a currency
// before or after ("US$ 3bn", "450 million yuan"), a unit ("28nm", "20 soccer fields",
// "four years"), percent or percentage points, hedge words that bound it ("nearly 60%",
// "up to four years", "10,000 or more"), or a second number that makes it a range
// ("$1-2 billion", "between 5 and 7 percent"). Each figure becomes one QuantityMention
// whose Quantity carries the value in base units, the interval the words and digits
// allow (claims/quantity_interval.h), the canonical unit and how it was written.
//
// Numbers that are not quantities are left out: model codes (A100, 910B), years standing
// alone, times of day, dates, roman numerals and digits inside names (Phase 2, 3D), list
// markers, phone numbers, ids inside URLs and JSON (see non_quantity.h).
//
// Rule-based and deterministic: the same text always gives the same mentions. Bytes that
// are not valid UTF-8 are skipped like punctuation; the scan is linear in the input.
//
// Thread-safe after Create: Find is const and keeps no state between calls.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_QUANTITY_RECOGNIZER_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_QUANTITY_RECOGNIZER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace claimcheck {

class NonQuantityFilter;
class UnitTable;
struct ParsedNumber;

struct QuantityMention {
  // User-provided, so that value-initialisation (`QuantityMention()`, emplace_back())
  // sets each member once instead of zero-filling the whole struct first. A new member
  // must also be reset in ResetMention (quantity_recognizer.cc), for the Find that reuses
  // mentions.
  QuantityMention() {}

  size_t begin = 0;  // byte offsets into the text passed to Find, [begin, end), covering
  size_t end = 0;    // the whole figure incl. hedge word, currency and unit ("nearly 60%")
  v1::Quantity quantity;  // value (base units), low/high (claims/quantity_interval.h SetInterval),
                          // bound, type, unit, unit_as_written, currency, scale_word, precision, text

  // Extras for tools that need the parts (the conformance runner, highlighting):
  size_t figure_begin = 0;  // where the figure starts without its hedge word
  size_t number_begin = 0;  // the (first) number itself, scale word included
  size_t number_end = 0;
  double number_value = 0;  // that number's value, scale applied, before unit factors
  // For a range, the second number; high_end == 0 otherwise.
  size_t high_begin = 0;
  size_t high_end = 0;
  double high_value = 0;
  bool unit_glued = false;  // the unit touches the digits ("40nm", "180ml")
  // The unit's name in words, Recognizers-Text style ("Dollar", "United States dollar",
  // "Nanometer", "Cent"), and how many base units one written unit is (0.01 for "cents"),
  // so value / unit_factor is the amount as written. Empty and 1 without a unit. The
  // name lives in the built-in unit table, which is never freed.
  absl::string_view unit_name;
  double unit_factor = 1;
};

// Quantity messages kept between calls of QuantityRecognizer::Find for the memory of
// their strings (see Find). Only Find reads or writes them.
class SpareQuantities {
 public:
  // How many messages it holds: up to kMaxSpare.
  size_t size() const { return count_; }
  static constexpr size_t kMaxSpare = 256;

 private:
  friend class QuantityRecognizer;
  // slots_[0, count_) are messages mentions gave back, not cleared; slots_[count_, size)
  // are empty ones, kept so that giving a message back costs a swap, no construction.
  std::vector<v1::Quantity> slots_;
  size_t count_ = 0;
};

struct RecognizerOptions {
  std::string bare_dollar_currency = "USD";  // what a bare "$" means (currency_assumed = true)
};

class QuantityRecognizer {  // thread-safe after Create
 public:
  // Builds the recognizer. Fails with InvalidArgument when bare_dollar_currency is not a
  // three-letter upper-case code, or Internal if a built-in pattern fails to compile.
  static absl::StatusOr<std::unique_ptr<QuantityRecognizer>> Create(
      const RecognizerOptions& options = {});
  ~QuantityRecognizer();

  QuantityRecognizer(const QuantityRecognizer&) = delete;
  QuantityRecognizer& operator=(const QuantityRecognizer&) = delete;

  // Every figure in `text`, sorted by begin, non-overlapping. Never fails; text that
  // holds no figure (or is not text at all) gives an empty vector.
  std::vector<QuantityMention> Find(absl::string_view text) const;

  // The same mentions, written into *out, which ends up holding exactly them. The
  // elements *out holds on entry are overwritten rather than rebuilt: their Quantity
  // messages keep the memory of their strings, so a caller that passes the same vector
  // for sentence after sentence (and hands the messages it keeps back by swapping)
  // allocates little per mention.
  //
  // With `spare` set, the messages of the mentions *out held but no longer needs go to
  // *spare, and a mention *out needs beyond those it held takes a message from there
  // when there is one: a caller that keeps one vector per sentence and one SpareQuantities
  // shares the messages (and their strings' memory) among sentences with more figures or
  // fewer than the last time.
  void Find(absl::string_view text, std::vector<QuantityMention>* out,
            SpareQuantities* spare = nullptr) const;

 private:
  QuantityRecognizer(const RecognizerOptions& options,
                     std::unique_ptr<NonQuantityFilter> filter);
  // Tries to read a figure whose number starts at `start`; `floor` is the end of the
  // previous mention (nothing may start before it). Sets *next to where scanning resumes.
  // When a figure is read, fills the mention slot() returns, which must be a default
  // mention, and returns true; otherwise calls no slot() (most candidates are no figure).
  bool ReadAt(absl::string_view text, size_t start, size_t floor, size_t* next,
              absl::FunctionRef<QuantityMention*()> slot) const;
  // Reads "percent of 10" at `start` into a slot() the same way.
  bool ReadPercentOf(absl::string_view text, size_t start,
                     absl::FunctionRef<QuantityMention*()> slot) const;

  RecognizerOptions options_;
  std::unique_ptr<NonQuantityFilter> filter_;
  const UnitTable* units_;  // UnitTable::Get(), built by the constructor
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_QUANTITY_RECOGNIZER_H_
