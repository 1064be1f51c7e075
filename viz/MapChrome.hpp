#pragma once
/// @file
/// @brief Everything around the map that makes a picture readable: the title (scenario name zh/en,
/// sim time and wall clock), the legend (layers present, unit states, active hazard overlays), a
/// scale bar and a north arrow. Shared by the headless renderer and the viewer.
#include "viz/DrawContext.hpp"
#include "viz/Layers.hpp"
#include "viz/Overlay.hpp"
#include "viz/Replay.hpp"
#include "viz/RunData.hpp"

#include <string>
#include <vector>

namespace hg::viz {

class MapChrome {
public:
  explicit MapChrome(const RunData& run) : run_(&run) {}
  /// Title bar across `area` (top strip of the picture).
  void draw_title(const DrawContext& ctx, sf::FloatRect area) const;
  /// Legend entries for what the map shows now.
  std::vector<LegendItem> legend_items(const Replay& replay) const;
  /// Legend box with its top-left at `at`, at most `max_height` tall (extra rows are dropped);
  /// with `keys`, the layer toggle keys are listed too. Returns the box.
  sf::FloatRect draw_legend(const DrawContext& ctx, const Replay& replay, sf::Vector2f at, float width,
                            float max_height, const Layers* keys) const;
  /// Scale bar with a round length, bottom-left corner at `at`.
  void draw_scale_bar(const DrawContext& ctx, sf::Vector2f at) const;
  /// North arrow centred at `at`.
  void draw_north_arrow(const DrawContext& ctx, sf::Vector2f at) const;

private:
  const RunData* run_;
};

} // namespace hg::viz
