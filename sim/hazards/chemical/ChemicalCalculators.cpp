/// @file
/// @brief Gaussian plume, Briggs plume rise and steady AEGL threat zone as `hgdrill model` calculators.
/// SI units; `--json` prints one JSON object on one line; a bad value exits 3 naming the option.
#include "sim/hazards/chemical/ChemicalCalculators.hpp"

#include "sim/hazards/chemical/Chemical.hpp"
#include "sim/hazards/chemical/Gaussian.hpp"
#include "sim/hazards/chemical/PlumeRise.hpp"
#include "sim/hazards/chemical/Sigmas.hpp"
#include "sim/hazards/chemical/ThreatZone.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hg::chemical {

namespace {

struct Options {
  bool json = false;
  // plume
  double q_g_s = 0, u_m_s = 0, h_m = 0, x_m = 0, y_m = 0, z_m = 0;
  std::string stability, sigmas = "isc3";
  // plume-rise
  double exit_velocity_m_s = 0, diameter_m = 0, stack_temp_k = 0, ambient_temp_k = 0;
  // threat-zone
  std::string chemical, level;
  double release_g_s = 0, duration_min = 0;
};

using Names = std::vector<std::pair<std::string, std::string>>;

/// Rewrites "field: …" into "--option: …" (messages from the formulas name their C++ field).
std::string name_option(const std::string& message, const Names& names) {
  for (const auto& [field, option] : names)
    if (message.compare(0, field.size(), field) == 0 && message.size() > field.size() &&
        message[field.size()] == ':')
      return option + message.substr(field.size());
  return message;
}

int invalid(const std::string& verb, const std::string& message) {
  std::cerr << "hgdrill model " << verb << ": error: " << message << "\n";
  return calc_exit::kInvalidInput;
}

void print_json(const nlohmann::ordered_json& j) {
  std::cout << j.dump() << std::endl;
}

int run_plume(const Options& o) {
  const Names names = {
      {"q_g_s", "--q-g-s"},   {"u_m_s", "--u-m-s"},  {"h_m", "--h-m"},       {"x_m", "--x-m"},
      {"y_m", "--y-m"},       {"z_m", "--z-m"},      {"sigmas", "--sigmas"}, {"stability", "--stability"},
      {"sigma_y_m", "--x-m"}, {"sigma_z_m", "--x-m"}};
  Sigmas g;
  double c = 0;
  SigmaSet set = SigmaSet::kIsc3Rural;
  Stability s = Stability::kD;
  try {
    s = parse_stability(o.stability);
    set = parse_sigma_set(o.sigmas);
    g = plume_sigmas(set, s, o.x_m);
    c = plume_concentration_g_m3(o.q_g_s, o.u_m_s, g.y_m, g.z_m, o.y_m, o.z_m, o.h_m);
  } catch (const std::invalid_argument& e) {
    return invalid("plume", name_option(e.what(), names));
  }
  if (o.json) {
    print_json({{"sigma_y_m", g.y_m}, {"sigma_z_m", g.z_m}, {"concentration_g_m3", c}});
    return calc_exit::kOk;
  }
  std::printf("高斯烟羽（地面反射） Gaussian plume with ground reflection\n");
  std::printf("  Q = %g g/s, u = %g m/s, H = %g m, 稳定度 stability %s, σ 曲线 sigmas %s\n", o.q_g_s, o.u_m_s,
              o.h_m, to_string(s).c_str(), to_string(set).c_str());
  std::printf("  受体 receptor x = %g m, y = %g m, z = %g m\n", o.x_m, o.y_m, o.z_m);
  std::printf("  横向扩散系数 sigma_y   %12.4f m\n", g.y_m);
  std::printf("  垂向扩散系数 sigma_z   %12.4f m\n", g.z_m);
  std::printf("  浓度 concentration      %12.6g g/m3\n", c);
  return calc_exit::kOk;
}

int run_plume_rise(const Options& o) {
  const Names names = {{"exit_velocity_m_s", "--exit-velocity-m-s"},
                       {"diameter_m", "--diameter-m"},
                       {"stack_temp_k", "--stack-temp-k"},
                       {"ambient_temp_k", "--ambient-temp-k"},
                       {"u_m_s", "--u-m-s"},
                       {"stability", "--stability"}};
  PlumeRise r;
  Stability s = Stability::kD;
  try {
    s = parse_stability(o.stability);
    r = briggs_plume_rise(o.exit_velocity_m_s, o.diameter_m, o.stack_temp_k, o.ambient_temp_k, o.u_m_s, s);
  } catch (const std::invalid_argument& e) {
    return invalid("plume-rise", name_option(e.what(), names));
  }
  if (o.json) {
    print_json({{"rise_m", r.rise_m}, {"final_rise_distance_m", r.final_rise_distance_m}});
    return calc_exit::kOk;
  }
  std::printf("Briggs 烟气抬升 Briggs plume rise (ISC3), stability %s\n", to_string(s).c_str());
  std::printf("  浮力通量 buoyancy flux Fb   %12.4f m4/s3\n", r.buoyancy_flux_m4_s3);
  std::printf("  动量通量 momentum flux Fm   %12.4f m4/s2\n", r.momentum_flux_m4_s2);
  std::printf("  主导 regime                 %s\n",
              r.regime == RiseRegime::kBuoyant ? "浮力 buoyancy" : "动量 momentum");
  std::printf("  抬升高度 rise               %12.3f m\n", r.rise_m);
  std::printf("  最终抬升距离 final distance %12.1f m\n", r.final_rise_distance_m);
  return calc_exit::kOk;
}

int run_threat_zone(const Options& o) {
  const Names names = {{"chemical", "--chemical"}, {"q_g_s", "--release-g-s"},
                       {"u_m_s", "--u-m-s"},       {"stability", "--stability"},
                       {"level", "--level"},       {"duration_min", "--duration-min"}};
  ThreatZone z;
  const Chemical* c = nullptr;
  Stability s = Stability::kD;
  try {
    c = &chemical(o.chemical);
    s = parse_stability(o.stability);
    const ToxicLevel lv = parse_toxic_level(o.level);
    z = steady_threat_zone(*c, o.release_g_s, o.u_m_s, s, SigmaSet::kIsc3Rural, 0.0, lv, o.duration_min);
  } catch (const std::invalid_argument& e) {
    return invalid("threat-zone", name_option(e.what(), names));
  }
  if (z.threshold_source.rfind("ERPG", 0) == 0)
    std::cerr << "hgdrill model threat-zone: warning: " << c->en << " has no AEGL-1; using "
              << z.threshold_source << "\n";
  if (z.capped) std::cerr << "hgdrill model threat-zone: warning: the zone reaches the 100 km search limit\n";
  if (o.json) {
    print_json({{"distance_m", z.distance_m},
                {"max_width_m", z.max_width_m},
                {"threshold_ppm", z.threshold_ppm},
                {"threshold_g_m3", z.threshold_g_m3}});
    return calc_exit::kOk;
  }
  std::printf("危险区 Threat zone: %s %s, steady Gaussian plume, ground release, ISC3 sigmas\n",
              c->zh.c_str(), c->en.c_str());
  std::printf("  释放速率 release  %g g/s, 风速 wind %g m/s, 稳定度 stability %s\n", o.release_g_s, o.u_m_s,
              to_string(s).c_str());
  std::printf("  阈值 threshold    %s = %g ppm = %.6g g/m3\n", z.threshold_source.c_str(), z.threshold_ppm,
              z.threshold_g_m3);
  std::printf("  下风向距离 downwind distance %10.1f m%s\n", z.distance_m,
              z.capped ? " (≥, search limit)" : "");
  std::printf("  最大宽度 maximum width       %10.1f m\n", z.max_width_m);
  std::printf("  注意 note: dense-gas (heavy gas) behaviour is not modelled / 未模拟重气效应\n");
  return calc_exit::kOk;
}

} // namespace

std::vector<Calculator> chemical_calculators() {
  auto o = std::make_shared<Options>();
  Calculator plume{"plume", "Gaussian plume concentration / 高斯烟羽浓度 (ISC3 or Briggs rural sigmas)",
                   [o](CLI::App& a) {
                     a.add_option("--q-g-s", o->q_g_s, "release rate Q, g/s")->required();
                     a.add_option("--u-m-s", o->u_m_s, "wind speed u, m/s")->required();
                     a.add_option("--h-m", o->h_m, "effective release height H, m")->required();
                     a.add_option("--stability", o->stability, "Pasquill-Gifford class A..F")->required();
                     a.add_option("--x-m", o->x_m, "downwind distance x, m (> 0)")->required();
                     a.add_option("--y-m", o->y_m, "crosswind distance y, m (default 0)");
                     a.add_option("--z-m", o->z_m, "receptor height z, m (default 0)");
                     a.add_option("--sigmas", o->sigmas, "isc3 (default) | briggs-rural");
                     a.add_flag("--json", o->json, "print one JSON object on one line");
                     return std::function<int()>([o] { return run_plume(*o); });
                   }};
  Calculator rise{
      "plume-rise", "Briggs plume rise of a hot stack / Briggs 烟气抬升", [o](CLI::App& a) {
        a.add_option("--exit-velocity-m-s", o->exit_velocity_m_s, "stack exit velocity, m/s")->required();
        a.add_option("--diameter-m", o->diameter_m, "inner stack diameter, m")->required();
        a.add_option("--stack-temp-k", o->stack_temp_k, "stack gas temperature, K")->required();
        a.add_option("--ambient-temp-k", o->ambient_temp_k, "ambient air temperature, K")->required();
        a.add_option("--u-m-s", o->u_m_s, "wind speed at stack top, m/s")->required();
        a.add_option("--stability", o->stability, "Pasquill-Gifford class A..F")->required();
        a.add_flag("--json", o->json, "print one JSON object on one line");
        return std::function<int()>([o] { return run_plume_rise(*o); });
      }};
  Calculator zone{
      "threat-zone", "AEGL threat zone of a steady release / AEGL 危险区距离与宽度", [o](CLI::App& a) {
        a.add_option("--chemical", o->chemical, "ammonia | chlorine | hydrogen-sulfide | carbon-monoxide")
            ->required();
        a.add_option("--release-g-s", o->release_g_s, "airborne release rate, g/s")->required();
        a.add_option("--u-m-s", o->u_m_s, "wind speed, m/s")->required();
        a.add_option("--stability", o->stability, "Pasquill-Gifford class A..F")->required();
        a.add_option("--level", o->level, "aegl1 | aegl2 | aegl3")->required();
        a.add_option("--duration-min", o->duration_min, "exposure duration for the AEGL column, min")
            ->required();
        a.add_flag("--json", o->json, "print one JSON object on one line");
        return std::function<int()>([o] { return run_threat_zone(*o); });
      }};
  return {plume, rise, zone};
}

} // namespace hg::chemical
