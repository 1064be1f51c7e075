#pragma once
/// @file
/// @brief The commander of a team's post: a person (PersonCommander) whose inbox is also kept in
/// full, filtered by the team's channels, so that the drill session can journal each delivery before
/// the team's console shows it.
#include "sim/drill/Exercise.hpp"
#include "sim/engine/PersonCommander.hpp"

#include <mutex>
#include <vector>

namespace hg {

class TeamCommander : public PersonCommander {
public:
  explicit TeamCommander(const Team& team) : PersonCommander(team.id), channels_(team.channels) {}
  void received(const Message& m, double now_s) override;
  /// Messages from index `from` on (engine thread or any thread).
  std::vector<nlohmann::json> delivered_since(size_t from) const;

private:
  std::vector<std::string> channels_;
  mutable std::mutex dm_;
  std::vector<nlohmann::json> delivered_;
};

} // namespace hg
