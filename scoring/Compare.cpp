/// @file
/// @brief Run comparison. Both runs are scored with the same rubric (the caller loads it), so score
/// differences come from the play, not from the yardstick.
#include "scoring/Compare.hpp"

#include "scoring/KpiCatalog.hpp"
#include "scoring/Xml.hpp"

#include <cstdio>

namespace hg::score {

namespace {

std::string value_text(const ScoredRun& s, const std::string& id, const std::string& lang) {
  const KpiValue* v = s.analysis.kpi(id);
  if (!v || !v->applicable)
    return label("na", lang);
  if (!v->value)
    return label("not_achieved", lang);
  return (v->lower_bound ? "≥ " : "") + fmt_kpi_value(*v->value, find_kpi(id)->unit, lang);
}

/// B − A in the KPI's unit, "" when either has no value. A bound on either side makes it "≥"/"≤"
/// only when the direction is still certain, else "?".
std::string value_delta_text(const ScoredRun& a, const ScoredRun& b, const std::string& id, const std::string& lang) {
  const KpiValue* va = a.analysis.kpi(id);
  const KpiValue* vb = b.analysis.kpi(id);
  if (!va || !vb || !va->applicable || !vb->applicable || !va->value || !vb->value)
    return "–";
  const std::string d = fmt_kpi_delta(*vb->value - *va->value, find_kpi(id)->unit, lang);
  if (va->lower_bound && vb->lower_bound)
    return "?";
  if (vb->lower_bound)
    return "≥ " + d; // B is at least its value
  if (va->lower_bound)
    return "≤ " + d;
  return d;
}

std::optional<double> score_of(const ScoredRun& s, const std::string& id) {
  const KpiScore* k = s.scores.find(id);
  return k ? k->score : std::nullopt;
}

std::string opt_text(const std::optional<double>& v) { return v ? fmt_num(*v, 1) : "–"; }
std::string delta_text(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b)
    return "–";
  const double d = *b - *a;
  return (d > 0 ? "+" : "") + fmt_num(d, 1);
}

std::string run_label(const ScoredRun& s) {
  std::string plan = s.run.scenario.plan_file.empty() ? "team" : s.run.scenario.plan_file;
  if (s.run.run_json.contains("plan") && s.run.run_json["plan"].is_string())
    plan = s.run.run_json["plan"].get<std::string>();
  return s.run.run_dir + " (" + plan + ")";
}

} // namespace

std::vector<std::string> comparison_warnings(const ScoredRun& a, const ScoredRun& b, const std::string& lang) {
  std::vector<std::string> w;
  const bool zh = lang == "zh";
  if (a.run.seed != b.run.seed)
    w.push_back(zh ? "两次推演的随机种子不同(" + std::to_string(a.run.seed) + " 与 " + std::to_string(b.run.seed) +
                         "),差异可能来自随机因素而非决策。"
                   : "the runs have different seeds (" + std::to_string(a.run.seed) + " vs " +
                         std::to_string(b.run.seed) + "): differences may come from chance, not from decisions.");
  if (a.run.scenario.id != b.run.scenario.id)
    w.push_back(zh ? "两次推演的想定不同(" + a.run.scenario.id + " 与 " + b.run.scenario.id + ")。"
                   : "the runs use different scenarios (" + a.run.scenario.id + " vs " + b.run.scenario.id + ").");
  return w;
}

std::string compare_text(const ScoredRun& a, const ScoredRun& b, const std::string& lang) {
  std::string o = "A: " + run_label(a) + "\nB: " + run_label(b) + "\n";
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-34s %18s %18s %18s %7s %7s %7s\n", "KPI", "A", "B", "B - A", "score A",
                "score B", "delta");
  o += buf;
  for (const auto& k : kpi_catalog()) {
    const auto sa = score_of(a, k.id), sb = score_of(b, k.id);
    std::snprintf(buf, sizeof buf, "%-34s %18s %18s %18s %7s %7s %7s\n", k.id.c_str(), value_text(a, k.id, lang).c_str(),
                  value_text(b, k.id, lang).c_str(), value_delta_text(a, b, k.id, lang).c_str(), opt_text(sa).c_str(),
                  opt_text(sb).c_str(), delta_text(sa, sb).c_str());
    o += buf;
  }
  std::snprintf(buf, sizeof buf, "%-34s %18s %18s %18s %7s %7s %7s\n", "overall", "", "", "", opt_text(a.scores.overall).c_str(),
                opt_text(b.scores.overall).c_str(), delta_text(a.scores.overall, b.scores.overall).c_str());
  return o + buf;
}

std::string compare_html(const ScoredRun& a, const ScoredRun& b, const std::string& lang) {
  const bool zh = lang == "zh";
  auto esc = xml_escape;
  std::string o = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" +
                  std::string(zh ? "zh-CN" : "en") + "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" +
                  esc(zh ? "演练对比" : "Run comparison") +
                  "</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}"
                  "table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:3px 6px}"
                  "td.num{text-align:right}.better{background:#d5f5e3}.worse{background:#f5b7b1}"
                  ".warn{background:#fcf3cf;padding:.5em;border:1px solid #e1c542}</style>\n</head>\n<body>\n";
  o += "<h1>" + esc(zh ? "演练对比" : "Run comparison") + "</h1>\n<p>A: " + esc(run_label(a)) + "<br/>B: " +
       esc(run_label(b)) + "</p>\n";
  for (const auto& w : comparison_warnings(a, b, lang))
    o += "<p class=\"warn\">" + esc((zh ? "注意:" : "Warning: ") + w) + "</p>\n";
  o += "<table>\n<tr><th>" + esc(label("kpi", lang)) + "</th><th>A</th><th>B</th><th>" +
       "</th><th>B − A</th><th>" + esc(label("score", lang)) + " A</th><th>" + esc(label("score", lang)) +
       " B</th><th>Δ</th></tr>\n";
  auto row = [&](const std::string& id, const std::string& name, const std::string& va, const std::string& vb,
                 const std::string& dv, const std::optional<double>& sa, const std::optional<double>& sb) {
    std::string cls;
    if (sa && sb && *sb > *sa + 1e-9)
      cls = " class=\"num better\"";
    else if (sa && sb && *sb < *sa - 1e-9)
      cls = " class=\"num worse\"";
    else
      cls = " class=\"num\"";
    o += "<tr data-kpi=\"" + esc(id) + "\"><td>" + esc(name) + "</td><td class=\"num\">" + esc(va) +
         "</td><td class=\"num\">" + esc(vb) + "</td><td class=\"num\">" + esc(dv) + "</td><td class=\"num\">" + opt_text(sa) + "</td><td class=\"num\">" +
         opt_text(sb) + "</td><td" + cls + ">" + delta_text(sa, sb) + "</td></tr>\n";
  };
  for (const auto& k : kpi_catalog())
    row(k.id, k.name.in(lang), value_text(a, k.id, lang), value_text(b, k.id, lang), value_delta_text(a, b, k.id, lang), score_of(a, k.id),
        score_of(b, k.id));
  for (const auto& c : a.scores.capabilities) {
    std::optional<double> sb;
    for (const auto& cb : b.scores.capabilities)
      if (cb.id == c.id)
        sb = cb.score;
    row("cap:" + c.id, c.cap->name.in(lang), "", "", "", c.score, sb);
  }
  row("overall", label("overall", lang), "", "", "", a.scores.overall, b.scores.overall);
  return o + "</table>\n</body>\n</html>\n";
}

} // namespace hg::score
