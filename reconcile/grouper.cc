#include "reconcile/grouper.h"

#include <algorithm>
#include <numeric>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {

std::string NormalizeMetric(absl::string_view metric) {
  std::string out;
  out.reserve(metric.size());
  bool pending_separator = false;
  for (char c : metric) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      pending_separator = !out.empty();
      continue;
    }
    if (pending_separator) out.push_back('_');
    pending_separator = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string BuildSubjectKey(const v1::Subject& subject) {
  std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(subject.entity()));
  absl::StrAppend(&key, "|", NormalizeMetric(subject.metric()));
  for (const auto& qualifier : subject.qualifiers()) {
    absl::StrAppend(&key, "|",
                    absl::AsciiStrToLower(absl::StripAsciiWhitespace(qualifier.value())));
  }
  return key;
}

std::string GroupKey(const v1::Subject& subject) {
  absl::string_view key = absl::StripAsciiWhitespace(subject.key());
  if (key.empty()) return BuildSubjectKey(subject);
  std::string out(key);
  for (char& c : out) c = absl::ascii_tolower(static_cast<unsigned char>(c));
  return out;
}

std::vector<SubjectGroup> GroupByKey(const std::vector<std::string>& keys) {
  std::vector<size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  // Stable: equal keys keep input order.
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  std::vector<SubjectGroup> groups;
  for (size_t index : order) {
    if (groups.empty() || groups.back().key != keys[index]) {
      groups.push_back(SubjectGroup{keys[index], {}});
    }
    groups.back().members.push_back(index);
  }
  return groups;
}

}  // namespace claimcheck
