// TimeRecognizer: finds the periods a text talks about and resolves them to civil dates.
//
// Recognised: quarters ("in Q3 2025", "the third quarter of 2024", "3Q25"), halves
// ("H1 2024", "the first half of 2023"), fiscal years ("FY2024", "fiscal 2023"), years
// ("in 2023"), year ranges ("from 2019 to 2021", "between 2014 and 2019", "2019-2021"),
// open periods ("since 2019"), deadlines ("by 2030"), forecasts ("in the next two
// years"), relative periods ("last year", "last quarter", "this year"), points ("as of
// September 1"), and months with or without a day and year ("September 2023", "Nov 4,
// 2025").
//
// Each expression becomes a v1::TimeScope: [start, end) as "YYYY-MM-DD" (end exclusive),
// a granularity and a kind (PERIOD, POINT, FORECAST, DEADLINE). Relative expressions and
// dates without a year resolve against the `reference` day given to Find (usually the
// publication date, never the clock); without it they come back with unresolved = true and
// empty start/end.
//
// Patterns are RE2, compiled once in Create. All families race in one leftmost-longest
// RE2 pattern; only the winner's own pattern then reads the parts of each (short) match.
// Every expression holds an anchor (a year-like number, "Q3", "FY", "quarter", a month
// name...; extract/recognize/time_anchors.h) with only a few words before it, so the
// combined pattern is tried anchored at the word starts just before the next anchor
// (where those words may stand), and not at all when no anchor is left. A plain year
// ("in 2024"), and an anchor that only one family can hold (quarters, halves, months,
// "last year"), are read by hand instead (time_spans.h), giving what RE2 would.
//
// Thread-safe after Create: Find is const.
#ifndef CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_RECOGNIZER_H_
#define CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_RECOGNIZER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/claim.pb.h"
#include "re2/re2.h"

namespace claimcheck {

struct TimeMention {
  size_t begin;  // byte offsets into the text passed to Find, [begin, end), including a
  size_t end;    // leading preposition that sets the kind ("by 2030", "since 2019")
  v1::TimeScope scope;
};

class TimeRecognizer {
 public:
  // Compiles the patterns. Fails (Internal) only if a built-in pattern does not compile.
  static absl::StatusOr<std::unique_ptr<TimeRecognizer>> Create();
  ~TimeRecognizer();

  TimeRecognizer(const TimeRecognizer&) = delete;
  TimeRecognizer& operator=(const TimeRecognizer&) = delete;

  // `reference` (usually the publication day) resolves "last year"; without it such
  // scopes have unresolved = true and empty start/end. Returns the mentions sorted by
  // begin and non-overlapping (the longest expression wins).
  std::vector<TimeMention> Find(absl::string_view text,
                                std::optional<absl::CivilDay> reference) const;

  // The same mentions, written into *out, which ends up holding exactly them. The
  // elements *out holds on entry are overwritten rather than rebuilt: their TimeScope
  // messages keep the memory of their strings. With `spare` set, the elements *out held
  // but no longer needs are moved to the end of *spare (which keeps at most
  // kMaxSpareMentions), and an element *out needs beyond those it held is taken from
  // there before one is made: a caller that passes the same two vectors for sentence
  // after sentence makes few messages and strings. What *spare holds is never read, only
  // cleared and reused.
  void Find(absl::string_view text, std::optional<absl::CivilDay> reference,
            std::vector<TimeMention>* out, std::vector<TimeMention>* spare = nullptr) const;

  // How many mentions Find keeps in a spare vector.
  static constexpr size_t kMaxSpareMentions = 64;

  // Number of pattern families (for tests).
  static int FamilyCount();

 private:
  TimeRecognizer() = default;
  std::unique_ptr<re2::RE2> combined_;            // every family, leftmost-longest
  std::vector<std::unique_ptr<re2::RE2>> patterns_;  // one per family, for its parts
  std::vector<int> family_group_;  // the combined pattern's group holding each family
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_RECOGNIZE_TIME_RECOGNIZER_H_
