#include "claims/entity_aliases.h"

#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "claims/subject_key.h"

namespace claimcheck {
namespace {

// Well-known names, canonical first. Kept short on purpose: a user alias file extends it.
struct BuiltInEntity {
  const char* canonical;
  std::vector<const char*> aliases;
};

const std::vector<BuiltInEntity>& BuiltInList() {
  static const auto* list = new std::vector<BuiltInEntity>{
      {"SMIC", {"Semiconductor Manufacturing International", "Semiconductor Manufacturing International Corporation"}},
      {"CXMT", {"ChangXin Memory Technologies", "ChangXin Memory", "Changxin Memory Technologies"}},
      {"YMTC", {"Yangtze Memory Technologies", "Yangtze Memory", "Yangtze Memory Technology"}},
      {"Huawei", {"Huawei Technologies"}},
      {"HiSilicon", {"Hisilicon Technologies"}},
      {"Big Fund", {"National Integrated Circuit Industry Investment Fund",
                    "China Integrated Circuit Industry Investment Fund",
                    "National IC Industry Investment Fund"}},
      {"Big Fund I", {"Big Fund 1", "Big Fund Phase I", "Big Fund Phase 1", "first Big Fund"}},
      {"Big Fund II", {"Big Fund 2", "Big Fund Phase II", "Big Fund Phase 2", "second Big Fund",
                       "National Integrated Circuit Industry Investment Fund II",
                       "National Integrated Circuit Industry Investment Fund Phase II"}},
      {"Big Fund III", {"Big Fund 3", "Big Fund Phase III", "Big Fund Phase 3", "third Big Fund",
                        "National Integrated Circuit Industry Investment Fund III",
                        "National Integrated Circuit Industry Investment Fund Phase III"}},
      {"TSMC", {"Taiwan Semiconductor Manufacturing", "Taiwan Semiconductor Manufacturing Company",
                "Taiwan Semiconductor"}},
      {"Nvidia", {"NVIDIA", "Nvidia Corporation"}},
      {"Hua Hong", {"Hua Hong Semiconductor", "Huahong", "Huahong Group"}},
      {"Naura", {"NAURA", "Naura Technology", "Naura Technology Group"}},
      {"AMEC", {"Advanced Micro-Fabrication Equipment", "Advanced Micro-Fabrication Equipment Inc. China"}},
      {"ACM Research", {"ACMR"}},
      {"Hwatsing", {"Hwatsing Technology"}},
      {"Piotech", {"Piotech Inc"}},
      {"SMEE", {"Shanghai Micro Electronics Equipment"}},
      {"JHICC", {"Fujian Jinhua Integrated Circuit", "Fujian Jinhua"}},
      {"Samsung", {"Samsung Electronics"}},
      {"SK Hynix", {"SK hynix", "Hynix"}},
      {"Micron", {"Micron Technology"}},
      {"ASML", {"ASML Holding"}},
      {"Intel", {"Intel Corporation"}},
      {"Cambricon", {"Cambricon Technologies"}},
      {"Biren", {"Biren Technology"}},
      {"Kunlunxin", {"Kunlun Chip", "Kunlun Core"}},
      {"Moore Threads", {"Moore Threads Technology"}},
      {"Alibaba Cloud", {"Aliyun"}},
      {"China Mobile", {"China Mobile Communications"}},
      {"Inspur", {"Inspur Information"}},
      {"Hygon", {"Hygon Information Technology"}},
      {"Loongson", {"Loongson Technology"}},
      {"MERICS", {"Mercator Institute for China Studies"}},
      {"TrendForce", {"Trendforce"}},
  };
  return *list;
}

const char* const kCorporateSuffixes[] = {
    " co ltd", " co., ltd", " co. ltd", " co", " corp", " corporation", " inc", " ltd",
    " limited", " plc", " llc", " company",
};

}  // namespace

std::string CleanEntityName(absl::string_view name) {
  absl::string_view s = absl::StripAsciiWhitespace(name);
  if (absl::StartsWith(s, "the ") || absl::StartsWith(s, "The ")) s.remove_prefix(4);
  if (absl::EndsWith(s, "'s")) s.remove_suffix(2);
  else if (absl::EndsWith(s, "\xE2\x80\x99s")) s.remove_suffix(4);
  else if (absl::EndsWith(s, "'")) s.remove_suffix(1);
  return std::string(absl::StripAsciiWhitespace(s));
}

std::string EntityAliases::LookupKey(absl::string_view name) {
  std::string key = NormalizeKeyPart(CleanEntityName(name));
  // Trailing punctuation and corporate suffixes.
  bool changed = true;
  while (changed) {
    changed = false;
    while (!key.empty() && (key.back() == '.' || key.back() == ',' || key.back() == ' ')) {
      key.pop_back();
      changed = true;
    }
    for (const char* suffix : kCorporateSuffixes) {
      if (absl::EndsWith(key, suffix) && key.size() > strlen(suffix)) {
        key.resize(key.size() - strlen(suffix));
        changed = true;
        break;
      }
    }
  }
  if (absl::StartsWith(key, "the ")) key.erase(0, 4);
  return key;
}

EntityAliases EntityAliases::BuiltIn() {
  EntityAliases aliases;
  for (const BuiltInEntity& e : BuiltInList()) {
    aliases.Add(e.canonical, e.canonical);
    for (const char* alias : e.aliases) aliases.Add(alias, e.canonical);
  }
  return aliases;
}

void EntityAliases::Add(absl::string_view alias, absl::string_view canonical) {
  std::string clean_canonical = CleanEntityName(canonical);
  if (clean_canonical.empty()) return;
  std::string alias_key = LookupKey(alias);
  if (!alias_key.empty()) by_key_[alias_key] = clean_canonical;
  by_key_[LookupKey(clean_canonical)] = clean_canonical;
}

absl::Status EntityAliases::AddFromText(absl::string_view text, absl::string_view file_name) {
  std::vector<std::string> problems;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    absl::string_view s = absl::StripAsciiWhitespace(line);
    if (s.empty() || s[0] == '#') continue;
    size_t eq = s.find('=');
    if (eq == absl::string_view::npos) {
      problems.push_back(absl::StrCat(file_name, ":", line_number,
                                      ": expected 'Alias = Canonical Name', got '", s, "'"));
      continue;
    }
    absl::string_view alias = absl::StripAsciiWhitespace(s.substr(0, eq));
    absl::string_view canonical = absl::StripAsciiWhitespace(s.substr(eq + 1));
    if (alias.empty() || canonical.empty()) {
      problems.push_back(absl::StrCat(file_name, ":", line_number, ": empty ",
                                      alias.empty() ? "alias" : "canonical name",
                                      " in '", s, "'"));
      continue;
    }
    if (canonical.find('=') != absl::string_view::npos) {
      problems.push_back(absl::StrCat(file_name, ":", line_number,
                                      ": more than one '=' in '", s, "'"));
      continue;
    }
    Add(alias, canonical);
  }
  if (problems.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
}

const std::string* EntityAliases::FindByKey(absl::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &it->second;
}

std::optional<std::string> EntityAliases::Find(absl::string_view name) const {
  auto it = by_key_.find(LookupKey(name));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::string EntityAliases::Canonicalize(absl::string_view name) const {
  std::optional<std::string> found = Find(name);
  if (found) return *found;
  return CleanEntityName(name);
}

}  // namespace claimcheck
