// Word lists of the claim assembler's sentence grammar: the verbs, prepositions and
// filler words its rules look for. Kept apart from the rules so they can be read (and
// extended) as vocabulary. All words are lower case, as in Token::lower.
//
// Each word also has a set of classes (WordClass bits) looked up once per token by
// Tokenize (Token::classes), so the grammar tests membership with a bit test instead of a
// hash lookup per rule.
//
// Thread-safe: each list is built once on first use and never changed.
#ifndef CLAIMCHECK_EXTRACT_WORD_LISTS_H_
#define CLAIMCHECK_EXTRACT_WORD_LISTS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace claimcheck {

using WordSet = absl::flat_hash_set<std::string>;

// Words of an increase ("rose", "jumped", "up") and of a decrease ("fell", "down").
const WordSet& UpWords();
const WordSet& DownWords();

// Prepositions: a name right after one is an object, not a clause subject.
const WordSet& Prepositions();

// Vocabulary words that name a metric only as the noun a figure modifies ("a $56 billion
// move"), never elsewhere in the sentence.
const WordSet& AttributiveOnly();

// Verbs that put money to a use ("committed", "raised", "spent", "imported"), that report takings
// ("reported", "booked"), and that pay into a fund ("contributed", "putting in").
const WordSet& MoneyVerbs();
const WordSet& RevenueVerbs();
const WordSet& ContributionVerbs();

// Words allowed between a verb and its figure ("about", "a total of", "another").
const WordSet& Fillers();

// Attribution cues: reporting verbs ("said", "according"), nouns of a report ("study",
// "filing") and forecast cues ("expected", "could", "plans").
const WordSet& ReportingVerbs();
const WordSet& ReportNouns();
const WordSet& ForecastCues();

// Entity finding: capitalised words that are never names on their own ("The", "However",
// month names), adjectives that may start a name but are not one alone ("Chinese"), and
// nouns that extend an unknown acronym into a product name ("HBM chips").
const WordSet& NotNames();
const WordSet& WeakAlone();
const WordSet& ProductNouns();

// Counted nouns: verbs and prepositions that make a count a property of something ("has
// 10 fabs", "of the 19 shareholders"), and the words skipped before them.
const WordSet& CountOwnerWords();
const WordSet& CountSkipWords();

// Discourse: the words that can start a reference to something named before ("the
// company", "its", "the second phase", "Phase II").
const WordSet& ReferenceStarts();

// Last words of organisation names ("Acme Robotics", "Umbrella Corp", "Counterpoint
// Research"): a capitalised run ending in one is a name even at the start of a sentence.
const WordSet& OrganisationHeads();

// Verbs after which a capitalised sentence opener is the one acting: "Nvidia said",
// "Sequoia invested".
const WordSet& ActorVerbs();

// Discourse: nouns that refer back to a company ("the foundry"), a fund ("the vehicle"), a
// project ("this programme") or the subject's deal ("this investment"), and the
// determiners before them ("the", "its").
const WordSet& CompanyNouns();
const WordSet& FundNouns();
const WordSet& ProjectNouns();
const WordSet& DealNouns();
const WordSet& Determiners();

// Attribution: every word that starts one of the attribution and hedge rules besides the
// reporting verbs and forecast cues ("according", "sources", "rumoured", "estimates"),
// so the rules skip all other words at once.
const WordSet& AttributionCues();

// Words that state a target ("the company's target is ...", "aims to"): a figure after
// one is a target.
const WordSet& TargetWords();

// "of", on its own: the discourse's activity rule looks for "of <verb>ing" in every
// sentence, and a class of its own lets it skip the other prepositions at once.
const WordSet& OfWords();

// Words of a reference other than a plain determiner: ordinals of phases, "phase" and the
// pronouns "it", "its" and "they". With the nouns a reference ends in (company, fund,
// project and deal nouns) they are the words a discourse reference rule needs: a
// sentence's determiners with none of them in the four words after are skipped unread.
const WordSet& ReferenceCues();

// Period words the implicit-period rules start at: "year", "quarter", "half", and
// "<ordinal>-quarter" / "<ordinal>-half" ("third-quarter"), so a sentence without one is
// turned away by class bits alone.
const WordSet& PeriodNouns();

// The lists above as bits, for Token::classes.
enum WordClass : uint32_t {
  kUpWord = 1u << 0,
  kDownWord = 1u << 1,
  kPreposition = 1u << 2,
  kAttributiveOnly = 1u << 3,
  kMoneyVerb = 1u << 4,
  kRevenueVerb = 1u << 5,
  kContributionVerb = 1u << 6,
  kFiller = 1u << 7,
  kReportingVerb = 1u << 8,
  kReportNoun = 1u << 9,
  kForecastCue = 1u << 10,
  kNotName = 1u << 11,
  kWeakAlone = 1u << 12,
  kProductNoun = 1u << 13,
  kCountOwner = 1u << 14,
  kCountSkip = 1u << 15,
  kReferenceStart = 1u << 16,
  kOrganisationHead = 1u << 17,
  kActorVerb = 1u << 18,
  kCompanyNoun = 1u << 19,
  kFundNoun = 1u << 20,
  kProjectNoun = 1u << 21,
  kDeterminer = 1u << 22,
  kAttributionCue = 1u << 23,
  kDealNoun = 1u << 24,
  kTargetWord = 1u << 25,
  kOfWord = 1u << 26,
  kReferenceCue = 1u << 27,
  kPeriodNoun = 1u << 28,
};

// The classes of a lower-case word (0 for a word in no list). One hash lookup.
uint32_t WordClassesOf(absl::string_view lower);

// The same lookup for a caller that holds the word packed: its bytes, zero padded to
// kMaxPackedWord, copied (memcpy) into two integers. A word never holds a zero byte, so
// the padding marks its end and the two integers are the whole key. Tokenize builds
// words this way, so a lookup is a multiply, a shift and an integer compare or two,
// inline. Longer words are in no list.
inline constexpr size_t kMaxPackedWord = 16;

class WordClassTable {
 public:
  WordClassTable();

  // The classes of the word (1 to kMaxPackedWord bytes, none zero) packed as `lo` (its
  // first eight bytes) and `hi` (the next eight, or 0).
  uint32_t Get(uint64_t lo, uint64_t hi) const {
    // Most words of a text are in no list: the small tag array (it stays in the L1 cache)
    // turns them away, and only a word whose tag matches reads its slot.
    const uint64_t h = Hash(lo, hi);
    const uint16_t tag = TagOf(h);
    for (size_t i = h >> (64 - kBits);; i = (i + 1) & (kSlots - 1)) {
      const uint16_t t = tags_[i];
      if (t == 0) return 0;
      if (t == tag && slots_[i].lo == lo && slots_[i].hi == hi) return slots_[i].classes;
    }
  }

 private:
  static constexpr size_t kBits = 11;
  static constexpr size_t kSlots = size_t{1} << kBits;  // over twice the listed words

  struct Slot {
    uint64_t lo = 0, hi = 0;
    uint32_t classes = 0;
  };

  static uint64_t Hash(uint64_t lo, uint64_t hi) {
    return lo * 0x9E3779B97F4A7C15ull + hi * 0xC2B2AE3D27D4EB4Full;
  }
  // Sixteen hash bits below those of the slot index, never 0 (0 marks an empty slot).
  static uint16_t TagOf(uint64_t h) { return static_cast<uint16_t>((h >> 37) | 1); }

  // The index of the slot holding the word, or of the empty slot where it would go (the
  // table is never full).
  size_t Probe(uint64_t lo, uint64_t hi) const {
    for (size_t i = Hash(lo, hi) >> (64 - kBits);; i = (i + 1) & (kSlots - 1)) {
      if (tags_[i] == 0 || (slots_[i].lo == lo && slots_[i].hi == hi)) return i;
    }
  }

  std::vector<Slot> slots_;
  std::vector<uint16_t> tags_;  // TagOf the word in each slot; 0 for an empty slot
};

// The table of all lists, built on first use.
const WordClassTable& WordClasses();

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_WORD_LISTS_H_
