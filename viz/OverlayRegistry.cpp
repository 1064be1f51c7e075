/// @file
/// @brief Every hazard overlay, one line each (see OverlayRegistry.hpp).
#include "viz/OverlayRegistry.hpp"

#include "viz/ChemicalOverlay.hpp"
#include "viz/FireOverlay.hpp"
#include "viz/FloodOverlay.hpp"
#include "viz/MineOverlay.hpp"

namespace hg::viz {

std::vector<std::unique_ptr<Overlay>> OverlayRegistry::make_all(const World& world) {
  std::vector<std::unique_ptr<Overlay>> v;
  v.push_back(std::make_unique<FloodOverlay>(world));
  v.push_back(std::make_unique<ChemicalOverlay>(world));
  v.push_back(std::make_unique<MineOverlay>(world));
  v.push_back(std::make_unique<FireOverlay>(world));
  // New hazards: v.push_back(std::make_unique<ForestFireOverlay>(world));
  return v;
}

} // namespace hg::viz
