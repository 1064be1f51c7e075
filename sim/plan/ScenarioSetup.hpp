#pragma once
/// @file
/// @brief Loading everything a run or a validation needs — scenario, world, plan, hazards — with all
/// problems printed at once. Shared by the run and validate verbs and the tests.
#include "sim/engine/Commander.hpp"
#include "sim/hazards/HazardFactory.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/plan/Plan.hpp"

#include <memory>
#include <string>

namespace hg {

struct Setup {
  std::unique_ptr<Scenario> scenario;
  std::unique_ptr<Plan> plan;
  std::vector<std::unique_ptr<Hazard>> hazards;
  std::unique_ptr<Commander> make_commander() const;
};

/// Loads and checks; prints diagnostics to stderr. False if there were errors.
bool load_setup(const std::string& scenario_path, const std::string& plan_override, bool no_plan, Setup& out,
                bool print_warnings);

/// Checks one scenario (world, plan, hazards) into `diag`.
void check_scenario(const std::string& path, Diagnostics& diag, Setup* keep = nullptr,
                    const std::string& plan_override = "", bool no_plan = false);

} // namespace hg
