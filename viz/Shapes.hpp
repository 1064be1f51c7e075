#pragma once
/// @file
/// @brief Drawing helpers missing from SFML: thick polylines (as triangles), discs, dashed lines
/// and UTF-8 text with an outline halo.
#include <SFML/Graphics.hpp>

#include <string>
#include <vector>

namespace hg::viz {

class Shapes {
public:
  /// Appends a thick segment a-b to `va` (sf::Triangles), with square caps of width/2.
  static void segment(sf::VertexArray& va, sf::Vector2f a, sf::Vector2f b, float width, sf::Color c);
  static void polyline(sf::VertexArray& va, const std::vector<sf::Vector2f>& pts, float width, sf::Color c);
  static void disc(sf::RenderTarget& t, sf::Vector2f centre, float radius, sf::Color fill,
                   sf::Color outline = sf::Color::Transparent, float outline_width = 0);
  /// The light, outlined background of a side panel (event feed, KPI panel).
  static void panel(sf::RenderTarget& t, sf::FloatRect area);
  /// UTF-8 text; `halo` draws a light outline so labels stay readable over the map.
  static sf::Text text(const std::string& utf8, const sf::Font& font, unsigned size, sf::Color c,
                       bool halo = false);
};

} // namespace hg::viz
