#pragma once
/// @file
/// @brief `hgdrill ensemble`: check the scenario and plans once, run the replicas that have no
/// record (resuming an interrupted ensemble), gather them (on rank 0 under MPI) and write
/// DIR/replicas.csv, DIR/replicas.sqlite, DIR/report.html, DIR/report.md and, last, DIR/summary.json.
#include "sim/ensemble/EnsembleRunner.hpp"
#include "sim/ensemble/EnsembleSpec.hpp"

#include <functional>
#include <vector>

namespace hg {
class Diagnostics;
struct Scenario;
} // namespace hg

namespace hg::ensemble {

/// Collects every rank's records on rank 0: receives this rank's finished records (by replica) and
/// returns, on rank 0, those of the other ranks; elsewhere, nothing. Identity without MPI.
using Gather = std::function<std::vector<nlohmann::json>(const std::vector<nlohmann::json>& mine)>;
/// Rank 0's value, on every rank (MPI_Bcast); the identity without MPI. Used so that no rank starts
/// before rank 0 has claimed the output folder, and all stop if it could not.
using Broadcast = std::function<int(int)>;

struct EnsembleHooks {
  ReplicaScorer score;
  /// {kpi id: {"zh", "en", "unit"}} for the report's labels (from the KPI catalogue).
  nlohmann::json kpi_names = nlohmann::json::object();
  /// Checks the rubric each plan's runs will be scored with (RunHooks::check_rubric): a bad rubric
  /// stops the ensemble before the first replica, and the rubric is parsed once, here.
  std::function<void(const Scenario& sc, const std::string& path, Diagnostics& diag)> check_rubric;
};

/// Fills spec.labels, spec.scenario_id and (if `seed_given` is false) spec.seed by loading the
/// scenario with each plan; prints diagnostics. Returns 0 or the exit code (3 invalid input).
int validate_spec(EnsembleSpec& spec, bool seed_given, const EnsembleHooks& hooks = {});

/// The whole command; returns the documented exit code.
int run_ensemble(EnsembleSpec spec, bool seed_given, const EnsembleHooks& hooks, const Share& share,
                 const Gather& gather, const Broadcast& broadcast);

} // namespace hg::ensemble
