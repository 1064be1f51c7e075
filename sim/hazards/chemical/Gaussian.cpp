/// @file
/// @brief Gaussian plume, puff and slug kernels.
#include "sim/hazards/chemical/Gaussian.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <cmath>

namespace hg::chemical {

double vertical_term(double z_m, double h_m, double sz) {
  const double a = (z_m - h_m) / sz, b = (z_m + h_m) / sz;
  return std::exp(-0.5 * a * a) + std::exp(-0.5 * b * b);
}

double plume_concentration_g_m3(double q_g_s, double u_m_s, double sy, double sz, double y_m, double z_m,
                                double h_m) {
  require_non_negative("q_g_s", q_g_s, "g/s");
  require_positive("u_m_s", u_m_s, "m/s");
  require_positive("sigma_y_m", sy, "m");
  require_positive("sigma_z_m", sz, "m");
  require_non_negative("z_m", z_m, "m");
  require_non_negative("h_m", h_m, "m");
  require_finite("y_m", y_m);
  const double r = y_m / sy;
  return q_g_s / (2 * M_PI * u_m_s * sy * sz) * std::exp(-0.5 * r * r) * vertical_term(z_m, h_m, sz);
}

double puff_concentration_g_m3(double mass_g, double sx, double sy, double sz, double dx_m, double dy_m,
                               double z_m, double h_m) {
  const double ax = dx_m / sx, ay = dy_m / sy;
  return mass_g / (std::pow(2 * M_PI, 1.5) * sx * sy * sz) * std::exp(-0.5 * (ax * ax + ay * ay)) *
         vertical_term(z_m, h_m, sz);
}

double slug_concentration_g_m3(const Slug& s, double px, double py, double pz) {
  const double ex = s.x1_m - s.x0_m, ey = s.y1_m - s.y0_m;
  const double len = std::hypot(ex, ey);
  if (len < 1e-6 * std::max(1.0, s.sigma_h0_m)) {
    const double sh = 0.5 * (s.sigma_h0_m + s.sigma_h1_m), sz = 0.5 * (s.sigma_z0_m + s.sigma_z1_m);
    return puff_concentration_g_m3(s.mass_g, sh, sh, sz, px - s.x1_m, py - s.y1_m, pz, s.h_m);
  }
  const double ux = ex / len, uy = ey / len;
  const double rx = px - s.x0_m, ry = py - s.y0_m;
  const double along = rx * ux + ry * uy; // position of the receptor's foot from the older end
  const double cross = -rx * uy + ry * ux;
  const double f = std::min(1.0, std::max(0.0, along / len));
  const double sh = s.sigma_h0_m + f * (s.sigma_h1_m - s.sigma_h0_m);
  const double sz = s.sigma_z0_m + f * (s.sigma_z1_m - s.sigma_z0_m);
  const double k = 1.0 / (M_SQRT2 * sh);
  const double along_factor = 0.5 * (std::erf((len - along) * k) + std::erf(along * k));
  if (along_factor <= 0) return 0;
  const double c = cross / sh;
  return (s.mass_g / len) / (2 * M_PI * sh * sz) * along_factor * std::exp(-0.5 * c * c) *
         vertical_term(pz, s.h_m, sz);
}

} // namespace hg::chemical
