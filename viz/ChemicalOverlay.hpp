#pragma once
/// @file
/// @brief Chemical-release overlay: the AEGL-1/2/3 threat zones of the latest report (the receptor-grid
/// cells of chemical_release.threat_zone, translucent yellow / orange / red), the largest extent each
/// level has reached so far as an outline (the threat zones over time, so a picture taken after the gas
/// has gone still shows where it went), the cordon (roads closed by the release's own AEGL closure, and
/// by a post's traffic control once a release has begun) as purple bands, and the source
/// with an arrow toward which the wind blows and the AEGL-2 distance. When the gas covers only a few
/// pixels of the map (the whole city in view, as in the run's map picture), a magnified inset in the
/// map's emptiest corner shows the same, with the roads and zone names around it.
#include "sim/world/World.hpp"
#include "viz/Overlay.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

#include <map>
#include <memory>
#include <set>
#include <vector>

namespace hg::viz {

class ChemicalOverlay : public Overlay {
public:
  explicit ChemicalOverlay(const World& world) : world_(&world) {}
  std::string name() const override { return "chemical_release"; }
  /// chemical_release.* events, and road closures (the cordon) once a release is configured.
  bool handles(const std::string& type) const override;
  void reset() override;
  void apply(const Event& e) override;
  void draw(const DrawContext& ctx) const override;
  std::vector<LegendItem> legend() const override;
  bool active() const override { return active_; }

  /// Fill colour of a threat-zone level (1, 2, 3), alpha included.
  static sf::Color level_color(int level);
  /// Outline colour of the largest extent of a level so far.
  static sf::Color extent_color(int level);
  /// Faint fill of the cells a level has reached so far.
  static sf::Color extent_fill(int level);
  /// Cordon band colour.
  static sf::Color cordon_color() { return {120, 40, 160, 200}; }
  /// Source glyph colour.
  static sf::Color source_color() { return {90, 0, 110}; }

  /// Cells of a level in the latest report (row-major indices), for tests.
  const std::set<int>& cells(const std::string& hazard, int level) const;
  /// Cells of a level ever reached so far.
  const std::set<int>& extent(const std::string& hazard, int level) const;

private:
  struct Grid {
    double lat0 = 0, lon0 = 0, half_size_m = 0, spacing_m = 0;
    int cells = 0;
  };
  struct Release {
    LatLon source;
    std::string chemical;
    Grid grid;
    std::set<int> now[3];  ///< AEGL-1/2/3 cells of the latest report
    std::set<int> ever[3]; ///< union over the reports so far
    double wind_from_deg = -1;
    double aegl2_distance_m = 0; ///< latest report
    double aegl2_max_m = 0;      ///< largest so far
  };
  /// Lat/lon of a grid corner (i, j may be half-integers: cell edges).
  static LatLon corner(const Grid& g, double i, double j);
  /// Bounding box of every cell a release's levels have reached.
  static GeoBox footprint(const Release& r);
  void draw_cordon(const DrawContext& ctx, float scale) const;
  void draw_release(const DrawContext& ctx, const Release& r, bool inset) const;
  void draw_inset(const DrawContext& ctx) const;

  const World* world_;
  bool active_ = false;
  bool started_ = false;                                 ///< a release has begun
  std::map<std::string, Release> releases_;              ///< by hazard id
  std::set<std::string> cordon_;                         ///< closed road ids
  mutable std::unique_ptr<sf::RenderTexture> inset_tex_; ///< kept between frames (the viewer redraws often)
};

} // namespace hg::viz
