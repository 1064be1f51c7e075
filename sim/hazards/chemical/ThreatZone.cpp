/// @file
/// @brief Steady threat zones and grid footprints.
#include "sim/hazards/chemical/ThreatZone.hpp"

#include "sim/hazards/chemical/Checks.hpp"
#include "sim/hazards/chemical/Gaussian.hpp"

#include <algorithm>
#include <cmath>

namespace hg::chemical {

ThreatZone steady_threat_zone_g_m3(double ct, double q, double u, Stability s, SigmaSet set, double h,
                                   double max_x) {
  require_positive("threshold_g_m3", ct, "g/m3");
  require_positive("q_g_s", q, "g/s");
  require_positive("u_m_s", u, "m/s");
  require_non_negative("h_m", h, "m");
  require_positive("max_distance_m", max_x, "m");
  ThreatZone z;
  z.threshold_g_m3 = ct;
  auto centre = [&](double x) {
    const Sigmas g = plume_sigmas(set, s, x);
    return plume_concentration_g_m3(q, u, g.y_m, g.z_m, 0, 0, h);
  };
  const int n = 600;
  const double x0 = 1.0;
  const double ratio = std::pow(max_x / x0, 1.0 / (n - 1));
  std::vector<double> xs(n), cs(n);
  int last = -1;
  for (int i = 0; i < n; ++i) {
    xs[i] = x0 * std::pow(ratio, i);
    cs[i] = centre(xs[i]);
    if (cs[i] >= ct) last = i;
  }
  if (last < 0) return z;
  if (last == n - 1) {
    z.capped = true;
    z.distance_m = max_x;
  } else {
    double lo = xs[last], hi = xs[last + 1];
    for (int it = 0; it < 80; ++it) {
      const double mid = 0.5 * (lo + hi);
      (centre(mid) >= ct ? lo : hi) = mid;
    }
    z.distance_m = lo;
  }
  auto half_width = [&](double x) {
    const Sigmas g = plume_sigmas(set, s, x);
    const double c = plume_concentration_g_m3(q, u, g.y_m, g.z_m, 0, 0, h);
    return c > ct ? g.y_m * std::sqrt(2 * std::log(c / ct)) : 0.0;
  };
  int best = 0;
  double best_w = -1;
  for (int i = 0; i < n && xs[i] <= z.distance_m; ++i) {
    const double w = half_width(xs[i]);
    if (w > best_w) best_w = w, best = i;
  }
  // Golden-section search on [x_{best-1}, x_{best+1}].
  double a = xs[std::max(0, best - 1)], b = std::min(z.distance_m, xs[std::min(n - 1, best + 1)]);
  const double g = (std::sqrt(5.0) - 1) / 2;
  double c1 = b - g * (b - a), c2 = a + g * (b - a);
  double f1 = half_width(c1), f2 = half_width(c2);
  for (int it = 0; it < 80 && b - a > 1e-9 * b; ++it) {
    if (f1 < f2) {
      a = c1, c1 = c2, f1 = f2, c2 = a + g * (b - a), f2 = half_width(c2);
    } else {
      b = c2, c2 = c1, f2 = f1, c1 = b - g * (b - a), f1 = half_width(c1);
    }
  }
  z.max_width_m = 2 * std::max({best_w, f1, f2});
  return z;
}

ThreatZone steady_threat_zone(const Chemical& c, double q, double u, Stability s, SigmaSet set, double h,
                              ToxicLevel level, double duration_min, double max_x) {
  std::string sub;
  const double ppm = threshold_ppm(c, level, duration_min, &sub);
  ThreatZone z = steady_threat_zone_g_m3(ppm_to_g_m3(ppm, c.molar_mass_g_mol), q, u, s, set, h, max_x);
  z.threshold_ppm = ppm;
  const std::string tier = level == ToxicLevel::kAegl1 ? "1" : level == ToxicLevel::kAegl2 ? "2" : "3";
  z.threshold_source = sub.empty() ? "AEGL-" + tier + " (" + show(duration_min) + " min)"
                                   : sub + " (AEGL-" + tier + " not recommended)";
  return z;
}

std::vector<Xy> convex_hull(std::vector<Xy> p) {
  std::sort(p.begin(), p.end(),
            [](const Xy& a, const Xy& b) { return a.x_m < b.x_m || (a.x_m == b.x_m && a.y_m < b.y_m); });
  p.erase(std::unique(p.begin(), p.end(),
                      [](const Xy& a, const Xy& b) { return a.x_m == b.x_m && a.y_m == b.y_m; }),
          p.end());
  if (p.size() < 3) return p;
  auto cross = [](const Xy& o, const Xy& a, const Xy& b) {
    return (a.x_m - o.x_m) * (b.y_m - o.y_m) - (a.y_m - o.y_m) * (b.x_m - o.x_m);
  };
  std::vector<Xy> h(2 * p.size());
  size_t k = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0)
      --k;
    h[k++] = p[i];
  }
  for (size_t i = p.size() - 1, t = k + 1; i > 0; --i) {
    while (k >= t && cross(h[k - 2], h[k - 1], p[i - 1]) <= 0)
      --k;
    h[k++] = p[i - 1];
  }
  h.resize(k - 1);
  return h;
}

Footprint grid_footprint(const ReceptorGrid& grid, const std::vector<double>& values, double threshold,
                         double toward_deg) {
  Footprint f;
  const double t = toward_deg * M_PI / 180.0;
  const double ax = std::sin(t), ay = std::cos(t); // unit vector toward which the wind blows
  double cmin = 0, cmax = 0;
  bool any = false;
  std::vector<Xy> pts;
  const double cell_km2 = grid.spacing_m() * grid.spacing_m() / 1e6;
  for (int j = 0; j < grid.cells; ++j)
    for (int i = 0; i < grid.cells; ++i) {
      if (values[size_t(j) * size_t(grid.cells) + size_t(i)] < threshold) continue;
      const Xy p = grid.point(i, j);
      f.distance_m = std::max(f.distance_m, std::hypot(p.x_m, p.y_m));
      const double across = -p.x_m * ay + p.y_m * ax;
      if (!any) cmin = cmax = across;
      cmin = std::min(cmin, across), cmax = std::max(cmax, across);
      any = true;
      f.area_km2 += cell_km2;
      pts.push_back(p);
    }
  if (any) {
    f.max_width_m = cmax - cmin + grid.spacing_m();
    f.hull = convex_hull(std::move(pts));
  }
  return f;
}

} // namespace hg::chemical
