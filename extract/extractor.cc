#include "extract/extractor.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "claims/claim_id.h"
#include "extract/period.h"
#include "extract/read/sentence_splitter.h"
#include "extract/tokens.h"

namespace claimcheck {
namespace {

absl::StatusOr<std::string> ReadListFile(const std::string& path, absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open ", what, " file"));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return buffer.str();
}

std::optional<absl::CivilDay> DayOf(const v1::PublicationTime& published) {
  if (!published.has_time()) return std::nullopt;
  return absl::ToCivilDay(absl::FromUnixSeconds(published.time().seconds()), absl::UTCTimeZone());
}

// Line and column (1-based, bytes) of text offsets visited in increasing order.
class LineCounter {
 public:
  explicit LineCounter(absl::string_view text) : text_(text) {}
  void At(size_t offset, uint32_t* line, uint32_t* column) {
    if (offset < pos_) pos_ = 0, line_ = 1, line_start_ = 0;
    const size_t end = std::min(offset, text_.size());
    while (pos_ < end) {
      const void* newline = std::memchr(text_.data() + pos_, '\n', end - pos_);
      if (newline == nullptr) {
        pos_ = end;
        break;
      }
      pos_ = static_cast<const char*>(newline) - text_.data() + 1;
      ++line_, line_start_ = pos_;
    }
    *line = line_;
    *column = static_cast<uint32_t>(offset - line_start_ + 1);
  }

 private:
  absl::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
};

// *field = value, skipping the copy when they are already equal.
void AssignIfDifferent(absl::string_view value, std::string* field) {
  if (*field != value) field->assign(value.data(), value.size());
}

// True when `a` and `b` hold the same known fields.
bool SamePublicationTime(const v1::PublicationTime& a, const v1::PublicationTime& b) {
  return a.has_time() == b.has_time() && a.time().seconds() == b.time().seconds() &&
         a.time().nanos() == b.time().nanos() && a.precision() == b.precision() &&
         a.method() == b.method() && a.surface() == b.surface() && a.zone() == b.zone() &&
         a.unresolved_relative() == b.unresolved_relative();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  EntityAliases aliases = EntityAliases::BuiltIn();
  for (const std::string& path : options.alias_files) {
    absl::StatusOr<std::string> text = ReadListFile(path, "alias");
    if (!text.ok()) return text.status();
    absl::Status s = aliases.AddFromText(*text, path);
    if (!s.ok()) return s;
  }
  MetricVocabulary metrics = MetricVocabulary::BuiltIn();
  for (const std::string& path : options.metric_files) {
    absl::StatusOr<std::string> text = ReadListFile(path, "metric vocabulary");
    if (!text.ok()) return text.status();
    absl::Status s = metrics.AddFromText(*text, path);
    if (!s.ok()) return s;
  }
  RecognizerOptions recognizer_options;
  recognizer_options.bare_dollar_currency = options.bare_dollar_currency;
  absl::StatusOr<std::unique_ptr<QuantityRecognizer>> quantities =
      QuantityRecognizer::Create(recognizer_options);
  if (!quantities.ok()) return quantities.status();
  absl::StatusOr<std::unique_ptr<TimeRecognizer>> times = TimeRecognizer::Create();
  if (!times.ok()) return times.status();
  return std::unique_ptr<Extractor>(new Extractor(std::move(aliases), std::move(metrics),
                                                  *std::move(quantities), *std::move(times)));
}

Extractor::Extractor(EntityAliases aliases, MetricVocabulary metrics,
                     std::unique_ptr<QuantityRecognizer> quantities,
                     std::unique_ptr<TimeRecognizer> times)
    : aliases_(std::move(aliases)),
      metrics_(std::move(metrics)),
      quantities_(std::move(quantities)),
      times_(std::move(times)),
      assembler_(&metrics_),
      entities_(&aliases_) {}

void Extractor::Extract(const v1::Document& document,
                        const std::function<void(v1::Claim&&)>& on_claim) {
  const absl::string_view text = document.text();
  SplitSentences(text, &sentences_);
  const std::vector<TextSpan>& sentences = sentences_;
  entities_.Reset();
  if (tokens_.size() < sentences.size()) tokens_.resize(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    absl::string_view sentence = text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    Tokenize(sentence, &tokens_[i]);
    entities_.Learn(sentence, tokens_[i]);
  }
  Discourse discourse;
  LineCounter lines(text);
  // The forum post of each sentence (-1 outside posts): a new post starts a new discourse
  // and brings its own date. Posts sorted and disjoint (as the forum reader writes them)
  // are found with one sweep; otherwise each sentence scans them all, the last containing
  // post winning.
  bool posts_in_order = true;
  for (int p = 0; p < document.posts_size(); ++p) {
    const v1::Post& cur = document.posts(p);
    if (cur.begin() > cur.end() || (p > 0 && document.posts(p - 1).end() > cur.begin())) {
      posts_in_order = false;
    }
  }
  for (size_t i = 1; i < sentences.size(); ++i) {
    if (sentences[i].begin < sentences[i - 1].begin) posts_in_order = false;
  }
  std::vector<int> post_of(sentences.size(), -1);
  int next_post = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const TextSpan& span = sentences[i];
    if (posts_in_order) {
      // Sentences come in text order: advance past the posts that end before this one.
      while (next_post < document.posts_size() && document.posts(next_post).end() <= span.begin) {
        ++next_post;
      }
      if (next_post < document.posts_size() && document.posts(next_post).begin() <= span.begin) {
        post_of[i] = next_post;
      }
    } else {
      for (int p = 0; p < document.posts_size(); ++p) {
        if (document.posts(p).begin() <= span.begin && span.begin < document.posts(p).end()) {
          post_of[i] = p;
        }
      }
    }
  }
  // The figures of every sentence, and which sentences need assembling: those with
  // figures, and those before one in the same discourse (their names are what "the
  // company" may refer to). The sentences after a discourse's last figure give no claim
  // and leave nothing any claim reads.
  if (figures_.size() < sentences.size()) figures_.resize(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    quantities_->Find(text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin),
                      &figures_[i], &spare_figures_);
  }
  std::vector<bool> assemble(sentences.size(), false);
  for (size_t i = sentences.size(); i-- > 0;) {
    assemble[i] = !figures_[i].empty() || (i + 1 < sentences.size() && assemble[i + 1] &&
                                           post_of[i + 1] == post_of[i]);
  }
  const ClaimIdPrefix id_prefix(document.id());
  // The document's publication time once copied into the reused claim (with any unknown
  // fields); later claims of the document compare it instead of copying it again.
  const v1::PublicationTime* published_copied = nullptr;
  // The publication day of the current post (or document), for relative periods.
  const v1::PublicationTime* day_of = nullptr;
  std::optional<absl::CivilDay> day;
  const std::string uri = document.item().empty()
                              ? document.uri()
                              : absl::StrCat(document.uri(), "#", document.item());
  int post = -1;
  for (size_t sentence_index = 0; sentence_index < sentences.size(); ++sentence_index) {
    if (!assemble[sentence_index]) continue;
    const TextSpan& span = sentences[sentence_index];
    const v1::PublicationTime* published = &document.published();
    const int this_post = post_of[sentence_index];
    if (this_post != post) {
      discourse = Discourse();
      post = this_post;
    }
    if (this_post >= 0 && document.posts(this_post).published().has_time()) {
      published = &document.posts(this_post).published();
    }
    SentenceInput input;
    input.text = text.substr(span.begin, span.end - span.begin);
    input.tokens = &tokens_[sentence_index];
    input.quantities.swap(figures_[sentence_index]);  // handed back below
    if (!input.quantities.empty()) {
      if (published != day_of) day = DayOf(*published), day_of = published;
      input.times.swap(times_found_);  // handed back below
      times_->Find(input.text, day, &input.times, &spare_times_);
      WidenPeriodsEndingOnADay(*input.tokens, input.text, &input.times);
      NarrowToLeadingMonths(*input.tokens, input.text, &input.times);
    }
    const size_t claims =
        assembler_.Assemble(&input, entities_, *published, &discourse, &assembled_);
    for (size_t k = 0; k < claims; ++k) {
      AssembledClaim& a = assembled_[k];
      const uint64_t figure_begin = span.begin + a.figure_begin;
      const uint64_t figure_end = span.begin + a.figure_end;
      // One Claim object serves every claim. Clear() would free its sub-messages, so every
      // field is written instead (the sub-messages and strings keep their memory): a
      // consumer that only reads the claim costs no allocation for it.
      v1::Claim& claim = scratch_;
      WriteClaimId(id_prefix, figure_begin, figure_end, a.quantity, claim.mutable_id());
      *claim.mutable_subject() = std::move(a.subject);
      *claim.mutable_quantity() = std::move(a.quantity);
      *claim.mutable_scope() = std::move(a.scope);
      v1::Provenance* p = claim.mutable_provenance();
      // The document's fields are usually those of the previous claim: compared, not
      // copied again.
      AssignIfDifferent(document.id(), p->mutable_document_id());
      AssignIfDifferent(uri, p->mutable_uri());
      AssignIfDifferent(document.title(), p->mutable_title());
      if (!document.has_published()) {
        p->clear_published();
      } else if (published_copied != &document.published() || !p->has_published() ||
                 !SamePublicationTime(p->published(), document.published())) {
        *p->mutable_published() = document.published();  // unknown fields too
        published_copied = &document.published();
      }
      p->set_sentence_begin(span.begin);
      p->set_sentence_end(span.end);
      p->set_figure_begin(figure_begin);
      p->set_figure_end(figure_end);
      AssignIfDifferent(input.text, p->mutable_sentence());
      p->set_attribution(a.attribution.source);
      p->set_hedge(a.attribution.hedge);
      uint32_t line = 0, column = 0;
      lines.At(figure_begin, &line, &column);
      p->set_line(line);
      p->set_column(column);
      bool in_quotation = false;
      for (const v1::Quotation& quote : document.quotations()) {
        if (quote.begin() <= figure_begin && figure_end <= quote.end()) in_quotation = true;
      }
      const absl::string_view first = copies_.FirstAppearance(
          input.text, a.figure_end, claim.quantity(), claim.id(), claim.mutable_scope());
      p->set_is_quotation(!first.empty() || in_quotation);
      p->mutable_first_appearance_claim_id()->assign(first.data(), first.size());
      AssignIfDifferent(kExtractorName, claim.mutable_extractor());
      AssignIfDifferent(kExtractorVersion, claim.mutable_extractor_version());
      claim.set_confidence(a.confidence);
      on_claim(std::move(claim));
    }
    figures_[sentence_index].swap(input.quantities);  // its mentions' memory, for reuse
    if (input.times.capacity() > 0) times_found_.swap(input.times);  // the same
  }
  // A very long document's or sentence's tokens and figures are not kept for the rest of
  // the run.
  if (tokens_.size() > kKeptSentences) {
    tokens_.resize(kKeptSentences);
    tokens_.shrink_to_fit();
  }
  if (figures_.size() > kKeptSentences) {
    figures_.resize(kKeptSentences);
    figures_.shrink_to_fit();
  }
  for (size_t i = 0; i < sentences.size() && i < tokens_.size(); ++i) {
    if (tokens_[i].capacity() > kKeptTokens) std::vector<Token>().swap(tokens_[i]);
    if (figures_[i].capacity() > kKeptFigures) std::vector<QuantityMention>().swap(figures_[i]);
  }
  if (sentences_.capacity() > kKeptSentences) std::vector<TextSpan>().swap(sentences_);
}

}  // namespace claimcheck
