#pragma once
/// @file
/// @brief One hazard overlay per hazard kind. The viewer feeds each overlay the events it
/// handles (by type prefix, e.g. "flood."), in log order up to the shown time, and asks it to draw.
/// A new hazard adds a class implementing this interface and one line in OverlayRegistry.cpp;
/// no other overlay changes. See docs/viewer.md, "Adding an overlay".
#include "sim/io/EventLog.hpp"
#include "viz/DrawContext.hpp"

#include <SFML/Graphics/Color.hpp>

#include <string>
#include <vector>

namespace hg::viz {

/// One line of the on-screen legend.
struct LegendItem {
  sf::Color color;
  std::string label; ///< "English 中文"
};

class Overlay {
public:
  virtual ~Overlay() = default;
  /// Short id shown in the legend ("flood").
  virtual std::string name() const = 0;
  /// True for event types this overlay consumes (usually a prefix test).
  virtual bool handles(const std::string& event_type) const = 0;
  /// Forgets all state (before replaying the log from the start, e.g. when scrubbing back).
  virtual void reset() = 0;
  virtual void apply(const Event& e) = 0;
  /// Drawn above roads and below units and labels.
  virtual void draw(const DrawContext& ctx) const = 0;
  virtual std::vector<LegendItem> legend() const = 0;
  /// True once the overlay has received any event (the legend lists only active overlays).
  virtual bool active() const = 0;
};

} // namespace hg::viz
