/// @file
/// @brief Local frame and sampling of circles, polygons and segments.
#include "sim/hazards/chemical/Geometry.hpp"

#include <algorithm>
#include <cmath>

namespace hg::chemical {

LocalFrame::LocalFrame(LatLon origin) : origin_(origin) {
  constexpr double kR = 6371008.8, kDeg = M_PI / 180.0;
  m_per_deg_lat_ = kR * kDeg;
  m_per_deg_lon_ = kR * kDeg * std::cos(origin.lat * kDeg);
}

Xy LocalFrame::to_xy(LatLon p) const {
  return {(p.lon - origin_.lon) * m_per_deg_lon_, (p.lat - origin_.lat) * m_per_deg_lat_};
}

LatLon LocalFrame::to_latlon(Xy p) const {
  return {origin_.lat + p.y_m / m_per_deg_lat_, origin_.lon + p.x_m / m_per_deg_lon_};
}

std::vector<Xy> circle_samples(Xy c, double radius_m, int rings) {
  std::vector<Xy> out{c};
  // Ring k (1..rings) at the radius that splits the disc into equal-area annuli, 6k points on it.
  for (int k = 1; k <= rings; ++k) {
    const double r = radius_m * std::sqrt((k - 0.5) / rings);
    const int n = 6 * k;
    for (int i = 0; i < n; ++i) {
      const double a = 2 * M_PI * (i + 0.5 * (k % 2)) / n;
      out.push_back({c.x_m + r * std::cos(a), c.y_m + r * std::sin(a)});
    }
  }
  return out;
}

std::vector<Xy> segment_samples(Xy a, Xy b, double spacing_m) {
  const double len = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
  const int n = std::max(1, int(std::ceil(len / std::max(1.0, spacing_m))));
  std::vector<Xy> out;
  out.reserve(size_t(n) + 1);
  for (int i = 0; i <= n; ++i) {
    const double f = double(i) / n;
    out.push_back({a.x_m + f * (b.x_m - a.x_m), a.y_m + f * (b.y_m - a.y_m)});
  }
  return out;
}

bool point_in_polygon(Xy p, const std::vector<Xy>& poly) {
  bool inside = false;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const Xy& a = poly[i];
    const Xy& b = poly[j];
    if ((a.y_m > p.y_m) != (b.y_m > p.y_m) &&
        p.x_m < (b.x_m - a.x_m) * (p.y_m - a.y_m) / (b.y_m - a.y_m) + a.x_m)
      inside = !inside;
  }
  return inside;
}

std::vector<Xy> polygon_samples(const std::vector<Xy>& poly, double spacing_m) {
  std::vector<Xy> out;
  if (poly.empty()) return out;
  double x0 = poly[0].x_m, x1 = x0, y0 = poly[0].y_m, y1 = y0;
  for (const Xy& p : poly) {
    x0 = std::min(x0, p.x_m), x1 = std::max(x1, p.x_m);
    y0 = std::min(y0, p.y_m), y1 = std::max(y1, p.y_m);
  }
  const double s = std::max(1.0, spacing_m);
  for (double y = y0 + s / 2; y < y1; y += s)
    for (double x = x0 + s / 2; x < x1; x += s)
      if (point_in_polygon({x, y}, poly)) out.push_back({x, y});
  if (out.empty()) out.push_back(poly[0]);
  return out;
}

} // namespace hg::chemical
