/// @file
/// @brief Local equirectangular projection with zoom and pan (see Projection.hpp).
#include "viz/Projection.hpp"

#include <algorithm>
#include <cmath>

namespace hg::viz {

namespace {
constexpr double kKmPerDegLat = 111.195;
constexpr double kDeg = M_PI / 180.0;
} // namespace

void GeoBox::add(LatLon p) {
  min_lat = std::min(min_lat, p.lat);
  max_lat = std::max(max_lat, p.lat);
  min_lon = std::min(min_lon, p.lon);
  max_lon = std::max(max_lon, p.lon);
}

void GeoBox::add(const GeoBox& b) {
  if (b.empty()) return;
  add(LatLon{b.min_lat, b.min_lon});
  add(LatLon{b.max_lat, b.max_lon});
}

void Projection::fit(const GeoBox& box, sf::FloatRect viewport, float margin) {
  viewport_ = viewport;
  GeoBox b = box;
  if (b.empty()) b.add(LatLon{47.35, 130.3});
  lat0_ = (b.min_lat + b.max_lat) / 2;
  lon0_ = (b.min_lon + b.max_lon) / 2;
  coslat_ = std::cos(lat0_ * kDeg);
  const double w_deg = std::max(1e-4, (b.max_lon - b.min_lon) * coslat_);
  const double h_deg = std::max(1e-4, b.max_lat - b.min_lat);
  const double avail_w = std::max(10.f, viewport.width - 2 * margin);
  const double avail_h = std::max(10.f, viewport.height - 2 * margin);
  px_per_deg_ = std::min(avail_w / w_deg, avail_h / h_deg);
  centre_px_ = {viewport.left + viewport.width / 2, viewport.top + viewport.height / 2};
}

sf::Vector2f Projection::to_pixel(LatLon p) const {
  return {float(centre_px_.x + (p.lon - lon0_) * coslat_ * px_per_deg_),
          float(centre_px_.y - (p.lat - lat0_) * px_per_deg_)};
}

LatLon Projection::to_latlon(sf::Vector2f px) const {
  return {lat0_ - (px.y - centre_px_.y) / px_per_deg_,
          lon0_ + (px.x - centre_px_.x) / (coslat_ * px_per_deg_)};
}

double Projection::pixels_per_km() const {
  return px_per_deg_ / kKmPerDegLat;
}

void Projection::zoom_at(sf::Vector2f px, double factor) {
  const LatLon fixed = to_latlon(px);
  px_per_deg_ = std::clamp(px_per_deg_ * factor, 10.0, 5e6);
  const sf::Vector2f moved = to_pixel(fixed);
  pan(px - moved);
}

void Projection::pan(sf::Vector2f delta) {
  centre_px_ += delta;
}

} // namespace hg::viz
