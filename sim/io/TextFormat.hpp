#pragma once
/// @file
/// @brief Number formatting shared by writers and messages, so every file prints numbers the same way.
#include <cstdio>
#include <string>

namespace hg {

/// `v` with exactly `decimals` digits after the point ("%.*f").
inline std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

} // namespace hg
