#include "cli/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "cli/report_format.h"

namespace claimcheck {
namespace {

constexpr double kWidth = 640, kHeight = 300;
constexpr double kLeft = 88, kRight = 16, kTop = 16, kBottom = 56;

// A period as days since the civil epoch, [start, end).
struct Span {
  double start = 0, end = 0;
  double mid() const { return (start + end) / 2; }
};

bool ScopeSpan(const v1::TimeScope& scope, Span* span) {
  absl::CivilDay s, e;
  bool has_s = !scope.start().empty() && absl::ParseCivilTime(scope.start(), &s);
  bool has_e = !scope.end().empty() && absl::ParseCivilTime(scope.end(), &e);
  if (!has_s && !has_e) return false;
  if (!has_s) s = e - 1;
  if (!has_e) e = s + 1;
  if (e <= s) e = s + 1;
  const absl::CivilDay epoch(1970, 1, 1);
  span->start = static_cast<double>(s - epoch);
  span->end = static_cast<double>(e - epoch);
  return true;
}

std::string Num(double v) { return absl::StrFormat("%.1f", v); }

// Maps values to pixels on the y axis, linear or logarithmic.
class YScale {
 public:
  YScale(double lo, double hi, bool log) : log_(log) {
    if (log_) {
      lo_ = std::floor(std::log10(lo));
      hi_ = std::ceil(std::log10(hi));
      if (hi_ <= lo_) hi_ = lo_ + 1;
    } else {
      double pad = (hi - lo) * 0.1;
      if (pad == 0) pad = std::fabs(hi) * 0.1 + 1;
      lo_ = lo - pad;
      hi_ = hi + pad;
      if (lo >= 0 && lo_ < 0) lo_ = 0;
      step_ = NiceStep((hi_ - lo_) / 4);
      lo_ = std::floor(lo_ / step_) * step_;
      hi_ = std::ceil(hi_ / step_) * step_;
    }
  }
  double operator()(double v) const {
    double t = log_ ? std::log10(std::max(v, 1e-300)) : v;
    return kTop + (kHeight - kTop - kBottom) * (1 - (t - lo_) / (hi_ - lo_));
  }
  std::vector<double> Ticks() const {
    std::vector<double> out;
    if (log_) {
      for (double e = lo_; e <= hi_ + 1e-9; ++e) out.push_back(std::pow(10, e));
    } else {
      for (double v = lo_; v <= hi_ + step_ / 2; v += step_) out.push_back(v);
    }
    return out;
  }
  bool log() const { return log_; }

 private:
  static double NiceStep(double raw) {
    if (raw <= 0) return 1;
    double p = std::pow(10, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
      if (m * p >= raw) return m * p;
    }
    return 10 * p;
  }
  bool log_;
  double lo_ = 0, hi_ = 1, step_ = 1;
};

std::string SourceName(const v1::Claim& c) {
  const v1::Provenance& p = c.provenance();
  return !p.title().empty() ? p.title() : p.uri();
}

}  // namespace

std::string RenderTimelineSvg(const v1::Timeline& timeline,
                              const std::map<std::string, const v1::Claim*>& claims,
                              const std::vector<const v1::Finding*>& findings) {
  struct Plotted {
    const v1::TimelinePoint* point;
    Span span;
  };
  std::vector<Plotted> points;
  std::string unit;
  for (const v1::TimelinePoint& p : timeline.points()) {
    Span span;
    if (!std::isfinite(p.value()) || !ScopeSpan(p.scope(), &span)) continue;
    points.push_back({&p, span});
    if (unit.empty()) unit = p.unit();
  }
  if (points.size() < 2) return "";
  std::sort(points.begin(), points.end(),
            [](const Plotted& a, const Plotted& b) { return a.span.mid() < b.span.mid(); });

  // Flagged figures on this subject: (claim, finding) pairs in the timeline's unit.
  struct Flag {
    const v1::Claim* claim;
    const v1::Finding* finding;
    double value;
    Span span;
  };
  std::vector<Flag> flags;
  std::set<std::string> flagged_ids;
  for (const v1::Finding* f : findings) {
    if (f->subject().key() != timeline.subject().key() ||
        f->kind() == v1::FINDING_KIND_SINGLE_SOURCE) {
      continue;
    }
    for (const std::string& id : f->claim_ids()) {
      auto it = claims.find(id);
      if (it == claims.end()) continue;
      const v1::Claim* c = it->second;
      double value = c->quantity().value();
      bool same_unit = c->quantity().unit() == unit;
      for (const v1::ComparedValue& v : f->values()) {
        if (v.claim_id() == id && v.unit() == unit) value = v.value(), same_unit = true;
      }
      Span span;
      if (!same_unit || !std::isfinite(value) || !ScopeSpan(c->scope(), &span)) continue;
      flags.push_back({c, f, value, span});
      flagged_ids.insert(id);
    }
  }

  // Domains.
  double x_lo = points.front().span.start, x_hi = points.front().span.end;
  double y_lo = points.front().point->value(), y_hi = y_lo;
  auto take_y = [&](double v) {
    if (!std::isfinite(v)) return;
    y_lo = std::min(y_lo, v);
    y_hi = std::max(y_hi, v);
  };
  for (const Plotted& p : points) {
    x_lo = std::min(x_lo, p.span.start);
    x_hi = std::max(x_hi, p.span.end);
    take_y(p.point->value());
    if (p.point->has_low()) take_y(p.point->low());
    if (p.point->has_high()) take_y(p.point->high());
  }
  for (const Flag& f : flags) {
    x_lo = std::min(x_lo, f.span.start);
    x_hi = std::max(x_hi, f.span.end);
    take_y(f.value);
  }
  double x_pad = (x_hi - x_lo) * 0.04 + 1;
  x_lo -= x_pad;
  x_hi += x_pad;
  YScale y(y_lo, y_hi, y_lo > 0 && y_hi / y_lo > 50);
  auto x = [&](double day) {
    return kLeft + (kWidth - kLeft - kRight) * (day - x_lo) / (x_hi - x_lo);
  };
  const double plot_bottom = kHeight - kBottom;

  std::string subject = FormatSubject(timeline.subject());
  std::string svg = absl::StrCat(
      "<svg class=\"chart\" viewBox=\"0 0 ", kWidth, " ", kHeight,
      "\" role=\"img\" aria-label=\"", EscapeHtml(absl::StrCat(subject, " over time")),
      "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>", EscapeHtml(subject),
      " over time</title>\n");
  // Axes and y ticks.
  absl::StrAppend(&svg, "<line class=\"axis\" x1=\"", Num(kLeft), "\" y1=\"", Num(kTop),
                  "\" x2=\"", Num(kLeft), "\" y2=\"", Num(plot_bottom), "\"/>\n");
  absl::StrAppend(&svg, "<line class=\"axis\" x1=\"", Num(kLeft), "\" y1=\"", Num(plot_bottom),
                  "\" x2=\"", Num(kWidth - kRight), "\" y2=\"", Num(plot_bottom), "\"/>\n");
  for (double t : y.Ticks()) {
    double py = y(t);
    if (py < kTop - 1 || py > plot_bottom + 1) continue;
    absl::StrAppend(&svg, "<line class=\"grid\" x1=\"", Num(kLeft), "\" y1=\"", Num(py),
                    "\" x2=\"", Num(kWidth - kRight), "\" y2=\"", Num(py), "\"/>\n",
                    "<text class=\"tick\" x=\"", Num(kLeft - 6), "\" y=\"", Num(py + 4),
                    "\" text-anchor=\"end\">", EscapeHtml(FormatNumber(t)), "</text>\n");
  }
  std::string y_label = unit.empty() ? "value" : unit;
  if (y.log()) absl::StrAppend(&y_label, " (log scale)");
  absl::StrAppend(&svg, "<text class=\"label\" transform=\"translate(14 ",
                  Num((kTop + plot_bottom) / 2), ") rotate(-90)\" text-anchor=\"middle\">",
                  EscapeHtml(y_label), "</text>\n");
  absl::StrAppend(&svg, "<text class=\"label\" x=\"", Num((kLeft + kWidth - kRight) / 2),
                  "\" y=\"", Num(kHeight - 6), "\" text-anchor=\"middle\">period</text>\n");
  // x tick labels, one per point, skipping labels that would overlap.
  double last_label_x = -1e9;
  for (const Plotted& p : points) {
    double px = x(p.span.mid());
    if (px - last_label_x < 70) continue;
    last_label_x = px;
    absl::StrAppend(&svg, "<text class=\"tick\" x=\"", Num(px), "\" y=\"",
                    Num(plot_bottom + 18), "\" text-anchor=\"middle\">",
                    EscapeHtml(FormatScope(p.point->scope())), "</text>\n");
  }
  // The line through the points.
  std::vector<std::string> coords;
  for (const Plotted& p : points) {
    coords.push_back(absl::StrCat(Num(x(p.span.mid())), ",", Num(y(p.point->value()))));
  }
  absl::StrAppend(&svg, "<polyline class=\"line\" points=\"", absl::StrJoin(coords, " "),
                  "\"/>\n");
  // Points: period span, interval bar, source markers, the point itself.
  for (const Plotted& p : points) {
    const v1::TimelinePoint& tp = *p.point;
    double px = x(p.span.mid()), py = y(tp.value());
    absl::StrAppend(&svg, "<line class=\"span\" x1=\"", Num(x(p.span.start)), "\" y1=\"",
                    Num(py), "\" x2=\"", Num(x(p.span.end)), "\" y2=\"", Num(py), "\"/>\n");
    if (tp.has_low() || tp.has_high()) {
      double top = y(tp.has_high() ? tp.high() : tp.value());
      double bottom = y(tp.has_low() ? tp.low() : tp.value());
      absl::StrAppend(&svg, "<rect class=\"bar\" x=\"", Num(px - 4), "\" y=\"", Num(top),
                      "\" width=\"8\" height=\"", Num(std::max(1.0, bottom - top)), "\"/>\n");
    }
    std::vector<std::string> sources;
    std::set<std::string> docs;
    bool conflict = false;
    int n = 0;
    for (const std::string& id : tp.claim_ids()) {
      if (flagged_ids.count(id)) conflict = true;
      auto it = claims.find(id);
      if (it == claims.end()) continue;
      const v1::Claim* c = it->second;
      if (!docs.insert(c->provenance().document_id()).second) continue;
      sources.push_back(absl::StrCat(SourceName(*c), " (",
                                     FormatPublished(c->provenance().published()), ")"));
      double sv = c->quantity().unit() == unit ? c->quantity().value() : tp.value();
      double sx = px + 7 + 5 * (n++ % 6);
      absl::StrAppend(&svg, "<circle class=\"src\" cx=\"", Num(sx), "\" cy=\"", Num(y(sv)),
                      "\" r=\"2.5\"><title>", EscapeHtml(sources.back()), ": ",
                      EscapeHtml(c->quantity().text()), "</title></circle>\n");
    }
    double low = tp.low(), high = tp.high();
    std::string tip = absl::StrCat(
        FormatScope(tp.scope()), ": ",
        FormatFigureWithInterval(tp.value(), tp.has_low() ? &low : nullptr,
                                 tp.has_high() ? &high : nullptr, tp.unit()));
    if (!sources.empty()) absl::StrAppend(&tip, " \xE2\x80\x94 ", absl::StrJoin(sources, "; "));
    absl::StrAppend(&svg, "<circle class=\"pt", conflict ? " conflict" : "", "\" cx=\"",
                    Num(px), "\" cy=\"", Num(py), "\" r=\"5\"><title>", EscapeHtml(tip),
                    "</title></circle>\n");
  }
  // Flagged figures.
  for (const Flag& f : flags) {
    double fx = x(f.span.mid()) - 9, fy = y(f.value);
    std::string tip = absl::StrCat(FindingKindLabel(f.finding->kind()), ": ",
                                   f.claim->quantity().text(), " in ", SourceName(*f.claim));
    absl::StrAppend(&svg, "<path class=\"flag\" d=\"M", Num(fx - 5), " ", Num(fy - 5), "L",
                    Num(fx + 5), " ", Num(fy + 5), "M", Num(fx - 5), " ", Num(fy + 5), "L",
                    Num(fx + 5), " ", Num(fy - 5), "\"><title>", EscapeHtml(tip),
                    "</title></path>\n");
  }
  absl::StrAppend(&svg, "</svg>");
  return svg;
}

}  // namespace claimcheck
