#pragma once
/// @file
/// @brief Live and paced runs: the engine's thread steps the simulation (run_until), paused, stepped
/// or paced at N times real time, and between steps drains the one thread-safe queue through which
/// every outside input (a person's decision, an inject, a clock change) enters. Each input is checked,
/// journalled (durable) with the simulated time at which it takes effect, applied, and only then
/// acknowledged to its sender. replay() feeds a journal back at the same simulated times, so seed +
/// journal give the same byte-identical log. Subscribers see every event as it is written.
#include "sim/engine/InputJournal.hpp"
#include "sim/engine/RunInput.hpp"
#include "sim/io/EventLog.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>

namespace hg {

class Simulation;

/// @brief Wall-clock time as the pacing loop sees it (tests give a fake one).
class WallClock {
public:
  virtual ~WallClock() = default;
  virtual double now_s() = 0;
  /// Waits up to `s` seconds, or until `cv` is notified.
  virtual void wait(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, double s) = 0;
};

/// @brief The real, monotonic clock.
class SteadyClock : public WallClock {
public:
  double now_s() override;
  void wait(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, double s) override;
};

struct LiveOptions {
  double pace = 0;           ///< simulated seconds per wall-clock second; 0 = as fast as possible
  bool start_paused = false; ///< wait for a clock input (resume or step) before advancing
  double max_step_s = 300;   ///< the longest simulated step between two looks at the input queue
  double tick_s = 0.05;      ///< wall-clock tick of a paced run
};

struct LiveStatus {
  double t_s = 0;
  double end_s = 0;
  bool paused = false;
  double pace = 0;
  bool ended = false;
  long inputs = 0; ///< inputs applied so far
};

class LiveRun {
public:
  LiveRun(Simulation& sim, LiveOptions opt, InputJournal* journal = nullptr, WallClock* clock = nullptr);
  ~LiveRun();
  LiveRun(const LiveRun&) = delete;
  LiveRun& operator=(const LiveRun&) = delete;

  /// Any thread: queues an input. The future gives it back as applied (seq, t_s) once it is journalled
  /// and in effect, or throws std::invalid_argument if the engine refused it.
  std::future<RunInput> submit(RunInput in);
  /// The engine's thread: runs until the scenario ends (true) or stop() is called (false).
  /// `progress` is called after every step.
  bool run(const std::function<void(const LiveStatus&)>& progress = {});
  /// Any thread: makes run() return after the current step.
  void stop();
  /// Any thread.
  LiveStatus status() const;

private:
  struct Pending {
    RunInput in;
    std::promise<RunInput> done;
  };
  void drain();
  void apply_clock(const RunInput& in);
  void anchor();

  Simulation& sim_;
  LiveOptions opt_;
  InputJournal* journal_;
  std::unique_ptr<WallClock> own_clock_;
  WallClock* clock_;
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  bool stop_ = false;
  LiveStatus status_;
  // Engine thread only:
  std::optional<double> step_to_;
  double wall0_ = 0, sim0_ = 0;
};

/// Replays a journal on a fresh simulation: every input at its recorded simulated time, in journal
/// order, then to the end. Throws std::invalid_argument if an input no longer applies.
void replay(Simulation& sim, std::vector<RunInput> inputs);

} // namespace hg
