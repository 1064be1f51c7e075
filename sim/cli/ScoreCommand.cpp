// PLACEHOLDER during development — replaced by the real verb before any commit.
#include "sim/cli/Command.hpp"
#include <iostream>
namespace hg::cli {
Runner add_score_command(CLI::App& app) {
  app.add_subcommand("score", "(not yet available)");
  return [] { std::cerr << "score: not yet available\n"; return int(kRunFailed); };
}
} // namespace hg::cli
