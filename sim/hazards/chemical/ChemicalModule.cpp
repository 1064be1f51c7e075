/// @file
/// @brief Registration of `kind: chemical_release`.
#include "sim/hazards/chemical/ChemicalModule.hpp"

#include "sim/hazards/chemical/ChemicalCalculators.hpp"
#include "sim/hazards/chemical/ChemicalLoader.hpp"
#include "sim/hazards/chemical/ChemicalModel.hpp"
#include "sim/io/Scenario.hpp"

#include <stdexcept>

namespace hg::chemical {

HazardModule chemical_module() {
  HazardModule m;
  m.kind = "chemical_release";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    const size_t before = spec.diagnostics().error_count();
    ChemicalConfig cfg = load_chemical_config(spec, sc.world, sc.start_label);
    if (spec.diagnostics().error_count() != before) return nullptr;
    try {
      return std::make_unique<ChemicalModel>(std::move(cfg), seed);
    } catch (const std::invalid_argument& e) {
      spec.error(e.what());
      return nullptr;
    }
  };
  m.calculators = chemical_calculators;
  return m;
}

} // namespace hg::chemical
