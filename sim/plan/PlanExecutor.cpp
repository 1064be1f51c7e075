#include "sim/plan/PlanExecutor.hpp"

namespace hg {

PlanExecutor::PlanExecutor(const Plan& plan, const World& world) : plan_(plan), world_(world) {
  for (const auto& c : plan_.clauses)
    if (c.when)
      c.when->visit([this](const std::string& name, const std::string&) {
        if (name == "t_hours" || name == "hours_since_report") reads_clock_ = true;
      });
}

void PlanExecutor::start(const LogFn& log) {
  nlohmann::json clauses = nlohmann::json::array();
  for (const auto& c : plan_.clauses)
    for (const auto& a : c.actions)
      clauses.push_back({{"id", c.id},
                         {"section", c.section},
                         {"action", verb_name(a.verb)},
                         {"deadline_s", a.deadline_s},
                         {"zh", c.title.zh},
                         {"en", c.title.en},
                         {"when", c.when_text}});
  log("plan.loaded", {}, {{"plan", plan_.id}, {"hazard", plan_.hazard}, {"clauses", clauses}});
}

bool PlanExecutor::may_decide(double now_s, bool beliefs_changed) const {
  if (beliefs_changed || reads_clock_ || last_decide_t_ < 0) return true;
  // With the same beliefs every condition gives the same value and the same explanation; only a
  // repeating clause whose pause has ended since the last call can fire anew.
  for (const auto& c : plan_.clauses) {
    if (c.repeat_s <= 0) continue;
    auto it = state_.find(c.id);
    if (it == state_.end() || it->second.fired == 0) continue;
    const double due = it->second.last_fired_t + c.repeat_s;
    if (due > last_decide_t_ && due <= now_s) return true;
  }
  return false;
}

std::vector<Decision> PlanExecutor::decide(double now_s, const Beliefs& beliefs, const LogFn& log) {
  last_decide_t_ = now_s;
  std::vector<Decision> out;
  EvalContext ctx{&beliefs, &world_, now_s};
  for (const auto& c : plan_.clauses) {
    ClauseState& st = state_[c.id];
    if (!c.when) continue;
    if (st.fired > 0 && (c.repeat_s <= 0 || now_s < st.last_fired_t + c.repeat_s)) continue;
    auto v = c.when->eval(ctx);
    if (!v || *v == 0) {
      st.last_explanation = c.when->explain(ctx);
      continue;
    }
    ++st.fired;
    st.last_fired_t = now_s;
    const std::string why = c.when->explain(ctx);
    log("plan.clause_fired", {},
        {{"clause", c.id},
         {"section", c.section},
         {"level", c.level},
         {"trigger", why},
         {"firing", st.fired}});
    for (const auto& a : c.actions)
      out.push_back(Decision{a, c.id, "plan", now_s});
  }
  return out;
}

void PlanExecutor::action_done(const Decision& d, double done_t, const LogFn& log) {
  if (d.clause.empty()) return;
  const double deadline_t = d.action.deadline_s > 0 ? d.trigger_t + d.action.deadline_s : -1;
  const bool on_time = deadline_t < 0 || done_t <= deadline_t;
  log("plan.action_done", {},
      {{"clause", d.clause},
       {"action", verb_name(d.action.verb)},
       {"trigger_t", d.trigger_t},
       {"done_t", done_t},
       {"deadline_t", deadline_t < 0 ? nlohmann::json() : nlohmann::json(deadline_t)},
       {"status", on_time ? "on_time" : "late"}});
}

void PlanExecutor::finish(double end_s, const LogFn& log) {
  for (const auto& c : plan_.clauses) {
    const ClauseState& st = state_[c.id];
    if (st.fired == 0)
      log("plan.clause_not_fired", {},
          {{"clause", c.id},
           {"section", c.section},
           {"reason", "condition never true"},
           {"last_values", st.last_explanation},
           {"end_s", end_s}});
  }
}

} // namespace hg
