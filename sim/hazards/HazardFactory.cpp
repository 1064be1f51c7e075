#include "sim/hazards/HazardFactory.hpp"

#include "sim/hazards/HazardRegistry.hpp"

namespace hg {

std::vector<std::string> hazard_kinds() {
  std::vector<std::string> k;
  for (const auto& m : hazard_modules())
    k.push_back(m.kind);
  return k;
}

std::vector<std::unique_ptr<Hazard>> make_hazards(const Scenario& sc, uint64_t seed, Diagnostics& diag) {
  std::vector<std::unique_ptr<Hazard>> out;
  for (size_t i = 0; i < sc.hazard_specs.size(); ++i) {
    const YamlCursor spec = sc.hazard_specs[i].reporting_to(diag);
    const std::string kind = spec.str("kind");
    if (kind.empty()) continue;
    const HazardModule* m = hazard_module(kind);
    if (!m) {
      std::string avail;
      for (const auto& k : hazard_kinds())
        avail += (avail.empty() ? "" : ", ") + k;
      spec["kind"].error("unknown hazard kind \"" + kind + "\" (available: " + avail + ")");
      continue;
    }
    // Each hazard draws from its own stream so that adding a hazard does not change the others.
    if (auto h = m->build(spec, sc, seed * 1000003ULL + i)) out.push_back(std::move(h));
  }
  return out;
}

} // namespace hg
