#pragma once
/// @file
/// @brief The one run pipeline: load → draw uncertain inputs → check → simulate (optionally replaying
/// a journal of outside inputs) → write the log → no-response baseline → render → score, into a
/// results folder that appears atomically. `hgdrill run` uses it; ensembles and the drill server use
/// its stages. Scoring and rendering are hooks, because sim/ depends on neither (they read the log).
#include "sim/engine/RunInput.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hg {

struct RunRequest {
  std::string scenario;
  std::optional<uint64_t> seed; ///< none = the scenario's seed
  bool nominal = false;         ///< use the uncertain inputs as written instead of drawing them
  std::string out;              ///< "" = runs/<scenario id>-seed<N>
  std::string plan;             ///< plays this plan at the lead post
  std::string rubric;           ///< scores with this rubric instead of the scenario's
  bool no_plan = false;
  bool no_response = false;
  bool no_baseline = false;
  bool no_report = false;
  std::string journal;          ///< replay these outside inputs (a drill's journal)
  std::string lang;             ///< report language, "" = from the locale
  std::vector<std::string> cfg; ///< extra SimGrid options
  bool quiet = false;
  bool force = false;           ///< replace an earlier run folder at `out` (never anything else)
};

struct RunHooks {
  /// Writes the report into the run folder; returns the console summary. Throws on failure.
  std::function<std::string(const std::string& dir, const std::string& lang)> score;
  /// Draws the map picture into the run folder (optional; a failure only means no picture).
  std::function<void(const std::string& dir, double at_s, bool quiet)> render;
  /// Checks the rubric before anything runs (SetupOptions::check_rubric), so that a bad rubric stops
  /// the run at once with file:line:col instead of failing after the simulation.
  std::function<void(const Scenario& sc, const std::string& path, Diagnostics& diag)> check_rubric;
};

/// Stage 1: loads and checks everything with the run's seed and draws. False (diagnostics printed)
/// on invalid input.
/// `hooks`: its check_rubric, if any, joins the check.
bool prepare_run(const RunRequest& req, Setup& setup, const RunHooks* hooks = nullptr);
/// The options of the engine for this request and setup.
SimOptions sim_options(const RunRequest& req, const Setup& setup);
/// Stage 2: simulates to the end (replaying `inputs` at their times), with a progress bar on a terminal.
std::unique_ptr<Simulation> simulate(Setup& setup, const SimOptions& opt, const std::vector<RunInput>& inputs,
                                     bool quiet);
/// Stage 3: the log (JSONL + SQLite) and run.json into `dir`.
/// `sqlite`: also events.sqlite (a run folder for people and tools); ensemble replicas that are thrown
/// away after scoring skip it, since scoring reads only events.jsonl.
void write_run(const Simulation& sim, const Setup& setup, const RunRequest& req, const std::string& dir,
               bool sqlite = true);
/// The no-response baseline of the same scenario, seed and draws, run by this program in a child
/// process (SimGrid allows one engine per process) into `dir`. Returns the child's exit code.
int run_baseline(const RunRequest& req, uint64_t seed, const std::string& dir);
/// Renders map.png with the hgdrill-viz program beside this one (under xvfb-run without a display).
void render_map_picture(const std::string& dir, double at_s, bool quiet);

/// The whole pipeline; returns the documented exit code (docs/user-guide.md).
int run_pipeline(const RunRequest& req, const RunHooks& hooks);

/// This program's own path (to start children).
std::string self_exe();

} // namespace hg
