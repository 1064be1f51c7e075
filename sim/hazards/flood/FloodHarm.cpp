#include "sim/hazards/flood/FloodHarm.hpp"

#include <cmath>

namespace hg::flood {

double flood_mortality(double depth_m) {
  if (!(depth_m > 0)) return 0;
  return 0.5 * std::erfc(-((std::log(depth_m) - 7.60) / 2.75) / std::sqrt(2.0));
}

} // namespace hg::flood
