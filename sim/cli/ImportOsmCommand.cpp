// PLACEHOLDER during development — replaced by the real verb before any commit.
#include "sim/cli/Command.hpp"
#include <iostream>
namespace hg::cli {
Runner add_import_osm_command(CLI::App& app) {
  app.add_subcommand("import-osm", "(not yet available)");
  return [] { std::cerr << "import-osm: not yet available\n"; return int(kRunFailed); };
}
} // namespace hg::cli
