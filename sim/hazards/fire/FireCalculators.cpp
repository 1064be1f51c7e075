/// @file
/// @brief `hgdrill model fire --fuel-model N --moisture-pct D1,D10,D100,HERB,WOODY --midflame-wind-m-s U
/// --slope-pct S [--wind-upslope-angle-deg A] [--json]`.
#include "sim/hazards/fire/FireCalculators.hpp"

#include "sim/hazards/fire/Rothermel.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

namespace hg::fire {

namespace {

struct FireOptions {
  int fuel_model = 0;
  std::vector<double> moisture_pct;
  double wind_m_s = 0;
  double slope_pct = 0;
  double angle_deg = 0;
  bool wind_limit = false;
  bool json = false;
};

int invalid(const std::string& message) {
  std::cerr << "hgdrill model fire: error: " << message << "\n";
  return calc_exit::kInvalidInput;
}

int run_fire(const FireOptions& o) {
  const auto fm = fuel_model(o.fuel_model);
  if (!fm)
    return invalid("--fuel-model: expected one of the 13 Anderson (1982) models 1..13 (got " +
                   std::to_string(o.fuel_model) + ")");
  if (o.moisture_pct.size() != 5)
    return invalid("--moisture-pct: expected five values D1,D10,D100,HERB,WOODY in percent (got " +
                   std::to_string(o.moisture_pct.size()) + ")");
  const char* names[5] = {"D1", "D10", "D100", "HERB", "WOODY"};
  for (size_t i = 0; i < 5; ++i) {
    const double v = o.moisture_pct[i];
    const double lo = i < 3 ? 1 : 30;
    const double hi = i < 3 ? 60 : 300;
    if (!std::isfinite(v) || v < lo || v > hi)
      return invalid("--moisture-pct: " + std::string(names[i]) + " expected " + std::to_string(int(lo)) +
                     " to " + std::to_string(int(hi)) + " % (got " + std::to_string(v) + ")");
  }
  if (!std::isfinite(o.wind_m_s) || o.wind_m_s < 0 || o.wind_m_s > 30)
    return invalid("--midflame-wind-m-s: expected 0 to 30 m/s (got " + std::to_string(o.wind_m_s) + ")");
  if (!std::isfinite(o.slope_pct) || o.slope_pct < 0 || o.slope_pct > 200)
    return invalid("--slope-pct: expected 0 to 200 % (got " + std::to_string(o.slope_pct) + ")");
  if (!std::isfinite(o.angle_deg) || o.angle_deg < -360 || o.angle_deg > 360)
    return invalid("--wind-upslope-angle-deg: expected -360 to 360 degrees (got " +
                   std::to_string(o.angle_deg) + ")");

  FuelMoisture m{o.moisture_pct[0], o.moisture_pct[1], o.moisture_pct[2], o.moisture_pct[3],
                 o.moisture_pct[4]};
  SpreadEnvironment env;
  env.midflame_wind_m_s = o.wind_m_s;
  env.wind_from_upslope_deg = std::fmod(o.angle_deg + 360, 360);
  env.slope_pct = o.slope_pct;
  env.apply_wind_limit = o.wind_limit;
  const SurfaceFire f = surface_fire(*fm, m, env);
  if (o.json) {
    nlohmann::ordered_json j;
    j["ros_m_min"] = f.ros_m_min;
    j["flame_length_m"] = f.flame_length_m;
    j["fireline_intensity_kw_m"] = f.fireline_intensity_kw_m;
    j["length_to_breadth"] = f.length_to_breadth;
    j["direction_from_upslope_deg"] = f.direction_from_upslope_deg;
    j["reaction_intensity_kw_m2"] = f.reaction_intensity_kw_m2;
    j["heat_per_unit_area_kj_m2"] = f.heat_per_unit_area_kj_m2;
    j["effective_wind_m_s"] = f.effective_wind_m_s;
    j["backing_ros_m_min"] = f.backing_ros_m_min;
    j["flanking_ros_m_min"] = f.flanking_ros_m_min;
    j["wind_limited"] = f.wind_limited;
    std::cout << j.dump() << std::endl;
    return calc_exit::kOk;
  }
  std::printf("Rothermel 地表火 surface fire — %s %s / %s\n", fm->code.c_str(), fm->name_zh.c_str(),
              fm->name_en.c_str());
  std::printf("  含水率 moisture %%: 1h %g, 10h %g, 100h %g, 草本 herb %g, 木本 woody %g\n", m.dead_1h_pct,
              m.dead_10h_pct, m.dead_100h_pct, m.live_herb_pct, m.live_woody_pct);
  std::printf("  中焰风速 midflame wind %g m/s, 坡度 slope %g %%, 风向与上坡夹角 wind from upslope %g°\n",
              o.wind_m_s, o.slope_pct, env.wind_from_upslope_deg);
  std::printf("  蔓延速度 rate of spread          %10.3f m/min  (%.2f ch/h)\n", f.ros_m_min, f.ros_ch_h);
  std::printf("  最大蔓延方向 direction (from upslope) %6.1f°\n", f.direction_from_upslope_deg);
  std::printf("  反应强度 reaction intensity       %10.1f kW/m2\n", f.reaction_intensity_kw_m2);
  std::printf("  单位面积热量 heat per unit area   %10.1f kJ/m2\n", f.heat_per_unit_area_kj_m2);
  std::printf("  火线强度 fireline intensity       %10.1f kW/m\n", f.fireline_intensity_kw_m);
  std::printf("  火焰长度 flame length             %10.3f m\n", f.flame_length_m);
  std::printf("  有效风速 effective wind           %10.3f m/s%s\n", f.effective_wind_m_s,
              f.wind_limited ? "  (风速上限 wind limit applied)" : "");
  std::printf("  长宽比 length-to-breadth          %10.3f\n", f.length_to_breadth);
  std::printf("  逆风蔓延 backing rate             %10.3f m/min\n", f.backing_ros_m_min);
  std::printf("  侧翼蔓延 flanking rate            %10.3f m/min\n", f.flanking_ros_m_min);
  return calc_exit::kOk;
}

} // namespace

std::vector<Calculator> fire_calculators() {
  auto o = std::make_shared<FireOptions>();
  Calculator fire{
      "fire", "Rothermel surface fire spread / 地表火蔓延计算 (Rothermel 1972, BehavePlus)",
      [o](CLI::App& sub) {
        sub.add_option("--fuel-model", o->fuel_model, "Anderson (1982) fuel model 1..13")->required();
        sub.add_option("--moisture-pct", o->moisture_pct,
                       "D1,D10,D100,HERB,WOODY moistures, percent of oven-dry weight")
            ->required()
            ->delimiter(',');
        sub.add_option("--midflame-wind-m-s", o->wind_m_s, "midflame wind speed, m/s")->required();
        sub.add_option("--slope-pct", o->slope_pct, "slope, percent (rise/run x 100)")->required();
        sub.add_option("--wind-upslope-angle-deg", o->angle_deg,
                       "direction the wind blows towards, clockwise from upslope (default 0 = upslope)");
        sub.add_flag("--wind-limit", o->wind_limit, "cap the effective wind at 0.9 I_R (default off)");
        sub.add_flag("--json", o->json, "print one JSON object on one line");
        return std::function<int()>([o] { return run_fire(*o); });
      }};
  return {fire};
}

} // namespace hg::fire
