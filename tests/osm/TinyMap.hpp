#pragma once
/// @file
/// @brief A tiny map/1 (two nodes, one road, one district, zone, hospital and a far depot) and a
/// scenario around it, written by the export and join tests.
#include "OsmTestFiles.hpp"

namespace hg::osm::test {

/// Writes map.yaml, places.yaml, districts.geojson, rivers.geojson, units.yaml, comms.yaml and
/// scenario.yaml into `dir`; returns the map path.
inline std::string write_tiny_map(const ScratchDir& dir) {
  dir.write("districts.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"adcode":230402,"name":"向阳区","name_en":"Xiangyang"},
    "geometry":{"type":"Polygon","coordinates":[[[130.2,47.2],[130.4,47.2],[130.4,47.4],[130.2,47.4],[130.2,47.2]]]}}]})");
  dir.write("rivers.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"name":"松花江","name_en":"Songhua River"},
    "geometry":{"type":"LineString","coordinates":[[130.2,47.25],[130.4,47.26]]}}]})");
  dir.write("places.yaml", R"(districts:
  - {id: d_xiangyang, adcode: 230402, zh: 向阳区, en: Xiangyang, population_2020: 72867, src: "[WP-de] 2020 census"}
zones:
  - {id: z_hongjun, zh: 红军街道, en: Hongjun, district: d_xiangyang, node: n_a, kind: urban, population: 18000, src: "estimated: test"}
facilities:
  - {id: f_hosp, kind: hospital, zh: 医院, en: Hospital, node: n_b, lat: 47.3501, lon: 130.3001, quality: proxy, beds: 100, src: "test hospital"}
  - {id: f_depot_far, kind: depot, zh: 远仓库, en: Far depot, node: n_b, lat: 47.60, lon: 130.90, quality: proxy, src: "test depot",
     stocks: {tents: 10}}
)");
  dir.write("units.yaml", R"(hgdrill: resources/1
units:
  - {id: u_amb, zh: 救护车, en: Ambulance, type: ambulance, base: f_hosp, capabilities: [medical_transport], personnel: 3, network: radio_city, src: "test"}
)");
  dir.write("comms.yaml", R"(hgdrill: comms/1
networks:
  - {id: radio_city, kind: radio, zh: 电台, en: Radio, bandwidth_bps: 9600, latency_s: 0.5, src: "test"}
posts:
  - {id: cp_city, level: city, zh: 指挥中心, en: Command centre, node: n_a, network: radio_city, src: "test"}
)");
  dir.write("scenario.yaml", R"(hgdrill: scenario/1
id: tiny_demo
name: {zh: 小演练, en: Tiny drill}
map: map.yaml
resources: units.yaml
comms: comms.yaml
)");
  return dir.write("map.yaml", R"(hgdrill: map/1
id: tiny
name: {zh: 小图, en: Tiny}
boundaries: districts.geojson
rivers: rivers.geojson
include: [places.yaml]
road_classes:
  - {class: urban, speed_kmh: 30, src: "test"}
nodes:
  - {id: n_a, zh: 甲, en: A, lat: 47.30, lon: 130.30, quality: estimated, src: "test"}
  - {id: n_b, lat: 47.35, lon: 130.30, quality: estimated, src: "test"}
roads:
  - {id: r_ab, from: n_a, to: n_b, zh: 甲乙路, en: A-B Road, class: urban, length_km: 6.2, bridge: true, src: "estimated: test"}
)");
}

} // namespace hg::osm::test
