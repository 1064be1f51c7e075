#pragma once
/// @file
/// @brief The static world a scenario runs on: road nodes and edges, districts, population zones,
/// facilities, rescue units, command posts, comms networks and warning channels. Loaded from YAML
/// (docs/formats.md) and never changed during a run; dynamic state (closures, positions) lives in
/// the engine.
#include "sim/world/Geo.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hg {

struct Names {
  std::string zh;
  std::string en;
};

struct RoadNode {
  std::string id;
  Names name;
  LatLon pos;
  std::optional<double> ground_elev_m;
  std::string quality;
  bool outside = false; ///< entry point outside the city boundary
};

struct RoadClass {
  std::string cls;
  double speed_kmh = 60;
  double flood_closure_depth_m = 0.3;
};

struct Road {
  std::string id;
  size_t from = 0; ///< index into World::nodes
  size_t to = 0;
  Names name;
  std::string cls;
  double length_km = 0;
  double speed_kmh = 0; ///< effective free-flow speed (explicit or class default)
  bool bridge = false;
  bool oneway = false;
  std::string zone; ///< flood zone whose water closes this road ("" = none)
  std::optional<double> crest_elev_m;
  double travel_time_s() const { return length_km / speed_kmh * 3600.0; }
};

struct District {
  std::string id;
  int adcode = 0;
  Names name;
  double population_2020 = 0;
};

enum class ZoneKind { kUrban, kRural, kForest };

struct Zone {
  std::string id;
  Names name;
  std::string district;
  size_t node = 0;
  ZoneKind kind = ZoneKind::kUrban;
  double population = 0;
};

struct Facility {
  std::string id;
  std::string kind; ///< hospital, fire_station, depot, shelter, hazard_site, gauge, …
  Names name;
  size_t node = 0;
  LatLon pos;
  std::string quality;
  double beds = 0;
  double capacity_people = 0;
  std::map<std::string, double> stocks;
  std::vector<std::string> material_classes;
  std::string hazard;
  std::optional<double> warning_m;
  std::optional<double> guarantee_m;
};

struct Unit {
  std::string id;
  Names name;
  std::string type;
  std::string agency;
  size_t base = 0; ///< index into World::facilities
  std::vector<std::string> capabilities;
  int personnel = 0;
  int vehicles = 0;
  double speed_factor = 1.0;
  double turnout_s = 120;
  std::string network;
  bool available = true;
  bool can(const std::string& cap) const;
};

struct Network {
  std::string id;
  std::string kind;
  Names name;
  double bandwidth_bps = 9600;
  double latency_s = 0.5;
};

struct Post {
  std::string id;
  std::string level; ///< district|county|city|province|national
  Names name;
  size_t node = 0;
  std::string network;
  std::string parent;         ///< "" at the top
  double relay_delay_s = 600; ///< time to pass a first report upward (standing procedure)
};

struct WarningChannel {
  std::string id;
  Names name;
  double coverage_urban = 0;
  double coverage_rural = 0;
  double delay_s = 0;
};

/// @brief Everything static. Look-ups by id go through the index maps.
struct World {
  std::string id;
  Names name;
  std::string boundaries_file; ///< GeoJSON (absolute path), for viewers and exports
  std::string rivers_file;
  std::vector<RoadClass> road_classes;
  std::vector<RoadNode> nodes;
  std::vector<Road> roads;
  std::vector<District> districts;
  std::vector<Zone> zones;
  std::vector<Facility> facilities;
  std::vector<Unit> units;
  std::vector<Network> networks;
  std::vector<Post> posts;
  std::vector<WarningChannel> channels;

  std::map<std::string, size_t> node_index, road_index, zone_index, facility_index, unit_index, post_index,
      network_index, channel_index, district_index;

  void build_indexes();
  const RoadNode* node(const std::string& id) const;
  const Road* road(const std::string& id) const;
  const Zone* zone(const std::string& id) const;
  const Facility* facility(const std::string& id) const;
  const Unit* unit(const std::string& id) const;
  const Post* post(const std::string& id) const;
  const Network* network(const std::string& id) const;
  const WarningChannel* channel(const std::string& id) const;
  /// Road node of any place id (node, zone, facility, post); nullopt if unknown.
  std::optional<size_t> node_of(const std::string& place_id) const;
  const RoadClass* road_class(const std::string& cls) const;
};

} // namespace hg
