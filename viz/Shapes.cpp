/// @file
/// @brief Thick lines, discs and text helpers (see Shapes.hpp).
#include "viz/Shapes.hpp"

#include <cmath>

namespace hg::viz {

void Shapes::segment(sf::VertexArray& va, sf::Vector2f a, sf::Vector2f b, float width, sf::Color c) {
  sf::Vector2f d = b - a;
  const float len = std::sqrt(d.x * d.x + d.y * d.y);
  if (len < 1e-3f) return;
  d /= len;
  const sf::Vector2f n(-d.y * width / 2, d.x * width / 2);
  const sf::Vector2f cap = d * (width / 2);
  const sf::Vector2f p0 = a - cap + n, p1 = b + cap + n, p2 = b + cap - n, p3 = a - cap - n;
  for (sf::Vector2f p : {p0, p1, p2, p0, p2, p3})
    va.append(sf::Vertex(p, c));
}

void Shapes::polyline(sf::VertexArray& va, const std::vector<sf::Vector2f>& pts, float width, sf::Color c) {
  for (size_t i = 1; i < pts.size(); ++i)
    segment(va, pts[i - 1], pts[i], width, c);
}

void Shapes::panel(sf::RenderTarget& t, sf::FloatRect area) {
  sf::RectangleShape bg({area.width, area.height});
  bg.setPosition(area.left, area.top);
  bg.setFillColor(sf::Color(250, 250, 250));
  bg.setOutlineColor(sf::Color(190, 190, 190));
  bg.setOutlineThickness(1);
  t.draw(bg);
}

void Shapes::disc(sf::RenderTarget& t, sf::Vector2f centre, float radius, sf::Color fill, sf::Color outline,
                  float outline_width) {
  sf::CircleShape s(radius, std::max<size_t>(12, size_t(radius)));
  s.setOrigin(radius, radius);
  s.setPosition(centre);
  s.setFillColor(fill);
  s.setOutlineColor(outline);
  s.setOutlineThickness(outline_width);
  t.draw(s);
}

sf::Text Shapes::text(const std::string& utf8, const sf::Font& font, unsigned size, sf::Color c, bool halo) {
  sf::Text t(sf::String::fromUtf8(utf8.begin(), utf8.end()), font, size);
  t.setFillColor(c);
  if (halo) {
    t.setOutlineColor(sf::Color(255, 255, 255, 200));
    t.setOutlineThickness(2.f);
  }
  return t;
}

} // namespace hg::viz
