#pragma once
/// @file
/// @brief A person commanding a post: decisions arrive from outside (a drill team through the drill
/// server, or a scripted person in tests) as RunInputs, journalled and carried out by the post the
/// moment they arrive. What the person may see — the post's beliefs and the messages it read — is kept
/// in a snapshot that other threads can read (fog of war is the post's own knowledge, nothing more).
#include "sim/engine/Commander.hpp"

#include <deque>
#include <mutex>

namespace hg {

/// @brief A copy of what a person at a post may see, taken by the engine thread.
struct PostView {
  double t_s = 0;
  Beliefs beliefs;
  std::deque<nlohmann::json> inbox; ///< messages read by the post, newest last (bounded)
};

class PersonCommander : public Commander {
public:
  explicit PersonCommander(std::string person) : person_(std::move(person)) {}
  std::string kind() const override { return "person"; }
  void start(const LogFn&) override {}
  void received(const Message& m, double now_s) override;
  std::vector<Decision> decide(double now_s, const Beliefs& beliefs, const LogFn& log) override;
  void action_done(const Decision&, double, const LogFn&) override {}
  void finish(double, const LogFn&) override {}
  bool takes_outside_decisions() const override { return true; }
  const std::string& person() const { return person_; }
  /// Thread-safe copy of the current view.
  PostView view() const;

  static constexpr size_t kInboxMax = 500;

private:
  std::string person_;
  mutable std::mutex m_;
  PostView view_;
};

} // namespace hg
