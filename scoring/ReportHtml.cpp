/// @file
/// @brief The after-action report as ONE self-contained HTML file in the HSEEP order (overview,
/// objectives and capabilities, strengths, areas for improvement, improvement plan), with inline CSS
/// and SVG only. It is written XHTML-style (every tag closed, attributes quoted, text escaped) so it
/// parses as XML; KPI cells carry data-kpi/data-value/data-score copied from scores.json.
#include "scoring/Charts.hpp"
#include "scoring/KpiCatalog.hpp"
#include "scoring/Report.hpp"
#include "scoring/Xml.hpp"

#include <regex>
#include <set>

namespace hg::score {

namespace {

const char* kCss = R"(body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1000px;color:#222;line-height:1.45}
h1{margin-bottom:0}h2{border-bottom:2px solid #2c3e50;padding-bottom:.2em;margin-top:1.8em}
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
th{background:#ecf0f1;text-align:left}td.num{text-align:right;white-space:nowrap}
.score{font-weight:bold}.P{background:#d5f5e3}.S{background:#fcf3cf}.M{background:#fae5d3}.U{background:#f5b7b1}
.na{color:#888}.overall{font-size:2em;font-weight:bold}.small{font-size:.85em;color:#555}
li{margin-bottom:.5em}figure{margin:1em 0}figcaption{font-weight:bold;margin-bottom:.3em}
a{color:#1a5276}tr:target{background:#fff3b0}
code{word-break:break-all;overflow-wrap:anywhere;white-space:pre-wrap}td{overflow-wrap:anywhere}
table.events{table-layout:fixed}table.events td.num{white-space:normal}
@page{size:A4;margin:15mm}@media print{body{max-width:none;margin:0;font-size:9pt}h2{break-after:avoid}tr{break-inside:avoid}})";

class HtmlWriter {
public:
  explicit HtmlWriter(const Report& r) : r_(r), lang_(r.lang) { collect_cited(); }

  std::string write() {
    o_ += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + std::string(zh() ? "zh-CN" : "en") +
          "\" xml:lang=\"" + (zh() ? "zh-CN" : "en") + "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" +
          esc(L("title") + " · " + scenario_name()) + "</title>\n<style>" + esc_css(kCss) + "</style>\n</head>\n<body>\n";
    o_ += "<h1>" + esc(L("title")) + "</h1>\n<p class=\"small\">" + esc(L("subtitle")) + "</p>\n";
    overview();
    objectives();
    charts();
    strengths();
    improvements();
    teams();
    details();
    improvement_plan();
    event_table();
    sources();
    o_ += "</body>\n</html>\n";
    return o_;
  }

private:
  bool zh() const { return lang_ == "zh"; }
  std::string L(const std::string& k) const { return label(k, lang_); }
  static std::string esc(const std::string& s) { return xml_escape(s); }
  // <style> is raw text in HTML (entities are not decoded), so the CSS is written as is; it holds no
  // '<' or '&', which keeps it valid XML character data too.
  static std::string esc_css(const std::string& s) { return s; }
  std::string scenario_name() const {
    const auto& n = r_.run->scenario.name;
    return (zh() ? n.zh : n.en).empty() ? r_.run->scenario.id : (zh() ? n.zh : n.en);
  }

  void collect_cited() {
    auto add = [&](const std::vector<Evidence>& ev) {
      for (const auto& e : ev)
        if (e.log == "run")
          cited_.insert(e.seq);
    };
    for (const auto& k : r_.analysis->kpis)
      add(k.evidence);
    for (const auto& f : r_.findings->strengths)
      add(f.evidence);
    for (const auto& f : r_.findings->improvements)
      add(f.evidence);
    for (const auto& t : r_.scores->teams)
      add(t.decisions);
    for (const auto& u : r_.analysis->units)
      add(u.reroutes);
  }

  std::string links(const std::vector<Evidence>& ev, size_t max = 10) const {
    std::string s;
    size_t n = 0;
    for (const auto& e : ev) {
      if (n++ == max) {
        s += " … (+" + std::to_string(ev.size() - max) + ")";
        break;
      }
      if (!s.empty())
        s += " ";
      if (e.log == "run")
        s += "<a href=\"#ev-" + std::to_string(e.seq) + "\" title=\"" + esc(e.type + " @ " + fmt_duration(e.t_s, lang_)) +
             "\">#" + std::to_string(e.seq) + "</a>";
      else
        s += "<span title=\"" + esc(e.type) + "\">" + esc(L("baseline")) + "#" + std::to_string(e.seq) + "</span>";
    }
    return s.empty() ? "–" : s;
  }

  /// Escapes text and turns every "#123" that names a listed event into a link to it.
  std::string linkify(const std::string& text) const {
    // Match on the raw text and escape the pieces, so entities such as &#39; are never taken for refs.
    static const std::regex kRef("#([0-9]+)");
    std::string out;
    size_t last = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kRef); it != std::sregex_iterator(); ++it) {
      const long seq = std::stol((*it)[1].str());
      out += esc(text.substr(last, size_t(it->position()) - last));
      if (cited_.count(seq))
        out += "<a href=\"#ev-" + std::to_string(seq) + "\">#" + std::to_string(seq) + "</a>";
      else
        out += esc(it->str());
      last = size_t(it->position() + it->length());
    }
    return out + esc(text.substr(last));
  }

  std::string score_cell(const std::optional<double>& s, const std::string& attrs) const {
    if (!s)
      return "<td class=\"num na\" " + attrs + " data-score=\"\">" + esc(L("na")) + "</td>";
    const std::string rating = hseep_rating(*s);
    return "<td class=\"num score " + rating + "\" " + attrs + " data-score=\"" + json_number(*s) + "\">" +
           fmt_num(*s, 1) + " (" + rating + ")</td>";
  }

  std::string value_cell(const KpiValue& v) const {
    const KpiInfo* info = find_kpi(v.id);
    std::string attrs = "class=\"num kpi-value\" data-kpi=\"" + v.id + "\" data-value=\"" +
                        (v.value ? json_number(*v.value) : std::string()) + "\"";
    (void)info;
    const std::string clock = kpi_clock_text(v, lang_);
    return "<td " + attrs + ">" + esc(kpi_value_text(v, lang_)) +
           (clock.empty() ? "" : "<br/><small class=\"clock\">" + esc(clock) + "</small>") + "</td>";
  }

  void overview() {
    const RunData& run = *r_.run;
    o_ += "<section id=\"overview\">\n<h2>" + esc(L("overview")) + "</h2>\n<p>" + esc(L("summary_intro")) + "</p>\n";
    o_ += "<table>\n";
    auto row = [&](const std::string& k, const std::string& v) {
      o_ += "<tr><th>" + esc(L(k)) + "</th><td>" + esc(v) + "</td></tr>\n";
    };
    row("scenario", scenario_name() + " (" + run.scenario.id + ")");
    row("hazard", hazard_kind_name(run.scenario.incident.kind, lang_));
    row("start", run.start_label.empty() ? "–" : run.start_label);
    row("duration", fmt_duration(run.duration_s, lang_));
    row("seed", run.seed < 0 ? "–" : std::to_string(run.seed));
    row("draws", run.draws_text().empty() ? L("nominal") : run.draws_text());
    row("plan", run.scenario.plan_file.empty() ? L("none") : run.scenario.plan_file);
    row("rubric", r_.rubric->name.in(lang_) + " (" + r_.rubric->file + ")");
    o_ += "</table>\n";
    const auto& ov = r_.scores->overall;
    o_ += "<p>" + esc(L("overall")) + ": <span id=\"overall-score\" class=\"overall\" data-score=\"" +
          (ov ? json_number(*ov) : std::string()) + "\">" + (ov ? fmt_num(*ov, 1) + " / 100 (" + hseep_rating(*ov) + ")" : esc(L("na"))) +
          "</span></p>\n";
    o_ += "<table>\n<tr><th>" + esc(L("capability")) + "</th><th>" + esc(L("weight")) + "</th><th>" + esc(L("score")) +
          "</th></tr>\n";
    for (const auto& c : r_.scores->capabilities)
      o_ += "<tr><td><a href=\"#cap-" + c.id + "\">" + esc(c.cap->name.in(lang_)) + "</a></td><td class=\"num\">" +
            fmt_num(c.cap->weight * 100, 1) + "%</td>" + score_cell(c.score, "data-capability=\"" + c.id + "\"") + "</tr>\n";
    o_ += "</table>\n<p class=\"small\">" + esc(L("rating_legend")) + " " + esc(L("traceability")) + "</p>\n</section>\n";
  }

  void kpi_row(const KpiValue& v) {
    const KpiInfo* info = find_kpi(v.id);
    const KpiScore* s = r_.scores->find(v.id);
    o_ += "<tr id=\"kpi-" + v.id + "\"><td>" + esc(info->name.in(lang_)) + "<br/><span class=\"small\">" +
          esc(v.id) + "</span></td>" + value_cell(v);
    if (s && s->rule) {
      const auto& c = s->rule->curve;
      o_ += "<td class=\"num\">" + esc((c.lower_is_better ? "≤ " : "≥ ") + fmt_kpi_value(c.target, info->unit, lang_)) +
            "</td><td class=\"num\">" + esc(fmt_kpi_value(c.fail, info->unit, lang_)) + "</td>";
      o_ += score_cell(s->score, "data-kpi=\"" + v.id + "\"");
    }
    const std::string note = v.note.in(lang_);
    o_ += "<td>" + (note.empty() ? std::string() : esc(note) + "<br/>") + links(v.evidence) + "</td></tr>\n";
  }

  void objectives() {
    o_ += "<section id=\"objectives\">\n<h2>" + esc(L("objectives")) + "</h2>\n";
    std::set<std::string> shown;
    for (const auto& c : r_.scores->capabilities) {
      o_ += "<h3 id=\"cap-" + c.id + "\">" + esc(c.cap->name.in(lang_)) + "</h3>\n";
      if (!c.cap->objective.in(lang_).empty())
        o_ += "<p><b>" + esc(L("objective")) + ":</b> " + esc(c.cap->objective.in(lang_)) + "</p>\n";
      o_ += "<p>" + esc(L("score")) + ": " +
            (c.score ? "<b>" + fmt_num(*c.score, 1) + "</b> (" + hseep_rating(*c.score) + ")" : esc(L("na"))) + " · " +
            esc(L("weight")) + " " + fmt_num(c.cap->weight * 100, 1) + "%</p>\n";
      o_ += "<table>\n<tr><th>" + esc(L("kpi")) + "</th><th>" + esc(L("value")) + "</th><th>" + esc(L("target")) +
            "</th><th>" + esc(L("fail")) + "</th><th>" + esc(L("score")) + "</th><th>" + esc(L("evidence")) +
            "</th></tr>\n";
      for (const auto& rk : c.cap->kpis)
        if (const KpiValue* v = r_.analysis->kpi(rk.kpi)) {
          kpi_row(*v);
          shown.insert(v->id);
        }
      o_ += "</table>\n";
    }
    o_ += "<h3 id=\"other-kpis\">" + esc(L("other_kpis")) + "</h3>\n<table>\n<tr><th>" + esc(L("kpi")) + "</th><th>" +
          esc(L("value")) + "</th><th>" + esc(L("evidence")) + "</th></tr>\n";
    for (const auto& v : r_.analysis->kpis)
      if (!shown.count(v.id))
        kpi_row(v);
    o_ += "</table>\n</section>\n";
  }

  void charts() {
    const RunData& run = *r_.run;
    o_ += "<section id=\"charts\">\n<h2>" + esc(L("charts")) + "</h2>\n";
    o_ += "<figure><figcaption>" + esc(L("kpi_bars")) + "</figcaption>" + svg_kpi_bars(*r_.analysis, *r_.scores, lang_) +
          "</figure>\n";
    o_ += "<figure><figcaption>" + esc(L("gantt")) + "</figcaption>" + svg_unit_gantt(run, *r_.analysis, lang_) +
          "</figure>\n";
    o_ += "<figure><figcaption>" + esc(L("at_risk")) + "</figcaption>" +
          svg_people_at_risk(run, *r_.analysis, lang_) + "</figure>\n";
    o_ += "<figure><figcaption>" + esc(L("map")) + "</figcaption>";
    if (!r_.map_png_base64.empty())
      o_ += "<img alt=\"" + esc(L("map")) + "\" style=\"max-width:100%\" src=\"data:image/png;base64," +
            r_.map_png_base64 + "\"/>";
    else
      o_ += svg_map(run, *r_.analysis, lang_);
    o_ += "</figure>\n</section>\n";
  }

  void strengths() {
    o_ += "<section id=\"strengths\">\n<h2>" + esc(L("strengths")) + "</h2>\n";
    if (r_.findings->strengths.empty())
      o_ += "<p>" + esc(L("no_strengths")) + "</p>\n";
    else {
      o_ += "<ul>\n";
      for (const auto& f : r_.findings->strengths)
        o_ += "<li>" + esc(f.title.in(lang_)) + " <span class=\"small\">" + esc(L("evidence")) + ": " +
              links(f.evidence, 6) + "</span></li>\n";
      o_ += "</ul>\n";
    }
    o_ += "</section>\n";
  }

  void improvements() {
    o_ += "<section id=\"areas-for-improvement\">\n<h2>" + esc(L("afi")) + "</h2>\n";
    if (r_.findings->improvements.empty())
      o_ += "<p>" + esc(L("no_afi")) + "</p>\n";
    else {
      o_ += "<ol>\n";
      for (const auto& f : r_.findings->improvements)
        o_ += "<li id=\"afi-" + esc(f.kpi) + "\"><b>" + esc(f.title.in(lang_)) + "</b>" +
              (f.scored ? " — " + esc(L("score")) + " " + fmt_num(f.score, 1) + " (" + hseep_rating(f.score) + ")" : "") +
              "<br/>" + esc(L("why")) + ": " +
              linkify(f.analysis.in(lang_)) + "<br/><span class=\"small\">" + esc(L("evidence")) + ": " +
              links(f.evidence, 12) + "</span></li>\n";
      o_ += "</ol>\n";
    }
    o_ += "</section>\n";
  }

  void teams() {
    o_ += "<section id=\"teams\">\n<h2>" + esc(L("teams")) + "</h2>\n<table>\n<tr><th>" + esc(L("by")) + "</th><th>" +
          esc(L("score")) + "</th><th>" + esc(L("decisions")) + "</th><th>" + esc(L("kpis_touched")) + "</th></tr>\n";
    for (const auto& t : r_.scores->teams) {
      std::string kp;
      for (const auto& k : t.kpis)
        kp += (kp.empty() ? "" : ", ") + find_kpi(k)->name.in(lang_);
      o_ += "<tr><td>" + esc(decider_name(t.by, lang_)) + "</td>" + score_cell(t.score, "data-team=\"" + esc(t.by) + "\"") +
            "<td>" + std::to_string(t.decisions.size()) + ": " + links(t.decisions, 8) + "</td><td>" + esc(kp) +
            "</td></tr>\n";
    }
    if (r_.scores->teams.empty())
      o_ += "<tr><td colspan=\"4\">" + esc(L("none")) + "</td></tr>\n";
    o_ += "</table>\n</section>\n";
  }

  void details() {
    const RunAnalysis& a = *r_.analysis;
    o_ += "<section id=\"details\">\n<h2>" + esc(L("details")) + "</h2>\n<table>\n<tr><th>" + esc(L("unit")) +
          "</th><th>" + esc(L("agency")) + "</th><th>" + esc(L("busy")) + "</th><th>" + esc(L("idle")) + "</th><th>" +
          esc(L("utilisation")) + "</th></tr>\n";
    for (const auto& u : a.units)
      o_ += "<tr><td>" + esc(u.name.in(lang_).empty() ? u.unit : u.name.in(lang_)) + "<br/><span class=\"small\">" +
            esc(u.unit) + "</span></td><td>" + esc(u.agency) + "</td><td class=\"num\">" +
            esc(fmt_duration(u.busy_s, lang_)) + "</td><td class=\"num\">" + esc(fmt_duration(u.idle_s, lang_)) +
            "</td><td class=\"num\" data-unit=\"" + esc(u.unit) + "\" data-utilisation=\"" +
            json_number(u.utilisation) + "\">" + fmt_pct(u.utilisation) + "</td></tr>\n";
    o_ += "</table>\n";
    if (!a.relief.empty()) {
      o_ += "<h3>" + esc(L("relief_zones")) + "</h3>\n<table>\n<tr><th>" + esc(L("zone")) + "</th><th>" +
            esc(L("people")) + "</th><th>" + esc(L("relieved")) + "</th><th>" + esc(L("evidence")) + "</th></tr>\n";
      for (const auto& z : a.relief)
        o_ += "<tr><td>" + esc(z.name.in(lang_).empty() ? z.zone : z.name.in(lang_)) + "</td><td class=\"num\">" +
              fmt_num(z.people, 0) + "</td><td class=\"num\">" + fmt_num(z.relieved, 0) + "</td><td>" +
              links(z.evidence, 6) + "</td></tr>\n";
      o_ += "</table>\n";
    }
    if (!a.clauses.empty()) {
      o_ += "<table>\n<tr><th>" + esc(L("clause")) + "</th><th>" + esc(L("action")) + "</th><th>" +
            esc(L("deadline")) + "</th><th>" + esc(L("status")) + "</th></tr>\n";
      for (const auto& c : a.clauses)
        o_ += "<tr><td>" + esc(c.title.in(lang_).empty() ? c.id : c.title.in(lang_)) + "<br/><span class=\"small\">" +
              esc(c.id) + "</span></td><td>" + esc(verb_label(c.action, lang_)) + "</td><td class=\"num\">" +
              (c.deadline_s >= 0 ? esc(fmt_duration(c.deadline_s, lang_)) : "–") + "</td><td>" +
              esc(clause_status_label(c.status, lang_)) +
              "</td></tr>\n";
      o_ += "</table>\n";
    }
    if (!a.networks.empty()) {
      o_ += "<table>\n<tr><th>" + esc(L("network")) + "</th><th>" + esc(L("delivered")) + "</th><th>" +
            esc(L("lost")) + "</th><th>" + esc(L("mean_delay")) + "</th><th>" + esc(L("p90_delay")) + "</th></tr>\n";
      for (const auto& n : a.networks)
        o_ += "<tr><td>" + esc(n.network) + "</td><td class=\"num\">" + std::to_string(n.delivered) +
              "</td><td class=\"num\">" + std::to_string(n.lost) + "</td><td class=\"num\">" +
              esc(fmt_kpi_value(n.mean_delay_s, "s", lang_)) + "</td><td class=\"num\">" +
              esc(fmt_kpi_value(n.p90_delay_s, "s", lang_)) + "</td></tr>\n";
      o_ += "</table>\n";
    }
    o_ += "</section>\n";
  }

  void improvement_plan() {
    o_ += "<section id=\"improvement-plan\">\n<h2>" + esc(L("improvement_plan")) + "</h2>\n<table>\n<tr><th>" +
          esc(L("capability")) + "</th><th>" + esc(L("recommendation")) + "</th><th>" + esc(L("responsible")) +
          "</th><th>" + esc(L("due")) + "</th></tr>\n";
    for (const auto& p : r_.findings->plan) {
      // A KPI's name, or for a finding no KPI scores (a full shelter) the finding's own title.
      std::string topic;
      if (const KpiInfo* ki = find_kpi(p.kpi))
        topic = ki->name.in(lang_);
      else
        for (const auto& f : r_.findings->improvements)
          if (f.kpi == p.kpi) topic = f.title.in(lang_);
      o_ += "<tr><td>" + esc(p.capability.in(lang_)) + "<br/><a class=\"small\" href=\"#afi-" + esc(p.kpi) + "\">" +
            esc(topic) + "</a></td><td>" + esc(p.recommendation.in(lang_)) + "</td><td>" +
            esc(p.agency.in(lang_)) + "</td><td class=\"num\">" + esc(p.due.in(lang_)) + "</td></tr>\n";
    }
    if (r_.findings->plan.empty())
      o_ += "<tr><td colspan=\"4\">" + esc(L("none")) + "</td></tr>\n";
    o_ += "</table>\n</section>\n";
  }

  void event_table() {
    o_ += "<section id=\"events\">\n<h2>" + esc(L("events")) + "</h2>\n<p class=\"small\">" + esc(L("events_note")) +
          "</p>\n<table class=\"events\">\n<colgroup><col style=\"width:7%\"/><col style=\"width:13%\"/>"
          "<col style=\"width:15%\"/><col style=\"width:15%\"/><col style=\"width:50%\"/></colgroup>\n<tr><th>" +
          esc(L("seq")) + "</th><th>" + esc(L("time")) + "</th><th>" + esc(L("type")) +
          "</th><th>" + esc(L("actors")) + "</th><th>" + esc(L("payload")) + "</th></tr>\n";
    for (long seq : cited_) {
      const Event* e = r_.run->event(seq);
      if (!e)
        continue;
      std::string actors;
      for (const auto& a : e->actors)
        actors += (actors.empty() ? "" : ", ") + a;
      std::string payload = e->payload.dump();
      if (payload.size() > 240) {
        // Cut on a character boundary so the file stays valid UTF-8.
        size_t cut = 240;
        while (cut > 0 && (static_cast<unsigned char>(payload[cut]) & 0xC0) == 0x80)
          --cut;
        payload = payload.substr(0, cut) + "…";
      }
      o_ += "<tr id=\"ev-" + std::to_string(seq) + "\"><td class=\"num\">" + std::to_string(seq) +
            "</td><td class=\"num\">" + esc(fmt_duration(e->t, lang_)) + " <span class=\"small\">(" +
            fmt_num(e->t, 3) + " s)</span></td><td>" + esc(e->type) + "</td><td>" + esc(actors) + "</td><td><code>" +
            esc(payload) + "</code></td></tr>\n";
    }
    o_ += "</table>\n</section>\n";
  }

  void sources() {
    o_ += "<section id=\"sources\">\n<h2>" + esc(L("sources")) + "</h2>\n<table>\n<tr><th>" + esc(L("kpi")) +
          "</th><th>" + esc(L("target")) + "</th><th>" + esc(L("source")) + "</th></tr>\n";
    for (const auto& c : r_.rubric->capabilities)
      for (const auto& k : c.kpis) {
        const KpiInfo* info = find_kpi(k.kpi);
        o_ += "<tr><td>" + esc(info ? info->name.in(lang_) : k.kpi) + "</td><td class=\"num\">" +
              esc(info ? fmt_kpi_value(k.curve.target, info->unit, lang_) : fmt_num(k.curve.target)) + "</td><td>" +
              esc(k.src) + "</td></tr>\n";
      }
    o_ += "</table>\n</section>\n";
  }

  const Report& r_;
  std::string lang_;
  std::string o_;
  std::set<long> cited_;
};

} // namespace

std::string report_html(const Report& r) { return HtmlWriter(r).write(); }

} // namespace hg::score
