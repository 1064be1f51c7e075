#pragma once
/// @file
/// @brief What an ensemble is: a scenario played N times with uncertain inputs drawn per replica,
/// under one or more plans (the same draws for every plan: common random numbers), and how replica
/// k's seed follows from the ensemble seed. The spec is saved as DIR/ensemble.json so that a resumed
/// ensemble can check it continues the same study.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace hg::ensemble {

struct EnsembleSpec {
  std::string scenario;           ///< scenario file
  std::string scenario_id;        ///< filled when validated
  std::size_t runs = 0;           ///< N replicas, numbered 0..N−1
  std::size_t jobs = 1;           ///< simulations at once on this machine (this rank)
  uint64_t seed = 0;              ///< ensemble seed S
  std::vector<std::string> plans; ///< plan files; empty = the scenario's own plan
  std::vector<std::string> labels; ///< one per plan (file stem), filled when validated
  std::string out;                ///< DIR
  bool baselines = true;          ///< one no-response baseline per replica (shared by its plans)
  bool keep_runs = false;         ///< keep DIR/runs/<k>/ (event logs) instead of deleting them
  bool quiet = false;
  std::string lang;               ///< report language, "" = both labels
};

/// Seed of replica k: SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators", OOPSLA) of S + (k+1)·golden-ratio constant, so that neighbouring replicas and
/// neighbouring ensemble seeds give unrelated streams, the same on every machine.
uint64_t replica_seed(uint64_t ensemble_seed, std::size_t k);

/// The spec as saved in DIR/ensemble.json (absolute paths; not runs or jobs, which may change on
/// resume).
nlohmann::json spec_json(const EnsembleSpec& s);

/// Scores one finished run folder for the ensemble: returns {"kpis": [{id, value, applicable,
/// target?, better?, met?}], "bottlenecks": {...}}. Supplied by the program (scoring/ is not a
/// dependency of sim/).
using ReplicaScorer = std::function<nlohmann::json(const std::string& run_dir)>;

} // namespace hg::ensemble
