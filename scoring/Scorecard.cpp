/// @file
/// @brief Weighted scoring. Renormalising over applicable KPIs keeps a flood drill from being
/// punished for having no chemical exposure, while "never happened" still scores zero.
#include "scoring/Scorecard.hpp"

#include <algorithm>
#include <set>

namespace hg::score {

const KpiScore* Scorecard::find(const std::string& kpi) const {
  for (const auto& k : kpis)
    if (k.kpi == kpi)
      return &k;
  return nullptr;
}

Scorecard score_analysis(const RunAnalysis& a, const Rubric& rubric, const std::vector<Event>& events) {
  Scorecard sc;
  for (const auto& v : a.kpis) {
    KpiScore s;
    s.kpi = v.id;
    const Capability* cap = nullptr;
    s.rule = rubric.find(v.id, &cap);
    if (s.rule) {
      s.capability = cap->id;
      if (v.applicable) {
        s.score = v.value ? s.rule->curve.score(*v.value) : 0.0;
        s.met = v.value && s.rule->curve.meets_target(*v.value);
        // A lower bound on a lower-is-better KPI ("at least x") means the thing had not happened by
        // the end of the run (people still waiting for relief, a fire still burning). The true value
        // may lie anywhere above x, so the run cannot claim the target: it scores as "never
        // happened", 0, and is never met. (A lower bound on a higher-is-better KPI is scored as is:
        // the truth can only score better.)
        if (v.value && v.lower_bound && s.rule->curve.lower_is_better) {
          s.score = 0.0;
          s.met = false;
          s.bound = true;
        }
      }
    }
    sc.kpis.push_back(s);
  }

  double overall_sum = 0, overall_w = 0;
  for (const auto& cap : rubric.capabilities) {
    CapabilityScore cs;
    cs.id = cap.id;
    cs.cap = &cap;
    double sum = 0, wsum = 0;
    for (const auto& rk : cap.kpis) {
      const KpiScore* s = sc.find(rk.kpi);
      if (!s || !s->score || rk.weight <= 0)
        continue;
      sum += rk.weight * *s->score;
      wsum += rk.weight;
      if (const KpiValue* v = a.kpi(rk.kpi))
        merge_evidence(cs.evidence, v->evidence);
    }
    if (wsum > 0) {
      cs.score = sum / wsum;
      for (const auto& rk : cap.kpis)
        for (auto& s : sc.kpis)
          if (s.kpi == rk.kpi && s.score && rk.weight > 0)
            s.weight = cap.weight * rk.weight / wsum; // before renormalising over capabilities
      if (cap.weight > 0) {
        overall_sum += cap.weight * *cs.score;
        overall_w += cap.weight;
      }
    }
    sc.capabilities.push_back(std::move(cs));
  }
  if (overall_w > 0) {
    sc.overall = overall_sum / overall_w;
    for (auto& s : sc.kpis)
      s.weight /= overall_w;
  }

  // Split by decision maker: a KPI belongs to everyone who caused at least one of its evidence events.
  std::set<std::string> makers;
  for (const auto& [seq, by] : a.decider)
    makers.insert(by);
  for (const auto& by : makers) {
    TeamScore t;
    t.by = by;
    double sum = 0, wsum = 0;
    for (const auto& v : a.kpis) {
      const bool owns = std::any_of(v.evidence.begin(), v.evidence.end(), [&](const Evidence& e) {
        auto it = a.decider.find(e.seq);
        return e.log == "run" && it != a.decider.end() && it->second == by;
      });
      if (!owns)
        continue;
      t.kpis.push_back(v.id);
      for (const auto& e : v.evidence) {
        auto it = a.decider.find(e.seq);
        if (e.log == "run" && it != a.decider.end() && it->second == by)
          merge_evidence(t.evidence, {e});
      }
      const KpiScore* s = sc.find(v.id);
      if (s && s->score && s->weight > 0) {
        sum += s->weight * *s->score;
        wsum += s->weight;
      }
    }
    for (const auto& e : events)
      if (e.type == "decision") {
        auto it = a.decider.find(e.seq);
        if (it != a.decider.end() && it->second == by)
          t.decisions.push_back(evidence_of(e));
      }
    if (wsum > 0)
      t.score = sum / wsum;
    sc.teams.push_back(std::move(t));
  }
  return sc;
}

} // namespace hg::score
