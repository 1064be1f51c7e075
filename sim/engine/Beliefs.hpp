#pragma once
/// @file
/// @brief What a command post knows: only what reached it through reports and observations, with
/// their delays. Commanders (plan executor, human teams) decide on beliefs, never on ground truth.
#include <map>
#include <optional>
#include <set>
#include <string>

namespace hg {

enum class UnitState { kIdle, kAssigned, kEnRoute, kOnScene, kReturning, kUnreachable, kOutOfService };

const char* unit_state_name(UnitState s);

struct UnitBelief {
  UnitState state = UnitState::kIdle;
  std::string target;
  double since_t = 0;
};

struct ObservedValue {
  double value = 0;
  double observed_t = 0;
  double received_t = 0;
};

struct ZoneBelief {
  double warned_share = 0;
  bool evacuation_ordered = false;
  bool evacuated = false;
  double relieved_people = 0;
  bool reached = false; ///< reported as reached by the hazard
  double evacuated_share = 0; ///< of the people at risk, the share reported to have left
  double relief_need = 0;     ///< people reported still waiting for basic relief
};

struct Beliefs {
  bool incident_known = false;
  double first_report_t = 0;
  std::string incident_kind;
  std::string response_level = "none";
  /// Latest value of each "quantity/subject", e.g. "gauge_stage_m/f_gauge_suibin".
  std::map<std::string, ObservedValue> observed;
  std::map<std::string, UnitBelief> units;
  std::set<std::string> closed_roads;
  std::map<std::string, ZoneBelief> zones;
  std::set<std::string> open_shelters;
  std::set<std::string> open_depots;
  std::set<std::string> lost_facilities;

  std::optional<double> value(const std::string& quantity, const std::string& subject) const;
  /// Largest value of a quantity over all subjects (e.g. any gauge), nullopt if none observed.
  std::optional<double> max_value(const std::string& quantity) const;
  /// Sum of a quantity over all subjects (e.g. people in AEGL-2 zones), 0 if none.
  double sum_value(const std::string& quantity) const;
};

} // namespace hg
