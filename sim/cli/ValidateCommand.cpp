/// @file
/// @brief `hgdrill validate FILE...`: checks scenarios (with their world, plan and hazards), maps,
/// plans and rubrics, and prints every problem of every file, each with file:line:col and field.
#include "scoring/Rubric.hpp"
#include "sim/cli/Command.hpp"
#include "sim/hazards/mine/MineNetworkLoader.hpp"
#include "sim/io/RiverCrossingCheck.hpp"
#include "sim/io/Schema.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <iostream>

namespace hg::cli {

namespace {

void validate_one(const std::string& path, Diagnostics& diag) {
  Diagnostics head;
  auto f = YamlFile::load(path, head);
  if (!f) {
    for (auto& d : head.items())
      diag.add(d);
    return;
  }
  const std::string kind = f->root().opt_str("hgdrill");
  const std::string k = kind.substr(0, kind.find('/'));
  if (k == "scenario") {
    check_scenario(path, diag);
  } else if (k == "map") {
    const World w = load_world({path, "", ""}, diag);
    if (!diag.has_errors()) check_river_crossings(path, w, diag);
  } else if (k == "plan") {
    load_plan(path, nullptr, diag);
  } else if (k == "rubric") {
    score::load_rubric(path, diag);
  } else if (k == "mine") { // a coal mine's ventilation network (docs/formats.md, "Coal mine")
    mine::load_mine_network(f->root().reporting_to(diag), {true, false});
  } else if (k == "resources" || k == "comms") {
    diag.warning(path, 1, 1, "hgdrill",
                 k + " files are checked together with a map: validate the scenario that uses this file");
  } else {
    diag.error(path, 1, 1, "hgdrill",
               "unknown file kind \"" + kind + "\" (expected scenario/1, map/1, plan/1, rubric/1 or mine/1)");
  }
}

} // namespace

Runner add_validate_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto strict = std::make_shared<bool>(false);
  CLI::App* c =
      app.add_subcommand("validate", "Check scenarios, maps, plans and rubrics; report every error / 校验");
  auto ranges = std::make_shared<bool>(false);
  c->add_option("files", *files, "Files to check");
  c->add_flag("--strict", *strict, "Treat warnings as errors");
  c->add_flag("--ranges", *ranges, "Print the allowed range of every number field (Markdown) and exit");
  return [files, strict, ranges] {
    if (*ranges) {
      std::cout << field_ranges_markdown();
      return int(kOk);
    }
    if (files->empty()) {
      std::cerr << "validate: name at least one file (see hgdrill validate --help)\n";
      return int(kUsage);
    }
    size_t errors = 0, warnings = 0;
    for (const auto& f : *files) {
      Diagnostics d;
      validate_one(f, d);
      std::cerr << d.str();
      errors += d.error_count();
      warnings += d.warning_count();
      if (d.error_count() == 0)
        std::cout << f << ": ok"
                  << (d.warning_count() ? " (" + std::to_string(d.warning_count()) + " warnings)" : "")
                  << "\n";
    }
    std::cout << errors << " error(s), " << warnings << " warning(s) in " << files->size() << " file(s)\n";
    return errors > 0 || (*strict && warnings > 0) ? int(kInvalidInput) : int(kOk);
  };
}

} // namespace hg::cli
