/// @file
/// @brief `hgdrill view RUN_DIR`: opens the interactive map viewer by running the hgdrill-viz program
/// installed next to hgdrill (hgdrill never links SFML), passing the arguments through.
#include "sim/cli/Command.hpp"

#include <string>
#include <vector>

namespace hg::cli {

/// Defined in RenderCommand.cpp: replaces this process with `hgdrill-viz VERB ARGS...`.
int run_viz(const std::string& verb, const std::vector<std::string>& args, bool xvfb_fallback);

Runner add_view_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "view",
      "Open the map viewer on a run folder: RUN_DIR [--at T] [--size WxH] [--script S] (runs hgdrill-viz; "
      "see docs/viewer.md)");
  sub->prefix_command();
  sub->set_help_flag(); // `hgdrill view --help` is answered by hgdrill-viz
  return [sub] { return run_viz("view", sub->remaining(), false); };
}

} // namespace hg::cli
