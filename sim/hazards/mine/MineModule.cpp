/// @file
/// @brief Registers `kind: coal_mine` (loader + model) and `hgdrill model ventilation`.
#include "sim/hazards/mine/MineModule.hpp"

#include "sim/hazards/mine/MineCalculators.hpp"
#include "sim/hazards/mine/MineLoader.hpp"
#include "sim/hazards/mine/MineModel.hpp"
#include "sim/io/Scenario.hpp"

#include <stdexcept>

namespace hg::mine {

HazardModule mine_module() {
  HazardModule m;
  m.kind = "coal_mine";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    const size_t before = spec.diagnostics().error_count();
    MineConfig cfg = load_mine_config(spec, &sc.world);
    if (spec.diagnostics().error_count() != before) return nullptr;
    try {
      return std::make_unique<MineModel>(std::move(cfg), seed);
    } catch (const std::invalid_argument& e) {
      spec.error(e.what());
      return nullptr;
    }
  };
  m.calculators = mine_calculators;
  return m;
}

} // namespace hg::mine
