#pragma once
/// @file
/// @brief Everything scoring may look at: the run folder's run.json, its event log, the no-response
/// baseline log if present, and the scenario (with its world) named in run.json. Scoring never sees
/// the engine's memory, so a run can be re-scored at any time from its folder alone.
#include "sim/io/EventLog.hpp"
#include "sim/io/Scenario.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hg::score {

struct RunData {
  std::string run_dir;
  nlohmann::json run_json;
  std::vector<Event> events;
  std::optional<std::vector<Event>> baseline; ///< RUN_DIR/baseline/events.jsonl
  Scenario scenario;
  double t0_s = 0;       ///< incident start: incident.started, else the scenario's incident.at_h
  double duration_s = 0; ///< run.started payload.duration_s, else the scenario's duration_h
  double end_s = 0;      ///< run.ended payload.sim_end_s, else duration_s
  std::string start_label; ///< wall-clock label of t = 0 (ISO 8601), may be empty
  long long seed = -1;     ///< -1 if unknown

  /// The event with this seq (logs are 0-based and dense, but tolerate gaps).
  const Event* event(long seq) const;
  /// The sampled uncertain inputs of the run ("name = value, …"), "" when the run was nominal.
  std::string draws_text() const;
};

/// Reads RUN_DIR. Throws hg::InputError if the scenario has errors, std::runtime_error if run.json or
/// the log is missing or malformed.
RunData load_run(const std::string& run_dir);

} // namespace hg::score
