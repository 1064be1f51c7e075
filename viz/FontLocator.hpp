#pragma once
/// @file
/// @brief Finds and loads the CJK font used for every label (Noto Sans CJK): `fc-match` first, then
/// fixed Debian paths. Fails with a message that says which package to install.
#include <SFML/Graphics/Font.hpp>

#include <string>

namespace hg::viz {

class FontLocator {
public:
  /// Path of a font with Chinese glyphs; throws std::runtime_error with install advice if none.
  static std::string find_cjk();
  /// The loaded font (loaded once per process).
  static const sf::Font& cjk();
};

} // namespace hg::viz
