#include "sim/world/ModelParameters.hpp"

namespace hg {

const std::vector<ParameterInfo>& parameter_table() {
  using P = ModelParameters;
  static const std::vector<ParameterInfo> t = {
      {"zone_step_min", "min", 60, 0.5, 60, &P::zone_step_s,
       "estimated: 5 min resolves the 1–1.5 h mobilisation curves to a few per cent",
       "population-zone step (warning, evacuation, relief bookkeeping)"},
      {"urban_mobilisation_mean_min", "min", 60, 1, 1440, &P::urban_mobilisation_mean_s,
       "estimated: 1 h, within the 1–3 h of the evacuation literature (Tweedie et al. 1986; docs/models/population.md)",
       "mean time for warned people to leave after an evacuation order, urban zones"},
      {"rural_mobilisation_mean_min", "min", 60, 1, 1440, &P::rural_mobilisation_mean_s,
       "estimated: 1.5 h, rural households gather livestock and belongings (docs/models/population.md)",
       "same, rural and forest zones"},
      {"evacuation_assist_speedup", "factor", 1, 1, 10, &P::evacuation_assist_speedup,
       "estimated: door-to-door help for people without transport (docs/models/population.md)",
       "evacuation runs this much faster while units with the evacuation capability help"},
      {"evacuation_complete_share", "share", 1, 0.5, 1, &P::evacuation_complete_share,
       "estimated: the last 1 % of a Rayleigh curve is its long tail",
       "share of the warned who have left when an evacuation is logged complete"},
      {"relief_people_per_vehicle", "people", 1, 1, 1e6, &P::relief_people_per_vehicle,
       "estimated: 10 t of mixed load per truck; Sphere Handbook 2018 minimum 2,100 kcal and 15 L water per person per day, water sourced locally",
       "people one relief vehicle serves with a day of basic relief"},
      {"relief_loading_min", "min", 60, 0, 1440, &P::relief_loading_s, "estimated", "loading a relief truck at a depot"},
      {"relief_handover_min", "min", 60, 0, 1440, &P::relief_handover_s, "estimated", "handing relief out at a zone"},
      {"order_retry_s", "s", 1, 1, 3600, &P::order_retry_s,
       "estimated: a radio operator repeats an unanswered order after about a minute", "wait before re-sending a lost order"},
      {"order_max_attempts", "count", 1, 1, 1000, &P::order_max_attempts, "estimated: 30 tries = 30 min of a dead link",
       "attempts before an order is given up"},
      {"post_tick_s", "s", 1, 1, 3600, &P::post_tick_s,
       "estimated: a duty officer re-reads the situation board at least every minute",
       "a command post re-reads its plan this often when no mail arrives"},
      {"work_step_min", "min", 60, 1, 240, &P::work_step_s, "estimated: 10 min, shorter than any hazard step in the bundled scenarios",
       "units report work to a hazard in steps this long"},
      {"turnout_scale", "factor", 1, 0.1, 10, &P::turnout_scale, "estimated: 1 = the turnout times of units.yaml",
       "multiplies every unit's turnout time"},
      {"road_speed_scale", "factor", 1, 0.05, 2, &P::road_speed_scale,
       "estimated: 1 = the speeds of the map; lower for snow, ice or night", "multiplies every road's speed"},
      {"hospital_free_bed_share", "share", 1, 0, 1, &P::hospital_free_bed_share,
       "estimated: Chinese public general hospitals run near 90 % bed occupancy (National Health Commission statistical bulletins report about 90 % for 2019), so about a tenth of the beds can take casualties at once",
       "share of a hospital's beds free for casualties"},
      {"patients_per_vehicle", "count", 1, 1, 50, &P::patients_per_vehicle,
       "estimated: one stretcher per ambulance (WS/T 292-2008 救护车 fits one main stretcher)",
       "patients one medical_transport vehicle carries"},
  };
  return t;
}

} // namespace hg
