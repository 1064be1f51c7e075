#pragma once
/// @file
/// @brief Threat zones: how far downwind, and how wide, the ground-level concentration of a steady
/// Gaussian plume stays above a toxic threshold (ALOHA's "threat zone" for a passive gas), and the
/// footprint of a time-varying field evaluated on a receptor grid (distance, width across the wind,
/// area and outline). docs/models/chemical.md §3.
#include "sim/hazards/chemical/Chemical.hpp"
#include "sim/hazards/chemical/Geometry.hpp"
#include "sim/hazards/chemical/Sigmas.hpp"

#include <string>
#include <vector>

namespace hg::chemical {

/// @brief A steady-plume threat zone.
struct ThreatZone {
  double distance_m = 0;  ///< furthest downwind distance with C ≥ threshold on the ground
  double max_width_m = 0; ///< largest crosswind width (2 × half-width) of the zone
  double threshold_ppm = 0;
  double threshold_g_m3 = 0;
  bool capped = false;          ///< the zone reaches the search limit (max_distance_m)
  std::string threshold_source; ///< "AEGL-2 (60 min)" or "ERPG-1 (AEGL-1 not recommended)"
};

/// @brief Threat zone of a steady plume of q_g_s released at h_m, wind u_m_s, class s, for the level's
/// threshold at `duration_min` (chemical.hpp threshold_ppm). Ground-level receptors. The centreline is
/// scanned on 600 log-spaced distances from 1 m to max_distance_m and the last crossing refined by
/// bisection; the width maximum is refined by golden-section search.
ThreatZone steady_threat_zone(const Chemical& c, double q_g_s, double u_m_s, Stability s, SigmaSet set,
                              double h_m, ToxicLevel level, double duration_min,
                              double max_distance_m = 100000.0);

/// @brief Same for a given threshold in g/m3.
ThreatZone steady_threat_zone_g_m3(double threshold_g_m3, double q_g_s, double u_m_s, Stability s,
                                   SigmaSet set, double h_m, double max_distance_m = 100000.0);

/// @brief A square receptor grid centred on the source.
struct ReceptorGrid {
  double half_size_m = 15000;
  int cells = 121; ///< per side (odd keeps the source on a node)
  double spacing_m() const { return 2 * half_size_m / (cells - 1); }
  Xy point(int i, int j) const { return {-half_size_m + i * spacing_m(), -half_size_m + j * spacing_m()}; }
};

/// @brief Footprint of the grid points whose value is ≥ a threshold.
struct Footprint {
  double distance_m = 0;  ///< furthest such point from the source
  double max_width_m = 0; ///< extent across the axis of `toward_deg`
  double area_km2 = 0;    ///< count × cell area
  std::vector<Xy> hull;   ///< convex hull of the points (counter-clockwise), empty if none
};

/// @brief Footprint of `values` (row-major, grid.cells²) ≥ threshold; `toward_deg` is the direction the
/// wind blows toward (clockwise from north), which defines "across".
Footprint grid_footprint(const ReceptorGrid& grid, const std::vector<double>& values, double threshold,
                         double toward_deg);

/// @brief Convex hull (Andrew's monotone chain), counter-clockwise.
std::vector<Xy> convex_hull(std::vector<Xy> pts);

} // namespace hg::chemical
