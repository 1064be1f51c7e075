/// @file
/// @brief Layer toggle table (see Layers.hpp).
#include "viz/Layers.hpp"

#include <cctype>

namespace hg::viz {

const std::vector<Layers::Entry>& Layers::table() {
  static const std::vector<Entry> k = {
      {'B', "boundaries 区界", &Layers::boundaries}, {'W', "rivers 河流", &Layers::rivers},
      {'R', "roads 道路", &Layers::roads},           {'Z', "places 乡镇街道", &Layers::places},
      {'F', "facilities 设施", &Layers::facilities}, {'U', "units 队伍", &Layers::units},
      {'O', "routes 路线", &Layers::routes},         {'L', "labels 标注", &Layers::labels},
      {'H', "hazards 灾害图层", &Layers::hazards},   {'G', "legend 图例", &Layers::legend}};
  return k;
}

bool Layers::toggle(char key) {
  const char k = char(std::toupper(static_cast<unsigned char>(key)));
  for (const auto& e : table())
    if (e.key == k) {
      this->*(e.flag) = !(this->*(e.flag));
      return true;
    }
  return false;
}

} // namespace hg::viz
