#include "sim/plan/PlanExecutor.hpp"

namespace hg {

PlanExecutor::PlanExecutor(const Plan& plan, const World& world) : plan_(plan), world_(world) {}

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

std::vector<Decision> PlanExecutor::decide(double now_s, const Beliefs& beliefs, const LogFn& log) {
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
