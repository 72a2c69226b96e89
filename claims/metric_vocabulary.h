// Metric vocabulary: the canonical names of what a figure measures, and their synonyms.
//
// Articles say "revenue", "sales" or "turnover" for one thing; "registered capital",
// "scale" or "size" of a fund for another. Claims are grouped by canonical metric, so
// the extractor looks each candidate word or phrase up here. Built-in metrics:
//
//   revenue          revenue, revenues, sales, turnover
//   profit           profit, net profit, net income, earnings
//   fund_size        fund size, registered capital, capital, scale, fund, size of the fund
//   investment       investment, commitment(s), commit/committed, allocate/allocated,
//                    invest/invested, inject/injected, pour/poured, pledge/pledged,
//                    earmark/earmarked
//   funding          raise/raised, funding, financing, funding round, grant,
//                    provides/provided, awarded, granted
//   spending         spend/spent, spending, expenditure
//   capex            capex, capital expenditure
//   valuation        valuation, worth, valued
//   process_node     node, process, process node, technology node
//   capacity         capacity, production capacity, output
//   market_share     market share, share
//   share_price      shares, share price, stock, stock price
//   market_size      market size, market
//   utilization      utilization, utilisation, capacity utilisation, utilization rate
//   gross_margin     gross margin, margin
//   term             term (of a fund), lifespan
//   price            price(s), cost, (average) selling price(s), ASP
//   demand, shipments, subsidy, employees, size, yield
//   orders           orders, net orders, new orders, bookings, order intake
//   net_loss         net loss, loss, losses, lost
//   imports, exports  (also "imported", "exported")
//   time_to_market   time to market, introduce, launch, hit the market, ship, release
//   time_to_develop  time to develop, develop, build, catch up
// A change of a metric ("revenue rose 12%") is "<base>_growth" (GrowthMetric).
//
// Lookups are case-insensitive, with whitespace collapsed, and a plural or verb ending
// ("revenues", "subsidies") falls back to its stem. User vocabulary files extend or
// override the list, one "phrase = metric" a line, '#' comments and blank lines ignored.
//
// Thread-safety: const methods may be called concurrently; Add* need exclusive access.
#ifndef CLAIMCHECK_CLAIMS_METRIC_VOCABULARY_H_
#define CLAIMCHECK_CLAIMS_METRIC_VOCABULARY_H_

#include <bitset>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "claims/short_string_hash.h"

namespace claimcheck {

class MetricVocabulary {
 public:
  MetricVocabulary() = default;

  // The built-in vocabulary listed above.
  static MetricVocabulary BuiltIn();

  // Maps `phrase` (one or more words) to `metric`. Empty arguments are ignored.
  void Add(absl::string_view phrase, absl::string_view metric);

  // Parses "phrase = metric" lines and adds the good ones. Returns OK when every line
  // parsed, else InvalidArgument naming each bad line as "<file_name>:<line>: <why>".
  absl::Status AddFromText(absl::string_view text, absl::string_view file_name);

  // The canonical metric of `phrase`, or nullopt when it is not in the vocabulary.
  std::optional<std::string> Find(absl::string_view phrase) const;

  // Find without the copy: the canonical metric of `phrase`, or nullptr when it is not
  // in the vocabulary. The pointer is valid until the next Add. A phrase already
  // normalised (IsNormalizedKeyPart: lower case, single spaces) is looked up as it is,
  // with no string built, so scanning a sentence's lower-cased words costs no allocation.
  const std::string* FindOrNull(absl::string_view phrase) const;

  // FindOrNull for a phrase the caller knows is normalised (IsNormalizedKeyPart). Most
  // phrases not in the vocabulary are turned away inline, without hashing.
  const std::string* FindNormalizedOrNull(absl::string_view phrase) const {
    return phrase_signatures_.MayHoldOrStem(phrase) ? FindKey(phrase) : nullptr;
  }

  // The number of words of the longest phrase, for longest-match scans.
  int max_words() const { return max_words_; }

  // False when no phrase that Find accepts can end with the lower-case word `word` (as
  // written, or as a plural of a phrase's last word): a cheap test before building the
  // phrases that end with it.
  bool MayEndPhrase(absl::string_view word) const {
    return MayEndPhraseQuick(word) && EndsPhrase(word);
  }

  // A looser MayEndPhrase with no hashing, for a caller about to look the phrases up
  // anyway: false for most words that end no phrase, never for one that does.
  bool MayEndPhraseQuick(absl::string_view word) const {
    return last_word_signatures_.MayHoldOrStem(word);
  }

 private:
  // The metric of a normalised phrase or of a plural stem of it, or nullptr.
  const std::string* FindKey(absl::string_view key) const;
  // MayEndPhrase without the signature test.
  bool EndsPhrase(absl::string_view word) const;

  // A quick "certainly not there" test for a set of strings of two or more bytes, by
  // their first two bytes, last byte and length (a plural's stem keeps the first two), so
  // that most words a scan asks about need no hashing.
  class Signatures {
   public:
    void Add(absl::string_view s) {
      if (s.size() >= 2) bits_.set(Index(s, s.back(), s.size()));
      if (s.size() < 2) short_ = true;
    }
    // False when neither `s` nor a plural stem Find would try ("-ies" -> "-y", then
    // without "-es", then without "-s") has the signature of a string added.
    bool MayHoldOrStem(absl::string_view s) const {
      const size_t n = s.size();
      if (n < 2) return short_;
      if (bits_.test(Index(s, s.back(), n))) return true;
      if (s.back() != 's' || n <= 2) return false;
      if (n > 4 && s[n - 2] == 'e' && s[n - 3] == 'i' && bits_.test(Index(s, 'y', n - 2))) {
        return true;
      }
      if (n > 3 && s[n - 2] == 'e' && bits_.test(Index(s, s[n - 3], n - 2))) return true;
      return bits_.test(Index(s, s[n - 2], n - 1));
    }

   private:
    static size_t Index(absl::string_view s, char last, size_t size) {
      return (static_cast<unsigned char>(s[0]) * 7 + static_cast<unsigned char>(s[1]) * 61 +
              static_cast<unsigned char>(last) * 131 + size * 31) % kBits;
    }
    static constexpr size_t kBits = 8192;
    std::bitset<kBits> bits_;
    bool short_ = false;  // a string of fewer than two bytes was added
  };

  absl::flat_hash_map<std::string, std::string, ShortStringHash, ShortStringEq> by_phrase_;
  // The last word of every phrase.
  absl::flat_hash_set<std::string, ShortStringHash, ShortStringEq> last_words_;
  Signatures phrase_signatures_, last_word_signatures_;
  int max_words_ = 1;
};

// The metric for a change of `base`: "revenue" -> "revenue_growth"; "" -> "growth".
// A base already ending in "_growth" is returned unchanged.
std::string GrowthMetric(absl::string_view base);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_METRIC_VOCABULARY_H_
