#include "extract/read/offset_map.h"

#include <algorithm>

namespace claimcheck {

void OffsetMap::ReplaceLast(size_t source, bool exact) {
  Run& last = runs_.back();
  const size_t text = last.text;
  last = Run{text, source, exact};
  if (runs_.size() >= 2) {
    const Run& prev = runs_[runs_.size() - 2];
    if (exact && prev.exact && prev.source + (text - prev.text) == source) runs_.pop_back();
  }
}

size_t OffsetMap::ToSource(size_t text) const {
  if (runs_.empty()) return 0;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), text,
                             [](size_t t, const Run& r) { return t < r.text; });
  if (it == runs_.begin()) return runs_.front().source;
  const Run& r = *(it - 1);
  return r.exact ? r.source + (text - r.text) : r.source;
}

OffsetMap OffsetMap::ComposeWith(const OffsetMap& inner) const {
  OffsetMap out;
  ComposeInto(inner, &out);
  return out;
}

void OffsetMap::AppendComposedTo(const OffsetMap& inner, v1::Document* doc) const {
  thread_local OffsetMap composed;
  ComposeInto(inner, &composed);
  composed.AppendTo(doc);
}

void OffsetMap::ComposeInto(const OffsetMap& inner, OffsetMap* result) const {
  result->runs_.clear();
  OffsetMap& out = *result;
  const auto& in = inner.runs_;
  // The common case (a valid UTF-8 file read in place): `inner` maps every byte to
  // itself, and the general loop below would add each run unchanged.
  if (in.size() == 1 && in[0].text == 0 && in[0].source == 0 && in[0].exact) {
    out.runs_.reserve(runs_.size());
    for (const Run& r : runs_) out.Add(r.text, r.source, r.exact);
    return;
  }
  out.runs_.reserve(runs_.size() + in.size());
  for (size_t i = 0; i < runs_.size(); ++i) {
    const Run& r = runs_[i];
    if (!r.exact) {
      out.Add(r.text, inner.ToSource(r.source), false);
      continue;
    }
    // The run covers text [r.text, next) -> middle [r.source, r.source + len).
    size_t len = i + 1 < runs_.size() ? runs_[i + 1].text - r.text : size_t(-1) / 2;
    size_t mid = r.source;
    size_t mid_end = mid + len;
    // First inner run at or before `mid`.
    auto it = std::upper_bound(in.begin(), in.end(), mid,
                               [](size_t t, const Run& x) { return t < x.text; });
    if (it != in.begin()) --it;
    if (in.empty()) {
      out.Add(r.text, r.source, true);
      continue;
    }
    size_t pos = mid;
    for (; it != in.end() && it->text < mid_end; ++it) {
      size_t run_begin = std::max(pos, it->text);
      if (run_begin >= mid_end) break;
      size_t src = it->exact ? it->source + (run_begin - it->text) : it->source;
      out.Add(r.text + (run_begin - mid), src, it->exact);
      pos = run_begin;
    }
  }
}

void OffsetMap::Append(const OffsetMap& other, size_t text_base) {
  runs_.reserve(runs_.size() + other.runs_.size());
  for (const Run& r : other.runs_) Add(r.text + text_base, r.source, r.exact);
}

void OffsetMap::ShiftSource(size_t delta) {
  for (Run& r : runs_) r.source += delta;
}

void OffsetMap::AppendTo(v1::Document* doc, size_t text_base) const {
  doc->mutable_offset_map()->Reserve(doc->offset_map_size() + static_cast<int>(runs_.size()));
  for (const Run& r : runs_) {
    v1::OffsetRun* run = doc->add_offset_map();
    run->set_text_offset(r.text + text_base);
    run->set_source_offset(r.source);
    run->set_exact(r.exact);
  }
}

}  // namespace claimcheck
