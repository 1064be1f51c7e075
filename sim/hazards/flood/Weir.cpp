/// @file
/// @brief Broad-crested weir discharge and the Villemonte (1947) submergence reduction.
#include "sim/hazards/flood/Weir.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <algorithm>
#include <cmath>

namespace hg::flood {

double weir_discharge_m3_s(double crest_width_m, double head_m, double coefficient) {
  require_non_negative("crest_width_m", crest_width_m, "m");
  require_positive("coefficient", coefficient, "m^0.5/s");
  require_finite("head_m", head_m);
  if (head_m <= 0) return 0.0;
  return coefficient * crest_width_m * std::pow(head_m, 1.5);
}

double villemonte_factor(double upstream_head_m, double downstream_head_m, double exponent) {
  require_finite("upstream_head_m", upstream_head_m);
  require_finite("downstream_head_m", downstream_head_m);
  require_positive("exponent", exponent);
  if (downstream_head_m <= 0) return 1.0;
  if (upstream_head_m <= 0 || downstream_head_m >= upstream_head_m) return 0.0;
  return std::pow(1.0 - std::pow(downstream_head_m / upstream_head_m, exponent), 0.385);
}

double weir_flow_between_levels_m3_s(double crest_elev_m, double crest_width_m, double level_a_m,
                                     double level_b_m, double coefficient) {
  require_finite("crest_elev_m", crest_elev_m);
  require_finite("level_a_m", level_a_m);
  require_finite("level_b_m", level_b_m);
  const double high = std::max(level_a_m, level_b_m);
  const double low = std::min(level_a_m, level_b_m);
  const double h1 = high - crest_elev_m;
  const double h2 = low - crest_elev_m;
  const double q = weir_discharge_m3_s(crest_width_m, h1, coefficient) * villemonte_factor(h1, h2);
  return level_a_m >= level_b_m ? q : -q;
}

} // namespace hg::flood
