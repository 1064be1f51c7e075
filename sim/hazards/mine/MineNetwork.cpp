/// @file
/// @brief Look-ups in a MineNetwork (linear: networks have tens to thousands of branches, and these are
/// called while loading or on rare events, never per step).
#include "sim/hazards/mine/MineNetwork.hpp"

namespace hg::mine {

namespace {
template <class T> int index_of(const std::vector<T>& v, const std::string& id) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i].id == id) return int(i);
  return -1;
}
} // namespace

int MineNetwork::junction_index(const std::string& id) const {
  return index_of(junctions, id);
}
int MineNetwork::branch_index(const std::string& id) const {
  return index_of(branches, id);
}
int MineNetwork::fan_index(const std::string& id) const {
  return index_of(fans, id);
}
int MineNetwork::door_index(const std::string& id) const {
  return index_of(doors, id);
}
int MineNetwork::refuge_index(const std::string& id) const {
  return index_of(refuges, id);
}

bool MineNetwork::has_surface() const {
  for (const auto& j : junctions)
    if (j.surface) return true;
  return false;
}

} // namespace hg::mine
