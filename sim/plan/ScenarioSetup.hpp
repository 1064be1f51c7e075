#pragma once
/// @file
/// @brief Loading everything a run or a validation needs — scenario (with its uncertain inputs drawn
/// or nominal), world, hazards, the plan of every post with a plan commander — and checking them
/// together, with all problems printed at once. `hgdrill validate` and `hgdrill run` use the same
/// check (check_scenario), so a scenario that validates also runs.
#include "sim/engine/Commander.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/hazards/HazardRegistry.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/plan/Plan.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace hg {

struct SetupOptions {
  std::string plan_override;   ///< plays this plan at the lead post instead of the scenario's
  bool no_plan = false;        ///< no commanders at all
  DrawOptions draws;           ///< nominal unless draws.draw
  std::optional<uint64_t> seed; ///< the run's seed (hazards' random streams); none = the scenario's
  std::string rubric_override; ///< scores with this rubric instead of the scenario's
  /// Checks the rubric the run will be scored with (set by the programs that link scoring/, which sim/
  /// does not): `path` is rubric_override, else the scenario's `rubric:`, else "" (the default for the
  /// hazard kind). Problems go to `diag` with file:line:col.
  std::function<void(const Scenario& sc, const std::string& path, Diagnostics& diag)> check_rubric;
};

struct Setup {
  std::unique_ptr<Scenario> scenario;
  std::vector<std::unique_ptr<Hazard>> hazards;
  /// Post → its plan (for posts commanded by a plan).
  std::map<std::string, std::unique_ptr<Plan>> plans;
  /// Post → commander kind, resolved from the scenario, the plan override and --no-plan.
  std::vector<CommanderSpec> commanders;
  /// The lead post's plan, nullptr if none.
  const Plan* lead_plan() const;
  /// New commanders, one per commanded post (plan executors, persons).
  Commanders make_commanders() const;
  /// The lead post's commander alone (tests of one post).
  std::unique_ptr<Commander> make_commander() const;
};

/// Checks one scenario with its world, hazards and plans into `diag`; keeps the result in `keep`.
void check_scenario(const std::string& path, Diagnostics& diag, Setup* keep = nullptr,
                    const SetupOptions& opt = {});

/// Loads and checks; prints diagnostics to stderr. False if there were errors.
bool load_setup(const std::string& scenario_path, const SetupOptions& opt, Setup& out, bool print_warnings);
/// The same with only a plan override (tests).
bool load_setup(const std::string& scenario_path, const std::string& plan_override, bool no_plan, Setup& out,
                bool print_warnings);

} // namespace hg
