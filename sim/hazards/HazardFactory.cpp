#include "sim/hazards/HazardFactory.hpp"

namespace hg {

const std::vector<std::string>& hazard_kinds() {
  static const std::vector<std::string> k = {};
  return k;
}

std::vector<std::unique_ptr<Hazard>> make_hazards(const Scenario& sc, uint64_t seed, Diagnostics& diag) {
  (void)seed;
  std::vector<std::unique_ptr<Hazard>> out;
  for (const auto& spec : sc.hazard_specs) {
    const std::string kind = spec.str("kind");
    spec["kind"].error("hazard kind \"" + kind + "\" is not available in this version");
  }
  (void)diag;
  return out;
}

} // namespace hg
