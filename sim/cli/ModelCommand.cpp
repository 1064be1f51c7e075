/// @file
/// @brief `hgdrill model NAME`: every calculator the hazard folders contribute (sim/hazards/Calculator.hpp),
/// as sub-commands. This file names no hazard: the list comes from the hazard registry.
#include "sim/cli/Command.hpp"
#include "sim/hazards/HazardRegistry.hpp"

#include <map>
#include <memory>

namespace hg::cli {

Runner add_model_command(CLI::App& app) {
  CLI::App* model = app.add_subcommand("model", "Hazard model calculators / 灾害模型计算器 (SI units)");
  model->require_subcommand(1);
  auto runners = std::make_shared<std::map<CLI::App*, std::function<int()>>>();
  for (const Calculator& c : all_calculators()) {
    CLI::App* sub = model->add_subcommand(c.name, c.help);
    (*runners)[sub] = c.add(*sub);
  }
  return [runners]() -> int {
    for (const auto& [sub, run] : *runners)
      if (sub->parsed()) return run();
    return kUsage;
  };
}

} // namespace hg::cli
