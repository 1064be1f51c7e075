#include "sim/plan/ScenarioSetup.hpp"

#include "sim/engine/PersonCommander.hpp"
#include "sim/plan/PlanChecker.hpp"
#include "sim/plan/PlanExecutor.hpp"

#include <iostream>
#include <set>

namespace hg {

const Plan* Setup::lead_plan() const {
  auto it = plans.find(scenario->lead_post);
  return it == plans.end() ? nullptr : it->second.get();
}

Commanders Setup::make_commanders() const {
  Commanders out;
  for (const CommanderSpec& c : commanders) {
    if (c.kind == "plan") {
      if (auto it = plans.find(c.post); it != plans.end())
        out[c.post] = std::make_unique<PlanExecutor>(*it->second, scenario->world);
    } else if (c.kind == "person") {
      out[c.post] = std::make_unique<PersonCommander>(c.person);
    }
  }
  return out;
}

std::unique_ptr<Commander> Setup::make_commander() const {
  auto all = make_commanders();
  auto it = all.find(scenario->lead_post);
  return it == all.end() ? nullptr : std::move(it->second);
}

void check_scenario(const std::string& path, Diagnostics& diag, Setup* keep, const SetupOptions& opt) {
  auto sc = std::make_unique<Scenario>(load_scenario(path, diag, opt.draws));
  if (diag.has_errors()) {
    if (keep) keep->scenario = std::move(sc);
    return;
  }
  auto hazards = make_hazards(*sc, opt.seed.value_or(sc->seed), diag);
  std::vector<std::string> kinds;
  std::set<std::string> targets;
  for (const auto& h : hazards) {
    kinds.push_back(h->kind());
    for (const auto& t : h->targets())
      targets.insert(t);
  }
  // Who commands which post: the scenario's `commanders:`, then the scenario's plan at the lead post
  // unless the list already names it; --plan replaces the lead post's plan, --no-plan removes all.
  std::vector<CommanderSpec> specs;
  if (!opt.no_plan) {
    specs = sc->commanders;
    const bool lead_named =
        std::any_of(specs.begin(), specs.end(), [&](const CommanderSpec& c) { return c.post == sc->lead_post; });
    const std::string lead_plan = !opt.plan_override.empty() ? opt.plan_override : sc->plan_file;
    if (!lead_named && !lead_plan.empty()) specs.push_back({sc->lead_post, "plan", lead_plan, "", 0});
    if (!opt.plan_override.empty())
      for (auto& c : specs)
        if (c.post == sc->lead_post) c = {sc->lead_post, "plan", opt.plan_override, "", c.line};
  }
  std::map<std::string, std::unique_ptr<Plan>> plans;
  for (const auto& c : specs) {
    if (c.kind != "plan") continue;
    auto plan = std::make_unique<Plan>(load_plan(c.plan, &sc->world, diag, &targets));
    if (!diag.has_errors()) check_plan(*plan, *sc, hazards, c.post, diag);
    plans[c.post] = std::move(plan);
  }
  if (opt.check_rubric) opt.check_rubric(*sc, opt.rubric_override.empty() ? sc->rubric_file : opt.rubric_override, diag);
  if (keep) {
    keep->scenario = std::move(sc);
    keep->hazards = std::move(hazards);
    keep->plans = std::move(plans);
    keep->commanders = std::move(specs);
  }
}

bool load_setup(const std::string& scenario_path, const SetupOptions& opt, Setup& out, bool print_warnings) {
  Diagnostics diag;
  check_scenario(scenario_path, diag, &out, opt);
  if (diag.has_errors()) {
    std::cerr << diag.str() << "hgdrill: " << diag.error_count() << " error(s); nothing was run.\n";
    return false;
  }
  if (print_warnings && diag.warning_count() > 0) std::cerr << diag.str();
  return true;
}

bool load_setup(const std::string& scenario_path, const std::string& plan_override, bool no_plan, Setup& out,
                bool print_warnings) {
  SetupOptions opt;
  opt.plan_override = plan_override;
  opt.no_plan = no_plan;
  return load_setup(scenario_path, opt, out, print_warnings);
}

} // namespace hg
