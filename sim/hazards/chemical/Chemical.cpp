/// @file
/// @brief The chemical table: properties, AEGL/ERPG thresholds and probits, each row with its source.
#include "sim/hazards/chemical/Chemical.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hg::chemical {

namespace {

std::vector<Chemical> make_table() {
  const std::string aegl = "US EPA, Acute Exposure Guideline Levels, final values (EPA AEGL table "
                           "'Final AEGLs (162)', 3 Oct 2014; NRC AEGL volumes)";
  const std::string erpg = "AIHA Emergency Response Planning Guidelines, 2016 ERPG/WEEL Handbook";
  const std::string props = "NIST Chemistry WebBook (SRD 69): molar mass, normal boiling point, enthalpy "
                            "of vaporization; saturated-liquid density and heat capacity near 20 °C "
                            "(rounded); vapour pressure: Perry's Chemical Engineers' Handbook 8th ed., "
                            "Table 2-8 (DIPPR 101)";
  const std::string probit_src = "Crowl & Louvar, Chemical Process Safety 3rd ed. (2011), Table 2-5 "
                                 "(probit correlations, C in ppm, T in min; from CCPS 1989/2000, "
                                 "Eisenberg et al. 1975, Withers & Lees 1985)";
  std::vector<Chemical> t;
  {
    Chemical c;
    c.key = "ammonia";
    c.zh = "氨";
    c.en = "ammonia";
    c.molar_mass_g_mol = 17.031;
    c.boiling_point_k = 239.82;
    c.heat_of_vaporization_j_kg = 1.370e6; // 23.33 kJ/mol
    c.liquid_heat_capacity_j_kg_k = 4745;
    c.liquid_density_kg_m3 = 610.2;
    c.heat_capacity_ratio = 1.31;
    c.vp_dippr101 = {90.483, -4669.7, -11.607, 0.017194, 1};
    c.critical_temperature_k = 405.65;
    c.aegl1_ppm = {30, 30, 30, 30, 30};
    c.aegl2_ppm = {220, 220, 160, 110, 110};
    c.aegl3_ppm = {2700, 1600, 1100, 550, 390};
    c.erpg1_ppm = 25;
    c.erpg2_ppm = 150;
    c.erpg3_ppm = 1500;
    c.lethality = {-35.9, 1.85, 2.0, probit_src};
    c.dense_gas = true; // a flashing release carries cold aerosol that makes the cloud heavier than air
    c.property_source = props;
    c.aegl_source = aegl;
    c.erpg_source = erpg;
    t.push_back(c);
  }
  {
    Chemical c;
    c.key = "chlorine";
    c.zh = "氯气";
    c.en = "chlorine";
    c.molar_mass_g_mol = 70.906;
    c.boiling_point_k = 239.11;
    c.heat_of_vaporization_j_kg = 2.879e5; // 20.41 kJ/mol
    c.liquid_heat_capacity_j_kg_k = 926;
    c.liquid_density_kg_m3 = 1410;
    c.heat_capacity_ratio = 1.33;
    c.vp_dippr101 = {71.334, -3855, -8.5171, 0.012378, 1};
    c.critical_temperature_k = 417.15;
    c.aegl1_ppm = {0.5, 0.5, 0.5, 0.5, 0.5};
    c.aegl2_ppm = {2.8, 2.8, 2.0, 1.0, 0.71};
    c.aegl3_ppm = {50, 28, 20, 10, 7.1};
    c.erpg1_ppm = 1;
    c.erpg2_ppm = 3;
    c.erpg3_ppm = 20;
    c.lethality = {-8.29, 0.92, 2.0,
                   probit_src + "; chlorine row: Withers & Lees (1985), J. Hazard. Mater. 12, 283"};
    c.dense_gas = true; // molar mass 70.9 vs 29 for air
    c.property_source = props;
    c.aegl_source = aegl;
    c.erpg_source = erpg;
    t.push_back(c);
  }
  {
    Chemical c;
    c.key = "hydrogen-sulfide";
    c.zh = "硫化氢";
    c.en = "hydrogen sulfide";
    c.molar_mass_g_mol = 34.081;
    c.boiling_point_k = 212.8;
    c.heat_of_vaporization_j_kg = 5.478e5; // 18.67 kJ/mol
    c.liquid_heat_capacity_j_kg_k = 2050;
    c.liquid_density_kg_m3 = 780;
    c.heat_capacity_ratio = 1.32;
    c.vp_dippr101 = {85.584, -3839.9, -11.199, 0.018848, 1};
    c.critical_temperature_k = 373.53;
    c.aegl1_ppm = {0.75, 0.60, 0.51, 0.36, 0.33};
    c.aegl2_ppm = {41, 32, 27, 20, 17};
    c.aegl3_ppm = {76, 59, 50, 37, 31};
    c.erpg1_ppm = 0.1;
    c.erpg2_ppm = 30;
    c.erpg3_ppm = 100;
    c.lethality = {-31.42, 3.008, 1.43, probit_src};
    c.dense_gas = false; // 34.1 vs 29: slightly heavier than air, passive once diluted
    c.property_source = props;
    c.aegl_source = aegl;
    c.erpg_source = erpg;
    t.push_back(c);
  }
  {
    Chemical c;
    c.key = "carbon-monoxide";
    c.zh = "一氧化碳";
    c.en = "carbon monoxide";
    c.molar_mass_g_mol = 28.010;
    c.boiling_point_k = 81.6;
    c.heat_of_vaporization_j_kg = 2.157e5; // 6.04 kJ/mol
    c.liquid_heat_capacity_j_kg_k = 0;     // no liquid at ambient temperature
    c.liquid_density_kg_m3 = 0;
    c.heat_capacity_ratio = 1.40;
    c.vp_dippr101 = {45.698, -1076.6, -4.8814, 7.5673e-5, 2};
    c.critical_temperature_k = 132.92;
    c.aegl1_ppm = {-1, -1, -1, -1, -1}; // NR
    c.aegl2_ppm = {420, 150, 83, 33, 27};
    c.aegl3_ppm = {1700, 600, 330, 150, 130};
    c.erpg1_ppm = 200;
    c.erpg2_ppm = 350;
    c.erpg3_ppm = 500;
    c.lethality = {-37.98, 3.7, 1.0, probit_src};
    c.property_source = props;
    c.aegl_source = aegl;
    c.erpg_source = erpg;
    t.push_back(c);
  }
  return t;
}

double interpolate_log_log(const std::array<double, 5>& ppm, double duration_min) {
  const auto& d = kAeglDurationsMin;
  if (duration_min <= d.front()) return ppm.front();
  if (duration_min >= d.back()) return ppm.back();
  size_t i = 1;
  while (d[i] < duration_min)
    ++i;
  if (d[i] == duration_min) return ppm[i];
  const double f = std::log(duration_min / d[i - 1]) / std::log(d[i] / d[i - 1]);
  return std::exp(std::log(ppm[i - 1]) + f * (std::log(ppm[i]) - std::log(ppm[i - 1])));
}

} // namespace

ToxicLevel parse_toxic_level(const std::string& text, const std::string& field) {
  if (text == "aegl1") return ToxicLevel::kAegl1;
  if (text == "aegl2") return ToxicLevel::kAegl2;
  if (text == "aegl3") return ToxicLevel::kAegl3;
  throw std::invalid_argument(field + ": expected aegl1, aegl2 or aegl3 (got \"" + text + "\")");
}

std::string to_string(ToxicLevel level) {
  switch (level) {
  case ToxicLevel::kAegl1:
    return "aegl1";
  case ToxicLevel::kAegl2:
    return "aegl2";
  case ToxicLevel::kAegl3:
    return "aegl3";
  }
  return "aegl2";
}

const std::vector<Chemical>& chemicals() {
  static const std::vector<Chemical> t = make_table();
  return t;
}

const Chemical& chemical(const std::string& key, const std::string& field) {
  std::string k = key;
  std::transform(k.begin(), k.end(), k.begin(),
                 [](unsigned char ch) { return ch == '_' ? '-' : std::tolower(ch); });
  if (k == "nh3") k = "ammonia";
  if (k == "cl2") k = "chlorine";
  if (k == "h2s") k = "hydrogen-sulfide";
  if (k == "co") k = "carbon-monoxide";
  std::string known;
  for (const auto& c : chemicals()) {
    if (c.key == k) return c;
    known += (known.empty() ? "" : ", ") + c.key;
  }
  throw std::invalid_argument(field + ": unknown chemical \"" + key + "\" (known: " + known + ")");
}

double threshold_ppm(const Chemical& c, ToxicLevel level, double duration_min, std::string* substitute) {
  require_positive("duration_min", duration_min, "min");
  const std::array<double, 5>& row = level == ToxicLevel::kAegl1   ? c.aegl1_ppm
                                     : level == ToxicLevel::kAegl2 ? c.aegl2_ppm
                                                                   : c.aegl3_ppm;
  if (substitute) substitute->clear();
  if (row[0] < 0) {
    // AEGL "not recommended": ERPG of the same tier (1-h guideline, used whatever the duration).
    const double erpg = level == ToxicLevel::kAegl1   ? c.erpg1_ppm
                        : level == ToxicLevel::kAegl2 ? c.erpg2_ppm
                                                      : c.erpg3_ppm;
    if (substitute)
      *substitute = "ERPG-" + std::string(level == ToxicLevel::kAegl1   ? "1"
                                          : level == ToxicLevel::kAegl2 ? "2"
                                                                        : "3");
    return erpg;
  }
  return interpolate_log_log(row, duration_min);
}

double vapour_pressure_pa(const Chemical& c, double temperature_k, const std::string& field) {
  require_positive(field, temperature_k, "K");
  if (temperature_k > c.critical_temperature_k)
    throw std::invalid_argument(field + ": " + c.en + " has no liquid above its critical temperature " +
                                show(c.critical_temperature_k) + " K (got " + show(temperature_k) + ")");
  const auto& k = c.vp_dippr101;
  return std::exp(k[0] + k[1] / temperature_k + k[2] * std::log(temperature_k) +
                  k[3] * std::pow(temperature_k, k[4]));
}

} // namespace hg::chemical
