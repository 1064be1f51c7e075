#pragma once
/// @file
/// @brief One scenario run on SimGrid: builds the comms platform, starts the actors (command posts,
/// units, hazard driver, population-zone model, scheduler), and writes every fact to the event log.
///
/// One Simulation per process (SimGrid allows one Engine). It can run to the end or be stepped from
/// outside with run_until() (tabletop drills). See docs/simulation-loop.md.
#include "sim/engine/Action.hpp"
#include "sim/engine/Beliefs.hpp"
#include "sim/engine/Commander.hpp"
#include "sim/engine/Message.hpp"
#include "sim/hazards/Hazard.hpp"
#include "sim/io/EventLog.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/world/RoadNetwork.hpp"

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace simgrid::s4u {
class Engine;
}

namespace hg {

class Comms;
class ZoneModel;

struct SimOptions {
  uint64_t seed = 1;
  /// No commander acts and nobody is dispatched: the baseline for "lives saved".
  bool no_response = false;
  /// Extra SimGrid options (e.g. "contexts/factory:thread").
  std::vector<std::string> cfg;
  /// How often a post re-evaluates its plan when no message arrives.
  double tick_s = 60;
};

class Simulation {
public:
  Simulation(const Scenario& scenario, SimOptions opt, std::vector<std::unique_ptr<Hazard>> hazards,
             std::unique_ptr<Commander> commander);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// Runs to the end of the scenario.
  void run();
  /// Runs up to simulated time t_s (tabletop stepping). Returns false once the scenario has ended.
  bool run_until(double t_s);
  double now() const;
  const EventLog& log() const { return log_; }

  // ---- used by the actors (engine/*.cpp) ----
  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload);
  const Scenario& scenario() const { return sc_; }
  const World& world() const { return sc_.world; }
  RoadNetwork& roads() { return roads_; }
  Comms& comms() { return *comms_; }
  ZoneModel& zones() { return *zones_; }
  std::vector<std::unique_ptr<Hazard>>& hazards() { return hazards_; }
  const SimOptions& options() const { return opt_; }
  Commander* commander() { return commander_.get(); }
  std::mt19937_64& rng() { return rng_; }
  /// Closes or reopens a road on the ground (logs it, and tells the lead post through a report).
  void set_road_closed(uint32_t road, bool closed, const std::string& reason);
  /// Sends a message through the comms network (delays, losses, retries are logged).
  void send(Message m);
  std::string next_message_id() { return "m" + std::to_string(++message_seq_); }
  /// Applies an effort of a unit to hazards (sandbag, pump…) over dt_s.
  void apply_effort(const std::string& unit, const std::string& target, const std::string& capability,
                    double amount, double dt_s);

private:
  void build_platform();
  void start_actors();

  const Scenario& sc_;
  SimOptions opt_;
  std::vector<std::unique_ptr<Hazard>> hazards_;
  std::unique_ptr<Commander> commander_;
  EventLog log_;
  RoadNetwork roads_;
  std::mt19937_64 rng_;
  std::unique_ptr<simgrid::s4u::Engine> engine_;
  std::unique_ptr<Comms> comms_;
  std::unique_ptr<ZoneModel> zones_;
  long message_seq_ = 0;
  bool ended_ = false;
};

} // namespace hg
