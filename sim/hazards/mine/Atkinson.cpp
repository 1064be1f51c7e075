/// @file
/// @brief Atkinson's resistance and the series/parallel identities of the square law.
#include "sim/hazards/mine/Atkinson.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace hg::mine {

namespace {
void positive(const char* field, double v) {
  if (!(v > 0) || !std::isfinite(v))
    throw std::invalid_argument(std::string(field) + ": expected a number > 0 (got " + std::to_string(v) +
                                ")");
}
} // namespace

double atkinson_resistance(double k_kg_m3, double length_m, double perimeter_m, double area_m2,
                           double shock_length_m, double density_kg_m3) {
  positive("k_kg_m3", k_kg_m3);
  positive("length_m", length_m);
  positive("perimeter_m", perimeter_m);
  positive("area_m2", area_m2);
  positive("density_kg_m3", density_kg_m3);
  if (!(shock_length_m >= 0)) throw std::invalid_argument("shock_length_m: expected a number >= 0");
  return k_kg_m3 * (length_m + shock_length_m) * perimeter_m / (area_m2 * area_m2 * area_m2) *
         (density_kg_m3 / kStandardAirDensityKgM3);
}

double series_resistance(const std::vector<double>& r) {
  double s = 0;
  for (double x : r) {
    if (!(x >= 0)) throw std::invalid_argument("resistance: expected a number >= 0");
    s += x;
  }
  return s;
}

double parallel_resistance(const std::vector<double>& r) {
  if (r.empty()) throw std::invalid_argument("resistance: expected at least one airway");
  double s = 0;
  for (double x : r) {
    positive("resistance", x);
    s += 1.0 / std::sqrt(x);
  }
  return 1.0 / (s * s);
}

} // namespace hg::mine
