#pragma once
/// @file
/// @brief Draws the map itself at a time: district boundaries, rivers, roads by class (bridges
/// cased, closed roads in the closure colour), hazard overlays, unit routes, places, facilities,
/// the incident, units coloured by state, and zh/en labels placed without overlaps.
#include "viz/DrawContext.hpp"
#include "viz/Layers.hpp"
#include "viz/Replay.hpp"
#include "viz/RunData.hpp"

namespace hg::viz {

class MapRenderer {
public:
  explicit MapRenderer(const RunData& run) : run_(&run) {}
  /// Draws every enabled layer; the caller clears the target and sets ctx.t = replay.time().
  void draw(const DrawContext& ctx, const Layers& layers, const Replay& replay) const;

private:
  void draw_boundaries(const DrawContext& ctx) const;
  void draw_rivers(const DrawContext& ctx) const;
  void draw_roads(const DrawContext& ctx, const Replay& replay) const;
  void draw_routes(const DrawContext& ctx, const Replay& replay) const;
  void draw_places(const DrawContext& ctx, bool zones, bool facilities, bool labels) const;
  void draw_units(const DrawContext& ctx, const Replay& replay) const;

  const RunData* run_;
};

} // namespace hg::viz
