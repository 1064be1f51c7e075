/// @file
/// @brief Entry point of the hgdrill program: builds the verb table and runs the chosen verb.
#include "hg/Version.hpp"
#include "sim/cli/Command.hpp"
#include "sim/run/CommandLineValues.hpp"

#include <iostream>
#include <map>

int main(int argc, char** argv) {
  CLI::App app{"hgdrill — Hegang emergency drill engine / 鹤岗应急演练推演引擎", "hgdrill"};
  app.set_version_flag("--version", std::string("hgdrill ") + hg::kVersion);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 run failed, 2 bad command line, 3 invalid input, 4 output error.\n"
             "Docs: docs/user-guide.md");

  using Adder = hg::cli::Runner (*)(CLI::App&);
  const Adder adders[] = {
      hg::cli::add_run_command,        hg::cli::add_validate_command, hg::cli::add_model_command,
      hg::cli::add_import_osm_command, hg::cli::add_export_command,   hg::cli::add_score_command,
      hg::cli::add_compare_command,    hg::cli::add_view_command,     hg::cli::add_render_command,
      hg::cli::add_events_command,
      hg::cli::add_serve_command,      hg::cli::add_reveal_command,
      hg::cli::add_ensemble_command};
  std::map<const CLI::App*, hg::cli::Runner> runners;
  for (Adder add : adders) {
    const size_t before = app.get_subcommands({}).size();
    hg::cli::Runner runner = add(app);
    runners[app.get_subcommands({}).at(before)] = std::move(runner);
  }

  // No verb takes an infinite or NaN number: refuse them before any verb reads them.
  for (int i = 2; i < argc; ++i)
    if (std::string err = hg::check_finite_argument(argv[i]); !err.empty()) {
      std::cerr << "hgdrill: " << err << "\n";
      return hg::cli::kUsage;
    }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? hg::cli::kOk : hg::cli::kUsage;
  }
  // A verb reports its own errors with their exit codes; anything that escapes is a failed run,
  // never an abort.
  try {
    for (const auto& [sub, runner] : runners)
      if (sub->parsed()) return runner();
  } catch (const std::bad_alloc&) {
    std::cerr << "hgdrill: out of memory\n";
    return hg::cli::kRunFailed;
  } catch (const std::exception& e) {
    std::cerr << "hgdrill: " << e.what() << "\n";
    return hg::cli::kRunFailed;
  }
  return hg::cli::kUsage;
}
