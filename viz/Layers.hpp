#pragma once
/// @file
/// @brief Which map layers are shown, and the keys that toggle them in the viewer.
#include <string>
#include <vector>

namespace hg::viz {

struct Layers {
  bool boundaries = true;
  bool rivers = true;
  bool roads = true;
  bool places = true; ///< population zones
  bool facilities = true;
  bool units = true;
  bool routes = true;
  bool labels = true;
  bool hazards = true; ///< hazard overlays
  bool legend = true;

  struct Entry {
    char key; ///< upper-case letter
    std::string name;
    bool Layers::*flag;
  };
  /// Key table, in legend order.
  static const std::vector<Entry>& table();
  /// Toggles the layer bound to `key` (either case); false if no layer uses that key.
  bool toggle(char key);
};

} // namespace hg::viz
