#pragma once
/// @file
/// @brief Scoring a finished run folder: the entry point used by `hgdrill run` (after the engine) and
/// `hgdrill score` (re-scoring).
#include "scoring/Report.hpp"

#include <memory>
#include <string>

namespace hg::score {

struct ScoreOptions {
  std::string rubric_path; ///< "" = run.json "rubric", else the scenario's, else scenarios/rubrics/<kind>.yaml
  std::string lang;        ///< zh | en | "" (from LC_ALL / LANG)
};

/// Reads RUN_DIR, writes scores.json, report.html, report.md into out_dir (default RUN_DIR)
/// atomically; returns the overall score summary text for the console.
/// Throws hg::InputError (bad scenario or rubric, every problem listed) or std::runtime_error.
std::string score_run(const std::string& run_dir, const ScoreOptions& opt, const std::string& out_dir = "");

/// The rubric a run is scored with (see ScoreOptions::rubric_path); throws std::runtime_error if none.
std::string find_rubric(const RunData& run, const std::string& requested);
/// The same before the run: `requested`, else the scenario's `rubric:`, else the default for its kind.
std::string find_rubric(const Scenario& sc, const std::string& requested);
/// The check `run` and `validate` make before simulating (SetupOptions::check_rubric): loads the rubric
/// the run will be scored with into `diag`.
void check_rubric_for(const Scenario& sc, const std::string& path, Diagnostics& diag);

/// Loads a run, its rubric, and computes analysis, scores and findings (no files written).
struct ScoredRun {
  RunData run;
  Rubric rubric;
  RunAnalysis analysis;
  Scorecard scores;
  Findings findings;
};
/// Returned by pointer because Scorecard points into Rubric.
std::unique_ptr<ScoredRun> score_folder(const std::string& run_dir, const std::string& rubric_path);

/// The console summary: overall and capability scores, KPIs that missed their target.
std::string summary_text(const ScoredRun& s, const std::string& lang);

} // namespace hg::score
