/// @file
/// @brief scores.json: the machine-readable result. The HTML and Markdown reports print the same
/// numbers (the report tests check that), and `hgdrill compare` can read it back.
#include "scoring/KpiCatalog.hpp"
#include "scoring/Report.hpp"

namespace hg::score {

namespace {

using nlohmann::json;

json text_json(const Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }

json evidence_json(const std::vector<Evidence>& ev) {
  json a = json::array();
  for (const auto& e : ev)
    a.push_back({{"seq", e.seq}, {"t", e.t_s}, {"type", e.type}, {"log", e.log}});
  return a;
}

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json finding_json(const Finding& f) {
  return {{"kpi", f.kpi},
          {"capability", f.capability},
          {"score", f.scored ? json(f.score) : json()},
          {"title", text_json(f.title)},
          {"analysis", text_json(f.analysis)},
          {"evidence", evidence_json(f.evidence)}};
}

} // namespace

nlohmann::json scores_json(const Report& r) {
  const RunData& run = *r.run;
  const RunAnalysis& a = *r.analysis;
  const Scorecard& sc = *r.scores;
  json j;
  j["format"] = "scores/1";
  j["lang"] = r.lang;
  j["run"] = {{"dir", run.run_dir},
              {"scenario", run.scenario.file},
              {"scenario_id", run.scenario.id},
              {"seed", run.seed},
              {"start", run.start_label},
              {"incident_start_s", run.t0_s},
              {"duration_s", run.duration_s},
              {"end_s", run.end_s},
              {"baseline", run.baseline.has_value()},
              {"events", run.events.size()}};
  j["rubric"] = {{"file", r.rubric->file}, {"id", r.rubric->id}, {"name", text_json(r.rubric->name)}};
  j["overall"] = {{"score", opt(sc.overall)}, {"rating", sc.overall ? json(hseep_rating(*sc.overall)) : json(nullptr)}};

  j["capabilities"] = json::array();
  for (const auto& c : sc.capabilities) {
    json ids = json::array();
    for (const auto& k : c.cap->kpis)
      ids.push_back(k.kpi);
    j["capabilities"].push_back({{"id", c.id},
                                 {"name", text_json(c.cap->name)},
                                 {"objective", text_json(c.cap->objective)},
                                 {"agency", text_json(c.cap->agency)},
                                 {"weight", c.cap->weight},
                                 {"score", opt(c.score)},
                                 {"rating", c.score ? json(hseep_rating(*c.score)) : json(nullptr)},
                                 {"kpis", ids},
                                 {"evidence", evidence_json(c.evidence)}});
  }

  j["kpis"] = json::array();
  for (const auto& v : a.kpis) {
    const KpiInfo* info = find_kpi(v.id);
    const KpiScore* s = sc.find(v.id);
    json k = {{"id", v.id},
              {"name", text_json(info->name)},
              {"definition", text_json(info->definition)},
              {"unit", info->unit},
              {"value", opt(v.value)},
              {"applicable", v.applicable},
              {"lower_bound", v.lower_bound},
              {"clock", v.clock.empty() ? json() : json(v.clock)},
              // Formatted with its unit, for readers that do not format (the viewer's KPI panel).
              {"value_text", {{"zh", kpi_value_text(v, "zh")}, {"en", kpi_value_text(v, "en")}}},
              {"subject", v.subject},
              {"note", text_json(v.note)},
              {"evidence", evidence_json(v.evidence)}};
    if (s && s->rule) {
      const auto& c = s->rule->curve;
      k["capability"] = s->capability;
      k["target"] = c.target;
      k["fail"] = c.fail;
      k["target_text"] = {{"zh", (c.lower_is_better ? "≤ " : "≥ ") + fmt_kpi_value(c.target, info->unit, "zh")},
                          {"en", (c.lower_is_better ? "≤ " : "≥ ") + fmt_kpi_value(c.target, info->unit, "en")}};
      k["curve"] = c.kind == CurveKind::kLinear ? "linear" : "step";
      k["better"] = c.lower_is_better ? "lower" : "higher";
      k["weight"] = s->rule->weight;
      k["effective_weight"] = s->weight;
      k["src"] = s->rule->src;
      k["score"] = opt(s->score);
      k["scored_as_bound"] = s->bound;
      k["met"] = s->met;
      k["clock_rule"] = s->rule->clock.empty() ? json() : json(s->rule->clock);
    } else {
      k["capability"] = nullptr;
      k["score"] = nullptr;
    }
    j["kpis"].push_back(k);
  }

  j["teams"] = json::array();
  for (const auto& t : sc.teams)
    j["teams"].push_back({{"by", t.by},
                          {"score", opt(t.score)},
                          {"kpis", t.kpis},
                          {"decisions", evidence_json(t.decisions)},
                          {"evidence", evidence_json(t.evidence)}});
  j["units"] = json::array();
  for (const auto& u : a.units) {
    json spans = json::array();
    for (const auto& s : u.spans)
      spans.push_back({{"from_s", s.from_s}, {"to_s", s.to_s}, {"phase", s.phase}, {"seq", s.seq}});
    j["units"].push_back({{"unit", u.unit},
                          {"agency", u.agency},
                          {"type", u.type},
                          {"busy_s", u.busy_s},
                          {"idle_s", u.idle_s},
                          {"utilisation", u.utilisation},
                          {"spans", spans},
                          {"reroutes", evidence_json(u.reroutes)}});
  }
  j["relief"] = json::array();
  for (const auto& z : a.relief)
    j["relief"].push_back({{"zone", z.zone},
                           {"people", z.people},
                           {"start_s", z.start_s},
                           {"relieved", z.relieved},
                           {"last_relief_s", z.last_relief_s < 0 ? json(nullptr) : json(z.last_relief_s)},
                           {"evidence", evidence_json(z.evidence)}});
  j["plan_clauses"] = json::array();
  for (const auto& c : a.clauses)
    j["plan_clauses"].push_back({{"id", c.id},
                                 {"action", c.action},
                                 {"section", c.section},
                                 {"deadline_s", c.deadline_s < 0 ? json(nullptr) : json(c.deadline_s)},
                                 {"status", c.status},
                                 {"evidence", evidence_json(c.evidence)}});
  j["networks"] = json::array();
  for (const auto& n : a.networks)
    j["networks"].push_back({{"network", n.network},
                             {"delivered", n.delivered},
                             {"lost", n.lost},
                             {"mean_delay_s", n.mean_delay_s},
                             {"p90_delay_s", n.p90_delay_s},
                             {"max_delay_s", n.max_delay_s}});
  j["findings"] = {{"strengths", json::array()}, {"improvements", json::array()}};
  for (const auto& f : r.findings->strengths)
    j["findings"]["strengths"].push_back(finding_json(f));
  for (const auto& f : r.findings->improvements)
    j["findings"]["improvements"].push_back(finding_json(f));
  j["improvement_plan"] = json::array();
  for (const auto& p : r.findings->plan)
    j["improvement_plan"].push_back({{"kpi", p.kpi},
                                     {"capability", text_json(p.capability)},
                                     {"recommendation", text_json(p.recommendation)},
                                     {"agency", text_json(p.agency)},
                                     {"due", text_json(p.due)}, {"due_days_after_exercise", p.due_days}});
  return j;
}

} // namespace hg::score
