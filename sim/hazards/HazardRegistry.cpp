/// @file
/// @brief The built-in hazard modules: one line per hazard kind.
#include "sim/hazards/HazardRegistry.hpp"

#include "sim/hazards/fire/FireModule.hpp"
#include "sim/hazards/flood/FloodModule.hpp"

namespace hg {

namespace {
std::vector<HazardModule>& modules() {
  static std::vector<HazardModule> m = {
      flood::flood_module(),
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

void register_hazard_module(HazardModule m) {
  for (auto& x : modules())
    if (x.kind == m.kind) {
      x = std::move(m);
      return;
    }
  modules().push_back(std::move(m));
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
