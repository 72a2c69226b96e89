// Runs the built `claimcheck` binary on the sample corpus (and tests/testdata/bad) the
// way a user does: report, review round trips, exports, and bad input.
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/html_checker.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "proto/feed.pb.h"
#include "proto/report.pb.h"
#include "re2/re2.h"
#include "tests/claimcheck_runner.h"

namespace claimcheck {
namespace {

std::string Corpus() { return Runfile("tests/testdata/corpus"); }
std::string Bad() { return Runfile("tests/testdata/bad"); }

// A fresh directory under TEST_TMPDIR.
std::string TempDir(const std::string& name) {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string dir = absl::StrCat(tmp ? tmp : "/tmp", "/", name);
  std::string cmd = absl::StrCat("rm -rf '", dir, "' && mkdir -p '", dir, "'");
  EXPECT_EQ(system(cmd.c_str()), 0);
  return dir;
}

using Result = RunResult;

Result Claimcheck(const std::string& args) { return RunClaimcheck(args); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

v1::Report ReadReport(const std::string& path) {
  v1::Report report;
  auto s = google::protobuf::util::JsonStringToMessage(ReadFile(path), &report);
  EXPECT_TRUE(s.ok()) << path << ": " << s.ToString();
  return report;
}

// Writes the corpus report as JSON into `dir` and returns it.
v1::Report JsonReport(const std::string& dir, const std::string& extra_args = "") {
  Result r = Claimcheck(absl::StrCat("report ", Corpus(), " ", extra_args, " -o ", dir,
                                     "/report.json --ledger=", dir, "/reviews.jsonl"));
  EXPECT_EQ(r.code, 0) << r.out;
  return ReadReport(absl::StrCat(dir, "/report.json"));
}

const v1::Finding* FindById(const v1::Report& report, const std::string& id) {
  for (const v1::Finding& f : report.findings()) {
    if (f.id() == id) return &f;
  }
  return nullptr;
}

TEST(ReportTest, HtmlOfCorpusAndBadInputIsWellFormedEscapedAndHasCharts) {
  std::string dir = TempDir("html");
  Result r = Claimcheck(absl::StrCat("report ", Corpus(), " ", Bad(), " -o ", dir, "/report.html"));
  ASSERT_EQ(r.code, 0) << r.out;
  // Bad inputs are named, not fatal.
  EXPECT_TRUE(absl::StrContains(r.out, "binary-blob.bin")) << r.out;
  std::string html = ReadFile(absl::StrCat(dir, "/report.html"));
  ASSERT_FALSE(html.empty());
  absl::Status s = CheckHtmlWellFormed(html);
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_TRUE(absl::StrContains(html, "<svg class=\"chart\"")) << "at least one timeline chart";
  EXPECT_TRUE(absl::StrContains(html, "</svg>"));
  std::string lower = absl::AsciiStrToLower(html);
  EXPECT_FALSE(absl::StrContains(lower, "<script")) << "no script element, escaped or not";
  EXPECT_FALSE(absl::StrContains(lower, "href=\"javascript:"));
  EXPECT_FALSE(absl::StrContains(lower, "<img"));
  EXPECT_TRUE(absl::StrContains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"))
      << "the document's text shows as text";
  EXPECT_TRUE(absl::StrContains(html, "<mark>")) << "figures highlighted in quotes";
  EXPECT_TRUE(absl::StrContains(html, "id=\"finding-"));
}

TEST(ReportTest, MarkdownAndJsonFromTheSameRun) {
  std::string dir = TempDir("md");
  Result md = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", dir, "/report.md"));
  ASSERT_EQ(md.code, 0) << md.out;
  std::string text = ReadFile(absl::StrCat(dir, "/report.md"));
  EXPECT_TRUE(absl::StrContains(text, "## Summary"));
  EXPECT_TRUE(absl::StrContains(text, "## Timelines"));
  EXPECT_TRUE(absl::StrContains(text, "| period | figure |"));
  v1::Report report = JsonReport(dir);
  EXPECT_GT(report.documents_size(), 5);
  EXPECT_GT(report.claims_size(), 10);
  EXPECT_GT(report.findings_size(), 0);
  EXPECT_EQ(report.summary().documents(), static_cast<uint32_t>(report.documents_size()));
}

TEST(ReportTest, ReviewRoundTrip) {
  std::string dir = TempDir("review");
  std::string ledger = absl::StrCat(dir, "/reviews.jsonl");
  v1::Report before = JsonReport(dir);
  ASSERT_GE(before.findings_size(), 2);
  // Confirm one finding and dismiss a contradiction.
  // The dismissed finding: a contradiction with a claim, from a plain-text document, on
  // a written (not inferred) period, so a changed copy of that document is new evidence
  // on the same subject and period.
  const v1::Finding* dismissed = nullptr;
  std::vector<const v1::Claim*> bases;
  for (const v1::Finding& f : before.findings()) {
    if (f.kind() != v1::FINDING_KIND_CONTRADICTION || dismissed != nullptr) continue;
    for (const v1::Claim& cl : before.claims()) {
      bool in_finding = false;
      for (const std::string& id : f.claim_ids()) in_finding |= id == cl.id();
      if (in_finding && !cl.scope().inferred() && !cl.scope().text().empty() &&
          absl::EndsWith(cl.provenance().uri(), ".txt") &&
          absl::StrContains(ReadFile(cl.provenance().uri()), cl.provenance().sentence())) {
        bases.push_back(&cl);
      }
    }
    if (!bases.empty()) dismissed = &f;
  }
  ASSERT_NE(dismissed, nullptr) << "the corpus has a contradiction on a written period";
  const v1::Finding* confirmed = nullptr;
  for (const v1::Finding& f : before.findings()) {
    if (&f != dismissed) confirmed = &f;
  }
  Result set1 = Claimcheck(absl::StrCat("review set ", confirmed->id(), " ", Corpus(),
                                        " --verdict=confirmed --note='checked the filing <ok>'"
                                        " --reviewer=Tester --ledger=", ledger));
  ASSERT_EQ(set1.code, 0) << set1.out;
  Result set2 = Claimcheck(absl::StrCat("review set ", dismissed->id().substr(0, 8), " ",
                                        Corpus(), " --verdict=dismissed --note='same figure'"
                                        " --ledger=", ledger));
  ASSERT_EQ(set2.code, 0) << set2.out;

  // Re-run the report: the verdicts show, in JSON and HTML.
  v1::Report after = JsonReport(dir);
  const v1::Finding* c = FindById(after, confirmed->id());
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status(), v1::REVIEW_STATUS_REVIEWED);
  EXPECT_EQ(c->review().verdict(), v1::VERDICT_CONFIRMED);
  EXPECT_EQ(c->review().note(), "checked the filing <ok>");
  const v1::Finding* d = FindById(after, dismissed->id());
  ASSERT_NE(d, nullptr) << "same input, same finding id";
  EXPECT_EQ(d->status(), v1::REVIEW_STATUS_REVIEWED);
  EXPECT_EQ(d->review().verdict(), v1::VERDICT_DISMISSED);
  Result html = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", dir, "/report.html"));
  ASSERT_EQ(html.code, 0) << html.out;
  std::string page = ReadFile(absl::StrCat(dir, "/report.html"));
  EXPECT_TRUE(absl::StrContains(page, "confirmed by Tester")) << "ledger next to the report";
  EXPECT_TRUE(absl::StrContains(page, "checked the filing &lt;ok&gt;"));

  // The dismissed finding stays out of the open list, and is in the full list.
  Result open = Claimcheck(absl::StrCat("review list ", Corpus(), " --ledger=", ledger));
  ASSERT_EQ(open.code, 0) << open.out;
  EXPECT_FALSE(absl::StrContains(open.out, dismissed->id())) << open.out;
  Result all = Claimcheck(absl::StrCat("review list --status=all --report=", dir, "/report.json"));
  ASSERT_EQ(all.code, 0) << all.out;
  EXPECT_TRUE(absl::StrContains(all.out, dismissed->id())) << all.out;
  Result show = Claimcheck(absl::StrCat("review show ", dismissed->id(), " --report=", dir,
                                        "/report.json"));
  ASSERT_EQ(show.code, 0) << show.out;
  EXPECT_TRUE(absl::StrContains(show.out, "dismissed")) << show.out;
  EXPECT_TRUE(absl::StrContains(show.out, "evidence:")) << show.out;

  // New contradicting evidence: a copy of one source document in which the figure is
  // changed. The finding gains a claim (new id, same topic): reopened.
  v1::Report reopened;
  std::string extra;
  for (const v1::Claim* basis : bases) {
    std::string sentence = basis->provenance().sentence();
    std::string figure = basis->quantity().text();
    size_t at = sentence.find(figure);
    std::string digits;
    if (at == std::string::npos || !RE2::PartialMatch(figure, "(\\d+(?:\\.\\d+)?)", &digits)) continue;
    double bumped = std::round(std::stod(digits) * 1.37 * 10) / 10;
    std::string new_figure = figure;
    new_figure.replace(new_figure.find(digits), digits.size(), absl::StrFormat("%g", bumped));
    std::string changed = sentence;
    changed.replace(at, figure.size(), new_figure);
    std::string text = ReadFile(basis->provenance().uri());
    text.replace(text.find(sentence), sentence.size(), changed);
    extra = TempDir("review-extra");
    {
      std::ofstream out(absl::StrCat(extra, "/new-evidence.txt"));
      out << text;
    }
    Result run = Claimcheck(absl::StrCat("report ", Corpus(), " ", extra, " -o ", dir,
                                         "/report2.json --ledger=", ledger));
    ASSERT_EQ(run.code, 0) << run.out;
    reopened = ReadReport(absl::StrCat(dir, "/report2.json"));
    bool changed_finding = false;
    for (const v1::Finding& f : reopened.findings()) {
      changed_finding |= f.topic() == d->topic() && f.id() != d->id();
    }
    if (changed_finding) break;
  }
  const v1::Finding* r = nullptr;
  for (const v1::Finding& f : reopened.findings()) {
    if (f.topic() == d->topic()) r = &f;
  }
  ASSERT_NE(r, nullptr) << "no finding with topic " << d->topic() << " after new evidence";
  EXPECT_NE(r->id(), d->id()) << "new evidence must change the finding";
  EXPECT_EQ(r->status(), v1::REVIEW_STATUS_REOPENED);
  EXPECT_EQ(r->review().verdict(), v1::VERDICT_DISMISSED) << "the old verdict is shown";
  Result open2 = Claimcheck(absl::StrCat("review list ", Corpus(), " ", extra, " --ledger=", ledger));
  EXPECT_TRUE(absl::StrContains(open2.out, r->id())) << open2.out;
  Result md = Claimcheck(absl::StrCat("report ", Corpus(), " ", extra, " -o ", dir,
                                      "/report2.md --ledger=", ledger));
  EXPECT_TRUE(absl::StrContains(ReadFile(absl::StrCat(dir, "/report2.md")),
                                "reopened: new evidence (earlier verdict: dismissed"));
}

TEST(ReportTest, CorruptLedgerLineIsReportedAndSkipped) {
  std::string dir = TempDir("corrupt");
  v1::Report report = JsonReport(dir);
  ASSERT_GE(report.findings_size(), 2);
  const v1::Finding& a = report.findings(0);
  const v1::Finding& b = report.findings(1);
  {
    std::ofstream out(absl::StrCat(dir, "/reviews.jsonl"));
    out << "{\"finding_id\":\"" << a.id() << "\",\"topic\":\"" << a.topic()
        << "\",\"verdict\":\"VERDICT_CONFIRMED\"}\n"
        << "{\"finding_id\": \"broken\", \"verdict\": \n"
        << "{\"finding_id\":\"" << b.id() << "\",\"topic\":\"" << b.topic()
        << "\",\"verdict\":\"VERDICT_RESOLVED\"}\n";
  }
  Result r = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", dir, "/report.json"));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "reviews.jsonl:2:")) << r.out;
  v1::Report applied = ReadReport(absl::StrCat(dir, "/report.json"));
  EXPECT_EQ(FindById(applied, a.id())->review().verdict(), v1::VERDICT_CONFIRMED);
  EXPECT_EQ(FindById(applied, b.id())->review().verdict(), v1::VERDICT_RESOLVED);
  bool listed = false;
  for (const std::string& p : applied.problems()) listed |= absl::StrContains(p, "reviews.jsonl:2:");
  EXPECT_TRUE(listed) << "the corrupt line is listed in the report's problems";
}

TEST(ReportTest, MissingDirectoryIsAClearErrorAndLeavesNoFile) {
  std::string dir = TempDir("missing");
  std::string target = absl::StrCat(dir, "/no/such/report.html");
  Result r = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", target));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, target)) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "does not exist")) << r.out;
  EXPECT_FALSE(Exists(absl::StrCat(dir, "/no")));
  Result listing = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", dir, "/report.txt"));
  EXPECT_EQ(listing.code, 2) << "unknown extension";
}

TEST(ReportTest, FailOnGatesOnStandingFindings) {
  std::string dir = TempDir("failon");
  Result any = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", dir, "/r.json --fail-on=any"));
  EXPECT_EQ(any.code, 1) << any.out;
  EXPECT_TRUE(absl::StrContains(any.out, "--fail-on")) << any.out;
  Result bogus = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", dir, "/r.json --fail-on=typo"));
  EXPECT_EQ(bogus.code, 2) << bogus.out;
  // Dismiss every finding: nothing stands, exit 0.
  v1::Report report = ReadReport(absl::StrCat(dir, "/r.json"));
  for (const v1::Finding& f : report.findings()) {
    Result set = Claimcheck(absl::StrCat("review set ", f.id(), " --report=", dir,
                                         "/r.json --verdict=dismissed --note=ok"));
    ASSERT_EQ(set.code, 0) << set.out;
  }
  Result clean = Claimcheck(absl::StrCat("report ", Corpus(), " -o ", dir, "/r.json --fail-on=any"));
  EXPECT_EQ(clean.code, 0) << clean.out;
}

const google::protobuf::Value& Get(const google::protobuf::Struct& s, const std::string& key) {
  static const auto* missing = new google::protobuf::Value();
  auto it = s.fields().find(key);
  EXPECT_TRUE(it != s.fields().end()) << "missing " << key;
  return it == s.fields().end() ? *missing : it->second;
}

void ExpectCreativeWork(const google::protobuf::Value& v) {
  const auto& w = v.struct_value();
  EXPECT_EQ(Get(w, "@type").string_value(), "CreativeWork");
  bool has_url = w.fields().count("url") > 0;
  if (has_url) {
    EXPECT_TRUE(absl::StartsWith(Get(w, "url").string_value(), "http"));
  }
  EXPECT_TRUE(has_url || !Get(w, "name").string_value().empty());
}

TEST(ReportTest, ClaimReviewExportHasEveryRequiredAndRecommendedField) {
  std::string dir = TempDir("claimreview");
  v1::Report report = JsonReport(dir);
  // Review findings whose claims all have a publication date (the Claim's datePublished).
  std::set<std::string> dated;
  for (const v1::Claim& c : report.claims()) {
    if (c.provenance().published().has_time()) dated.insert(c.id());
  }
  int reviewed = 0;
  const char* verdicts[] = {"confirmed", "dismissed", "resolved", "needs-source"};
  for (const v1::Finding& f : report.findings()) {
    bool all_dated = true;
    for (const std::string& id : f.claim_ids()) all_dated &= dated.count(id) > 0;
    if (!all_dated || reviewed == 4) continue;
    Result set = Claimcheck(absl::StrCat("review set ", f.id(), " --report=", dir,
                                         "/report.json --verdict=", verdicts[reviewed],
                                         " --note='desk check' --reviewer=Ana"));
    ASSERT_EQ(set.code, 0) << set.out;
    ++reviewed;
  }
  ASSERT_GT(reviewed, 0);
  Result r = Claimcheck(absl::StrCat(
      "export ", Corpus(), " --format=claimreview --ledger=", dir, "/reviews.jsonl",
      " --review-url=https://desk.example.org/report.html --organization='Example Desk'"
      " --organization-url=https://desk.example.org/ -o ",
      dir, "/claimreview.json"));
  ASSERT_EQ(r.code, 0) << r.out;
  google::protobuf::ListValue list;
  std::string json = ReadFile(absl::StrCat(dir, "/claimreview.json"));
  auto s = google::protobuf::util::JsonStringToMessage(json, &list);
  ASSERT_TRUE(s.ok()) << s.ToString() << json;
  ASSERT_EQ(list.values_size(), reviewed);
  RE2 date("\\d{4}-\\d{2}-\\d{2}.*");
  for (const auto& v : list.values()) {
    const auto& cr = v.struct_value();
    EXPECT_EQ(Get(cr, "@context").string_value(), "https://schema.org");
    EXPECT_EQ(Get(cr, "@type").string_value(), "ClaimReview");
    // Required: claimReviewed, reviewRating (alternateName), url.
    std::string claim = Get(cr, "claimReviewed").string_value();
    EXPECT_FALSE(claim.empty());
    EXPECT_LT(claim.size(), 200u);
    EXPECT_TRUE(absl::StartsWith(Get(cr, "url").string_value(),
                                 "https://desk.example.org/report.html#finding-"));
    const auto& rating = Get(cr, "reviewRating").struct_value();
    EXPECT_EQ(Get(rating, "@type").string_value(), "Rating");
    std::string label = Get(rating, "alternateName").string_value();
    EXPECT_FALSE(label.empty());
    EXPECT_FALSE(absl::StrContains(claim, label)) << "the rating stays out of claimReviewed";
    // Recommended: rating numbers and name, datePublished, author, itemReviewed.
    double value = Get(rating, "ratingValue").number_value();
    EXPECT_GE(value, Get(rating, "worstRating").number_value());
    EXPECT_LE(value, Get(rating, "bestRating").number_value());
    EXPECT_EQ(Get(rating, "bestRating").number_value(), 5);
    EXPECT_EQ(Get(rating, "worstRating").number_value(), 1);
    EXPECT_EQ(Get(rating, "name").string_value(), label);
    EXPECT_TRUE(RE2::FullMatch(Get(cr, "datePublished").string_value(), date));
    const auto& author = Get(cr, "author").struct_value();
    EXPECT_EQ(Get(author, "@type").string_value(), "Organization");
    EXPECT_EQ(Get(author, "name").string_value(), "Example Desk");
    EXPECT_EQ(Get(author, "url").string_value(), "https://desk.example.org/");
    const auto& item = Get(cr, "itemReviewed").struct_value();
    EXPECT_EQ(Get(item, "@type").string_value(), "Claim");
    const auto& claim_author = Get(item, "author").struct_value();
    EXPECT_FALSE(Get(claim_author, "@type").string_value().empty());
    EXPECT_FALSE(Get(claim_author, "name").string_value().empty());
    EXPECT_TRUE(RE2::FullMatch(Get(item, "datePublished").string_value(), date));
    const auto& appearance = Get(item, "appearance").list_value();
    ASSERT_GT(appearance.values_size(), 0);
    for (const auto& a : appearance.values()) ExpectCreativeWork(a);
    ExpectCreativeWork(Get(item, "firstAppearance"));
  }
}

TEST(ReportTest, BinaryFeedReadsBackThroughGeneratedCodeAlone) {
  std::string dir = TempDir("feed");
  v1::Report report = JsonReport(dir);
  ASSERT_GT(report.findings_size(), 0);
  Result set = Claimcheck(absl::StrCat("review set ", report.findings(0).id(), " --report=", dir,
                                       "/report.json --verdict=confirmed --note=x"));
  ASSERT_EQ(set.code, 0) << set.out;
  Result r = Claimcheck(absl::StrCat("export ", Corpus(), " --format=binpb --ledger=", dir,
                                     "/reviews.jsonl -o ", dir, "/feed.binpb"));
  ASSERT_EQ(r.code, 0) << r.out;
  std::string data = ReadFile(absl::StrCat(dir, "/feed.binpb"));
  google::protobuf::io::ArrayInputStream in(data.data(), static_cast<int>(data.size()));
  bool clean_eof = false;
  int items = 0, with_verdict = 0, with_findings = 0;
  while (true) {
    v1::FeedItem item;  // the parser merges, so start each record empty
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&item, &in, &clean_eof)) break;
    ++items;
    EXPECT_FALSE(item.claim().id().empty());
    EXPECT_EQ(item.document().id(), item.claim().provenance().document_id());
    if (item.findings_size() > 0) ++with_findings;
    for (const v1::Finding& f : item.findings()) {
      if (f.status() == v1::REVIEW_STATUS_REVIEWED &&
          f.review().verdict() == v1::VERDICT_CONFIRMED) {
        ++with_verdict;
      }
    }
  }
  EXPECT_TRUE(clean_eof) << "the whole file parses";
  EXPECT_EQ(items, report.claims_size());
  EXPECT_GT(with_findings, 0);
  EXPECT_EQ(with_verdict, report.findings(0).claim_ids_size());
  // The JSON Lines feed has the same items.
  Result jsonl = Claimcheck(absl::StrCat("export ", Corpus(), " --format=jsonl -o ", dir,
                                         "/feed.jsonl --ledger=", dir, "/reviews.jsonl"));
  ASSERT_EQ(jsonl.code, 0) << jsonl.out;
  std::istringstream lines(ReadFile(absl::StrCat(dir, "/feed.jsonl")));
  std::string line;
  int parsed = 0;
  while (std::getline(lines, line)) {
    v1::FeedItem item;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &item).ok()) << line;
    ++parsed;
  }
  EXPECT_EQ(parsed, items);
}

}  // namespace
}  // namespace claimcheck
