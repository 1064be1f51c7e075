#pragma once
/// @file
/// @brief One scenario run on SimGrid: builds the comms platform, starts the actors (command posts
/// with their commanders, units, hazard drivers, the population account, the scheduler), applies
/// outside inputs, and writes every fact to the event log.
///
/// One Simulation per process (SimGrid allows one Engine). It runs to the end, or is stepped from
/// outside with run_until() and fed inputs between steps with apply() (LiveRun does both for drills
/// and paced runs). See docs/simulation-loop.md.
#include "sim/engine/Commander.hpp"
#include "sim/engine/Message.hpp"
#include "sim/engine/RunInput.hpp"
#include "sim/hazards/Hazard.hpp"
#include "sim/io/EventLog.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/world/RoadNetwork.hpp"

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace simgrid::s4u {
class Engine;
}

namespace hg {

class Comms;
class Hospitals;
class Population;

/// Post id → its commander (plan executor, person, …); posts without one only relay and report.
using Commanders = std::map<std::string, std::unique_ptr<Commander>>;

struct SimOptions {
  uint64_t seed = 1;
  /// No commander acts and nobody is dispatched: the baseline for "lives saved".
  bool no_response = false;
  /// Extra SimGrid options (e.g. "contexts/factory:thread").
  std::vector<std::string> cfg;
};

class Simulation {
public:
  Simulation(const Scenario& scenario, SimOptions opt, std::vector<std::unique_ptr<Hazard>> hazards,
             Commanders commanders);
  /// One commander at the scenario's lead post (or none).
  Simulation(const Scenario& scenario, SimOptions opt, std::vector<std::unique_ptr<Hazard>> hazards,
             std::unique_ptr<Commander> lead_commander);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// Runs to the end of the scenario.
  void run();
  /// Runs up to simulated time t_s (the clock stops exactly there). Returns false once the scenario
  /// has ended.
  bool run_until(double t_s);
  double now() const;
  bool ended() const { return ended_; }
  double end_s() const { return sc_.duration_s; }
  const EventLog& log() const { return log_; }
  EventLog& log() { return log_; }

  /// Why an outside input cannot be applied now ("" if it can): check_input(), a decision for a post
  /// whose commander takes none, a run that has ended.
  std::string check(const RunInput& in);
  /// Applies an outside input at the current time (call between steps, from the engine's thread) and
  /// logs input.applied. Sets `in.t_s` (and `in.seq` if unset). Throws std::invalid_argument if check()
  /// refuses it. In a no-response run, decisions are skipped (nobody acts there).
  void apply(RunInput& in);

  // ---- used by the actors (engine/*.cpp) ----
  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload);
  const Scenario& scenario() const { return sc_; }
  const World& world() const { return sc_.world; }
  const ModelParameters& params() const { return sc_.params; }
  RoadNetwork& roads() { return roads_; }
  Comms& comms() { return *comms_; }
  Population& population() { return *population_; }
  Hospitals& hospitals() { return *hospitals_; }
  std::vector<std::unique_ptr<Hazard>>& hazards() { return hazards_; }
  const SimOptions& options() const { return opt_; }
  /// The commander of a post, nullptr if none (or in a no-response run).
  Commander* commander(const std::string& post);
  std::mt19937_64& rng() { return rng_; }
  /// Closes or reopens a road on the ground (logs it, and tells the lead post through a report).
  void set_road_closed(uint32_t road, bool closed, const std::string& reason, const std::string& by);
  void set_facility_lost(const std::string& facility, bool lost, const std::string& reason,
                         const std::string& hazard);
  bool facility_lost(const std::string& facility) const { return lost_facilities_.count(facility) > 0; }
  /// Sends a message through the comms network (delays, losses, retries are logged).
  void send(Message m);
  std::string next_message_id() { return "m" + std::to_string(++message_seq_); }
  /// The hazard that takes `task` on `target`, nullptr if none.
  Hazard* hazard_for_work(const std::string& task, const std::string& target);
  /// One step of a unit's work on a hazard.
  void apply_work(Hazard& h, const Work& w);
  const HazardView& hazard_view() const { return *view_; }
  /// The sink through which a hazard publishes its effects.
  EffectSink& sink(Hazard& h);
  /// Fires an inject now (scheduled or live).
  void fire_inject(const Inject& inj);

private:
  void build_platform();
  void start_actors();

  const Scenario& sc_;
  SimOptions opt_;
  std::vector<std::unique_ptr<Hazard>> hazards_;
  Commanders commanders_;
  EventLog log_;
  RoadNetwork roads_;
  std::mt19937_64 rng_;
  std::unique_ptr<simgrid::s4u::Engine> engine_;
  std::unique_ptr<Comms> comms_;
  std::unique_ptr<Population> population_;
  std::unique_ptr<Hospitals> hospitals_;
  std::unique_ptr<HazardView> view_;
  std::map<const Hazard*, std::unique_ptr<EffectSink>> sinks_;
  std::set<std::string> lost_facilities_;
  long message_seq_ = 0;
  long input_seq_ = 0;
  bool ended_ = false;
};

} // namespace hg
