#pragma once
/// @file
/// @brief Replays the event log up to a chosen time into the scene state and the hazard overlays.
/// Seeking forward applies the new events; seeking back replays from the start.
#include "viz/Overlay.hpp"
#include "viz/RunData.hpp"
#include "viz/SceneState.hpp"

#include <memory>
#include <vector>

namespace hg::viz {

class Replay {
public:
  explicit Replay(const RunData& run);
  /// Applies every event with t <= `t` (and nothing later).
  void seek(double t);
  /// Applies events that arrived since (live sources), up to the current time.
  void catch_up() { seek(t_); }
  double time() const { return t_; }
  /// Index of the first event not yet applied.
  size_t next_index() const { return next_; }
  const SceneState& state() const { return state_; }
  const std::vector<std::unique_ptr<Overlay>>& overlays() const { return overlays_; }

private:
  const RunData* run_;
  SceneState state_;
  std::vector<std::unique_ptr<Overlay>> overlays_;
  double t_ = 0;
  size_t next_ = 0;
};

} // namespace hg::viz
