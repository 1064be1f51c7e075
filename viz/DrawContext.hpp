#pragma once
/// @file
/// @brief What every drawing step gets: the target, the projection, the label font, the time and
/// the label switch.
#include "viz/Projection.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

namespace hg::viz {

struct DrawContext {
  sf::RenderTarget& target;
  const Projection& proj;
  const sf::Font& font;
  double t = 0;       ///< simulated seconds since scenario start
  bool labels = true; ///< draw text labels
};

} // namespace hg::viz
