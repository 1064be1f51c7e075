#pragma once
/// @file
/// @brief The viewer's clock and its scrubber bar: play/pause, speed (1x..3600x simulated seconds
/// per real second), a track with one tick per event that can be clicked or dragged to seek.
#include "sim/io/EventLog.hpp"
#include "viz/DrawContext.hpp"

#include <vector>

namespace hg::viz {

class Timeline {
public:
  explicit Timeline(double end_s) : end_(end_s) {}
  void set_end(double end_s) { end_ = end_s; }
  double end() const { return end_; }
  double time() const { return t_; }
  void seek(double t);
  /// Moves the clock by real_dt seconds times the speed, when playing; stops at the end.
  void advance(double real_dt);
  bool playing() const { return playing_; }
  void toggle_play();
  double speed() const;
  void faster();
  void slower();

  void draw(const DrawContext& ctx, sf::FloatRect area, const std::vector<Event>& events) const;
  /// Mouse press at `px`: true if the timeline took it (play button, speed buttons or track).
  bool press(sf::Vector2f px, sf::FloatRect area);
  /// Mouse moved: seeks while the track is being dragged.
  void move(sf::Vector2f px, sf::FloatRect area);
  void release() { dragging_ = false; }

private:
  sf::FloatRect track(sf::FloatRect area) const;
  sf::FloatRect play_button(sf::FloatRect area) const;
  sf::FloatRect speed_button(sf::FloatRect area, int dir) const;

  double end_;
  double t_ = 0;
  bool playing_ = false;
  size_t speed_index_ = 2;
  bool dragging_ = false;
};

} // namespace hg::viz
