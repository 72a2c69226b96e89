#include "reconcile/reference.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "reconcile/findings.h"
#include "reconcile/grouper.h"

namespace claimcheck {
namespace {

std::string StringField(const google::protobuf::Struct& s, const char* name) {
  auto it = s.fields().find(name);
  if (it == s.fields().end()) return "";
  if (it->second.kind_case() == google::protobuf::Value::kStringValue) {
    return it->second.string_value();
  }
  if (it->second.kind_case() == google::protobuf::Value::kNumberValue) {
    return absl::StrCat(it->second.number_value());
  }
  return "";
}

std::string KeyOf(const ReferenceFigure& f) {
  v1::Subject subject;
  subject.set_entity(f.entity);
  subject.set_metric(f.metric);
  if (!f.qualifier.empty()) subject.add_qualifiers()->set_value(f.qualifier);
  return BuildSubjectKey(subject);
}

}  // namespace

absl::StatusOr<ReferenceTable> ReferenceTable::Parse(absl::string_view jsonl,
                                                     absl::string_view name) {
  ReferenceTable table;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(jsonl, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    auto error = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat(name, ":", line_no, ": ", why));
    };
    google::protobuf::Struct object;
    auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &object);
    if (!status.ok()) return error(absl::StrCat("not a JSON object: ", status.ToString()));
    ReferenceFigure f;
    f.entity = StringField(object, "entity");
    f.metric = StringField(object, "metric");
    f.qualifier = StringField(object, "qualifier");
    f.period = StringField(object, "period");
    f.source = StringField(object, "source");
    f.place = absl::StrCat(name, ":", line_no);
    if (f.entity.empty() || f.metric.empty()) return error("needs \"entity\" and \"metric\"");
    auto value = object.fields().find("value");
    if (value == object.fields().end() ||
        value->second.kind_case() != google::protobuf::Value::kNumberValue) {
      return error("needs a numeric \"value\"");
    }
    f.value = value->second.number_value();
    if (!f.period.empty()) {
      auto scope = ParsePeriod(f.period);
      if (!scope.ok()) return error(scope.status().message());
      f.range = ParseScopeRange(*scope).value();
    }
    v1::Quantity unit;
    unit.set_unit(StringField(object, "unit"));
    f.unit = CanonicalUnit(unit);
    table.by_key_[KeyOf(f)].push_back(std::move(f));
    ++table.size_;
  }
  return table;
}

void ReferenceTable::Check(const SubjectAnalysis& analysis, const Normalizer& normalizer,
                           std::vector<v1::Finding>* findings) const {
  auto it = by_key_.find(BuildSubjectKey(analysis.subject));
  if (it == by_key_.end()) return;
  const std::vector<ReferenceFigure>& figures = it->second;
  // The reference figure an undated claim is held to: the one whose period started last
  // on or before the claim's publication (the latest trusted value known then).
  auto current_for = [&](const Item& item) -> const ReferenceFigure* {
    const ReferenceFigure* best = nullptr;
    if (!item.period.published) return best;
    for (const ReferenceFigure& f : figures) {
      if (!f.range.start || *f.range.start > *item.period.published) continue;
      if (best == nullptr || *f.range.start > *best->range.start) best = &f;
    }
    return best;
  };
  for (const ReferenceFigure& f : figures) {
    std::vector<int> members;
    std::vector<std::string> parts;
    Interval point{f.value, f.value};
    for (size_t i = 0; i < analysis.items.size(); ++i) {
      const Item& item = analysis.items[i];
      if (item.period.forecast) continue;
      if (!f.range.empty()) {
        bool applies = item.period.stated() ? item.period.range == f.range
                                            : current_for(item) == &f;
        if (!applies) continue;
      }
      std::optional<int> year = RangeYear(item.period.range);
      if (!year && item.period.published) year = static_cast<int>(item.period.published->year());
      auto norm = normalizer.Express(item.claim->quantity(), item.own_unit, year, f.unit);
      if (!norm.ok() || Overlaps(norm->interval, point)) continue;
      Item shown = item;
      shown.norm = *norm;
      members.push_back(static_cast<int>(i));
      parts.push_back(DescribeItem(shown));
    }
    if (members.empty()) continue;
    std::string label = f.range.empty() ? std::string("any period") : FormatRange(f.range);
    std::string explanation = absl::StrCat(
        "Reference mismatch in ", SubjectName(analysis.subject), " (", label,
        "): the trusted figure is ", FormatAmount(f.value, f.unit), " (source: ",
        f.source.empty() ? "not named" : f.source, "; ", f.place, "), but ",
        absl::StrJoin(parts, "; and "), members.size() == 1 ? " excludes it." : " exclude it.");
    v1::Severity severity = AnyHedged(analysis, members) ? v1::SEVERITY_MEDIUM
                                                         : v1::SEVERITY_HIGH;
    findings->push_back(MakeFinding(v1::FINDING_KIND_REFERENCE_MISMATCH, severity, analysis,
                                    label, members, std::move(explanation)));
  }
}

}  // namespace claimcheck
