#pragma once
/// @file
/// @brief Who decides at a command post: the plan executor (automatic commander) now, a human team
/// in a drill later. Both see only the post's beliefs and answer with decisions in the one action
/// vocabulary.
#include "sim/engine/Action.hpp"
#include "sim/engine/Beliefs.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace hg {

/// Lets a commander log without knowing the engine.
using LogFn =
    std::function<void(const std::string& type, std::vector<std::string> actors, nlohmann::json payload)>;

class Commander {
public:
  virtual ~Commander() = default;
  /// Called once at t = 0 (e.g. to log the plan's clauses).
  virtual void start(const LogFn& log) = 0;
  /// Decisions to take now, given what the post believes. Called after each received message and on
  /// each periodic tick.
  virtual std::vector<Decision> decide(double now_s, const Beliefs& beliefs, const LogFn& log) = 0;
  /// Told when an action of a clause has been carried out (for on-time/late bookkeeping).
  virtual void action_done(const Decision& d, double done_t, const LogFn& log) = 0;
  /// Called once when the run ends (e.g. to log clauses that never fired, and why).
  virtual void finish(double end_s, const LogFn& log) = 0;
};

} // namespace hg
