#pragma once
/// @file
/// @brief The list of hazard overlays the viewer creates. Adding a hazard: write its Overlay class
/// and add one line to OverlayRegistry.cpp.
#include "sim/world/World.hpp"
#include "viz/Overlay.hpp"

#include <memory>
#include <vector>

namespace hg::viz {

class OverlayRegistry {
public:
  /// One instance of every known overlay, bound to `world`.
  static std::vector<std::unique_ptr<Overlay>> make_all(const World& world);
};

} // namespace hg::viz
