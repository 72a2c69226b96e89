#include "cli/command_line.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {

absl::StatusOr<CommandLine> CommandLine::Parse(const std::vector<std::string>& args,
                                               const std::vector<FlagSpec>& specs) {
  CommandLine cl;
  auto find = [&](absl::string_view name, bool is_short) -> const FlagSpec* {
    for (const FlagSpec& s : specs) {
      if ((is_short ? s.short_name : s.name) == name) return &s;
    }
    return nullptr;
  };
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_done || arg.size() < 2 || arg[0] != '-') {
      cl.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    bool is_short = arg[1] != '-';
    std::string body = arg.substr(is_short ? 1 : 2);
    std::string value;
    bool has_value = false;
    size_t eq = body.find('=');
    if (eq != std::string::npos) {
      value = body.substr(eq + 1);
      body = body.substr(0, eq);
      has_value = true;
    }
    if (body == "help" || body == "h") {
      cl.flags_.emplace("help", "");
      continue;
    }
    const FlagSpec* spec = find(body, is_short);
    if (spec == nullptr) {
      std::string msg = absl::StrCat("unknown flag '", arg, "'");
      int best = 3;
      std::string suggestion;
      for (const FlagSpec& s : specs) {
        int d = EditDistance(body, s.name);
        if (d < best) best = d, suggestion = s.name;
      }
      if (!suggestion.empty()) absl::StrAppend(&msg, ", did you mean '--", suggestion, "'?");
      return absl::InvalidArgumentError(msg);
    }
    if (spec->takes_value && !has_value) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat("flag '", arg, "' needs a value"));
      }
      value = args[++i];
    } else if (!spec->takes_value && has_value) {
      return absl::InvalidArgumentError(absl::StrCat("flag '--", body, "' takes no value"));
    }
    cl.flags_.emplace(spec->name, value);
  }
  return cl;
}

bool CommandLine::Has(absl::string_view name) const { return flags_.find(name) != flags_.end(); }

std::string CommandLine::Get(absl::string_view name, absl::string_view fallback) const {
  auto range = flags_.equal_range(name);
  if (range.first == range.second) return std::string(fallback);
  return std::prev(range.second)->second;
}

std::vector<std::string> CommandLine::GetAll(absl::string_view name) const {
  std::vector<std::string> out;
  auto range = flags_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

int EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace claimcheck
