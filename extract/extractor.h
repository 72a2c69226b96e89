// Extractor: the pipeline from a Document to Claim records.
//
// For each document: split the clean text into sentences (extract/read), learn the
// document's names and aliases from every sentence, then per sentence find figures and
// periods (extract/recognize), assemble claims (claim_assembler.h), and fill every Claim
// field: a stable id (claims/claim_id.h), subject with key, quantity, scope, provenance
// (document id, uri, title, publication time, sentence and figure byte offsets, line and
// column, the sentence, attribution and hedge, quotation links), extractor name and
// version, confidence.
//
// Copies are linked across documents: an Extractor remembers the figure contexts it has
// seen (copy_detector.h), so feed it every document of a corpus in a stable order. A
// figure inside a passage the reader marked as a quotation is a quotation even when its
// first appearance was not seen.
//
// Periods: "last year" resolves against the document's (or forum post's) publication
// day; an undated document leaves it unresolved (ExtractOptions::reference_date is the
// reader's concern, for relative publication dates, and is not used for claim periods).
//
// Thread-safety: not thread-safe (the copy memory and per-document state); use one
// Extractor per thread, and one thread per corpus when copies must be linked.
#ifndef CLAIMCHECK_EXTRACT_EXTRACTOR_H_
#define CLAIMCHECK_EXTRACT_EXTRACTOR_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "claims/entity_aliases.h"
#include "claims/metric_vocabulary.h"
#include "extract/claim_assembler.h"
#include "extract/copy_detector.h"
#include "extract/entity_finder.h"
#include "extract/read/sentence_splitter.h"
#include "extract/tokens.h"
#include "extract/recognize/quantity_recognizer.h"
#include "extract/recognize/time_recognizer.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"

namespace claimcheck {

inline constexpr char kExtractorName[] = "claimcheck";
inline constexpr char kExtractorVersion[] = "0.1.0";

struct ExtractOptions {
  std::optional<absl::CivilDay> reference_date;
  std::string bare_dollar_currency = "USD";
  // User alias files (format documented in claims/entity_aliases.h), merged over the
  // built-in list in order.
  std::vector<std::string> alias_files;
  // User metric vocabulary files (format documented in claims/metric_vocabulary.h),
  // merged over the built-in vocabulary in order.
  std::vector<std::string> metric_files;
};

class Extractor {
 public:
  // Builds the recognizers, the alias table and the metric vocabulary. Fails with
  // NotFound / InvalidArgument naming the alias or metric file (and "file:line" for a bad
  // line), or with the recognizers'
  // error for a bad bare_dollar_currency.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(const ExtractOptions& options);

  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Claims of one document, in text order. Copies of sentences already seen (in this or
  // an earlier document) are linked to their first appearance (Provenance.is_quotation,
  // first_appearance_claim_id). The Claim given to `on_claim` lives only for the call
  // (the extractor reuses it): move from it to keep it.
  void Extract(const v1::Document& document, const std::function<void(v1::Claim&&)>& on_claim);

 private:
  Extractor(EntityAliases aliases, MetricVocabulary metrics,
            std::unique_ptr<QuantityRecognizer> quantities, std::unique_ptr<TimeRecognizer> times);

  EntityAliases aliases_;
  MetricVocabulary metrics_;
  std::unique_ptr<QuantityRecognizer> quantities_;
  std::unique_ptr<TimeRecognizer> times_;
  ClaimAssembler assembler_;
  DocumentEntities entities_;
  CopyDetector copies_;
  v1::Claim scratch_;  // the claim being filled, reused (see Extract)
  // A sentence's assembled claims, reused: the messages moved out of a claim get
  // scratch_'s memory in exchange, which the next claim in that slot writes into.
  std::vector<AssembledClaim> assembled_;
  // The tokens and the figures of each sentence of the current document. The vectors are
  // reused from one document to the next (their memory kept, and the figures' messages
  // with theirs): up to kKeptSentences of each, keeping room for up to kKeptTokens tokens
  // or kKeptFigures figures.
  static constexpr size_t kKeptSentences = 1024;
  static constexpr size_t kKeptTokens = 1024;
  static constexpr size_t kKeptFigures = 64;
  std::vector<TextSpan> sentences_;  // the current document's (room for kKeptSentences kept)
  std::vector<std::vector<Token>> tokens_;
  std::vector<std::vector<QuantityMention>> figures_;
  SpareQuantities spare_figures_;  // messages for any sentence's figures (Find's spare)
  // The periods of a sentence, and spare ones (the time recognizer's reusing Find).
  std::vector<TimeMention> times_found_;
  std::vector<TimeMention> spare_times_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_EXTRACTOR_H_
