#pragma once
/// @file
/// @brief What an accident changes in a mine network (airways blocked or destroyed, flooded, doors blown,
/// fans stopped or reversed), and the ventilation problem that the current state poses to the solver.
#include "sim/hazards/mine/MineNetwork.hpp"
#include "sim/hazards/mine/VentilationSolver.hpp"

#include <vector>

namespace hg::mine {

/// @brief An airway's condition for air.
enum class AirwayStatus {
  kOpen,
  kBlocked, ///< collapsed or filled with debris: very high resistance (leaks through the rubble)
  kRemoved, ///< destroyed or sealed by water: no air passes
};

/// @brief Default resistance of a collapsed airway, Ns2/m8. Estimated: the order of a stopping or seal
/// (McPherson 1993 §4.4: stoppings and seals are the high-resistance leakage paths of a network; values of
/// hundreds to thousands of Ns2/m8 are typical), so a blocked airway still leaks a little air.
inline constexpr double kBlockedResistanceNs2m8 = 1000.0;

/// @brief The changeable state of a network.
struct NetworkState {
  std::vector<AirwayStatus> status; ///< per branch
  std::vector<bool> travel_closed;  ///< per branch: people cannot pass (debris, water)
  std::vector<FanState> fans;       ///< per fan
  std::vector<bool> door_open;      ///< per door (a destroyed door is open for good)
  std::vector<bool> door_destroyed;
  std::vector<bool> regulator_destroyed;
  double blocked_r_ns2_m8 = kBlockedResistanceNs2m8;
};

/// @brief The state of an undisturbed network, as the file describes it.
NetworkState initial_state(const MineNetwork& net);

/// @brief Effective resistance of a branch now (friction + closed doors + regulators, or blocked).
double effective_resistance(const MineNetwork& net, const NetworkState& st, int branch);

/// @brief The solver's problem: one solver branch per network branch (same index), then, when the mine
/// has surface junctions, one zero-resistance branch from each surface junction to a virtual atmosphere
/// node (with the outside air column's natural pressure when natural ventilation is on), then the
/// boundary branch (sink → source, fixed flow) if the file gives one.
VentProblem vent_problem(const MineNetwork& net, const NetworkState& st);

/// @brief Standard gravity, m/s2.
inline constexpr double kGravityMS2 = 9.81;

} // namespace hg::mine
