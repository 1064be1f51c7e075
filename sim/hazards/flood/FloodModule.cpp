#include "sim/hazards/flood/FloodModule.hpp"

#include "sim/hazards/flood/FloodCalculators.hpp"
#include "sim/hazards/flood/FloodLoader.hpp"
#include "sim/hazards/flood/FloodModel.hpp"
#include "sim/io/Scenario.hpp"

#include <stdexcept>

namespace hg::flood {

HazardModule flood_module() {
  HazardModule m;
  m.kind = "flood";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    const size_t before = spec.diagnostics().error_count();
    FloodConfig cfg = load_flood_config(spec, sc.world);
    if (spec.diagnostics().error_count() != before) return nullptr;
    try {
      return std::make_unique<FloodModel>(std::move(cfg), seed);
    } catch (const std::invalid_argument& e) {
      spec.error(e.what());
      return nullptr;
    }
  };
  m.calculators = flood_calculators;
  return m;
}

} // namespace hg::flood
