#pragma once
/// @file
/// @brief Projection between WGS84 lat/lon and screen pixels: a local equirectangular projection
/// (x scaled by cos of the centre latitude, so distances are true near Hegang), with zoom and pan.
/// Tests use to_pixel() to find the pixel of a known map feature.
#include "sim/world/Geo.hpp"

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

namespace hg::viz {

/// A lat/lon bounding box.
struct GeoBox {
  double min_lat = 90, min_lon = 180, max_lat = -90, max_lon = -180;
  bool empty() const { return min_lat > max_lat; }
  void add(LatLon p);
  void add(const GeoBox& b);
};

class Projection {
public:
  Projection() = default;
  /// Centres `box` in `viewport` (pixels) and picks the largest scale that fits, leaving `margin` px.
  void fit(const GeoBox& box, sf::FloatRect viewport, float margin = 20.f);
  sf::Vector2f to_pixel(LatLon p) const;
  LatLon to_latlon(sf::Vector2f px) const;
  double pixels_per_km() const;
  /// Zooms by `factor` keeping the point under `px` fixed.
  void zoom_at(sf::Vector2f px, double factor);
  /// Moves the map by `delta` pixels.
  void pan(sf::Vector2f delta);
  sf::FloatRect viewport() const { return viewport_; }

private:
  double lat0_ = 0, lon0_ = 0; ///< geographic centre
  double coslat_ = 1;
  double px_per_deg_ = 1000; ///< pixels per degree of latitude
  sf::Vector2f centre_px_;   ///< pixel of (lat0_, lon0_)
  sf::FloatRect viewport_;
};

} // namespace hg::viz
