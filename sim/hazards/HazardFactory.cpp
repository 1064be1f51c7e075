#include "sim/hazards/HazardFactory.hpp"

#include "sim/hazards/flood/FloodLoader.hpp"
#include "sim/hazards/flood/FloodModel.hpp"

#include <stdexcept>

namespace hg {

const std::vector<std::string>& hazard_kinds() {
  static const std::vector<std::string> k = {"flood"};
  return k;
}

std::vector<std::unique_ptr<Hazard>> make_hazards(const Scenario& sc, uint64_t seed, Diagnostics& diag) {
  std::vector<std::unique_ptr<Hazard>> out;
  for (size_t i = 0; i < sc.hazard_specs.size(); ++i) {
    const YamlCursor spec = sc.hazard_specs[i].reporting_to(diag);
    const std::string kind = spec.str("kind");
    const size_t before = diag.error_count();
    if (kind == "flood") {
      flood::FloodConfig cfg = flood::load_flood_config(spec, sc.world);
      if (diag.error_count() != before) continue;
      try {
        // Each hazard draws from its own stream so that adding a hazard does not change the others.
        out.push_back(std::make_unique<flood::FloodModel>(std::move(cfg), seed * 1000003ULL + i));
      } catch (const std::invalid_argument& e) {
        spec.error(e.what());
      }
    } else if (!kind.empty()) {
      spec["kind"].error("hazard kind \"" + kind + "\" is not available in this version (available: flood)");
    }
  }
  return out;
}

} // namespace hg
