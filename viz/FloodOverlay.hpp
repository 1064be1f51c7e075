#pragma once
/// @file
/// @brief Flood overlay: flooded zones as translucent discs (size by population, colour by depth,
/// from flood.zone), roads and bridges under water (roads whose `zone` depth reaches the class
/// closure depth), and river gauges as bar glyphs of stage against warning/guarantee levels
/// (flood.gauge: green below warning, yellow from warning, red from guarantee).
#include "sim/world/World.hpp"
#include "viz/Overlay.hpp"

#include <map>

namespace hg::viz {

class FloodOverlay : public Overlay {
public:
  explicit FloodOverlay(const World& world) : world_(&world) {}
  std::string name() const override { return "flood"; }
  bool handles(const std::string& type) const override { return type.rfind("flood.", 0) == 0; }
  void reset() override;
  void apply(const Event& e) override;
  void draw(const DrawContext& ctx) const override;
  std::vector<LegendItem> legend() const override;
  bool active() const override { return active_; }

  /// Fill colour of a zone disc for a water depth (alpha included).
  static sf::Color depth_color(double depth_m);
  /// Gauge bar colour for a stage against its warning and guarantee levels.
  static sf::Color gauge_color(double stage_m, double warning_m, double guarantee_m);
  /// Top-left corner of a gauge's bar glyph relative to the gauge's pixel (the bar is 9 x 30 px,
  /// left of the icon so that the facility label on the right stays readable).
  static sf::Vector2f gauge_bar_offset() { return {-24.f, -34.f}; }
  /// Disc radius in km for a zone population.
  static double zone_radius_km(double population);

private:
  struct Gauge {
    double stage_m = 0, warning_m = 0, guarantee_m = 0;
  };
  const World* world_;
  bool active_ = false;
  std::map<std::string, double> depth_; ///< zone id -> depth (m)
  std::map<std::string, Gauge> gauges_; ///< gauge facility id -> last reading
};

} // namespace hg::viz
