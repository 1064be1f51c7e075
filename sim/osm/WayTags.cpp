/// @file
/// @brief Reading routing tags of OSM ways.
#include "sim/osm/WayTags.hpp"

#include "sim/osm/RoadClassTable.hpp"

#include <osmium/osm/tag.hpp>

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace hg::osm {

std::optional<double> WayTags::parse_maxspeed_kmh(const std::string& v) {
  const char* s = v.c_str();
  while (*s == ' ')
    ++s;
  if (!std::isdigit(static_cast<unsigned char>(*s)))
    return std::nullopt;
  char* end = nullptr;
  double x = std::strtod(s, &end);
  while (*end == ' ')
    ++end;
  if (std::strncmp(end, "mph", 3) == 0)
    x *= 1.609344; // international mile
  else if (std::strncmp(end, "knots", 5) == 0)
    return std::nullopt; // waterways only
  else if (*end != '\0' && *end != ';' && std::strncmp(end, "km/h", 4) != 0 && std::strncmp(end, "kmh", 3) != 0)
    return std::nullopt;
  if (x <= 0 || x > 300)
    return std::nullopt;
  return x;
}

int WayTags::parse_oneway(const char* v, int implied) {
  if (!v)
    return implied;
  const std::string s(v);
  if (s == "yes" || s == "true" || s == "1")
    return 1;
  if (s == "-1" || s == "reverse")
    return -1;
  if (s == "no" || s == "false" || s == "0")
    return 0;
  return implied; // "reversible", "alternating": direction changes in time; keep the default
}

std::optional<WayTags> WayTags::from(const osmium::TagList& tags) {
  const char* hw = tags.get_value_by_key("highway");
  if (!hw)
    return std::nullopt;
  const HighwayRule* rule = RoadClassTable::find(hw);
  if (!rule)
    return std::nullopt;
  if (const char* area = tags.get_value_by_key("area"); area && std::strcmp(area, "yes") == 0)
    return std::nullopt; // pedestrian squares, parking lots: polygons, not roads
  WayTags t;
  t.highway = hw;
  t.cls = rule->cls;
  const char* junction = tags.get_value_by_key("junction");
  const bool roundabout = junction && std::strcmp(junction, "roundabout") == 0;
  t.oneway = parse_oneway(tags.get_value_by_key("oneway"), rule->implies_oneway || roundabout ? 1 : 0);
  const char* bridge = tags.get_value_by_key("bridge");
  t.bridge = bridge && std::strcmp(bridge, "no") != 0; // yes, viaduct, aqueduct, movable, …
  if (const char* ms = tags.get_value_by_key("maxspeed"))
    if ((t.maxspeed_kmh = parse_maxspeed_kmh(ms)))
      t.maxspeed_tagged = true;
  if (!t.maxspeed_kmh && rule->link_speed_kmh)
    t.maxspeed_kmh = rule->link_speed_kmh;
  const char* name = tags.get_value_by_key("name");
  const char* name_zh = tags.get_value_by_key("name:zh");
  const char* name_en = tags.get_value_by_key("name:en");
  // In China `name` is the Chinese name; name:zh wins when both exist (it is the explicit one).
  t.zh = name_zh ? name_zh : (name ? name : "");
  t.en = name_en ? name_en : "";
  if (const char* ref = tags.get_value_by_key("ref"))
    t.ref = ref;
  return t;
}

} // namespace hg::osm
