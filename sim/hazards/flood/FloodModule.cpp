/// @file
/// @brief The river flood as the program sees it: how to build it from a scenario, its events, the
/// plan quantities it makes observable, the work it takes, and its calculators.
#include "sim/hazards/flood/FloodModule.hpp"

#include "sim/hazards/flood/FloodCalculators.hpp"
#include "sim/hazards/flood/FloodLoader.hpp"
#include "sim/hazards/flood/FloodModel.hpp"
#include "sim/io/Scenario.hpp"

#include <limits>
#include <stdexcept>

namespace hg::flood {

namespace {

std::vector<EventType> flood_events() {
  return {
      {"flood.gauge", "[gauge]", "a gauge reading (every gauge_report_every steps)",
       {{"t_h", "h", "model time of the state"}, {"stage_m", "m", ""}, {"discharge_m3_s", "m3/s", ""},
        {"warning_m", "m", ""}, {"guarantee_m", "m", ""}}},
      {"flood.gauge_warning", "[gauge]", "the stage first passes the warning level",
       {{"t_h", "h", ""}, {"stage_m", "m", ""}, {"warning_m", "m", ""}}},
      {"flood.gauge_guarantee", "[gauge]", "the stage first passes the guarantee level",
       {{"t_h", "h", ""}, {"stage_m", "m", ""}, {"guarantee_m", "m", ""}}},
      {"flood.zone", "[zone]", "water in a zone changed by zone_report_step_m",
       {{"t_h", "h", ""}, {"depth_m", "m", "deepest point"}, {"volume_m3", "m3", ""}, {"level_m", "m", "water level"},
        {"people_at_risk", "people", "the polder's people in proportion to the flooded area"}}},
      {"flood.breach", "[levee, zone]", "a levee breaches",
       {{"t_h", "h", ""}, {"cause", "", "scheduled | random | injected"}, {"stage_m", "m", ""},
        {"crest_elev_m", "m", ""}, {"final_width_m", "m", ""}, {"formation_h", "h", ""}, {"zone", "", ""}}},
      {"flood.overtop", "[levee, zone]", "water first flows over a levee crest",
       {{"t_h", "h", ""}, {"stage_m", "m", ""}, {"crest_elev_m", "m", ""}}},
      {"flood.sandbag", "[levee]", "sandbagging raised a levee",
       {{"t_h", "h", ""}, {"raise_m", "m", ""}, {"crest_elev_m", "m", ""}, {"bags", "count", ""}}},
      {"flood.config_warning", "[reach]", "a configuration the model accepts but flags",
       {{"t_h", "h", ""}, {"message", "", ""}}},
  };
}

} // namespace

HazardModule flood_module() {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  HazardModule m;
  m.kind = "flood";
  m.zh = "洪水";
  m.en = "flood";
  m.build = [](const YamlCursor& spec, const Scenario& sc, uint64_t seed) -> std::unique_ptr<Hazard> {
    const size_t before = spec.diagnostics().error_count();
    FloodConfig cfg = load_flood_config(spec, sc.world);
    if (spec.diagnostics().error_count() != before) return nullptr;
    try {
      return std::make_unique<FloodModel>(std::move(cfg), seed);
    } catch (const std::invalid_argument& e) {
      spec.error(e.what());
      return nullptr;
    }
  };
  m.events = flood_events();
  m.quantities = {
      {"stage", "gauge", "gauge_stage_m", QuantitySpec::Read::kValueOfArg, -kInf, kInf,
       "latest reported stage of a gauge, m / 水位站最新水位"},
      {"depth", "zone", "zone_depth_m", QuantitySpec::Read::kValueOfArg, 0, kInf,
       "latest reported water depth in a zone, m / 区域最新淹没水深"},
  };
  m.tasks = {{"sandbag", "sandbag", "raise a levee with sandbags / 堤防加高(沙袋)"},
             {"pump", "pump", "pump water out of a flooded zone / 排涝"}};
  m.capabilities = {"sandbag", "pump", "flood_rescue"};
  m.calculators = flood_calculators;
  return m;
}

} // namespace hg::flood
