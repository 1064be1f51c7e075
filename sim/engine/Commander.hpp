#pragma once
/// @file
/// @brief Who decides at a command post: the plan executor (automatic commander), a person (a drill
/// team at the drill server, or a scripted person in tests), or nobody. Every post may have its own.
/// A commander sees only its post's beliefs and the messages the post read, never ground truth, and
/// answers with decisions in the one action vocabulary.
#include "sim/engine/Action.hpp"
#include "sim/engine/Beliefs.hpp"
#include "sim/engine/Message.hpp"

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
  /// "plan", "person", … (logged in run.started).
  virtual std::string kind() const = 0;
  /// Called once at t = 0 (e.g. to log the plan's clauses).
  virtual void start(const LogFn& log) = 0;
  /// A message the post has read (a person's inbox).
  virtual void received(const Message& m, double now_s) {
    (void)m;
    (void)now_s;
  }
  /// Decisions to take now, given what the post believes. Called whenever the post wakes: on mail, on
  /// an outside decision, and on its periodic tick.
  virtual std::vector<Decision> decide(double now_s, const Beliefs& beliefs, const LogFn& log) = 0;
  /// False when decide() at `now_s` would decide nothing and log nothing: nothing it reads has changed
  /// since its last call (`beliefs_changed` is false). Posts tick every minute for days, and most
  /// ticks bring no news; a commander that cannot tell says true.
  virtual bool may_decide(double now_s, bool beliefs_changed) const {
    (void)now_s;
    (void)beliefs_changed;
    return true;
  }
  /// Told when an action of a decision has been carried out (for on-time/late bookkeeping).
  virtual void action_done(const Decision& d, double done_t, const LogFn& log) = 0;
  /// Called once when the run ends (e.g. to log clauses that never fired, and why).
  virtual void finish(double end_s, const LogFn& log) = 0;
  /// True if outside decisions (RunInput) may be carried out at this post.
  virtual bool takes_outside_decisions() const { return false; }
};

} // namespace hg
