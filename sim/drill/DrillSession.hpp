#pragma once
/// @file
/// @brief One drill (演练场次): the exercise, the scenario actually played (drawn in secret for a
/// double-blind drill), the live run with a team commander at each team's post, the SQLite journal,
/// the tokens, and what each caller may see. The engine runs on the thread that calls run(); the
/// HTTP server's threads call the view and submit functions. Fog of war is enforced here: a team's
/// view is built only from its post's beliefs, the messages its channels delivered (journalled first)
/// and its own units; ground truth goes only to the facilitator.
#include "sim/drill/DrillJournal.hpp"
#include "sim/drill/Exercise.hpp"
#include "sim/drill/SealedDraw.hpp"
#include "sim/drill/TeamCommander.hpp"
#include "sim/engine/LiveRun.hpp"
#include "sim/plan/ScenarioSetup.hpp"
#include "sim/run/RunPipeline.hpp"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace hg {

/// What the end of the drill runs beyond the simulation (scoring lives outside sim/).
struct DrillHooks {
  /// Scores a run folder with a rubric ("" = the scenario's); returns the console summary.
  std::function<std::string(const std::string& run_dir, const std::string& rubric)> score;
  /// Compares run A with run B, writing `html`; returns the text comparison.
  std::function<std::string(const std::string& a, const std::string& b, const std::string& html)> compare;
};

/// A refused request: the HTTP status and the message for the caller.
struct Refusal : std::runtime_error {
  int status;
  Refusal(int s, const std::string& m) : std::runtime_error(m), status(s) {}
};

class DrillSession {
public:
  /// Starts a new session in `dir` (created; must not hold one already) or resumes the one there.
  /// Throws InputError (bad exercise) or std::runtime_error.
  DrillSession(const std::string& exercise_path, const std::string& dir, bool resume, bool quiet);
  ~DrillSession();

  const Exercise& exercise() const { return ex_; }
  const std::string& dir() const { return dir_; }
  /// "facilitator", a team id, or "" for an unknown token (constant time per token).
  std::string role_of(const std::string& token) const;
  const nlohmann::json& tokens() const { return tokens_; }
  /// The published commitment ("" for a tabletop drill).
  std::string commitment() const;

  /// Runs the drill on this thread until it ends (then writes the results with `hooks`) or stop().
  bool run(const DrillHooks& hooks);
  void stop();
  bool ended() const { return ended_; }

  nlohmann::json team_view(const std::string& team) const;
  /// Ground truth; `events_only`: just the clock, the scenario and the events (the live wall display).
  nlohmann::json facilitator_view(long since_event, bool events_only = false) const;
  nlohmann::json orders(const std::string& team = "") const;
  nlohmann::json injects() const;
  /// Throw Refusal (400 with the reason, 409 when the drill has ended, 503 if the engine does not answer).
  nlohmann::json submit_order(const std::string& team, const nlohmann::json& action);
  nlohmann::json submit_clock(const nlohmann::json& body);
  nlohmann::json submit_inject(const nlohmann::json& body);

private:
  void start_new(bool quiet);
  void build(bool quiet);
  void resume_state();
  void on_event(const Event& e);
  void after_step(const LiveStatus& st);
  void publish_deliveries();
  RunInput wait_applied(RunInput in);
  void finish(const DrillHooks& hooks);
  nlohmann::json clock_json() const;
  nlohmann::json msel_scores() const;

  Exercise ex_;
  std::string dir_;
  std::unique_ptr<DrillJournal> journal_;
  nlohmann::json tokens_;
  std::string secret_;
  std::optional<Draw> draw_;
  std::string scenario_path_;
  uint64_t seed_ = 0;
  long long start_epoch_s_ = 0;
  Setup setup_;
  RunRequest req_;
  std::unique_ptr<Simulation> sim_;
  std::unique_ptr<LiveRun> live_;
  std::map<std::string, TeamCommander*> team_cmd_;
  std::map<std::string, size_t> journalled_; ///< team → deliveries journalled (engine thread)

  mutable std::mutex m_;                                     ///< guards everything below
  std::map<std::string, std::vector<nlohmann::json>> inbox_; ///< published deliveries per team
  std::vector<nlohmann::json> events_;                       ///< ground truth, for the facilitator
  std::map<std::string, nlohmann::json> unit_truth_;
  std::map<std::string, double> msel_fired_; ///< inject id → simulated time it fired
  std::set<std::string> msel_submitted_;     ///< fired early by the facilitator
  std::set<std::string> cond_fired_;         ///< injects by condition already sent (engine thread)
  nlohmann::json results_ = nlohmann::json::object();
  LiveStatus status_;
  std::atomic<bool> ended_{false};
};

} // namespace hg
