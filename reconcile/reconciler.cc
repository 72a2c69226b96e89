#include "reconcile/reconciler.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "claims/fingerprint.h"
#include "reconcile/arithmetic.h"
#include "reconcile/builtin_rates.h"
#include "reconcile/checks.h"
#include "reconcile/findings.h"
#include "reconcile/grouper.h"
#include "reconcile/subject.h"
#include "reconcile/timeline.h"

namespace claimcheck {
namespace {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return contents.str();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Reconciler>> Reconciler::Create(
    const ReconcileOptions& options) {
  absl::StatusOr<RateTable> rates;
  if (options.rates_path.empty()) {
    rates = RateTable::Parse(kBuiltinExchangeRates, "built-in exchange_rates.csv");
  } else {
    auto text = ReadWholeFile(options.rates_path);
    if (!text.ok()) return text.status();
    rates = RateTable::Parse(*text, options.rates_path);
  }
  if (!rates.ok()) return rates.status();
  std::optional<ReferenceTable> reference;
  if (!options.reference_path.empty()) {
    auto text = ReadWholeFile(options.reference_path);
    if (!text.ok()) return text.status();
    auto table = ReferenceTable::Parse(*text, options.reference_path);
    if (!table.ok()) return table.status();
    reference = *std::move(table);
  }
  return std::make_unique<Reconciler>(*std::move(rates), std::move(reference));
}

Reconciler::Reconciler(RateTable rates, std::optional<ReferenceTable> reference)
    : rates_(std::move(rates)), reference_(std::move(reference)), normalizer_(&rates_) {}

void Reconciler::Add(const v1::Claim& claim) { claims_.push_back(claim); }

void Reconciler::Add(v1::Claim&& claim) { claims_.push_back(std::move(claim)); }

v1::Report Reconciler::Finish() {
  v1::Report report;
  std::vector<std::string> problems;

  std::vector<std::string> keys;
  keys.reserve(claims_.size());
  for (const v1::Claim& claim : claims_) keys.push_back(GroupKey(claim.subject()));
  std::vector<SubjectGroup> groups = GroupByKey(keys);
  std::vector<std::string>().swap(keys);

  // Growth subjects and the level subjects they pair with (arithmetic.h) are kept until
  // all subjects have been seen.
  absl::flat_hash_map<std::string, size_t> level_wanted;  // level key -> growth group
  std::vector<std::optional<std::string>> level_key(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    level_key[g] = LevelSubjectKey(claims_[groups[g].members.front()].subject());
    if (level_key[g]) level_wanted.emplace(*level_key[g], g);
  }
  std::map<size_t, SubjectAnalysis> kept_growth;
  absl::flat_hash_map<std::string, SubjectAnalysis> kept_levels;

  // Findings with their sort key: subject key, kind, id.
  std::vector<std::tuple<std::string, int, v1::Finding>> findings;
  std::vector<v1::Finding> found;
  std::vector<const v1::Claim*> members;
  for (size_t g = 0; g < groups.size(); ++g) {
    members.clear();
    for (size_t index : groups[g].members) members.push_back(&claims_[index]);
    SubjectAnalysis analysis = AnalyzeSubject(groups[g].key, members, normalizer_, &problems);
    found.clear();
    CheckAgreement(analysis, &found);
    CheckUnits(analysis, &found);
    CheckPeriods(analysis, &found);
    CheckSingleSource(analysis, &found);
    if (reference_) reference_->Check(analysis, normalizer_, &found);
    for (v1::Finding& f : found) {
      findings.emplace_back(groups[g].key, static_cast<int>(f.kind()), std::move(f));
    }
    *report.add_timelines() = BuildTimeline(analysis);
    std::string built_key = BuildSubjectKey(analysis.subject);
    if (level_wanted.count(built_key)) kept_levels.emplace(built_key, analysis);
    if (level_key[g]) kept_growth.emplace(g, std::move(analysis));
  }
  for (const auto& [g, growth] : kept_growth) {
    auto level = kept_levels.find(*level_key[g]);
    if (level == kept_levels.end()) continue;
    found.clear();
    CheckGrowth(growth, level->second, &found);
    // When the levels show which growth figure is wrong, the disagreement between growth
    // figures for that period is reported once, as the arithmetic finding.
    absl::flat_hash_set<std::string> settled;
    for (const Bucket& bucket : growth.buckets) {
      std::string label = bucket.period.label;
      std::string arithmetic = Fingerprinter().Add("arithmetic").Add(growth.key).Add(label).Hex();
      for (const v1::Finding& f : found) {
        if (f.topic() == arithmetic) {
          settled.insert(Fingerprinter().Add("contradiction").Add(growth.key).Add(label).Hex());
        }
      }
    }
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const auto& entry) {
                                    return settled.count(std::get<2>(entry).topic()) > 0;
                                  }),
                   findings.end());
    for (v1::Finding& f : found) {
      findings.emplace_back(groups[g].key, static_cast<int>(f.kind()), std::move(f));
    }
  }
  std::sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a).id() < std::get<2>(b).id();
  });

  v1::ReportSummary* summary = report.mutable_summary();
  absl::flat_hash_set<std::string> documents;
  for (const v1::Claim& claim : claims_) documents.insert(claim.provenance().document_id());
  documents.erase("");
  summary->set_documents(static_cast<uint32_t>(documents.size()));
  summary->set_claims(static_cast<uint32_t>(claims_.size()));
  summary->set_subjects(static_cast<uint32_t>(groups.size()));
  summary->set_findings(static_cast<uint32_t>(findings.size()));
  uint32_t open = 0;
  for (auto& entry : findings) {
    v1::Finding& f = std::get<2>(entry);
    (*summary->mutable_findings_by_kind())[v1::FindingKind_Name(f.kind())]++;
    if (f.status() == v1::REVIEW_STATUS_OPEN || f.status() == v1::REVIEW_STATUS_REOPENED) {
      ++open;
    }
    *report.add_findings() = std::move(f);
  }
  summary->set_open_findings(open);
  for (auto& problem : problems) report.add_problems(std::move(problem));
  report.mutable_claims()->Reserve(static_cast<int>(claims_.size()));
  for (v1::Claim& claim : claims_) *report.add_claims() = std::move(claim);
  std::vector<v1::Claim>().swap(claims_);
  return report;
}

}  // namespace claimcheck
