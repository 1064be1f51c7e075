// PLACEHOLDER during development — replaced by the real verb before any commit.
#include "sim/cli/Command.hpp"
#include <iostream>
namespace hg::cli {
Runner add_render_command(CLI::App& app) {
  app.add_subcommand("render", "(not yet available)");
  return [] { std::cerr << "render: not yet available\n"; return int(kRunFailed); };
}
} // namespace hg::cli
