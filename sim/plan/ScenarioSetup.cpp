#include "sim/plan/ScenarioSetup.hpp"

#include "sim/plan/PlanChecker.hpp"
#include "sim/plan/PlanExecutor.hpp"

#include <iostream>

namespace hg {

std::unique_ptr<Commander> Setup::make_commander() const {
  if (!plan) return nullptr;
  return std::make_unique<PlanExecutor>(*plan, scenario->world);
}

void check_scenario(const std::string& path, Diagnostics& diag, Setup* keep, const std::string& plan_override,
                    bool no_plan) {
  auto sc = std::make_unique<Scenario>(load_scenario(path, diag));
  if (diag.has_errors()) {
    if (keep) keep->scenario = std::move(sc);
    return;
  }
  std::vector<std::string> kinds;
  auto hazards = make_hazards(*sc, sc->seed, diag);
  for (const auto& h : hazards)
    kinds.push_back(h->kind());
  std::unique_ptr<Plan> plan;
  const std::string plan_file = plan_override.empty() ? sc->plan_file : plan_override;
  if (!no_plan && !plan_file.empty()) {
    plan = std::make_unique<Plan>(load_plan(plan_file, &sc->world, diag));
    if (!diag.has_errors()) check_plan(*plan, *sc, kinds, diag);
  }
  if (keep) {
    keep->scenario = std::move(sc);
    keep->plan = std::move(plan);
    keep->hazards = std::move(hazards);
  }
}

bool load_setup(const std::string& scenario_path, const std::string& plan_override, bool no_plan, Setup& out,
                bool print_warnings) {
  Diagnostics diag;
  check_scenario(scenario_path, diag, &out, plan_override, no_plan);
  if (diag.has_errors()) {
    std::cerr << diag.str() << "hgdrill: " << diag.error_count() << " error(s); nothing was run.\n";
    return false;
  }
  if (print_warnings && diag.warning_count() > 0) std::cerr << diag.str();
  return true;
}

} // namespace hg
