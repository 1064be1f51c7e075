#pragma once
/// @file
/// @brief A coal mine as a ventilation and travel network (the `mine/1` file): junctions with elevation,
/// airways and shafts with length, cross-section and resistance, main fans with their curves, doors and
/// regulators, working faces with crews by shift, refuge chambers, self-rescuer caches and CO sensors.
/// The same file, reduced to `branches` and a `boundary` or `fans`, is what `hgdrill model ventilation`
/// solves. This header holds only data; MineState.hpp holds what an accident changes.
#include "sim/hazards/mine/FanCurve.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::mine {

/// @brief A junction (node) of the network.
struct Junction {
  std::string id;
  double z_m = 0; ///< elevation of the floor, m (depth_m in the file: datum − depth)
  double x_m = 0; ///< plan position, m (for damage radii; 0 if not given)
  double y_m = 0;
  bool surface = false; ///< open to the atmosphere (shaft tops, adit mouths)
};

/// @brief What a branch is, for people: shafts are left by cage, airways on foot.
enum class BranchKind { kAirway, kShaft };

/// @brief An airway or shaft.
struct Branch {
  std::string id;
  int from = 0;
  int to = 0;
  double r_ns2_m8 = 0; ///< friction resistance (given, or Atkinson's from k, L, per, A)
  double length_m = 0; ///< 0 = not given (the calculator needs none)
  double area_m2 = 0;  ///< 0 = not given
  double height_m = 0; ///< clear height; defaults to √area (square section) when area is given
  BranchKind kind = BranchKind::kAirway;
  bool travel = true;  ///< people can pass (false: e.g. a return shaft without ladders, a fan drift)
  bool escape = false; ///< a shaft or adit that takes people to the surface
  double hoist_s = 0;  ///< shafts: time from the shaft bottom to the surface by cage (waiting included)
  double density_kg_m3 = 1.2; ///< mean air density in the branch (natural ventilation)
};

/// @brief Main fan state. Reversal is required to give at least 40 % of the normal quantity
/// (《煤矿安全规程》2016), so the reversed curve is the forward one scaled by 0.4² in pressure.
enum class FanState { kRunning, kStopped, kReversed };

struct Fan {
  std::string id;
  int branch = 0;
  FanCurve curve;
  FanState state = FanState::kRunning;
  double reverse_pressure_factor = 0.16;
};

/// @brief A ventilation door: adds its resistance while closed.
struct Door {
  std::string id;
  int branch = 0;
  double r_closed_ns2_m8 = 0;
  bool open = false;
};

/// @brief A regulator: a fixed added resistance.
struct Regulator {
  std::string id;
  int branch = 0;
  double r_ns2_m8 = 0;
};

/// @brief Miners at a workplace on one shift.
struct Crew {
  std::string shift;
  int count = 0;
};

/// @brief A working face or other workplace where miners are at the time of an accident.
struct Face {
  std::string id;
  std::string zh, en;
  int junction = 0;
  std::vector<Crew> crews;
};

/// @brief A refuge chamber (避难硐室): 96 h rated protection (安监总煤装〔2011〕15号).
struct Refuge {
  std::string id;
  int junction = 0;
  int capacity = 0;
  double duration_h = 96;
};

/// @brief A cache of spare self-rescuers along an escapeway.
struct RescuerStation {
  std::string id;
  int junction = 0;
  int units = 0;
};

/// @brief A CO sensor of the mine monitoring system (安全监控系统) at a junction.
struct Sensor {
  std::string id;
  int junction = 0;
};

/// @brief Fixed airflow through the network from `source` to `sink` (minimal calculator form).
struct Boundary {
  int source = 0;
  int sink = 0;
  double flow_m3_s = 0;
};

/// @brief The whole network.
struct MineNetwork {
  std::string file;
  std::string id;
  std::string zh, en;
  std::vector<Junction> junctions;
  std::vector<Branch> branches;
  std::vector<Fan> fans;
  std::vector<Door> doors;
  std::vector<Regulator> regulators;
  std::vector<Face> faces;
  std::vector<Refuge> refuges;
  std::vector<RescuerStation> stations;
  std::vector<Sensor> sensors;
  std::optional<Boundary> boundary;
  bool natural_ventilation = false;
  double surface_air_density_kg_m3 = 1.2;

  int junction_index(const std::string& id) const;
  int branch_index(const std::string& id) const;
  int fan_index(const std::string& id) const;
  int door_index(const std::string& id) const;
  int refuge_index(const std::string& id) const;
  bool has_surface() const;
  /// @brief Volume of a branch, m3 (area × length; 0 when either is missing).
  double volume_m3(int branch) const {
    return branches[size_t(branch)].area_m2 * branches[size_t(branch)].length_m;
  }
};

} // namespace hg::mine
