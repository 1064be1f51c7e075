/// @file
/// @brief The built-in hazard modules: one line per hazard kind.
#include "sim/hazards/HazardRegistry.hpp"

#include "sim/hazards/chemical/ChemicalModule.hpp"
#include "sim/hazards/fire/FireModule.hpp"
#include "sim/hazards/flood/FloodModule.hpp"
#include "sim/hazards/mine/MineModule.hpp"
#include "sim/io/Scenario.hpp"

#include <algorithm>

namespace hg {

namespace {
size_t generation = 1;
std::vector<HazardModule>& modules() {
  static std::vector<HazardModule> m = {
      flood::flood_module(),
      chemical::chemical_module(),
      mine::mine_module(),
      fire::fire_module(),
  };
  return m;
}
} // namespace

const std::vector<HazardModule>& hazard_modules() {
  return modules();
}

const HazardModule* hazard_module(const std::string& kind) {
  for (const auto& m : modules())
    if (m.kind == kind) return &m;
  return nullptr;
}

size_t hazard_registry_generation() {
  return generation;
}

void register_hazard_module(HazardModule m) {
  ++generation;
  for (auto& x : modules())
    if (x.kind == m.kind) {
      x = std::move(m);
      return;
    }
  modules().push_back(std::move(m));
}

std::vector<std::string> hazard_kinds() {
  std::vector<std::string> k;
  for (const auto& m : modules())
    k.push_back(m.kind);
  return k;
}

std::vector<std::unique_ptr<Hazard>> make_hazards(const Scenario& sc, uint64_t seed, Diagnostics& diag) {
  std::vector<std::unique_ptr<Hazard>> out;
  std::vector<std::string> ids;
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
    if (auto h = m->build(spec, sc, seed * 1000003ULL + i)) {
      if (std::find(ids.begin(), ids.end(), h->id()) != ids.end())
        spec.error("duplicate hazard id \"" + h->id() + "\"");
      ids.push_back(h->id());
      out.push_back(std::move(h));
    }
  }
  return out;
}

std::vector<Calculator> all_calculators() {
  std::vector<Calculator> out;
  for (const auto& m : modules())
    if (m.calculators)
      for (auto& c : m.calculators())
        out.push_back(std::move(c));
  return out;
}

} // namespace hg
