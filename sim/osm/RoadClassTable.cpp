/// @file
/// @brief The highway=* → class table and the class speed defaults.
#include "sim/osm/RoadClassTable.hpp"

namespace hg::osm {

namespace {
// Speeds are for emergency vehicles in ordinary traffic, not legal maxima. Where no legal or design
// figure fits, the text says "estimated" and why (provenance rule, docs/formats.md).
const std::vector<ClassDefault> kClasses = {
    {"motorway", 100,
     "estimated: 道路交通安全法实施条例 第78条 sets 120 km/h max and 60 km/h min on expressways; 100 for a "
     "mixed fleet incl. heavy engines"},
    {"trunk", 80, "estimated: JTG B01-2014 design speed of class-I highways (national roads) 80-100 km/h"},
    {"primary", 70, "estimated: JTG B01-2014 design speed of class-I/II highways (provincial roads) 60-80 km/h"},
    {"secondary", 60, "estimated: JTG B01-2014 design speed of class-II/III highways (county roads) 40-80 km/h"},
    {"tertiary", 40, "estimated: JTG B01-2014 design speed of class-III/IV highways (township roads) 20-40 km/h"},
    {"urban", 30,
     "道路交通安全法实施条例 第45条: 30 km/h on urban roads without a centre line when no limit is signed"},
    {"forest", 20, "estimated: unpaved forest and field tracks (highway=track), 20 km/h"},
    {"access", 20, "estimated: service roads, yards and driveways (highway=service), 20 km/h"},
};

const std::vector<HighwayRule> kRules = {
    {"motorway", "motorway", std::nullopt, true},
    {"motorway_link", "motorway", 60.0, true},
    {"trunk", "trunk", std::nullopt, false},
    {"trunk_link", "trunk", 50.0, false},
    {"primary", "primary", std::nullopt, false},
    {"primary_link", "primary", 40.0, false},
    {"secondary", "secondary", std::nullopt, false},
    {"secondary_link", "secondary", 40.0, false},
    {"tertiary", "tertiary", std::nullopt, false},
    {"tertiary_link", "tertiary", 30.0, false},
    {"unclassified", "urban", std::nullopt, false},
    {"residential", "urban", std::nullopt, false},
    {"service", "access", std::nullopt, false},
    {"track", "forest", std::nullopt, false},
};
} // namespace

const HighwayRule* RoadClassTable::find(const std::string& highway) {
  for (const auto& r : kRules)
    if (r.highway == highway)
      return &r;
  return nullptr;
}

const std::vector<ClassDefault>& RoadClassTable::classes() { return kClasses; }
const std::vector<HighwayRule>& RoadClassTable::rules() { return kRules; }

const char* RoadClassTable::link_speed_src() {
  return "estimated: ramp (_link) speed of its class, see docs/osm.md";
}

} // namespace hg::osm
