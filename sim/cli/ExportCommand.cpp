// PLACEHOLDER during development — replaced by the real verb before any commit.
#include "sim/cli/Command.hpp"
#include <iostream>
namespace hg::cli {
Runner add_export_command(CLI::App& app) {
  app.add_subcommand("export", "(not yet available)");
  return [] { std::cerr << "export: not yet available\n"; return int(kRunFailed); };
}
} // namespace hg::cli
