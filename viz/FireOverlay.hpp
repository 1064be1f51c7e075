#pragma once
/// @file
/// @brief Forest-fire overlay: the burned area, the active front, the fireline built by crews and the
/// crews at risk of entrapment, redrawn from the fire's events alone (fire.ignited carries the raster's
/// georeference, fire.perimeter the cells burned and the line built since the last report and the whole
/// active front, as runs per row; fire.entrapment_risk / fire.entrapment the crew positions). Cells are
/// placed by bilinear interpolation between the corner-cell centres. When the fire is only a few pixels
/// wide (the whole-city map picture), a ring marks it and an inset shows it enlarged.
#include "sim/world/World.hpp"
#include "viz/Overlay.hpp"

#include <map>
#include <set>
#include <vector>

namespace hg::viz {

class FireOverlay : public Overlay {
public:
  explicit FireOverlay(const World& world) : world_(&world) {}
  std::string name() const override { return "forest_fire"; }
  bool handles(const std::string& type) const override { return type.rfind("fire.", 0) == 0; }
  void reset() override;
  void apply(const Event& e) override;
  void draw(const DrawContext& ctx) const override;
  std::vector<LegendItem> legend() const override;
  bool active() const override { return !fires_.empty(); }

  static sf::Color burned_color() { return {70, 45, 35, 210}; }
  static sf::Color front_color() { return {255, 90, 0}; }
  static sf::Color line_color() { return {20, 70, 200}; }
  static sf::Color crew_risk_color() { return {255, 215, 0}; }
  static sf::Color crew_entrapped_color() { return {200, 0, 0}; }
  static sf::Color marker_color() { return {230, 60, 0}; }
  /// A fire narrower than this on screen gets the locator ring and the inset.
  static constexpr float kSmallFirePx = 24.f;
  /// Radius of the locator ring around a small fire.
  static constexpr float kRingRadiusPx = 16.f;

  /// WGS84 position of a cell corner or centre (col, row as reals; centres at integers) of a fire's
  /// raster; nullopt for an unknown fire.
  std::optional<LatLon> cell_latlon(const std::string& fire, double col, double row) const;

private:
  struct Crew {
    LatLon pos;
    bool entrapped = false;
  };
  struct Fire {
    int nx = 0, ny = 0;
    LatLon nw, ne, sw, se; ///< centres of the corner cells
    std::vector<uint8_t> burned, line;
    std::vector<std::pair<int, int>> front; ///< (col, row)
    double area_ha = 0;
    bool contained = false;
    std::map<std::string, Crew> crews;
    LatLon pos(double col, double row) const;
  };
  /// Draws one fire's cells (and crews) with `proj`; cells as quads, at least `min_px` wide.
  void draw_fire(const DrawContext& ctx, const Fire& f) const;
  void draw_inset(const DrawContext& ctx, const std::string& id, const Fire& f, sf::FloatRect on_map) const;
  const World* world_;
  std::map<std::string, Fire> fires_;
};

} // namespace hg::viz
