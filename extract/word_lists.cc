#include "extract/word_lists.h"

#include <cstring>
#include <vector>

namespace claimcheck {

const WordSet& UpWords() {
  static const auto* s = new WordSet{
      "rose", "rise", "rises", "risen", "rising", "grew", "grow", "grows", "grown", "growing",
      "increase", "increased", "increases", "increasing", "jump", "jumped", "jumps", "soar",
      "soared", "soars", "surge", "surged", "surges", "climb", "climbed", "climbs", "gain",
      "gained", "gains", "up", "expand", "expanded", "expands", "growth", "higher", "added"};
  return *s;
}

const WordSet& DownWords() {
  static const auto* s = new WordSet{
      "fell", "fall", "falls", "fallen", "falling", "drop", "dropped", "drops", "decline",
      "declined", "declines", "slump", "slumped", "plunge", "plunged", "down", "shrank",
      "shrink", "shrinks", "decrease", "decreased", "lower", "contracted", "slid", "slipped"};
  return *s;
}

const WordSet& Prepositions() {
  static const auto* s = new WordSet{
      "in", "at", "from", "for", "with", "on", "to", "of", "by", "into", "across", "like",
      "than", "about", "between", "among", "via", "under", "over", "against", "including",
      "as", "behind", "after", "before", "during", "without", "within"};
  return *s;
}

// Vocabulary words that name a metric only as the head a figure modifies ("a $56 billion
// move"), never as a noun elsewhere in the sentence.
const WordSet& AttributiveOnly() {
  static const auto* s = new WordSet{
      "plan", "programme", "program", "project", "move", "initiative", "push", "effort",
      "package", "stake", "round", "support", "deal", "order", "contract", "value", "secured",
      "bring", "ship", "release", "launch", "introduce", "build", "develop", "developing",
      "master", "achieve", "catch up", "market", "output", "scale", "capital", "fund",
      "process", "funds", "cost", "share", "size", "area"};
  return *s;
}

// Verbs that put a sum of money to a use; their metric comes from the vocabulary.
const WordSet& MoneyVerbs() {
  static const auto* s = new WordSet{
      "commit", "committed", "commits", "allocate", "allocated", "allocates", "invest",
      "invested", "invests", "inject", "injected", "injects", "pour", "poured", "pledge",
      "pledged", "earmark", "earmarked", "raise", "raised", "raises", "spend", "spent",
      "spends", "spending", "imported", "exported", "lost", "provides", "provided",
      "awarded", "granted"};
  return *s;
}

const WordSet& RevenueVerbs() {
  static const auto* s = new WordSet{"reported", "reports", "booked", "posted", "generated",
                                     "recorded", "did", "made", "earned", "brought"};
  return *s;
}

const WordSet& ContributionVerbs() {
  static const auto* s = new WordSet{"contributed", "contributes", "contribute", "putting",
                                     "put", "puts", "subscribed", "providing", "provided"};
  return *s;
}

const WordSet& Fillers() {  // words allowed between a verb and its figure
  static const auto* s = new WordSet{
      "about", "around", "roughly", "nearly", "almost", "some", "over", "more", "than",
      "up", "to", "a", "an", "the", "total", "of", "together", "another", "further",
      "additional", "in", "at", "least", "record", "new", "just", "only", "also", "still",
      "by", "reportedly", "approximately", "estimated", "combined", "nearby", "as", "much",
      "many", "fresh", "extra"};
  return *s;
}

const WordSet& ReportingVerbs() {
  static const auto* s = new WordSet{
      "said", "says", "say", "told", "tells", "reported", "reports", "report", "noted", "notes",
      "explains", "explained", "adds", "added", "argues", "argued", "finds", "found",
      "suggests", "suggested", "wrote", "writes", "stated", "states", "claimed", "claims",
      "announced", "announces", "confirmed", "disclosed", "revealed", "shows", "showed",
      "observes", "observed", "according"};
  return *s;
}

const WordSet& ReportNouns() {
  static const auto* s = new WordSet{
      "report", "analysis", "piece", "study", "survey", "data", "statement", "filing",
      "filings", "research", "note", "article", "release", "figures", "records"};
  return *s;
}

const WordSet& ForecastCues() {
  static const auto* s = new WordSet{
      "expected", "expects", "expect", "forecast", "forecasts", "projected", "projects",
      "could", "might", "may", "will", "would", "plans", "plan", "planned", "planning",
      "aims", "aim", "target", "targets", "likely", "poised", "intends", "intend", "goal",
      "predicted", "predicts", "anticipated", "anticipates", "should"};
  return *s;
}

const WordSet& NotNames() {
  static const auto* s = new WordSet{
      "the", "a", "an", "in", "on", "at", "for", "from", "to", "of", "by", "with", "as", "and",
      "but", "or", "nor", "this", "that", "these", "those", "it", "its", "they", "their", "them",
      "we", "our", "us", "you", "your", "he", "she", "his", "her", "i", "me", "my", "however",
      "although", "though", "despite", "according", "while", "meanwhile", "also", "across",
      "after", "before", "since", "during", "if", "when", "where", "which", "who", "whom",
      "whose", "what", "why", "how", "having", "being", "yes", "no", "not", "all", "some",
      "many", "most", "more", "any", "each", "every", "both", "either", "neither", "so", "then",
      "there", "here", "now", "just", "only", "even", "still", "yet", "already", "besides",
      "another", "other", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "last", "next", "first", "is", "are", "was", "were", "be", "has", "have",
      "had", "do", "does", "did", "will", "would", "could", "should", "may", "might", "can",
      "rather", "instead", "because", "thus", "therefore", "moreover", "furthermore",
      "overall", "today", "yesterday", "tomorrow", "january", "february", "march", "april",
      "june", "july", "august", "september", "october", "november", "december", "jan",
      "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms",
      "dr", "sir", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "ai", "ceo", "cfo", "cto", "et",
      "am", "pm", "ta", "ok", "usd", "rmb", "cny", "eur", "jpy", "krw", "twd", "hkd", "gbp",
      "nm", "yoy", "qoq", "gdp", "faq", "please", "log", "register", "re", "via", "per",
      "chinese", "american", "european", "japanese", "korean", "taiwanese", "dutch",
      "german", "western", "global", "national", "state", "government", "ceo", "like",
      "such", "e.g", "i.e", "etc", "image", "better", "well", "everyone", "anyone", "someone",
      "nothing", "people", "sources", "analysts", "experts", "officials", "ipo", "ipos",
      "r&d", "m&a", "esg", "etf", "ev", "evs"};
  return *s;
}

const WordSet& WeakAlone() {
  static const auto* s = new WordSet{
      "chinese", "american", "european", "japanese", "korean", "taiwanese", "dutch",
      "german", "western", "global", "national", "state", "government"};
  return *s;
}

const WordSet& ProductNouns() {
  static const auto* s = new WordSet{
      "chip", "chips", "memory", "products", "product", "modules", "module", "wafers",
      "processors", "processor", "gpus", "accelerators", "devices", "equipment", "tools",
      "market", "sector", "industry", "lines", "line", "technology", "production"};
  return *s;
}

const WordSet& CountOwnerWords() {
  static const auto* s = new WordSet{
      "of", "among", "has", "have", "had", "with", "employs", "employ", "employed", "build",
      "builds", "building", "built", "operates", "operate", "operating", "owns", "own",
      "counts", "include", "includes", "opened", "open", "opening", "added", "adding", "hired",
      "hiring", "runs", "run", "shipped", "ships", "sold", "sells", "installed", "plans",
      "construct", "constructing", "invest", "delivered", "delivers", "delivering",
      "produced", "produces", "made", "makes"};
  return *s;
}

const WordSet& CountSkipWords() {
  static const auto* s = new WordSet{"the", "its", "their", "about", "around", "nearly",
                                     "almost", "over", "more", "than", "some", "roughly",
                                     "at", "least", "another", "a", "total", "of"};
  return *s;
}

const WordSet& ReferenceStarts() {
  static const auto* s = new WordSet{
      // definite determiners ("a company" refers to nothing named before)
      "the", "this", "that", "its", "their", "these",
      // ordinals of phases
      "first", "second", "third", "fourth",
      // pronouns
      "it", "they",
      // "Phase II"
      "phase"};
  return *s;
}

const WordSet& OrganisationHeads() {
  static const auto* s = new WordSet{
      "corp", "corporation", "inc", "ltd", "limited", "co", "plc", "ag", "sa", "gmbh", "llc",
      "group", "holdings", "holding", "technologies", "technology", "labs", "laboratories",
      "robotics", "semiconductor", "semiconductors", "microelectronics", "electronics",
      "systems", "industries", "motors", "bank", "capital", "partners", "ventures", "fund",
      "institute", "association", "ministry", "agency", "commission", "university",
      "materials", "instruments", "networks", "software", "energy", "research", "securities",
      "investments", "enterprises", "solutions", "devices", "foundry", "manufacturing",
      "international", "microsystems", "pharmaceuticals", "telecom", "communications"};
  return *s;
}

const WordSet& ActorVerbs() {
  static const auto* s = new WordSet{
      "said", "says", "told", "reported", "reports", "announced", "announces", "disclosed",
      "confirmed", "expects", "forecast", "plans", "committed", "commits", "invested",
      "invests", "injected", "allocated", "raised", "spent", "posted", "booked", "earned",
      "generated", "recorded", "shipped", "sold", "acquired", "bought", "agreed", "unveiled",
      "launched", "employs", "operates", "owns", "holds", "imported", "exported", "produced",
      "manufactured", "aims", "intends", "seeks", "hires", "hired", "hire", "approved",
      "pledged", "employed", "laid", "cut", "cuts", "slashed", "shed", "axed", "eliminated",
      "gets", "got", "derives", "derived", "generates", "earns", "draws", "makes", "made",
      "delivered", "delivers", "topped", "tops", "added", "adds"};
  return *s;
}

const WordSet& CompanyNouns() {
  static const auto* s = new WordSet{
      "company", "firm", "foundry", "chipmaker", "maker", "manufacturer", "group", "startup",
      "business", "supplier", "producer", "designer", "giant", "operator"};
  return *s;
}

const WordSet& FundNouns() {
  static const auto* s = new WordSet{"fund", "vehicle"};
  return *s;
}

const WordSet& ProjectNouns() {
  static const auto* s = new WordSet{"project", "lab", "laboratory", "programme", "program",
                                     "initiative", "plan", "scheme"};
  return *s;
}

const WordSet& DealNouns() {
  static const auto* s = new WordSet{"investment", "deal"};
  return *s;
}

const WordSet& Determiners() {
  static const auto* s =
      new WordSet{"the", "this", "that", "its", "their", "a", "an", "these"};
  return *s;
}

const WordSet& AttributionCues() {
  static const auto* s = new WordSet{
      // rumour
      "sources", "people", "insiders", "rumoured", "rumored", "rumour", "rumor",
      "speculation", "unconfirmed",
      // estimates, and figures others expected
      "estimates", "estimate", "expectations", "estimated", "estimating", "expected",
      "forecast", "predicted", "anticipated", "projected",
      // reports
      "reportedly", "said", "reported", "according"};
  return *s;
}

const WordSet& TargetWords() {
  static const auto* s = new WordSet{"target", "goal", "aims", "aim"};
  return *s;
}

const WordSet& OfWords() {
  static const auto* s = new WordSet{"of"};
  return *s;
}

const WordSet& ReferenceCues() {
  static const auto* s = new WordSet{"first", "second", "third", "fourth", "phase",
                                     "it",    "its",    "they"};
  return *s;
}

const WordSet& PeriodNouns() {
  static const auto* s = new WordSet{
      "year",          "quarter",        "half",          "first-quarter", "second-quarter",
      "third-quarter", "fourth-quarter", "first-half",    "second-half",   "third-half",
      "fourth-half"};
  return *s;
}

WordClassTable::WordClassTable() : slots_(kSlots), tags_(kSlots, 0) {
  const std::pair<const WordSet*, uint32_t> lists[] = {
      {&UpWords(), kUpWord},
      {&DownWords(), kDownWord},
      {&Prepositions(), kPreposition},
      {&AttributiveOnly(), kAttributiveOnly},
      {&MoneyVerbs(), kMoneyVerb},
      {&RevenueVerbs(), kRevenueVerb},
      {&ContributionVerbs(), kContributionVerb},
      {&Fillers(), kFiller},
      {&ReportingVerbs(), kReportingVerb},
      {&ReportNouns(), kReportNoun},
      {&ForecastCues(), kForecastCue},
      {&NotNames(), kNotName},
      {&WeakAlone(), kWeakAlone},
      {&ProductNouns(), kProductNoun},
      {&CountOwnerWords(), kCountOwner},
      {&CountSkipWords(), kCountSkip},
      {&ReferenceStarts(), kReferenceStart},
      {&OrganisationHeads(), kOrganisationHead},
      {&ActorVerbs(), kActorVerb},
      {&CompanyNouns(), kCompanyNoun},
      {&FundNouns(), kFundNoun},
      {&ProjectNouns(), kProjectNoun},
      {&Determiners(), kDeterminer},
      {&AttributionCues(), kAttributionCue},
      {&DealNouns(), kDealNoun},
      {&TargetWords(), kTargetWord},
      {&OfWords(), kOfWord},
      {&ReferenceCues(), kReferenceCue},
      {&PeriodNouns(), kPeriodNoun},
  };
  for (const auto& [list, bit] : lists) {
    for (const std::string& word : *list) {
      // Longer words could never be looked up; none is listed (the test checks).
      if (word.empty() || word.size() > kMaxPackedWord || word.find('\0') != word.npos) continue;
      char padded[2 * sizeof(uint64_t)] = {};
      std::memcpy(padded, word.data(), word.size());
      uint64_t lo, hi;
      std::memcpy(&lo, padded, sizeof(uint64_t));
      std::memcpy(&hi, padded + sizeof(uint64_t), sizeof(uint64_t));
      const size_t i = Probe(lo, hi);
      tags_[i] = TagOf(Hash(lo, hi));
      Slot& slot = slots_[i];
      slot.lo = lo;
      slot.hi = hi;
      slot.classes |= bit;
    }
  }
}

const WordClassTable& WordClasses() {
  static const auto* table = new WordClassTable;
  return *table;
}

uint32_t WordClassesOf(absl::string_view lower) {
  if (lower.empty() || lower.size() > kMaxPackedWord) return 0;
  if (lower.find('\0') != absl::string_view::npos) return 0;  // not a word; the padding is 0
  char padded[2 * sizeof(uint64_t)] = {};
  std::memcpy(padded, lower.data(), lower.size());
  uint64_t lo, hi;
  std::memcpy(&lo, padded, sizeof(uint64_t));
  std::memcpy(&hi, padded + sizeof(uint64_t), sizeof(uint64_t));
  return WordClasses().Get(lo, hi);
}

}  // namespace claimcheck
