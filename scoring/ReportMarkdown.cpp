/// @file
/// @brief The after-action report as Markdown, for pasting into a minute or a wiki. Same sections and
/// numbers as the HTML; the charts and the map are only in report.html.
#include "scoring/KpiCatalog.hpp"
#include "scoring/Report.hpp"

#include <set>

namespace hg::score {

namespace {

std::string cell(std::string s) {
  for (size_t p = 0; (p = s.find('|', p)) != std::string::npos; p += 2)
    s.replace(p, 1, "\\|");
  for (auto& c : s)
    if (c == '\n')
      c = ' ';
  return s;
}

std::string refs(const std::vector<Evidence>& ev, const std::string& lang, size_t max = 10) {
  std::string s;
  for (size_t i = 0; i < ev.size() && i < max; ++i)
    s += (s.empty() ? "" : " ") + (ev[i].log == "run" ? std::string() : label("baseline", lang)) + "#" +
         std::to_string(ev[i].seq);
  if (ev.size() > max)
    s += " …";
  return s.empty() ? "–" : s;
}

} // namespace

std::string report_markdown(const Report& r) {
  const std::string& lang = r.lang;
  auto L = [&](const std::string& k) { return label(k, lang); };
  const RunData& run = *r.run;
  std::string o = "# " + L("title") + "\n\n" + L("subtitle") + "\n\n## " + L("overview") + "\n\n" + L("summary_intro") +
                  "\n\n";
  const std::string name = run.scenario.name.zh.empty() && run.scenario.name.en.empty()
                               ? run.scenario.id
                               : (lang == "zh" ? run.scenario.name.zh : run.scenario.name.en);
  o += "| | |\n|---|---|\n";
  o += "| " + L("scenario") + " | " + cell(name) + " (" + run.scenario.id + ") |\n";
  o += "| " + L("hazard") + " | " + hazard_kind_name(run.scenario.incident.kind, lang) + " |\n";
  o += "| " + L("start") + " | " + (run.start_label.empty() ? "–" : run.start_label) + " |\n";
  o += "| " + L("duration") + " | " + fmt_duration(run.duration_s, lang) + " |\n";
  o += "| " + L("seed") + " | " + (run.seed < 0 ? "–" : std::to_string(run.seed)) + " |\n";
  o += "| " + L("draws") + " | " + cell(run.draws_text().empty() ? L("nominal") : run.draws_text()) + " |\n";
  o += "| " + L("rubric") + " | " + cell(r.rubric->name.in(lang)) + " |\n\n";
  const auto& ov = r.scores->overall;
  o += "**" + L("overall") + ": " + (ov ? fmt_num(*ov, 1) + " / 100 (" + hseep_rating(*ov) + ")" : L("na")) + "**\n\n";
  o += "| " + L("capability") + " | " + L("weight") + " | " + L("score") + " |\n|---|---:|---:|\n";
  for (const auto& c : r.scores->capabilities)
    o += "| " + cell(c.cap->name.in(lang)) + " | " + fmt_num(c.cap->weight * 100, 1) + "% | " +
         (c.score ? fmt_num(*c.score, 1) + " (" + hseep_rating(*c.score) + ")" : L("na")) + " |\n";
  o += "\n" + L("rating_legend") + "\n\n## " + L("objectives") + "\n\n";

  auto kpi_row = [&](const KpiValue& v) {
    const KpiInfo* info = find_kpi(v.id);
    const KpiScore* s = r.scores->find(v.id);
    std::string value = kpi_value_text(v, lang);
    if (const std::string clock = kpi_clock_text(v, lang); !clock.empty())
      value += " (" + clock + ")";
    std::string row = "| " + cell(info->name.in(lang)) + " | " + value + " | ";
    if (s && s->rule)
      row += (s->rule->curve.lower_is_better ? "≤ " : "≥ ") + fmt_kpi_value(s->rule->curve.target, info->unit, lang) +
             " | " + fmt_kpi_value(s->rule->curve.fail, info->unit, lang) + " | " +
             (s->score ? fmt_num(*s->score, 1) : L("na")) + " | ";
    else
      row += "– | – | – | ";
    return row + refs(v.evidence, lang) + " |\n";
  };
  const std::string head = "| " + L("kpi") + " | " + L("value") + " | " + L("target") + " | " + L("fail") + " | " +
                           L("score") + " | " + L("evidence") + " |\n|---|---:|---:|---:|---:|---|\n";
  std::set<std::string> shown;
  for (const auto& c : r.scores->capabilities) {
    o += "### " + c.cap->name.in(lang) + "\n\n";
    if (!c.cap->objective.in(lang).empty())
      o += L("objective") + ": " + c.cap->objective.in(lang) + "\n\n";
    o += head;
    for (const auto& k : c.cap->kpis)
      if (const KpiValue* v = r.analysis->kpi(k.kpi)) {
        o += kpi_row(*v);
        shown.insert(k.kpi);
      }
    o += "\n";
  }
  o += "### " + L("other_kpis") + "\n\n" + head;
  for (const auto& v : r.analysis->kpis)
    if (!shown.count(v.id))
      o += kpi_row(v);
  o += "\n" + L("charts") + ": report.html\n\n## " + L("strengths") + "\n\n";
  for (const auto& f : r.findings->strengths)
    o += "- " + f.title.in(lang) + " (" + refs(f.evidence, lang, 6) + ")\n";
  if (r.findings->strengths.empty())
    o += L("no_strengths") + "\n";
  o += "\n## " + L("afi") + "\n\n";
  int n = 0;
  for (const auto& f : r.findings->improvements)
    o += std::to_string(++n) + ". **" + f.title.in(lang) + "**" + (f.scored ? " — " + L("score") + " " + fmt_num(f.score, 1) : "") + "  \n   " +
         L("why") + ": " + f.analysis.in(lang) + "  \n   " + L("evidence") + ": " + refs(f.evidence, lang, 12) + "\n";
  if (r.findings->improvements.empty())
    o += L("no_afi") + "\n";
  o += "\n## " + L("teams") + "\n\n| " + L("by") + " | " + L("score") + " | " + L("decisions") + " |\n|---|---:|---:|\n";
  for (const auto& t : r.scores->teams)
    o += "| " + cell(decider_name(t.by, lang)) + " | " + (t.score ? fmt_num(*t.score, 1) : L("na")) + " | " +
         std::to_string(t.decisions.size()) + " |\n";
  o += "\n## " + L("details") + "\n\n| " + L("unit") + " | " + L("busy") + " | " + L("idle") + " | " +
       L("utilisation") + " |\n|---|---:|---:|---:|\n";
  for (const auto& u : r.analysis->units)
    o += "| " + cell(u.name.in(lang).empty() ? u.unit : u.name.in(lang)) + " | " + fmt_duration(u.busy_s, lang) + " | " + fmt_duration(u.idle_s, lang) + " | " +
         fmt_pct(u.utilisation) + " |\n";
  o += "\n## " + L("improvement_plan") + "\n\n| " + L("capability") + " | " + L("recommendation") + " | " +
       L("responsible") + " | " + L("due") + " |\n|---|---|---|---|\n";
  for (const auto& p : r.findings->plan)
    o += "| " + cell(p.capability.in(lang)) + " | " + cell(p.recommendation.in(lang)) + " | " + cell(p.agency.in(lang)) +
         " | " + p.due.in(lang) + " |\n";
  o += "\n## " + L("sources") + "\n\n";
  for (const auto& c : r.rubric->capabilities)
    for (const auto& k : c.kpis)
      o += "- `" + k.kpi + "`: " + k.src + "\n";
  return o;
}

} // namespace hg::score
