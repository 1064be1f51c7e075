#pragma once
/// @file
/// @brief Muskingum hydrologic channel routing (McCarthy 1938): the outflow of a river reach from its
/// inflow, with storage S = K [X I + (1 − X) O]. Used by the flood model to carry a hydrograph from an
/// upstream gauge to a downstream one without solving the Saint-Venant equations.
#include <optional>
#include <string>
#include <vector>

namespace hg::flood {

/// @brief The three routing coefficients of O2 = C0 I2 + C1 I1 + C2 O1 (they sum to 1).
struct MuskingumCoefficients {
  double c0 = 0;
  double c1 = 0;
  double c2 = 0;
};

/// @brief One reach's Muskingum parameters and the routing they imply.
///
/// K is the storage (travel) time of the reach, X the inflow weighting (0 = linear reservoir,
/// 0.5 = pure translation). Coefficients follow Chow, Maidment & Mays (1988) eqs. 8.4.7–8.4.9.
class Muskingum {
public:
  /// @brief Validates K > 0 h, 0 ≤ X ≤ 0.5, Δt > 0 h; throws std::invalid_argument naming the field.
  Muskingum(double k_h, double x, double dt_h);

  double k_h() const { return k_h_; }
  double x() const { return x_; }
  double dt_h() const { return dt_h_; }
  /// @brief C0, C1, C2 for this K, X, Δt.
  const MuskingumCoefficients& coefficients() const { return coefficients_; }

  /// @brief True when 2KX ≤ Δt ≤ 2K(1 − X): outside it a coefficient goes negative and the outflow
  /// can dip below zero or oscillate (a warning, not an error: routing still runs).
  bool dt_in_recommended_range() const;
  /// @brief True when C0, C1 or C2 is negative.
  bool has_negative_coefficient() const;
  /// @brief Human-readable warnings (empty when the parameters are in the recommended range).
  std::vector<std::string> warnings() const;

  /// @brief One routing step: outflow at the end of the step, m3/s.
  double step_m3_s(double inflow_start_m3_s, double inflow_end_m3_s, double outflow_start_m3_s) const;

  /// @brief Routes an inflow series sampled every Δt. The first outflow is `initial_outflow_m3_s`
  /// (default: the first inflow, i.e. the reach starts in steady state). Negative flows are rejected
  /// ("inflow[3]: expected a flow >= 0 m3/s (got -5)").
  std::vector<double> route(const std::vector<double>& inflow_m3_s,
                            std::optional<double> initial_outflow_m3_s = std::nullopt) const;

  /// @brief Reach storage S = K [X I + (1 − X) O] in m3 (K converted to seconds).
  double storage_m3(double inflow_m3_s, double outflow_m3_s) const;

private:
  double k_h_;
  double x_;
  double dt_h_;
  MuskingumCoefficients coefficients_;
};

} // namespace hg::flood
