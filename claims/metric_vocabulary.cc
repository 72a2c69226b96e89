#include "claims/metric_vocabulary.h"

#include <algorithm>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "claims/subject_key.h"

namespace claimcheck {
namespace {

struct Entry {
  const char* metric;
  std::vector<const char*> phrases;
};

const std::vector<Entry>& BuiltInEntries() {
  static const auto* entries = new std::vector<Entry>{
      {"revenue", {"revenue", "sales", "turnover", "top line"}},
      {"profit", {"profit", "net profit", "net income", "earnings", "operating profit",
                  "operating income"}},
      {"net_loss", {"net loss", "loss", "losses", "lost"}},
      {"fund_size", {"fund size", "registered capital", "capital", "scale", "fund",
                     "size of the fund", "fund's size", "funds"}},
      {"investment", {"investment", "commitment", "commitments", "commit", "committed",
                      "commits", "allocate", "allocated",
                      "allocates", "invest", "invested", "invests", "inject", "injected",
                      "injects", "pour", "poured", "pledge", "pledged", "earmark", "earmarked",
                      "plan", "programme", "program", "project", "move", "initiative", "push",
                      "effort", "package", "stake"}},
      {"funding", {"raise", "raised", "raises", "funding", "financing", "funding round",
                   "provides", "provided", "awarded", "granted", "grant",
                   "round", "secured"}},
      {"spending", {"spend", "spent", "spends", "spending", "expenditure", "support funding",
                    "support"}},
      {"capex", {"capex", "capital expenditure", "capital spending"}},
      {"valuation", {"valuation", "worth", "valued", "value"}},
      {"market_cap", {"market capitalization", "market capitalisation", "market cap",
                      "market value", "stock market value"}},
      {"deliveries", {"deliveries", "delivered", "delivers", "vehicle deliveries"}},
      {"deal_value", {"deal", "acquisition", "takeover", "contract", "order", "buy",
                      "bought", "acquire", "acquires", "acquired", "purchase", "purchased",
                      "purchases"}},
      {"orders", {"orders", "net orders", "new orders", "bookings", "order intake"}},
      {"process_node", {"node", "process", "process node", "technology node", "process technology"}},
      {"capacity", {"capacity", "production capacity", "output", "monthly capacity"}},
      {"market_share", {"market share", "share"}},
      {"share_price", {"shares", "share price", "stock", "stock price"}},
      {"market_size", {"market size", "market"}},
      {"demand", {"demand"}},
      {"shipments", {"shipments", "shipment", "shipped"}},
      {"price", {"price", "prices", "cost", "selling price", "selling prices",
                 "average selling price", "average selling prices", "asp", "asps"}},
      {"subsidy", {"subsidy", "subsidies", "grant", "grants", "state aid", "aid"}},
      {"employees", {"employees", "staff", "workforce", "headcount", "workers"}},
      {"job_cuts", {"job cuts", "layoffs", "lay-offs", "redundancies"}},
      {"hires", {"hires", "new hires", "hiring"}},
      {"ownership_share", {"ownership share", "shareholding"}},
      {"size", {"size", "area", "footprint"}},
      {"yield", {"yield"}},
      {"utilization", {"utilization", "utilisation", "capacity utilization",
                       "capacity utilisation", "utilization rate", "utilisation rate",
                       "fab utilization", "loading"}},
      {"gross_margin", {"gross margin", "margin", "gross profit margin"}},
      {"operating_margin", {"operating margin", "operating profit margin", "ebit margin"}},
      {"net_margin", {"net margin", "net profit margin"}},
      {"cash", {"cash", "cash and equivalents", "cash and cash equivalents", "cash reserves",
                "cash pile"}},
      {"free_cash_flow", {"free cash flow", "fcf"}},
      {"operating_cash_flow", {"cash flow", "operating cash flow", "cash from operations"}},
      {"eps", {"earnings per share", "eps", "per-share earnings", "diluted earnings per share"}},
      {"ebitda", {"ebitda", "adjusted ebitda"}},
      {"debt", {"debt", "total debt", "net debt", "borrowings"}},
      {"buyback", {"buyback", "buybacks", "share buyback", "stock buyback", "share repurchase",
                   "share repurchases", "repurchase", "repurchases"}},
      {"dividend", {"dividend", "dividends", "quarterly dividend", "annual dividend",
                    "dividend per share"}},
      {"rd_spending", {"research and development", "r&d", "r&d spending",
                       "research and development spending", "r&d expenses",
                       "research and development expenses"}},
      {"term", {"term", "lifespan", "duration"}},
      {"imports", {"imports", "import", "imported"}},
      {"exports", {"exports", "export", "exported"}},
      {"loan", {"loan", "loans", "credit line"}},
      {"time_to_market", {"time to market", "introduce", "launch", "hit the market", "ship",
                          "release", "bring", "commercialise", "commercialize"}},
      {"time_to_develop", {"time to develop", "develop", "developing", "build", "catch up",
                           "master", "achieve"}},
  };
  return *entries;
}

}  // namespace

MetricVocabulary MetricVocabulary::BuiltIn() {
  MetricVocabulary v;
  for (const Entry& e : BuiltInEntries()) {
    for (const char* p : e.phrases) v.Add(p, e.metric);
  }
  return v;
}

void MetricVocabulary::Add(absl::string_view phrase, absl::string_view metric) {
  std::string key = NormalizeKeyPart(phrase);
  std::string value = NormalizeKeyPart(metric);
  if (key.empty() || value.empty()) return;
  int words = 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
  if (words > max_words_) max_words_ = words;
  const size_t space = key.rfind(' ');
  const std::string last = space == std::string::npos ? key : key.substr(space + 1);
  last_word_signatures_.Add(last);
  last_words_.insert(last);
  phrase_signatures_.Add(key);
  by_phrase_[key] = value;
}

bool MetricVocabulary::EndsPhrase(absl::string_view word) const {
  if (last_words_.contains(word)) return true;
  // The plural stems Find tries; only "-ies" -> "-y" needs a new string.
  if (!absl::EndsWith(word, "s") || word.size() <= 2) return false;
  if (absl::EndsWith(word, "ies") && word.size() > 4) {
    std::string candidate(word.substr(0, word.size() - 3));
    candidate.push_back('y');
    if (last_words_.contains(candidate)) return true;
  }
  if (absl::EndsWith(word, "es") && word.size() > 3 &&
      last_words_.contains(word.substr(0, word.size() - 2))) {
    return true;
  }
  return last_words_.contains(word.substr(0, word.size() - 1));
}

absl::Status MetricVocabulary::AddFromText(absl::string_view text, absl::string_view file_name) {
  std::vector<std::string> problems;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    absl::string_view s = absl::StripAsciiWhitespace(line);
    if (s.empty() || s[0] == '#') continue;
    std::vector<absl::string_view> parts = absl::StrSplit(s, '=');
    if (parts.size() != 2) {
      problems.push_back(absl::StrCat(file_name, ":", line_number,
                                      ": expected 'phrase = metric', got '", s, "'"));
      continue;
    }
    absl::string_view phrase = absl::StripAsciiWhitespace(parts[0]);
    absl::string_view metric = absl::StripAsciiWhitespace(parts[1]);
    if (phrase.empty() || metric.empty()) {
      problems.push_back(absl::StrCat(file_name, ":", line_number, ": empty ",
                                      phrase.empty() ? "phrase" : "metric", " in '", s, "'"));
      continue;
    }
    Add(phrase, metric);
  }
  if (problems.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
}

std::optional<std::string> MetricVocabulary::Find(absl::string_view phrase) const {
  const std::string* metric = FindOrNull(phrase);
  if (metric == nullptr) return std::nullopt;
  return *metric;
}

const std::string* MetricVocabulary::FindOrNull(absl::string_view phrase) const {
  std::string normalized;
  absl::string_view k = phrase;
  if (!IsNormalizedKeyPart(phrase)) {
    normalized = NormalizeKeyPart(phrase);
    k = normalized;
  }
  return FindNormalizedOrNull(k);
}

const std::string* MetricVocabulary::FindKey(absl::string_view k) const {
  auto it = by_phrase_.find(k);
  if (it != by_phrase_.end()) return &it->second;
  // Plurals: try the stems of the last word ("-ies" -> "-y", then without "-es", then
  // without "-s"), built in one reused buffer.
  const size_t space = k.rfind(' ');
  const absl::string_view head = space == absl::string_view::npos ? "" : k.substr(0, space + 1);
  const absl::string_view last = space == absl::string_view::npos ? k : k.substr(space + 1);
  if (!absl::EndsWith(last, "s") || last.size() <= 2) return nullptr;  // no plural to try
  std::string candidate;
  auto lookup = [&](size_t cut, absl::string_view suffix) -> const std::string* {
    candidate.assign(head.data(), head.size());
    candidate.append(last.data(), last.size() - cut);
    candidate.append(suffix.data(), suffix.size());
    auto found = by_phrase_.find(candidate);
    return found == by_phrase_.end() ? nullptr : &found->second;
  };
  const std::string* value = nullptr;
  if (absl::EndsWith(last, "ies") && last.size() > 4) value = lookup(3, "y");
  if (value == nullptr && absl::EndsWith(last, "es") && last.size() > 3) value = lookup(2, "");
  if (value == nullptr) value = lookup(1, "");
  return value;
}

std::string GrowthMetric(absl::string_view base) {
  if (base.empty()) return "growth";
  if (absl::EndsWith(base, "_growth")) return std::string(base);
  return absl::StrCat(base, "_growth");
}

}  // namespace claimcheck
