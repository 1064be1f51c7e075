#pragma once
/// @file
/// @brief The viewer's colours, widths and glyphs in one place, so the map, the legend, the
/// documentation and the pixel tests agree.
#include <SFML/Graphics/Color.hpp>

#include <string>

namespace hg::viz {

enum class UnitState { kIdle, kEnRoute, kOnScene, kReturning, kUnreachable };

class Style {
public:
  static sf::Color background() { return {244, 241, 234}; }
  static sf::Color river() { return {70, 140, 215}; }
  static sf::Color boundary() { return {150, 110, 160}; }
  static sf::Color closure() { return {220, 20, 60}; }
  static sf::Color bridge() { return {40, 40, 40}; }
  static sf::Color incident() { return {230, 0, 0}; }
  static sf::Color route() { return {255, 140, 0, 200}; }
  static sf::Color panel() { return {255, 255, 255, 225}; }
  static sf::Color text() { return {30, 30, 30}; }
  static sf::Color muted_text() { return {100, 100, 100}; }

  static sf::Color road_color(const std::string& cls);
  /// Line width in pixels at the default zoom.
  static float road_width(const std::string& cls);
  static sf::Color facility_color(const std::string& kind);
  /// One or two Latin letters drawn inside the facility icon (H hospital, F fire station, ...).
  static std::string facility_glyph(const std::string& kind);
  static sf::Color zone_color(int kind);
  static sf::Color unit_color(UnitState s);
  static std::string unit_state_name(UnitState s);
};

} // namespace hg::viz
