#include "sim/world/World.hpp"

#include <algorithm>

namespace hg {

bool Unit::can(const std::string& cap) const {
  return std::find(capabilities.begin(), capabilities.end(), cap) != capabilities.end();
}

namespace {
template <class V> void index(const V& v, std::map<std::string, size_t>& m) {
  m.clear();
  for (size_t i = 0; i < v.size(); ++i)
    m.emplace(v[i].id, i);
}
template <class V> auto find(const V& v, const std::map<std::string, size_t>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &v[it->second];
}
} // namespace

void World::build_indexes() {
  index(nodes, node_index);
  index(roads, road_index);
  index(zones, zone_index);
  index(facilities, facility_index);
  index(units, unit_index);
  index(posts, post_index);
  index(networks, network_index);
  index(channels, channel_index);
  index(districts, district_index);
}

const RoadNode* World::node(const std::string& id) const {
  return find(nodes, node_index, id);
}
const Road* World::road(const std::string& id) const {
  return find(roads, road_index, id);
}
const Zone* World::zone(const std::string& id) const {
  return find(zones, zone_index, id);
}
const Facility* World::facility(const std::string& id) const {
  return find(facilities, facility_index, id);
}
const Unit* World::unit(const std::string& id) const {
  return find(units, unit_index, id);
}
const Post* World::post(const std::string& id) const {
  return find(posts, post_index, id);
}
const Network* World::network(const std::string& id) const {
  return find(networks, network_index, id);
}
const WarningChannel* World::channel(const std::string& id) const {
  return find(channels, channel_index, id);
}

std::optional<size_t> World::node_of(const std::string& place_id) const {
  if (auto it = node_index.find(place_id); it != node_index.end()) return it->second;
  if (const Zone* z = zone(place_id)) return z->node;
  if (const Facility* f = facility(place_id)) return f->node;
  if (const Post* p = post(place_id)) return p->node;
  return std::nullopt;
}

const RoadClass* World::road_class(const std::string& cls) const {
  for (const auto& rc : road_classes)
    if (rc.cls == cls) return &rc;
  return nullptr;
}

} // namespace hg
