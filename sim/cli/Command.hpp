#pragma once
/// @file
/// @brief How a verb of the hgdrill program plugs into main: it registers its options on a CLI11
/// sub-command and returns the function that runs it. One file per verb keeps main small.
#include <CLI/CLI.hpp>
#include <functional>

namespace hg::cli {

/// Exit codes, documented in docs/user-guide.md.
enum ExitCode : int {
  kOk = 0,
  kRunFailed = 1,     ///< the simulation or an output step failed
  kUsage = 2,         ///< bad command line
  kInvalidInput = 3,  ///< input files have errors (all are printed)
  kOutputError = 4,   ///< could not write the output directory
};

using Runner = std::function<int()>;

Runner add_run_command(CLI::App& app);
Runner add_validate_command(CLI::App& app);
Runner add_model_command(CLI::App& app);
Runner add_import_osm_command(CLI::App& app);
Runner add_export_command(CLI::App& app);
Runner add_score_command(CLI::App& app);
Runner add_compare_command(CLI::App& app);
Runner add_view_command(CLI::App& app);
Runner add_render_command(CLI::App& app);
Runner add_events_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);
Runner add_reveal_command(CLI::App& app);
Runner add_ensemble_command(CLI::App& app);

} // namespace hg::cli
