#pragma once
/// @file
/// @brief How miners (and rescue teams) move underground: walking speed in clear and smoky air, travel
/// times over the passable airways, and the escape-versus-refuge decision.
///
/// Smoke: the extinction coefficient Cs = σ·m_s with σ = 8.7 m²/g for smoke from flaming combustion
/// (Mulholland & Croarkin 2000, Fire and Materials 24:227–230; SFPE Handbook "Smoke production and
/// properties"); visibility of a light-reflecting sign V = 3/Cs (Jin 1978, J. Fire & Flammability 9:135).
/// Speed: linear from the clear-air speed at Cs = 0 down to the dense-smoke speed at Cs ≥ cs_dense and
/// constant beyond. Jin (1978) found walking speed falling steeply with Cs in irritant smoke; Fridolf et
/// al. (2013, Fire Safety Journal 59:8–21) measured about 0.9 m/s at a mean Cs of 2.2 m⁻¹ in a tunnel
/// with exit signs every 8 m. A mine roadway has no such signs, rails and uneven floor, and the escapees
/// breathe through a self-rescuer; the scenario gives its own (estimated) speeds.
#include "sim/hazards/mine/MineNetwork.hpp"

#include <limits>
#include <vector>

namespace hg::mine {

/// @brief Mass-specific extinction coefficient of flaming-combustion smoke, m²/g (Mulholland & Croarkin
/// 2000).
inline constexpr double kSmokeExtinctionM2PerG = 8.7;

/// @brief Walking speeds.
struct WalkSpeeds {
  double clear_m_s = 1.0;      ///< in clear air
  double dense_m_s = 0.5;      ///< in dense smoke
  double dense_cs_per_m = 2.2; ///< extinction coefficient from which the dense-smoke speed applies
};

/// @brief Extinction coefficient of smoke at a mass concentration, 1/m.
double extinction_per_m(double smoke_mg_m3);
/// @brief Visibility of a light-reflecting sign, m (Jin 1978: V = 3/Cs); infinity in clear air.
double visibility_m(double cs_per_m);
/// @brief Walking speed at an extinction coefficient, m/s.
double walking_speed_m_s(double cs_per_m, const WalkSpeeds& w);

/// @brief Where someone is: at a junction (branch < 0) or inside a branch at s (0 = from end, 1 = to end).
struct Position {
  int junction = -1;
  int branch = -1;
  double s = 0;
};

/// @brief One leg of a route: a branch and the direction it is walked (+1 from→to, −1 to→from).
struct Leg {
  int branch = 0;
  int dir = 1;
};

/// @brief Travel times from one position to every junction over passable branches.
struct TravelTimes {
  std::vector<double> t_s; ///< infinity where unreachable
  std::vector<int> via;    ///< branch used to arrive (−1 at the start)
  std::vector<int> prev;   ///< junction before (−1 at the start)
  /// @brief The legs to `junction`, first leg first (empty if unreachable or already there).
  std::vector<Leg> route_to(const MineNetwork& net, const Position& from, int junction) const;
};

/// @brief Time to traverse a branch on foot at `speed_m_s`, or by cage for shafts with a hoist time.
double branch_travel_s(const Branch& b, double speed_m_s);

/// @brief Dijkstra over branches with travel = true that are not in `closed`. Surface junctions end a
/// route (nobody goes back underground through the atmosphere). From inside a closed branch nothing is
/// reachable (the person is cut off).
TravelTimes travel_times(const MineNetwork& net, const std::vector<bool>& closed, const Position& from,
                         double speed_m_s);

/// @brief What an escaping group knows when it decides (times at its current walking speed).
struct EscapeInputs {
  double t_exit_s = std::numeric_limits<double>::infinity();         ///< to the nearest surface exit
  double t_refuge_s = std::numeric_limits<double>::infinity();       ///< to the nearest refuge with room
  double t_station_s = std::numeric_limits<double>::infinity();      ///< to a self-rescuer cache …
  double t_station_exit_s = std::numeric_limits<double>::infinity(); ///< … and from it to an exit
  bool breathing_apparatus = false; ///< wearing a self-rescuer (contaminated air around)
  double scsr_left_s = 0;           ///< oxygen left in the self-rescuer worn
  double scsr_full_s = 0;           ///< rated duration of a fresh unit
};

/// @brief The choice.
enum class EscapeChoice { kExit, kExitViaStation, kRefuge, kNone };

/// @brief The rule of 《煤矿井下紧急避险系统建设管理暂行规定》 (安监总煤装〔2011〕15号) and of
/// self-escape training (NRC 2013, Improving Self-Escape from Underground Coal Mines): walk out if the
/// surface can be reached before the self-rescuer runs out; otherwise change to a fresh self-rescuer at a
/// cache on the way if that makes the surface reachable; otherwise go to the nearest refuge chamber that
/// can be reached in time; if nothing can be reached in time, the nearest of exit and refuge (best effort).
/// In clear air (no self-rescuer needed yet) the group walks out.
EscapeChoice choose_escape(const EscapeInputs& in);

} // namespace hg::mine
