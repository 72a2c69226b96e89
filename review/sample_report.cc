#include "review/sample_report.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

v1::PublicationTime Day(int64_t seconds) {
  v1::PublicationTime t;
  t.mutable_time()->set_seconds(seconds);
  t.set_precision(v1::TIME_PRECISION_DAY);
  t.set_method(v1::DATE_METHOD_METADATA);
  return t;
}

v1::Claim MakeClaim(const std::string& id, const std::string& doc, const std::string& uri,
                    const std::string& title, int64_t published, const std::string& sentence,
                    const std::string& figure, double value, const std::string& metric) {
  v1::Claim c;
  c.set_id(id);
  v1::Subject* s = c.mutable_subject();
  s->set_entity("Big Fund III");
  s->set_entity_as_written("the fund");
  s->set_metric(metric);
  if (metric == "investment") {
    v1::Qualifier* q = s->add_qualifiers();
    q->set_role("recipient");
    q->set_value("Piotech Jianke");
    s->set_key("big fund iii|investment|piotech jianke");
  } else {
    s->set_key("big fund iii|fund_size");
  }
  v1::Quantity* q = c.mutable_quantity();
  q->set_value(value);
  q->set_type(v1::QUANTITY_TYPE_MONEY);
  q->set_unit("CNY");
  q->set_currency("CNY");
  q->set_text(figure);
  q->set_bound(v1::BOUND_KIND_EXACT);
  v1::TimeScope* scope = c.mutable_scope();
  scope->set_start("2025-07-01");
  scope->set_end("2025-10-01");
  scope->set_granularity(v1::GRANULARITY_QUARTER);
  scope->set_kind(v1::SCOPE_KIND_PERIOD);
  scope->set_text("in Q3 2025");
  v1::Provenance* p = c.mutable_provenance();
  p->set_document_id(doc);
  p->set_uri(uri);
  p->set_title(title);
  *p->mutable_published() = Day(published);
  p->set_sentence_begin(100);
  p->set_sentence_end(100 + sentence.size());
  size_t at = sentence.find(figure);
  p->set_figure_begin(100 + at);
  p->set_figure_end(100 + at + figure.size());
  p->set_sentence(sentence);
  p->set_hedge(v1::HEDGE_STATED);
  p->set_line(3);
  p->set_column(static_cast<uint32_t>(at + 1));
  return c;
}

}  // namespace

v1::Report SampleReport() {
  v1::Report r;
  r.mutable_generated()->set_seconds(1763856000);  // 2025-11-23
  const int64_t kNov1 = 1761955200, kNov4 = 1762214400, kNov9 = 1762646400;
  struct Doc {
    const char* id;
    const char* uri;
    const char* title;
    int64_t published;
  } docs[] = {
      {"d000000000000001", "https://news.example.com/piotech", "Fund backs Piotech unit", kNov1},
      {"d000000000000002", "corpus/wire.txt", "Wire: chip funding & more", kNov4},
      {"d000000000000003", "javascript:alert(1)", "<script>alert(1)</script> \"Bad\" page",
       kNov9},
  };
  for (const Doc& d : docs) {
    v1::DocumentSummary* s = r.add_documents();
    s->set_id(d.id);
    s->set_uri(d.uri);
    s->set_title(d.title);
    *s->mutable_published() = Day(d.published);
    s->set_format(v1::DOCUMENT_FORMAT_PLAIN_TEXT);
  }
  *r.add_claims() = MakeClaim("c000000000000001", docs[0].id, docs[0].uri, docs[0].title, kNov1,
                              "Big Fund III committed RMB 450 million to Piotech Jianke in Q3 2025.",
                              "RMB 450 million", 450e6, "investment");
  *r.add_claims() = MakeClaim("c000000000000002", docs[1].id, docs[1].uri, docs[1].title, kNov4,
                              "The fund put RMB 450 million into Piotech Jianke in Q3 2025, "
                              "sources said.",
                              "RMB 450 million", 450e6, "investment");
  *r.add_claims() = MakeClaim("c000000000000003", docs[2].id, docs[2].uri, docs[2].title, kNov9,
                              "<script>alert(1)</script> The fund gave RMB 450 billion "
                              "to Piotech Jianke in Q3 2025 & \"more\".",
                              "RMB 450 billion", 450e9, "investment");
  // Fund size over time: 2024 point, 2025 interval, 2026 point.
  const char* years[][3] = {{"2024-01-01", "2025-01-01", "2024"},
                            {"2025-01-01", "2026-01-01", "2025"},
                            {"2026-01-01", "2027-01-01", "2026"}};
  double sizes[] = {300e9, 344e9, 360e9};
  v1::Timeline* t = r.add_timelines();
  for (int i = 0; i < 3; ++i) {
    std::string id = absl::StrCat("c00000000000001", i);
    std::string figure = absl::StrCat("RMB ", static_cast<int>(sizes[i] / 1e9), " billion");
    v1::Claim c = MakeClaim(id, docs[i].id, docs[i].uri, docs[i].title, docs[i].published,
                            absl::StrCat("The fund held ", figure, " in ", years[i][2], "."),
                            figure, sizes[i], "fund_size");
    c.mutable_scope()->set_start(years[i][0]);
    c.mutable_scope()->set_end(years[i][1]);
    c.mutable_scope()->set_granularity(v1::GRANULARITY_YEAR);
    c.mutable_scope()->set_text(absl::StrCat("in ", years[i][2]));
    *t->mutable_subject() = c.subject();
    v1::TimelinePoint* p = t->add_points();
    *p->mutable_scope() = c.scope();
    p->set_value(sizes[i]);
    if (i == 1) {
      p->set_low(340e9);
      p->set_high(348e9);
    }
    p->set_unit("CNY");
    p->add_claim_ids(id);
    p->add_document_ids(docs[i].id);
    p->set_first_appearance_claim_id(id);
    if (i > 0) {
      p->set_change(sizes[i] - sizes[i - 1]);
      p->set_change_percent(100 * (sizes[i] - sizes[i - 1]) / sizes[i - 1]);
    }
    *r.add_claims() = c;
  }

  v1::Finding* slip = r.add_findings();
  slip->set_id(kSampleSlipId);
  slip->set_topic(kSampleSlipTopic);
  slip->set_kind(v1::FINDING_KIND_SCALE_SLIP);
  slip->set_severity(v1::SEVERITY_HIGH);
  *slip->mutable_subject() = r.claims(0).subject();
  for (int i = 0; i < 3; ++i) slip->add_claim_ids(r.claims(i).id());
  slip->set_explanation(
      "Two sources give RMB 450 million for Q3 2025; <b>one</b> says RMB 450 billion, "
      "1000 times more.");
  for (int i = 0; i < 3; ++i) {
    v1::ComparedValue* v = slip->add_values();
    v->set_claim_id(r.claims(i).id());
    v->set_value(r.claims(i).quantity().value());
    v->set_unit("CNY");
  }
  slip->set_status(v1::REVIEW_STATUS_OPEN);

  v1::Finding* single = r.add_findings();
  single->set_id(kSampleSingleId);
  single->set_topic("1234123412341234");
  single->set_kind(v1::FINDING_KIND_SINGLE_SOURCE);
  single->set_severity(v1::SEVERITY_LOW);
  *single->mutable_subject() = r.claims(3).subject();
  single->add_claim_ids(r.claims(3).id());
  single->set_explanation("Only one independent source gives the 2024 fund size.");
  single->set_status(v1::REVIEW_STATUS_OPEN);

  r.add_problems("corpus/broken.json:1: truncated JSON <at end>");
  v1::ReportSummary* sum = r.mutable_summary();
  sum->set_documents(3);
  sum->set_claims(static_cast<uint32_t>(r.claims_size()));
  sum->set_subjects(2);
  sum->set_findings(2);
  (*sum->mutable_findings_by_kind())["FINDING_KIND_SCALE_SLIP"] = 1;
  (*sum->mutable_findings_by_kind())["FINDING_KIND_SINGLE_SOURCE"] = 1;
  sum->set_open_findings(2);
  return r;
}

}  // namespace claimcheck
