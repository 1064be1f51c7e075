/// @file
/// @brief Tag parsing: maxspeed units, one-way values, the class table.
#include "sim/osm/RoadClassTable.hpp"
#include "sim/osm/WayTags.hpp"

#include <catch2/catch.hpp>

using hg::osm::RoadClassTable;
using hg::osm::WayTags;

TEST_CASE("maxspeed values") {
  CHECK(*WayTags::parse_maxspeed_kmh("60") == Approx(60));
  CHECK(*WayTags::parse_maxspeed_kmh("40 mph") == Approx(64.37376));
  CHECK(*WayTags::parse_maxspeed_kmh("40mph") == Approx(64.37376));
  CHECK(*WayTags::parse_maxspeed_kmh("80;60") == Approx(80));
  CHECK(*WayTags::parse_maxspeed_kmh("50 km/h") == Approx(50));
  CHECK_FALSE(WayTags::parse_maxspeed_kmh("CN:urban"));
  CHECK_FALSE(WayTags::parse_maxspeed_kmh("none"));
  CHECK_FALSE(WayTags::parse_maxspeed_kmh("signals"));
  CHECK_FALSE(WayTags::parse_maxspeed_kmh("0"));
  CHECK_FALSE(WayTags::parse_maxspeed_kmh("10 knots"));
}

TEST_CASE("oneway values") {
  CHECK(WayTags::parse_oneway("yes", 0) == 1);
  CHECK(WayTags::parse_oneway("1", 0) == 1);
  CHECK(WayTags::parse_oneway("-1", 0) == -1);
  CHECK(WayTags::parse_oneway("no", 1) == 0);
  CHECK(WayTags::parse_oneway(nullptr, 1) == 1);
  CHECK(WayTags::parse_oneway("reversible", 0) == 0);
}

TEST_CASE("class table covers the imported highway values") {
  for (const char* hw : {"motorway", "trunk", "primary", "secondary", "tertiary"}) {
    REQUIRE(RoadClassTable::find(hw));
    CHECK(RoadClassTable::find(hw)->cls == hw);
    REQUIRE(RoadClassTable::find(std::string(hw) + "_link"));
    CHECK(RoadClassTable::find(std::string(hw) + "_link")->cls == hw);
  }
  CHECK(RoadClassTable::find("residential")->cls == "urban");
  CHECK(RoadClassTable::find("unclassified")->cls == "urban");
  CHECK(RoadClassTable::find("service")->cls == "access");
  CHECK(RoadClassTable::find("track")->cls == "forest");
  CHECK_FALSE(RoadClassTable::find("footway"));
  CHECK_FALSE(RoadClassTable::find("construction"));
  for (const auto& c : RoadClassTable::classes()) {
    CHECK(c.speed_kmh > 0);
    CHECK_FALSE(c.src.empty());
  }
}
