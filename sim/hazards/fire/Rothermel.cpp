/// @file
/// @brief Rothermel (1972) / Albini (1976) surface fire spread, as in BehavePlus (Andrews 2018).
/// Equation numbers in comments refer to Andrews (2018) RMRS-GTR-371, table 1 and §4–§6.
#include "sim/hazards/fire/Rothermel.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hg::fire {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Particle {
  double load_lb_ft2 = 0;
  double sav_ft = 0;
  double moisture = 0; ///< fraction
  bool live = false;
};

/// Albini (1976) size-class bins used to weight net loading (BehavePlus "size class weighting").
int sav_bin(double sav) {
  if (sav >= 1200) return 0;
  if (sav >= 192) return 1;
  if (sav >= 96) return 2;
  if (sav >= 48) return 3;
  if (sav >= 16) return 4;
  return 5;
}

void check(double v, const char* field, double lo = 0) {
  if (!std::isfinite(v) || v < lo)
    throw std::invalid_argument(std::string(field) + ": expected a number >= " + std::to_string(lo) +
                                " (got " + std::to_string(v) + ")");
}

} // namespace

double anderson_length_to_breadth(double wind_m_s) {
  const double u_mi_h = wind_m_s / 0.44704;
  return 0.936 * std::exp(0.1147 * u_mi_h) + 0.461 * std::exp(-0.0692 * u_mi_h) - 0.397;
}

double ros_at_angle_m_min(double head_ros_m_min, double eccentricity, double angle_from_head_deg) {
  const double c = std::cos(angle_from_head_deg * kPi / 180.0);
  return head_ros_m_min * (1.0 - eccentricity) / (1.0 - eccentricity * c);
}

double byram_flame_length_m(double fireline_intensity_kw_m) {
  if (fireline_intensity_kw_m <= 0) return 0;
  // Byram's US form evaluated exactly (0.0775 I^0.46 is its rounded SI form).
  return 0.3048 * 0.45 * std::pow(fireline_intensity_kw_m / kKwMPerBtuFtS, 0.46);
}

SurfaceFire surface_fire(const FuelModel& fm, const FuelMoisture& mo, const SpreadEnvironment& env) {
  check(mo.dead_1h_pct, "dead_1h_pct");
  check(mo.dead_10h_pct, "dead_10h_pct");
  check(mo.dead_100h_pct, "dead_100h_pct");
  check(mo.live_herb_pct, "live_herb_pct");
  check(mo.live_woody_pct, "live_woody_pct");
  check(env.midflame_wind_m_s, "midflame_wind_m_s");
  check(env.slope_pct, "slope_pct");

  SurfaceFire out;
  const double rho_p = kParticleDensityLbFt3;
  // Particles: dead 1-h, 10-h, 100-h; live herbaceous, live woody.
  std::array<Particle, 5> p = {{
      {fm.load_1h_t_ac * kTonsAcreToLbFt2, fm.sav_1h_ft, mo.dead_1h_pct / 100, false},
      {fm.load_10h_t_ac * kTonsAcreToLbFt2, kSav10hFt, mo.dead_10h_pct / 100, false},
      {fm.load_100h_t_ac * kTonsAcreToLbFt2, kSav100hFt, mo.dead_100h_pct / 100, false},
      {fm.load_herb_t_ac * kTonsAcreToLbFt2, fm.sav_herb_ft, mo.live_herb_pct / 100, true},
      {fm.load_woody_t_ac * kTonsAcreToLbFt2, fm.sav_woody_ft, mo.live_woody_pct / 100, true},
  }};

  // Surface areas and weighting factors (Andrews 2018 eqs. 53–59; Rothermel 1972 eqs. 53–57).
  std::array<double, 5> a{};
  double a_cat[2] = {0, 0};
  for (size_t i = 0; i < p.size(); ++i) {
    a[i] = p[i].load_lb_ft2 * p[i].sav_ft / rho_p;
    a_cat[p[i].live ? 1 : 0] += a[i];
  }
  const double a_total = a_cat[0] + a_cat[1];
  if (a_total <= 0) return out;
  std::array<double, 5> f{};
  for (size_t i = 0; i < p.size(); ++i) {
    const double ac = a_cat[p[i].live ? 1 : 0];
    f[i] = ac > 0 ? a[i] / ac : 0;
  }
  const double f_cat[2] = {a_cat[0] / a_total, a_cat[1] / a_total};

  // Size-class weights g_ij for net loading (Albini 1976): the sum of f over the same SAV bin.
  std::array<double, 5> g{};
  for (size_t i = 0; i < p.size(); ++i)
    for (size_t j = 0; j < p.size(); ++j)
      if (p[i].live == p[j].live && sav_bin(p[i].sav_ft) == sav_bin(p[j].sav_ft)) g[i] += f[j];

  double sigma_cat[2] = {0, 0}, w_net[2] = {0, 0}, moist_cat[2] = {0, 0};
  double load_total = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const int c = p[i].live ? 1 : 0;
    sigma_cat[c] += f[i] * p[i].sav_ft;
    w_net[c] += g[i] * p[i].load_lb_ft2 * (1 - kTotalMineral);
    moist_cat[c] += f[i] * p[i].moisture;
    load_total += p[i].load_lb_ft2;
  }
  const double sigma = f_cat[0] * sigma_cat[0] + f_cat[1] * sigma_cat[1];

  // Live fuel moisture of extinction (Albini 1976; Andrews 2018 eqs. 88–90).
  const double mx_dead = fm.dead_extinction_pct / 100;
  double mx_live = mx_dead;
  if (a_cat[1] > 0) {
    double fine_dead = 0, fine_dead_moist = 0, fine_live = 0;
    for (const Particle& q : p) {
      if (q.sav_ft <= 0) continue;
      if (!q.live) {
        const double w = q.load_lb_ft2 * std::exp(-138.0 / q.sav_ft);
        fine_dead += w;
        fine_dead_moist += w * q.moisture;
      } else {
        fine_live += q.load_lb_ft2 * std::exp(-500.0 / q.sav_ft);
      }
    }
    const double w_ratio = fine_live > 0 ? fine_dead / fine_live : 0;
    const double mf_dead = fine_dead > 0 ? fine_dead_moist / fine_dead : 0;
    mx_live = std::max(mx_dead, 2.9 * w_ratio * (1 - mf_dead / mx_dead) - 0.226);
  }

  // Damping coefficients (Rothermel 1972 eqs. 29–30; Andrews 2018 eqs. 25–27).
  const double eta_s = std::min(1.0, 0.174 * std::pow(kEffectiveMineral, -0.19));
  auto eta_m = [](double m, double mx) {
    if (mx <= 0) return 0.0;
    const double r = m / mx;
    if (r >= 1) return 0.0; // at or above extinction: no fire (the cubic is 0 there, up to round-off)
    return 1 - 2.59 * r + 5.11 * r * r - 3.52 * r * r * r;
  };
  const double eta_m_cat[2] = {eta_m(moist_cat[0], mx_dead), eta_m(moist_cat[1], mx_live)};

  // Packing ratio and reaction velocity (Rothermel 1972 eqs. 36–39, Albini 1976 A).
  const double rho_b = load_total / fm.depth_ft;
  const double beta = rho_b / rho_p;
  const double beta_op = 3.348 * std::pow(sigma, -0.8189);
  const double ratio = beta / beta_op;
  const double gamma_max = std::pow(sigma, 1.5) / (495 + 0.0594 * std::pow(sigma, 1.5));
  const double big_a = 133 * std::pow(sigma, -0.7913);
  const double gamma = gamma_max * std::pow(ratio, big_a) * std::exp(big_a * (1 - ratio));

  const double i_r = gamma * fm.heat_btu_lb * eta_s * (w_net[0] * eta_m_cat[0] + w_net[1] * eta_m_cat[1]);

  // Propagating flux ratio (eq. 42) and heat sink (eqs. 12, 14, 77).
  const double xi = std::exp((0.792 + 0.681 * std::sqrt(sigma)) * (beta + 0.1)) / (192 + 0.2595 * sigma);
  double sink = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i].sav_ft <= 0 || p[i].load_lb_ft2 <= 0) continue;
    const double q_ig = 250 + 1116 * p[i].moisture;
    sink += f_cat[p[i].live ? 1 : 0] * f[i] * std::exp(-138.0 / p[i].sav_ft) * q_ig;
  }
  sink *= rho_b;
  if (sink <= 0 || i_r <= 0) return out;
  const double r0 = i_r * xi / sink; // ft/min

  // Wind and slope factors (eqs. 47–51).
  const double c_coef = 7.47 * std::exp(-0.133 * std::pow(sigma, 0.55));
  const double b_coef = 0.02526 * std::pow(sigma, 0.54);
  const double e_coef = 0.715 * std::exp(-3.59e-4 * sigma);
  const double wind_ft_min = env.midflame_wind_m_s * kFtMinPerMS;
  const double phi_w =
      wind_ft_min > 0 ? c_coef * std::pow(wind_ft_min, b_coef) * std::pow(ratio, -e_coef) : 0;
  const double tan_slope = env.slope_pct / 100;
  const double phi_s = 5.275 * std::pow(beta, -0.3) * tan_slope * tan_slope;

  // Vector sum of the wind and slope effects (Rothermel 1983 p. 90; Andrews 2018 §6.1, BehavePlus).
  const double d_slope = r0 * phi_s;
  const double d_wind = r0 * phi_w;
  const double w_rad = env.wind_from_upslope_deg * kPi / 180;
  const double x = d_slope + d_wind * std::cos(w_rad);
  const double y = d_wind * std::sin(w_rad);
  const double d = std::sqrt(x * x + y * y);
  double ros = r0 + d;
  double dir_deg = d > 0 ? std::atan2(y, x) * 180 / kPi : 0;
  if (dir_deg < 0) dir_deg += 360;
  double phi_e = ros / r0 - 1;
  double u_eff_ft_min =
      phi_e > 0 ? std::pow(phi_e * std::pow(ratio, e_coef) / c_coef, 1.0 / b_coef) : 0; // eq. 87
  // Wind limit (Rothermel 1972 eq. 86 as corrected by Andrews et al. 2013): off unless asked for.
  const double u_limit = 0.9 * i_r;
  if (env.apply_wind_limit && u_eff_ft_min > u_limit) {
    u_eff_ft_min = u_limit;
    phi_e = c_coef * std::pow(u_limit, b_coef) * std::pow(ratio, -e_coef);
    ros = r0 * (1 + phi_e);
    out.wind_limited = true;
  }

  const double t_r = 384.0 / sigma;  // residence time, min (Anderson 1969)
  const double h_a = i_r * t_r;      // Btu/ft2
  const double i_b = h_a * ros / 60; // Btu/ft/s (Byram 1959 via Albini 1976)
  const double flame_ft = i_b > 0 ? 0.45 * std::pow(i_b, 0.46) : 0;

  const double u_eff_m_s = u_eff_ft_min / kFtMinPerMS;
  double lb = 1;
  if (u_eff_m_s > 1e-9) lb = std::min(8.0, anderson_length_to_breadth(u_eff_m_s));
  const double ecc = lb > 1 ? std::sqrt(lb * lb - 1) / lb : 0;
  const double backing = ros * (1 - ecc) / (1 + ecc);

  const double m_min = 0.3048; // ft → m
  out.ros_m_min = ros * m_min;
  out.ros_no_wind_no_slope_m_min = r0 * m_min;
  out.direction_from_upslope_deg = dir_deg;
  out.reaction_intensity_kw_m2 = i_r * kKwM2PerBtuFt2Min;
  out.heat_per_unit_area_kj_m2 = h_a * kKjM2PerBtuFt2;
  out.fireline_intensity_kw_m = i_b * kKwMPerBtuFtS;
  out.flame_length_m = flame_ft * m_min;
  out.effective_wind_m_s = u_eff_m_s;
  out.length_to_breadth = lb;
  out.eccentricity = ecc;
  out.backing_ros_m_min = backing * m_min;
  out.flanking_ros_m_min = (ros + backing) / 2 / lb * m_min;
  out.residence_time_min = t_r;
  out.phi_wind = phi_w;
  out.phi_slope = phi_s;
  out.ros_ch_h = ros * 60 / 66;
  out.reaction_intensity_btu_ft2_min = i_r;
  out.heat_per_unit_area_btu_ft2 = h_a;
  out.fireline_intensity_btu_ft_s = i_b;
  out.flame_length_ft = flame_ft;
  out.effective_wind_mi_h = u_eff_ft_min / 88;
  return out;
}

} // namespace hg::fire
