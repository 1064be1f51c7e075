/// @file
/// @brief `hgdrill validate FILE... [--rubric R]`: checks scenarios (with their world, plan, hazards and
/// rubric), maps, plans and rubrics, and prints every problem of every file, each with file:line:col and
/// field. A plan (or rubric) given with a scenario is checked together with it exactly as `hgdrill run
/// SCENARIO --plan PLAN --rubric R` would (the same check_scenario), not on its own.
#include "scoring/RunScorer.hpp"
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

std::string kind_of(const std::string& path) {
  Diagnostics ignore;
  auto f = YamlFile::load(path, ignore);
  if (!f) return "";
  const std::string kind = f->root().opt_str("hgdrill");
  return kind.substr(0, kind.find('/'));
}

void validate_one(const std::string& path, Diagnostics& diag, const SetupOptions& with) {
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
    check_scenario(path, diag, nullptr, with);
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
  auto rubric = std::make_shared<std::string>();
  CLI::App* c =
      app.add_subcommand("validate", "Check scenarios, maps, plans and rubrics; report every error / 校验");
  auto ranges = std::make_shared<bool>(false);
  c->add_option("files", *files, "Files to check");
  c->add_flag("--strict", *strict, "Treat warnings as errors");
  c->add_option("--rubric", *rubric, "Check the scenarios with this rubric instead of their own");
  c->add_flag("--ranges", *ranges, "Print the allowed range of every number field (Markdown) and exit");
  return [files, strict, rubric, ranges] {
    if (*ranges) {
      std::cout << field_ranges_markdown();
      return int(kOk);
    }
    if (files->empty()) {
      std::cerr << "validate: name at least one file (see hgdrill validate --help)\n";
      return int(kUsage);
    }
    size_t errors = 0, warnings = 0;
    // With a scenario on the command line, its plans and rubrics are checked as that scenario's
    // (as run would play and score them), not each on its own.
    std::vector<std::string> scenarios, plans, rubrics, others;
    for (const auto& f : *files) {
      const std::string k = kind_of(f);
      (k == "scenario" ? scenarios : k == "plan" ? plans : k == "rubric" ? rubrics : others).push_back(f);
    }
    if (!rubric->empty()) rubrics = {*rubric}; // --rubric wins over rubric files given with the scenario
    // `validate SCENARIO PLAN [RUBRIC]`: one scenario with plans or rubrics checks them as its own.
    // Several scenarios (a glob): each with its own plan, and every other file on its own.
    std::vector<std::pair<std::string, SetupOptions>> checks;
    auto options = [&](const std::string& plan, const std::string& rub) {
      SetupOptions o;
      o.plan_override = plan;
      o.rubric_override = rub;
      o.check_rubric = score::check_rubric_for;
      return o;
    };
    if (scenarios.size() == 1) {
      for (const auto& p : plans.empty() ? std::vector<std::string>{""} : plans)
        for (const auto& r : rubrics.empty() ? std::vector<std::string>{""} : rubrics)
          checks.push_back({scenarios[0], options(p, r)});
      for (const auto& f : others) checks.push_back({f, {}});
    } else {
      for (const auto& f : *files)
        if (kind_of(f) == "scenario")
          checks.push_back({f, options("", *rubric)});
        else
          checks.push_back({f, {}});
    }
    for (const auto& [f, with] : checks) {
      Diagnostics d;
      validate_one(f, d, with);
      std::cerr << d.str();
      errors += d.error_count();
      warnings += d.warning_count();
      std::string what = f;
      if (!with.plan_override.empty()) what += " with plan " + with.plan_override;
      if (!with.rubric_override.empty()) what += " with rubric " + with.rubric_override;
      if (d.error_count() == 0)
        std::cout << what << ": ok"
                  << (d.warning_count() ? " (" + std::to_string(d.warning_count()) + " warnings)" : "")
                  << "\n";
    }
    std::cout << errors << " error(s), " << warnings << " warning(s) in " << files->size() << " file(s)\n";
    return errors > 0 || (*strict && warnings > 0) ? int(kInvalidInput) : int(kOk);
  };
}

} // namespace hg::cli
