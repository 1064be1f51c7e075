/// @file
/// @brief Registers `kind: forest_fire` (FireLoader + FireModel) and `hgdrill model fire`.
#include "sim/hazards/fire/FireModule.hpp"

#include "sim/hazards/fire/FireCalculators.hpp"
#include "sim/hazards/fire/FireLoader.hpp"
#include "sim/hazards/fire/FireModel.hpp"
#include "sim/io/Scenario.hpp"

#include <stdexcept>

namespace hg::fire {

HazardModule fire_module() {
  HazardModule m;
  m.kind = "forest_fire";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    (void)seed; // the fire model is deterministic; uncertain inputs are drawn before it is built
    const size_t before = spec.diagnostics().error_count();
    FireConfig cfg = load_fire_config(spec, sc);
    if (spec.diagnostics().error_count() != before) return nullptr;
    try {
      return std::make_unique<FireModel>(std::move(cfg));
    } catch (const std::exception& e) {
      // Messages start with the field at fault ("ignition: …"): point the error at that field.
      const std::string msg = e.what();
      const size_t colon = msg.find(": ");
      const std::string field = colon == std::string::npos ? "" : msg.substr(0, colon);
      if (!field.empty() && spec.has(field))
        spec[field].error(msg.substr(colon + 2));
      else
        spec.error(msg);
      return nullptr;
    }
  };
  m.calculators = fire_calculators;
  return m;
}

} // namespace hg::fire
