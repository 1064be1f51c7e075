#pragma once
/// @file
/// @brief The four chemicals the release model knows (ammonia, chlorine, hydrogen sulfide, carbon
/// monoxide): physical properties for the source term, toxic thresholds (US EPA AEGL, AIHA ERPG) and a
/// lethality probit, each with its source (docs/models/chemical.md §1). Concentrations convert between
/// ppm and g/m3 at 25 °C and 1 atm (molar volume 24.45 L/mol), the reference of the AEGL tables.
#include <array>
#include <string>
#include <vector>

namespace hg::chemical {

/// @brief Which toxic threshold.
enum class ToxicLevel { kAegl1, kAegl2, kAegl3 };

/// @brief Parses "aegl1"|"aegl2"|"aegl3" (std::invalid_argument naming `field` otherwise).
ToxicLevel parse_toxic_level(const std::string& text, const std::string& field = "level");
/// @brief "aegl1"…
std::string to_string(ToxicLevel level);

/// @brief A probit Y = a + b ln(∫ C^n dt), C in ppm and t in minutes (the convention of the table it
/// comes from); Y = 5 is 50 % response.
struct Probit {
  double a = 0;
  double b = 1;
  double n = 1;
  std::string source;
};

/// @brief Physical properties and toxic thresholds of one chemical.
struct Chemical {
  std::string key; ///< "ammonia", "chlorine", "hydrogen-sulfide", "carbon-monoxide"
  std::string zh;
  std::string en;
  double molar_mass_g_mol = 0;
  double boiling_point_k = 0;             ///< normal boiling point (1 atm)
  double heat_of_vaporization_j_kg = 0;   ///< at the normal boiling point
  double liquid_heat_capacity_j_kg_k = 0; ///< saturated liquid, about 20 °C
  double liquid_density_kg_m3 = 0;        ///< saturated liquid at 20 °C (0 = not a liquid at ambient)
  double heat_capacity_ratio = 1.4;       ///< cp/cv of the gas near 20 °C
  std::array<double, 5> vp_dippr101{};    ///< Perry's Table 2-8: ln P[Pa] = C1 + C2/T + C3 ln T + C4 T^C5
  double critical_temperature_k = 0;      ///< above it the equation (and a liquid) does not exist
  /// AEGL ppm for 10 min, 30 min, 60 min, 4 h, 8 h; a negative value = "not recommended" (NR).
  std::array<double, 5> aegl1_ppm{}, aegl2_ppm{}, aegl3_ppm{};
  double erpg1_ppm = 0, erpg2_ppm = 0, erpg3_ppm = 0;
  Probit lethality;
  bool dense_gas = false; ///< heavier than air when released (chlorine; cold ammonia aerosol): see the docs
  std::string property_source;
  std::string aegl_source;
  std::string erpg_source;
};

/// @brief Every chemical, in a fixed order.
const std::vector<Chemical>& chemicals();
/// @brief By key (also accepts "hydrogen_sulfide", "h2s", "nh3", "cl2", "co"); std::invalid_argument
/// naming `field` and listing the known keys otherwise.
const Chemical& chemical(const std::string& key, const std::string& field = "chemical");

/// @brief Molar volume used for ppm ↔ g/m3 (25 °C, 101.325 kPa), L/mol.
inline constexpr double kMolarVolumeL = 24.45;
/// @brief ppm (by volume) → g/m3.
inline double ppm_to_g_m3(double ppm, double molar_mass_g_mol) {
  return ppm * molar_mass_g_mol / kMolarVolumeL / 1000.0;
}
/// @brief g/m3 → ppm.
inline double g_m3_to_ppm(double g_m3, double molar_mass_g_mol) {
  return g_m3 * 1000.0 * kMolarVolumeL / molar_mass_g_mol;
}

/// @brief The AEGL durations of the tables, minutes.
inline constexpr std::array<double, 5> kAeglDurationsMin = {10, 30, 60, 240, 480};

/// @brief The threshold of a level for an exposure of `duration_min`, ppm. Between the tabulated
/// durations it is interpolated log-log (the C^n·t form the AEGL tables are scaled with); outside them
/// the 10-min or 8-h value is used. A level the tables mark "not recommended" (carbon monoxide AEGL-1)
/// falls back to the ERPG of the same tier, and `substitute` (when given) says so.
double threshold_ppm(const Chemical& c, ToxicLevel level, double duration_min,
                     std::string* substitute = nullptr);

/// @brief Saturation vapour pressure, Pa (DIPPR 101, Perry's Table 2-8). Throws above the critical
/// temperature (no liquid) naming `field`.
double vapour_pressure_pa(const Chemical& c, double temperature_k,
                          const std::string& field = "temperature_k");

} // namespace hg::chemical
