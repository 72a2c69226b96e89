#include "cli/keyed_reduce.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "claims/fingerprint.h"
#include "claims/record_stream.h"
#include "claims/reduce_key.h"
#include "claims/time_scope.h"
#include "reconcile/findings.h"
#include "reconcile/grouper.h"

namespace claimcheck {
namespace {

constexpr size_t kWriteBytes = 1 << 16;

uint64_t Hash64(absl::string_view text) { return Fingerprinter().Add(text).value(); }

bool IsOpen(const v1::Finding& f) {
  return f.status() == v1::REVIEW_STATUS_OPEN || f.status() == v1::REVIEW_STATUS_REOPENED;
}

}  // namespace

std::string TextFinding(const v1::Finding& f) {
  return absl::StrCat("[", FindingKindShortName(f.kind()), ", ",
                      absl::AsciiStrToLower(v1::Severity_Name(f.severity()).substr(9)), "] ",
                      f.subject().entity(), " / ", f.subject().metric(), "  (id ", f.id(),
                      ")\n  ", f.explanation(), "\n\n");
}

std::string TextTimeline(const v1::Timeline& t) {
  if (t.points_size() < 2) return "";
  std::string out =
      absl::StrCat("timeline ", t.subject().entity(), " / ", t.subject().metric(), ":\n");
  for (const v1::TimelinePoint& p : t.points()) {
    auto range = ParseScopeRange(p.scope());
    std::string period = range.ok() ? FormatRange(*range) : p.scope().text();
    absl::StrAppend(&out, "  ", period, p.scope().inferred() ? " (as of publication)" : "",
                    ": ", FormatAmount(p.value(), p.unit()), "  [", p.document_ids_size(),
                    p.document_ids_size() == 1 ? " source" : " sources", "]");
    if (p.has_change_percent()) {
      absl::StrAppend(&out, absl::StrFormat("  %+.1f%%", p.change_percent()));
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

KeyedReduce::KeyedReduce(Reconciler* reconciler, KeyedReduceOptions options, Writer write)
    : reconciler_(reconciler), options_(std::move(options)), write_(std::move(write)) {}

KeyedReduce::~KeyedReduce() {
  if (spool_ != nullptr) std::fclose(spool_);  // tmpfile(): removed on close
}

absl::Status KeyedReduce::Drain() {
  if (!status_.ok() || buffer_.empty()) return status_;
  status_ = write_(buffer_);
  buffer_.clear();
  return status_;
}

void KeyedReduce::Emit(absl::string_view bytes) {
  if (!status_.ok()) return;
  if (!started_) {
    started_ = true;
    if (!options_.text) buffer_ += options_.compact ? "{\"findings\":[" : "{\n \"findings\": [";
  }
  buffer_.append(bytes.data(), bytes.size());
  if (buffer_.size() >= kWriteBytes) Drain().IgnoreError();  // kept in status_
}

std::string KeyedReduce::Element(const google::protobuf::Message& message, bool first) const {
  absl::StatusOr<std::string> json =
      RecordToJson(message, options_.compact ? JsonLayout::kOneLine : JsonLayout::kIndented);
  std::string body = json.ok() ? *std::move(json) : "{}";
  if (options_.compact) return absl::StrCat(first ? "" : ",", body);
  // An element of a top-level array sits two spaces in, as RecordToJson nests it.
  while (!body.empty() && body.back() == '\n') body.pop_back();
  return absl::StrCat(first ? "\n  " : ",\n  ", absl::StrReplaceAll(body, {{"\n", "\n  "}}));
}

absl::Status KeyedReduce::Line(absl::string_view line, const std::string& name,
                               size_t line_no) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (absl::StripAsciiWhitespace(line).empty()) return status_;
  absl::string_view key, json;
  absl::Status s = SplitKeyedLine(line, &key, &json);
  if (s.ok()) s = RecordFromJson(json, &claim_);
  if (!s.ok()) {
    read_problems_.push_back(absl::StrCat(name, ":", line_no, ": ", s.message()));
    return status_;
  }
  if (!open_ || key != current_) {
    absl::Status flushed = FlushRun();
    if (!flushed.ok()) return flushed;
    if (!keys_seen_.insert(Hash64(key)).second) {
      read_problems_.push_back(absl::StrCat(
          name, ":", line_no, ": key '", key,
          "' seen before: the input is not sorted by key; its claims are reconciled in "
          "separate groups"));
    }
    current_.assign(key.data(), key.size());
    open_ = true;
  }
  const std::string& document = claim_.provenance().document_id();
  if (!document.empty()) documents_.insert(Hash64(document));
  reconciler_->Add(claim_);
  return status_;
}

absl::Status KeyedReduce::Read(std::istream& in, const std::string& name) {
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    absl::Status s = Line(line, name, ++line_no);
    if (!s.ok()) return s;
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat(name, ": read error"));
  return absl::OkStatus();
}

absl::Status KeyedReduce::FlushRun() {
  if (!open_) return status_;
  open_ = false;
  v1::Report part = reconciler_->Finish();
  summary_.set_claims(summary_.claims() + part.summary().claims());
  summary_.set_subjects(summary_.subjects() + part.summary().subjects());
  for (const v1::Finding& f : part.findings()) {
    summary_.set_findings(summary_.findings() + 1);
    (*summary_.mutable_findings_by_kind())[v1::FindingKind_Name(f.kind())]++;
    if (IsOpen(f)) {
      summary_.set_open_findings(summary_.open_findings() + 1);
      if (options_.fail_on.count(f.kind())) {
        failing_.push_back(absl::StrCat(f.id(), " (", FindingKindShortName(f.kind()), ")"));
      }
    }
    Emit(options_.text ? TextFinding(f) : Element(f, /*first=*/!any_finding_));
    any_finding_ = true;
    if (!status_.ok()) return status_;
  }
  if (!started_) Emit("");  // the JSON opening, even for a run without findings
  if (spool_ == nullptr) {
    spool_ = std::tmpfile();
    if (spool_ == nullptr) {
      status_ = absl::FailedPreconditionError(
          "cannot create a temporary file for the timelines (is TMPDIR writable?)");
      return status_;
    }
  }
  for (const v1::Timeline& t : part.timelines()) {
    // The Reconciler gives every subject a timeline, so the timelines name the run's
    // subjects; each must be new, or its claims were split between keys.
    std::string subject = GroupKey(t.subject());
    if (!subjects_seen_.insert(Hash64(subject)).second) {
      problems_.push_back(absl::StrCat(
          "subject '", subject, "' has claims under more than one key (the last: '",
          current_, "'): its Subject.key and entity disagree, so its claims were "
          "reconciled in separate groups"));
    }
    std::string text = options_.text ? TextTimeline(t) : Element(t, !any_timeline_);
    any_timeline_ = true;
    if (std::fwrite(text.data(), 1, text.size(), spool_) != text.size()) {
      status_ = absl::DataLossError("cannot write the timelines' temporary file");
      return status_;
    }
  }
  for (std::string& p : *part.mutable_problems()) problems_.push_back(std::move(p));
  return status_;
}

absl::Status KeyedReduce::Finish() {
  absl::Status s = FlushRun();
  if (!s.ok()) return s;
  summary_.set_documents(static_cast<uint32_t>(documents_.size()));
  read_problems_.insert(read_problems_.end(), std::make_move_iterator(problems_.begin()),
                        std::make_move_iterator(problems_.end()));
  problems_ = std::move(read_problems_);
  read_problems_.clear();

  Emit("");  // the JSON opening when there was no input at all
  if (!options_.text) {
    Emit(options_.compact ? "],\"timelines\":["
                          : absl::StrCat(any_finding_ ? "\n ]" : "]", ",\n \"timelines\": ["));
  }
  if (spool_ != nullptr) {
    std::rewind(spool_);
    char chunk[1 << 15];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof(chunk), spool_)) > 0) {
      Emit(absl::string_view(chunk, n));
      if (!status_.ok()) return status_;
    }
    if (std::ferror(spool_)) {
      status_ = absl::DataLossError("cannot read back the timelines' temporary file");
      return status_;
    }
  }
  if (!options_.text) {
    if (!options_.compact && any_timeline_) Emit("\n ");
    // Summary and problems: the tail of the Report JSON of a report holding only them.
    v1::Report rest;
    *rest.mutable_summary() = summary_;
    for (const std::string& p : problems_) rest.add_problems(p);
    absl::StatusOr<std::string> tail =
        RecordToJson(rest, options_.compact ? JsonLayout::kOneLine : JsonLayout::kIndented);
    if (!tail.ok()) return tail.status();
    absl::string_view body = absl::StripAsciiWhitespace(*tail);
    body = absl::StripAsciiWhitespace(absl::StripPrefix(body, "{"));
    if (body == "}") {
      Emit("]}\n");
    } else {
      Emit(options_.compact ? "]," : "],\n ");
      Emit(body);
      Emit("\n");
    }
  }
  return Drain();
}

}  // namespace claimcheck
