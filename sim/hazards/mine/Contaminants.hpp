#pragma once
/// @file
/// @brief CO and smoke carried by the ventilating air: plug flow along each airway (no diffusion, no
/// dispersion, no layering), complete flow-weighted mixing at junctions, fresh air from the atmosphere.
/// This is the transport assumption of MFIRE (Chang, Laage & Greuer 1990, USBM IC 9245; Laage & Yang
/// 1991) and of the fire-contaminant discussion in McPherson (1993) ch. 21: at mine air velocities the
/// fumes move as a front with the mean air velocity, and each junction mixes what arrives. Limits: no
/// back-layering or roll-back of hot smoke against the flow, no buoyancy (throttling) effect of the fire on
/// the airflow, no adsorption; a dead end holds what it had.
#include "sim/hazards/mine/MineNetwork.hpp"

#include <deque>
#include <vector>

namespace hg::mine {

/// @brief Contaminant concentrations in air.
struct Mix {
  double co_ppm = 0;      ///< carbon monoxide, ppm by volume
  double smoke_mg_m3 = 0; ///< smoke (soot) mass concentration
};

/// @brief Density of CO at 20 °C and 101.325 kPa, g/m3 (28.01 g/mol / 24.04 L/mol): converts a fire's CO
/// production in g/s into a volume rate.
inline constexpr double kCoDensityGM3 = 1165.0;

/// @brief Plug-flow transport state of every airway of one network.
class ContaminantField {
public:
  /// @brief Every airway starts full of fresh air. Airways need a volume (area × length).
  explicit ContaminantField(const MineNetwork& net);
  /// @brief New airflow (after a ventilation solve), per network branch, positive from→to.
  void set_flows(const std::vector<double>& q_m3_s);
  /// @brief A source at a junction for the next step: CO volume rate m3/s, smoke g/s.
  void add_junction_source(int junction, double co_m3_s, double smoke_g_s);
  /// @brief A source in an airway (enters with the air at its upstream end) for the next step.
  void add_branch_source(int branch, double co_m3_s, double smoke_g_s);
  /// @brief Replaces an airway's whole content (afterdamp left by an explosion).
  void fill_branch(int branch, Mix m);
  /// @brief Advances the air by dt: every flowing airway takes in |Q|·dt at its upstream end and gives
  /// out |Q|·dt at its downstream end; junctions are mixed in upstream-to-downstream order.
  void step(double dt_s);
  /// @brief Mixed concentration at a junction (what a sensor there reads).
  Mix at_junction(int junction) const { return node_[size_t(junction)]; }
  /// @brief Concentration inside an airway at `s` (0 = the `from` end, 1 = the `to` end).
  Mix in_branch(int branch, double s) const;
  /// @brief CO volume held in all airways, m3 (for balance checks).
  double co_volume_m3() const;
  /// @brief CO volume that has left through surface junctions, m3.
  double co_exhausted_m3() const { return co_out_m3_; }
  /// @brief CO volume added by sources so far, m3.
  double co_added_m3() const { return co_in_m3_; }

private:
  struct Parcel {
    double volume_m3;
    Mix c;
  };
  void step_branch(int b, double dt_s, const Mix& inflow);
  static void push(std::deque<Parcel>& d, bool at_front, Parcel p);
  Mix pop(std::deque<Parcel>& d, bool at_front, double volume_m3);

  const MineNetwork& net_;
  std::vector<double> q_;
  std::vector<std::deque<Parcel>> parcels_; ///< front = the `from` end
  std::vector<Mix> node_;                   ///< mixed concentration at each junction
  std::vector<Mix> exit_;                   ///< what each airway gave out this step
  std::vector<Mix> jsrc_, bsrc_;            ///< sources for the next step (CO m3/s, smoke g/s)
  std::vector<int> order_;                  ///< junctions upstream first
  double co_in_m3_ = 0;
  double co_out_m3_ = 0;
};

} // namespace hg::mine
