#pragma once
/// @file
/// @brief The coal-mine hazard: ventilation network (Hardy Cross), an accident (gas explosion or
/// outburst, fire, water inrush, roof fall), CO and smoke carried by the air, miner groups escaping on
/// what they see or are told, their CO dose, refuge chambers, and mine rescue teams underground.
/// Pure C++, no SimGrid: MineModel is the adapter to the hazard contract (sim/hazards/Hazard.hpp);
/// everything else is plain classes (docs/models/mine.md).
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/mine/Contaminants.hpp"
#include "sim/hazards/mine/Escape.hpp"
#include "sim/hazards/mine/MineConfig.hpp"
#include "sim/hazards/mine/NetworkState.hpp"
#include "sim/hazards/mine/VentilationSolver.hpp"

#include <cstdint>
#include <map>
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
  std::string unit; ///< the engine unit whose rescuers it is ("" for an injected team)
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
  bool waiting = false; ///< at the base with nobody reachable (reported once until it goes again)
};

/// @brief Miners by state.
struct MineCounts {
  int working = 0, escaping = 0, in_refuge = 0, out = 0, incapacitated = 0, dead = 0, trapped = 0;
  int rescued = 0; ///< out (alive) thanks to a rescue team
  int total() const { return working + escaping + in_refuge + out + incapacitated + dead + trapped; }
  /// Alive and still underground after the accident began (what the mine reports as trapped, 被困).
  int underground_alive() const { return working + escaping + in_refuge + incapacitated + trapped; }
};

/// @brief Miners brought out who need a hospital, waiting at the mine head for an ambulance.
struct WaitingPatients {
  std::string condition; ///< "incapacitated" (carried out) or "injured" (walked out CO-poisoned)
  int count = 0;
  double ready_s = 0; ///< on the surface from then (after the cage trip)
};

/// @brief The hazard: the accident underground and what the engine's units do at the mine head
/// (docs/models/mine.md §6). Tasks: `mine_rescue` (every `team_size` rescuers of a unit working at the
/// head form a team that goes underground) and `transport_patients` (casualties brought out are handed
/// to ambulances, at most their free places). Targets: the mine id, its escape shafts, and `incident`
/// when the scenario's incident is at the mine.
class MineModel : public hg::Hazard {
public:
  /// @brief Builds the state from the config (std::invalid_argument for an unusable network).
  MineModel(MineConfig cfg, std::uint64_t seed);
  MineModel(const MineModel&) = delete;
  MineModel& operator=(const MineModel&) = delete;

  std::string id() const override { return cfg_.id; }
  std::string kind() const override { return "coal_mine"; }
  double step_s() const override { return cfg_.step_s; }
  void start(const HazardView& view, EffectSink& sink) override;
  void advance(double t_s, double dt_s, EffectSink& sink) override;
  bool accepts_work(const std::string& task, const std::string& target) const override;
  /// @brief `mine_rescue`: the unit's rescuers at the shaft head form teams (the first work step of a
  /// unit's stay) and keep them on call while the unit works there; `transport_patients`: hands over
  /// waiting casualties, incapacitated first, at most `w.patient_places`.
  bool work(const Work& w, EffectSink& sink) override;
  /// @brief {"what":"team_arrives_at_shaft","team","shaft","personnel"} (a drill facilitator's team),
  /// {"what":"fan","fan","state"}, {"what":"door","door","open"}, {"what":"warning"},
  /// {"what":"roof_fall","airways":[...]}.
  bool inject(const nlohmann::json& what, double t_s, EffectSink& sink) override;
  /// @brief The mine id and its escape shafts.
  std::vector<std::string> targets() const override;
  /// @brief The road node of the mine head (mine id, `incident` at this mine) or of a shaft's head.
  std::string site_of(const std::string& target) const override;
  /// @brief The shift zone with the people underground (empty without `shift_zone`).
  std::vector<ZoneAtRisk> zones_at_risk() const override;

  /// @brief A rescue team reaches the top of a shaft (branch id; "" = the first escape shaft) at t_s.
  /// `unit`: the engine unit whose rescuers form the team ("" for an injected team). False for an
  /// unknown shaft.
  bool team_arrives_at_shaft(const std::string& team, const std::string& shaft, int personnel, double t_s,
                             EffectSink& sink, const std::string& unit = "");

  const MineConfig& config() const { return cfg_; }
  const MineNetwork& network() const { return cfg_.net; }
  const NetworkState& network_state() const { return state_; }
  const VentSolution& ventilation() const { return vent_; }
  const ContaminantField& contaminants() const { return *field_; }
  const std::vector<MinerGroup>& groups() const { return groups_; }
  const std::vector<RescueTeam>& teams() const { return teams_; }
  MineCounts counts() const;
  /// @brief Casualties at the mine head waiting for an ambulance.
  int patients_waiting() const;
  /// @brief Casualties brought out so far that need a hospital (waiting or handed over).
  int patients_total() const { return patients_total_; }
  double water_level_m() const { return water_level_m_; }
  double now_s() const { return now_s_; }

private:
  void resolve(const std::string& cause, EffectSink& sink, bool report_changes);
  void apply_explosion(const ExplosionEvent& e, EffectSink& sink);
  void apply_roof_fall(const RoofFallEvent& e, EffectSink& sink);
  void start_inrush(const InrushEvent& e, EffectSink& sink);
  void update_water(double dt_s, EffectSink& sink);
  void alert(int g, const std::string& how, EffectSink& sink);
  void plan(int g, EffectSink& sink);
  void update_group(int g, double dt_s, EffectSink& sink);
  void update_team(int k, double dt_s, EffectSink& sink);
  bool choose_target(int k, EffectSink& sink);
  void set_state(int g, GroupState s, EffectSink& sink, const std::string& why = "");
  int split(int g, int n);
  Mix mix_at(const Position& p) const;
  double distance_to_branch_m(int junction, int branch) const;
  double distance_m(const Position& p, int junction) const;
  bool cut(int branch) const;
  int move(Position& pos, const std::vector<Leg>& route, size_t& leg, double dt_s, double speed_m_s,
           std::vector<bool>* known);
  void report(EffectSink& sink, bool force);
  void emit_network(EffectSink& sink);
  void snapshot(EffectSink& sink);
  /// The escape shaft a target names: the shaft itself, or for the mine (and `incident`) the first
  /// escape shaft whose head is the mine head. -1 if the target is not this mine's.
  int shaft_of(const std::string& target) const;
  /// Whether the unit a team belongs to still works at the head (injected teams always are).
  bool unit_present(const std::string& unit) const;
  nlohmann::json where(const Position& p) const;
  double t_h() const { return now_s_ / 3600.0; }

  /// An engine unit working at the mine head.
  struct UnitAtHead {
    double last_work_s = -1; ///< time of its latest work step
    double step_s = 0;       ///< its work step
    int teams = 0;           ///< teams formed from its rescuers during this stay
  };

  MineConfig cfg_;
  const HazardView* view_ = nullptr;
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
  int last_dead_reported_ = -1;
  int last_waiting_reported_ = -1;
  double last_harm_[3] = {-1, -1, -1};  ///< exposed, dead, injured last published
  std::vector<double> last_sensor_ppm_; ///< last mine.co event per sensor
  std::vector<double> sent_sensor_ppm_; ///< last reading sent to the posts per sensor
  std::vector<int> last_co_;
  nlohmann::json last_groups_;
  std::map<std::string, UnitAtHead> units_;
  std::vector<WaitingPatients> waiting_;
  int patients_total_ = 0;
};

} // namespace hg::mine
