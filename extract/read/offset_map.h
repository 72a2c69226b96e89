// OffsetMap: leads bytes of a derived text back to the bytes they came from.
//
// Readers build text by copying runs of the input (exact: text byte t comes from source
// byte s + (t - t0)) and by writing decoded or synthesised bytes (inexact: an entity
// "&#8217;" becomes "’", a run of markup becomes "\n\n"); every such byte maps to the
// start of what produced it. The map is a sorted list of runs, stored in a Document as
// repeated OffsetRun. Maps compose, so text made from a JSON string made from a file
// still leads to the file.
//
// Not thread-safe for writing; const methods may be called concurrently.
#ifndef CLAIMCHECK_EXTRACT_READ_OFFSET_MAP_H_
#define CLAIMCHECK_EXTRACT_READ_OFFSET_MAP_H_

#include <cstddef>
#include <vector>

#include "proto/document.pb.h"

namespace claimcheck {

class OffsetMap {
 public:
  struct Run {
    size_t text;    // first text byte of the run
    size_t source;  // source byte it maps to
    bool exact;     // whether following text bytes advance the source offset too
  };

  // Starts a run at text offset `text` that maps 1:1 onto source bytes from `source`.
  // Runs must be added with non-decreasing `text`. A run continuing the previous exact
  // run is merged into it; a run at the same text offset as the previous replaces it.
  void AddExact(size_t text, size_t source) { Add(text, source, true); }
  // Starts a run whose text bytes all map to `source` (decoded or synthesised bytes).
  void AddInexact(size_t text, size_t source) { Add(text, source, false); }

  // The source offset of text byte `text`; 0 for an empty map.
  size_t ToSource(size_t text) const;

  // Returns a map from this map's text to the source of `inner`, where this map's source
  // offsets are text offsets of `inner` (e.g. HTML text -> JSON string -> file).
  OffsetMap ComposeWith(const OffsetMap& inner) const;
  // ComposeWith into `*out` (its runs replaced, its memory kept); `out` is neither map.
  void ComposeInto(const OffsetMap& inner, OffsetMap* out) const;
  // ComposeWith(inner).AppendTo(doc), through a map kept per thread (no map is made).
  void AppendComposedTo(const OffsetMap& inner, v1::Document* doc) const;

  // Appends the runs of `other`, whose text starts at `text_base` of this map's text.
  void Append(const OffsetMap& other, size_t text_base);

  // Adds `delta` to every source offset (the embedded text started at `delta`).
  void ShiftSource(size_t delta);

  // Removes every run (keeping the memory, for a map rebuilt in a loop).
  void Clear() { runs_.clear(); }

  const std::vector<Run>& runs() const { return runs_; }
  bool empty() const { return runs_.empty(); }

  // Appends the runs to `doc->offset_map`, adding `text_base` to each text offset.
  void AppendTo(v1::Document* doc, size_t text_base = 0) const;

 private:
  // Inline: readers add a run for every piece of text they copy.
  void Add(size_t text, size_t source, bool exact) {
    if (!runs_.empty()) {
      const Run& last = runs_.back();
      if (last.text == text) {
        ReplaceLast(source, exact);
        return;
      }
      if (exact && last.exact && last.source + (text - last.text) == source) return;
    }
    runs_.push_back(Run{text, source, exact});
  }
  // Add for a run at the text offset of the last run, which it replaces.
  void ReplaceLast(size_t source, bool exact);

  std::vector<Run> runs_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_EXTRACT_READ_OFFSET_MAP_H_
