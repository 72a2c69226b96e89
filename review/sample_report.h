// A small hand-built Report for tests of everything that reads reports (ledger, export,
// printers), so they run without the extractor and reconciler.
//
// Three documents about one fund's investment: two agree on RMB 450 million for Q3 2025,
// a third says RMB 450 billion (a scale slip) and carries hostile text (a <script>
// element, a javascript: link, quotes and ampersands) in its title and sentence. A
// timeline of the fund's size has three points, one an interval.
#ifndef CLAIMCHECK_REVIEW_SAMPLE_REPORT_H_
#define CLAIMCHECK_REVIEW_SAMPLE_REPORT_H_

#include "proto/report.pb.h"

namespace claimcheck {

// Finding ids in SampleReport().
inline constexpr char kSampleSlipId[] = "a1b2c3d4e5f60718";
inline constexpr char kSampleSlipTopic[] = "7700aa00bb00cc00";
inline constexpr char kSampleSingleId[] = "0f1e2d3c4b5a6978";

v1::Report SampleReport();

}  // namespace claimcheck

#endif  // CLAIMCHECK_REVIEW_SAMPLE_REPORT_H_
