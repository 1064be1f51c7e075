/// @file
/// @brief Colour and width tables of the viewer (see Style.hpp).
#include "viz/Style.hpp"

#include <map>

namespace hg::viz {

sf::Color Style::road_color(const std::string& cls) {
  static const std::map<std::string, sf::Color> k = {
      {"motorway", {232, 146, 42}},   {"trunk", {240, 178, 60}},     {"primary", {250, 204, 90}},
      {"secondary", {245, 225, 140}}, {"tertiary", {255, 255, 255}}, {"urban", {255, 255, 255}},
      {"forest", {120, 150, 90}},     {"access", {200, 200, 200}},   {"ferry", {90, 110, 200}}};
  auto it = k.find(cls);
  return it == k.end() ? sf::Color(200, 200, 200) : it->second;
}

float Style::road_width(const std::string& cls) {
  static const std::map<std::string, float> k = {{"motorway", 5.f},  {"trunk", 4.5f},    {"primary", 4.f},
                                                 {"secondary", 3.f}, {"tertiary", 2.5f}, {"urban", 2.5f},
                                                 {"forest", 2.f},    {"access", 1.5f},   {"ferry", 1.5f}};
  auto it = k.find(cls);
  return it == k.end() ? 2.f : it->second;
}

sf::Color Style::facility_color(const std::string& kind) {
  static const std::map<std::string, sf::Color> k = {
      {"hospital", {200, 30, 50}},     {"ambulance_station", {220, 80, 90}},
      {"fire_station", {230, 80, 20}}, {"mine_rescue", {120, 70, 30}},
      {"depot", {90, 120, 40}},        {"shelter", {30, 150, 90}},
      {"hazard_site", {150, 0, 150}},  {"gauge", {20, 90, 170}},
      {"forest_farm", {40, 110, 40}},  {"forestry_bureau", {30, 90, 30}},
      {"command_post", {20, 40, 120}}, {"entry_point", {110, 110, 110}},
      {"reservoir", {30, 110, 190}}};
  auto it = k.find(kind);
  return it == k.end() ? sf::Color(80, 80, 80) : it->second;
}

std::string Style::facility_glyph(const std::string& kind) {
  static const std::map<std::string, std::string> k = {
      {"hospital", "H"},    {"ambulance_station", "A"}, {"fire_station", "F"}, {"mine_rescue", "M"},
      {"depot", "D"},       {"shelter", "S"},           {"hazard_site", "!"},  {"gauge", "G"},
      {"forest_farm", "T"}, {"forestry_bureau", "FB"},  {"command_post", "C"}, {"entry_point", "E"},
      {"reservoir", "R"}};
  auto it = k.find(kind);
  return it == k.end() ? "?" : it->second;
}

sf::Color Style::zone_color(int kind) {
  switch (kind) {
  case 0:
    return {120, 120, 120}; // urban
  case 1:
    return {150, 130, 60}; // rural
  default:
    return {60, 120, 60}; // forest
  }
}

sf::Color Style::unit_color(UnitState s) {
  switch (s) {
  case UnitState::kIdle:
    return {140, 140, 140};
  case UnitState::kEnRoute:
    return {255, 150, 0};
  case UnitState::kOnScene:
    return {0, 170, 60};
  case UnitState::kReturning:
    return {60, 120, 230};
  case UnitState::kUnreachable:
    return {0, 0, 0};
  }
  return {0, 0, 0};
}

std::string Style::unit_state_name(UnitState s) {
  switch (s) {
  case UnitState::kIdle:
    return "idle 待命";
  case UnitState::kEnRoute:
    return "en route 出动";
  case UnitState::kOnScene:
    return "on scene 到场";
  case UnitState::kReturning:
    return "returning 返回";
  case UnitState::kUnreachable:
    return "unreachable 无法到达";
  }
  return "";
}

} // namespace hg::viz
