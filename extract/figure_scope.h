// The period a figure of a sentence gets, once the rules have said what it measures.
//
// Usually the nearest stated period (ChooseScope, extract/period.h), else the inferred
// one. A change takes more care: a period after "from" is the base it compares with, not
// its period ("up 7.8% from the second quarter"); "rose 18% to $5.2 billion in 2024" gives
// the change the level's period; and the change's period becomes the span it compares
// (ChangeScope). A level after a change over years ("climb 121% between 2019 and 2021 to
// $2.3 billion") is the last year's.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_EXTRACT_FIGURE_SCOPE_H_
#define CLAIMCHECK_EXTRACT_FIGURE_SCOPE_H_

#include <optional>
#include <vector>

#include "absl/types/span.h"
#include "extract/period.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"
#include "extract/sentence_grammar.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"

namespace claimcheck {

// Sets *scope for figure `qi` of `s` (its tokens s.figs[qi], its mention quantities[qi])
// among `periods`, the sentence's periods (beginning with those whose tokens s.periods
// holds), against `figures`, the figures' byte ranges;
// `growth` when the figure is a change. *inferred and *year_on_year are filled when first
// needed and kept for the sentence's other figures.
void FigureScope(const grammar::Sentence& s, const std::vector<QuantityMention>& quantities,
                 const std::vector<TimeMention>& periods, absl::Span<const ByteRange> figures,
                 size_t qi, bool growth, const v1::PublicationTime& published,
                 std::optional<v1::TimeScope>* inferred, std::optional<bool>* year_on_year,
                 v1::TimeScope* scope);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_FIGURE_SCOPE_H_
