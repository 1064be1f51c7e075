/// @file
/// @brief Storage–elevation of a mine's airways and its inverse.
#include "sim/hazards/mine/WaterLevel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hg::mine {

namespace {
/// An antiderivative of g(u) = clamp((h − u)/hh, 0, 1), the filled fraction of a section whose floor is at u.
double filled(double u, double h, double hh) {
  const double lo = h - hh;
  if (u <= lo) return u;
  if (u >= h) return lo + hh / 2;
  const double d = u - lo;
  return lo + d - d * d / (2 * hh);
}
} // namespace

double branch_water_volume_m3(const MineNetwork& net, int bi, double level) {
  const Branch& b = net.branches[size_t(bi)];
  if (b.area_m2 <= 0 || b.length_m <= 0 || b.height_m <= 0) return 0;
  const double z1 = net.junctions[size_t(b.from)].z_m, z2 = net.junctions[size_t(b.to)].z_m;
  double frac; // filled fraction of the branch volume
  if (std::abs(z2 - z1) < 1e-9) {
    frac = std::clamp((level - z1) / b.height_m, 0.0, 1.0);
  } else {
    const double lo = std::min(z1, z2), hi = std::max(z1, z2);
    // The floor u = z(s) is linear in s, so the mean fill over the length is the mean over u in [lo, hi]
    // of clamp((level − u)/H, 0, 1): a point is dry above the level and full once level >= u + H.
    frac = (filled(hi, level, b.height_m) - filled(lo, level, b.height_m)) / (hi - lo);
  }
  return frac * b.area_m2 * b.length_m;
}

double mine_water_volume_m3(const MineNetwork& net, double level) {
  double v = 0;
  for (size_t b = 0; b < net.branches.size(); ++b)
    v += branch_water_volume_m3(net, int(b), level);
  return v;
}

double water_level_m(const MineNetwork& net, double volume) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& b : net.branches) {
    const double z1 = net.junctions[size_t(b.from)].z_m, z2 = net.junctions[size_t(b.to)].z_m;
    lo = std::min({lo, z1, z2});
    hi = std::max({hi, z1 + b.height_m, z2 + b.height_m});
  }
  if (net.branches.empty() || volume <= 0) return net.branches.empty() ? 0 : lo;
  if (mine_water_volume_m3(net, hi) <= volume) return hi;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (mine_water_volume_m3(net, mid) < volume ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double water_depth_m(const MineNetwork& net, int bi, double s, double level) {
  const Branch& b = net.branches[size_t(bi)];
  const double z =
      net.junctions[size_t(b.from)].z_m +
      std::clamp(s, 0.0, 1.0) * (net.junctions[size_t(b.to)].z_m - net.junctions[size_t(b.from)].z_m);
  return std::max(0.0, level - z);
}

} // namespace hg::mine
