#pragma once
/// @file
/// @brief The event feed panel: the events around the current time (earlier ones above, the next
/// ones greyed below); clicking a row jumps the clock to that event.
#include "sim/io/EventLog.hpp"
#include "viz/DrawContext.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::viz {

class EventFeed {
public:
  /// Draws into `area` and remembers which row shows which event time.
  void draw(const DrawContext& ctx, sf::FloatRect area, const std::vector<Event>& events, double t);
  /// The time of the event whose row is under `px`, if any.
  std::optional<double> click(sf::Vector2f px) const;
  /// One-line summary of an event ("unit.dispatched u_fire_1 → incident").
  static std::string summary(const Event& e);

private:
  std::vector<std::pair<sf::FloatRect, double>> rows_;
};

} // namespace hg::viz
