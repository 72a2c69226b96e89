// Attribution and hedging: who a sentence says a figure comes from, and how firmly.
//
// Rules over the tokens of one sentence:
//   reported   "according to X", "X said/says/reported/notes/adds/explains/argues/
//              finds/suggests", "the X report/analysis/piece notes", "..., reports X",
//              "said X", "reportedly", "is said to"                        -> REPORTED
//   rumoured   "sources familiar with ...", "people familiar with ...", "rumoured",
//              "speculation", "insiders"                                  -> RUMOURED
//   estimated  "estimates suggest", "estimated", "an estimate", "analysts estimate"
//                                                                          -> ESTIMATED
//   forecast   "expected to", "expects", "forecast", "projected", "could", "might",
//              "may", "will", "would", "plans to", "aims to", "target", "set to",
//              "likely", "poised to", "intends to" before the figure        -> FORECAST
// Forecast and estimate cues count only before the figure ("The RMB 71 billion fund is
// expected to ..." states the fund's size as fact). When several apply, the strongest
// wins: RUMOURED > ESTIMATED > FORECAST > REPORTED; with none, STATED.
//
// Thread-safe: pure function.
#ifndef CLAIMCHECK_EXTRACT_ATTRIBUTION_H_
#define CLAIMCHECK_EXTRACT_ATTRIBUTION_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/class_index.h"
#include "extract/entity_finder.h"
#include "extract/tokens.h"
#include "proto/claim.pb.h"

namespace claimcheck {

struct Attribution {
  std::string source;  // "TrendForce", "sources familiar with the matter"; "" if unnamed
  v1::Hedge hedge = v1::HEDGE_STATED;
};

// The attribution of the figure whose first token is `figure_token` in a sentence with
// `tokens` and `entities` (from DocumentEntities::Find).
Attribution FindAttribution(absl::string_view sentence, const std::vector<Token>& tokens,
                            const std::vector<EntityMention>& entities, size_t figure_token);

// The same for a caller that has the sentence's tokens indexed by class already.
Attribution FindAttribution(absl::string_view sentence, const ClassIndex& tokens,
                            const std::vector<EntityMention>& entities, size_t figure_token);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_ATTRIBUTION_H_
