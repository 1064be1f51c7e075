#pragma once
/// @file
/// @brief A scenario (scenario/1): which world, plan and rubric, the incident, the hazard models,
/// and the scheduled disturbances (road closures, link failures, injects).
#include "sim/io/Diagnostics.hpp"
#include "sim/io/Uncertainty.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/world/ModelParameters.hpp"
#include "sim/world/World.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg {

struct Incident {
  std::string kind; ///< hazmat_road | flood | forest_fire | chemical_release | coal_mine
  Names name;
  size_t node = 0;
  double at_s = 0;
  std::string reported_to; ///< post id
  double report_delay_s = 300;
  double people_at_risk = 0;     ///< for incidents without a hazard model
  double task_duration_s = 3600; ///< on-scene work time of a dispatched unit
};

struct ScheduledClosure {
  std::string road;
  double at_s = 0;
  std::optional<double> reopen_s;
  Names reason;
};

struct LinkFailure {
  std::string network;
  double from_s = 0;
  double to_s = 0;
};

/// A scripted message or disturbance at a time (drills use these; hazards take `hazard` injects).
struct Inject {
  double at_s = 0;
  std::string kind; ///< "report" (to a post), "hazard" (to a hazard model), "note"
  std::string to;   ///< post id, or hazard id
  nlohmann::json body;
};

/// Who commands a post: a plan (automatic commander), a person (drill team, scripted person), or nobody.
struct CommanderSpec {
  std::string post;
  std::string kind;   ///< plan | person | none
  std::string plan;   ///< plan file (kind plan)
  std::string person; ///< team or person id (kind person)
  int line = 0;
};

/// How the uncertain inputs are treated when a scenario is loaded.
struct DrawOptions {
  bool draw = false;            ///< false: the values as written (nominal)
  std::optional<uint64_t> seed; ///< draw stream (hgdrill run: the run's seed); none = the scenario's seed
};

struct Scenario {
  std::string file; ///< absolute/normalised path of the scenario file
  std::string id;
  Names name;
  WorldFiles world_files;
  std::string plan_file;   ///< "" = no plan (no automatic commander)
  std::string rubric_file; ///< "" = default rubric for the incident kind
  std::string start_label;
  double duration_s = 0;
  uint64_t seed = 1;
  std::string lead_post; ///< the post that runs the scenario's plan and receives field reports
  std::vector<CommanderSpec> commanders; ///< `commanders:`; the lead post's plan is added by the loader
  ModelParameters params;                ///< `parameters:` over the defaults
  Incident incident;
  std::vector<YamlCursor> hazard_specs; ///< parsed by the hazard factories
  std::vector<ScheduledClosure> closures;
  std::vector<LinkFailure> link_failures;
  std::vector<Inject> injects;
  std::vector<Uncertain> uncertain;
  nlohmann::json draws = nlohmann::json::object(); ///< {name: value} applied to this scenario ({} = nominal)
  World world;
};

/// Loads the scenario and its world; every problem goes to `diag`. With `draws.draw`, every uncertain
/// input is drawn from `draws.seed` and written into the scenario first (Uncertainty.hpp).
Scenario load_scenario(const std::string& path, Diagnostics& diag, const DrawOptions& draws = {});

} // namespace hg
