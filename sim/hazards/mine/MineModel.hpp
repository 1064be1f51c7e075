#pragma once
/// @file
/// @brief The coal-mine hazard: ventilation network (Hardy Cross), an accident (gas explosion or
/// outburst, fire, water inrush, roof fall), CO and smoke carried by the air, miner groups escaping on
/// what they see or are told, their CO dose, refuge chambers, and mine rescue teams underground.
/// Pure C++, no SimGrid: MineModel is the adapter to today's hg::Hazard; everything else is plain classes
/// (docs/models/mine.md).
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/mine/Contaminants.hpp"
#include "sim/hazards/mine/Escape.hpp"
#include "sim/hazards/mine/MineConfig.hpp"
#include "sim/hazards/mine/NetworkState.hpp"
#include "sim/hazards/mine/VentilationSolver.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hg::mine {

/// @brief What a group of miners is doing.
enum class GroupState {
  kWorking,       ///< unaware of the accident
  kEscaping,      ///< walking to an exit, a cache or a refuge
  kInRefuge,      ///< inside a refuge chamber
  kOut,           ///< on the surface
  kIncapacitated, ///< cannot move (CO or blast injuries); alive
  kDead,
  kTrapped, ///< alive, able, but no passable route to an exit or a refuge
};
/// @brief The state as written in events ("working", "escaping", …).
const char* state_name(GroupState s);

/// @brief Miners who share a place, a dose and a fate. Groups split when their members' fates diverge.
struct MinerGroup {
  std::string id;
  std::string face;
  int count = 0;
  GroupState state = GroupState::kWorking;
  Position pos;
  double cohb_pct = 0;
  bool alerted = false;
  bool has_scsr = true;   ///< carries a usable self-rescuer
  bool scsr_on = false;   ///< breathing from it
  double scsr_left_s = 0; ///< oxygen left in the unit carried
  double donning_left_s = 0;
  std::vector<bool> known_closed; ///< airways this group knows to be impassable
  std::vector<Leg> route;
  size_t leg = 0;
  int refuge = -1;     ///< refuge aimed at or occupied
  int station = -1;    ///< self-rescuer cache aimed at
  int carried_by = -1; ///< rescue team carrying them
  int targeted_by = -1;
  bool rescued = false;  ///< brought out or escorted out by a rescue team
  bool escorted = false; ///< walking out with a rescue team's spare oxygen: always to the exit
  double out_s = -1;
  std::string cause; ///< of death or incapacitation
};

/// @brief What a rescue team is doing.
enum class TeamState { kDescending, kSelecting, kGoing, kTreating, kReturning, kResting, kDone };

/// @brief A mine rescue team (小队) underground.
struct RescueTeam {
  std::string id;
  int personnel = 0;
  int shaft = -1; ///< branch
  int base = -1;  ///< shaft-bottom junction (the fresh-air base)
  TeamState state = TeamState::kDescending;
  Position pos;
  std::vector<Leg> route;
  size_t leg = 0;
  double apparatus_left_s = 0;
  double timer_s = 0;
  int target = -1; ///< group
  std::vector<int> carrying;
  int entries = 0;
};

/// @brief Miners by state.
struct MineCounts {
  int working = 0, escaping = 0, in_refuge = 0, out = 0, incapacitated = 0, dead = 0, trapped = 0;
  int rescued = 0; ///< out (alive) thanks to a rescue team
  int total() const { return working + escaping + in_refuge + out + incapacitated + dead + trapped; }
  /// Alive and still underground after the accident began (what the mine reports as trapped, 被困).
  int underground_alive() const { return working + escaping + in_refuge + incapacitated + trapped; }
};

/// @brief The hazard.
class MineModel : public hg::Hazard {
public:
  /// @brief Builds the state from the config (std::invalid_argument for an unusable network).
  MineModel(MineConfig cfg, std::uint64_t seed);
  MineModel(const MineModel&) = delete;
  MineModel& operator=(const MineModel&) = delete;

  std::string id() const override { return cfg_.id; }
  std::string kind() const override { return "coal_mine"; }
  double step_s() const override { return cfg_.step_s; }
  void start(HazardSink& sink) override;
  void advance(double t_s, double dt_s, HazardSink& sink) override;
  /// @brief "mine_rescue" on the mine or a shaft: `amount` rescuers present at the mine head for dt; every
  /// full team (RescueParams) that this adds goes underground. False otherwise.
  bool apply_effort(const std::string& target, const std::string& capability, double amount, double dt_s,
                    HazardSink& sink) override;
  /// @brief {"what":"team_arrives_at_shaft","team","shaft","personnel"}, {"what":"fan","fan","state"},
  /// {"what":"door","door","open"}, {"what":"warning"}, {"what":"roof_fall","airways":[...]}.
  bool inject(const nlohmann::json& what, double t_s, HazardSink& sink) override;
  /// @brief The mine head road node for the mine id or any escape shaft id.
  std::string location_of(const std::string& target) const override;

  /// @brief A rescue team reaches the top of a shaft (branch id; "" = the first escape shaft) at t_s.
  /// This is the entry point for the engine's road response. False for an unknown shaft.
  bool team_arrives_at_shaft(const std::string& team, const std::string& shaft, int personnel, double t_s,
                             HazardSink& sink);

  const MineConfig& config() const { return cfg_; }
  const MineNetwork& network() const { return cfg_.net; }
  const NetworkState& network_state() const { return state_; }
  const VentSolution& ventilation() const { return vent_; }
  const ContaminantField& contaminants() const { return *field_; }
  const std::vector<MinerGroup>& groups() const { return groups_; }
  const std::vector<RescueTeam>& teams() const { return teams_; }
  MineCounts counts() const;
  double water_level_m() const { return water_level_m_; }
  double now_s() const { return now_s_; }

private:
  void resolve(const std::string& cause, HazardSink& sink, bool report_changes);
  void apply_explosion(const ExplosionEvent& e, HazardSink& sink);
  void apply_roof_fall(const RoofFallEvent& e, HazardSink& sink);
  void start_inrush(const InrushEvent& e, HazardSink& sink);
  void update_water(double dt_s, HazardSink& sink);
  void alert(int g, const std::string& how, HazardSink& sink);
  void plan(int g, HazardSink& sink);
  void update_group(int g, double dt_s, HazardSink& sink);
  void update_team(int k, double dt_s, HazardSink& sink);
  bool choose_target(int k, HazardSink& sink);
  void set_state(int g, GroupState s, HazardSink& sink, const std::string& why = "");
  int split(int g, int n);
  Mix mix_at(const Position& p) const;
  double distance_to_branch_m(int junction, int branch) const;
  double distance_m(const Position& p, int junction) const;
  bool cut(int branch) const;
  int move(Position& pos, const std::vector<Leg>& route, size_t& leg, double dt_s, double speed_m_s,
           std::vector<bool>* known);
  void report(HazardSink& sink, bool force);
  nlohmann::json where(const Position& p) const;
  double t_h() const { return now_s_ / 3600.0; }

  MineConfig cfg_;
  NetworkState state_;
  VentSolution vent_;
  std::unique_ptr<ContaminantField> field_;
  std::vector<MinerGroup> groups_;
  std::vector<RescueTeam> teams_;
  std::vector<int> refuge_occupants_;
  std::vector<int> station_units_;
  std::vector<bool> explosion_done_, fire_started_, inrush_started_, roof_fall_done_;
  std::vector<double> inrush_start_s_;
  double water_volume_m3_ = 0;
  double water_level_m_ = -1e9;
  bool water_active_ = false;
  double accident_s_ = -1; ///< first accident time
  double warning_s_ = -1;
  bool warned_ = false;
  double now_s_ = 0;
  double next_report_s_ = 0;
  int last_trapped_reported_ = -1;
  std::vector<double> last_sensor_ppm_;
  std::vector<std::pair<double, double>> effort_; ///< (personnel, until_s) at the mine head
  int teams_from_effort_ = 0;
};

} // namespace hg::mine
