// Harm to people from the fire front (docs/models/fire.md §6): the point-source radiant flux (Modak 1977)
// and the Eisenberg, Lynch & Breeding (1975) thermal-dose probit, checked against values worked by hand
// from the published equations, then wired into the model: the Harm published for a settlement the fire
// burns through equals the people outdoors times the probit share at the flux it reports.
//
// Sources: the probit constants Y = −38.48 + 2.56 ln(t q^(4/3)) (q in W/m², t in s) as implemented in
// Sandia's HyRAM+ (src/hyram/hyram/qra/probits.py, thermal_eisenberg) after Eisenberg et al. (1975), US
// Coast Guard report CG-D-136-75; probability = Φ(Y − 5) (Finney 1971, probit analysis). No published
// worked example with these exact inputs was found here, so the expected values are derived by hand below.
#include "sim/hazards/fire/FireHarm.hpp"
#include "FakeSink.hpp"
#include "sim/hazards/fire/FireModel.hpp"

#include <catch2/catch.hpp>
#include <ogr_spatialref.h>

#include <cmath>

using namespace hg::fire;

TEST_CASE("point-source radiant flux", "[fire][harm]") {
  // q = χr Q / (4 π d²): 0.3 × 1000 kW / (4 π × 10²) = 300 / 1256.637 = 0.238732 kW/m².
  CHECK(point_source_flux_kw_m2(1000, 0.3, 10) == Approx(0.238732).epsilon(1e-5));
  // Inverse square: twice as far, a quarter of the flux.
  CHECK(point_source_flux_kw_m2(1000, 0.3, 20) == Approx(0.238732 / 4).epsilon(1e-5));
  CHECK(point_source_flux_kw_m2(0, 0.3, 10) == 0);
  CHECK(point_source_flux_kw_m2(1000, 0.3, 0) == 0);
}

TEST_CASE("Eisenberg thermal-dose probit worked by hand", "[fire][harm]") {
  // q = 10 kW/m² = 10⁴ W/m² for t = 60 s:
  //   ln(t q^(4/3)) = ln 60 + (4/3) ln 10⁴ = 4.094345 + (4/3)(9.210340) = 4.094345 + 12.280454 = 16.374799
  //   Y = −38.48 + 2.56 × 16.374799 = −38.48 + 41.919485 = 3.439485
  //   P = Φ(3.439485 − 5) = Φ(−1.560515) = 0.05932 (normal table: Φ(−1.56) = 0.05938)
  CHECK(eisenberg_probit(1e4, 60) == Approx(3.439485).epsilon(1e-6));
  CHECK(thermal_fatality_share(10, 60) == Approx(0.05932).margin(2e-4));
  // Half die where Y = 5: ln D = (5 + 38.48) / 2.56 = 16.984375, D = e^16.984375 = 2.3780e7 (W/m²)^(4/3)·s;
  //   for 60 s: ln q = (16.984375 − ln 60) × 3/4 = (16.984375 − 4.094345) × 0.75 = 9.667523, q = 15 796 W/m².
  CHECK(thermal_fatality_share(15.796, 60) == Approx(0.5).margin(2e-4));
  // Nobody dies without a dose; everyone at a dose far above (Y − 5 = 2.56 ln(1000^(4/3)) ≈ 23.6).
  CHECK(thermal_fatality_share(0, 60) == 0);
  CHECK(thermal_fatality_share(15.796 * 1000, 60) == Approx(1.0));
  // The probit is monotone in flux and time.
  CHECK(thermal_fatality_share(20, 60) > thermal_fatality_share(15, 60));
  CHECK(thermal_fatality_share(15, 90) > thermal_fatality_share(15, 60));
  CHECK(probit_probability(5) == Approx(0.5));
}

namespace {

FireGrid chaparral() {
  FireGrid g = FireGrid::uniform(120, 120, 30, 4); // fuel model 4: flames of several metres
  OGRSpatialReference srs;
  srs.importFromEPSG(32652);
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  g.set_georeference(wkt, 630000, 5320000);
  CPLFree(wkt);
  return g;
}

FireConfig village_in_the_path(const FireGrid& g) {
  FireConfig c;
  c.id = "fire_test";
  c.step_s = 300;
  c.report_every_s = 1800;
  auto at = [&](int col, int row) {
    auto [lat, lon] = g.cell_center_latlon({col, row});
    return LatLonPoint{lat, lon};
  };
  c.ignition = at(20, 60);
  c.ignition_node = "n_test";
  c.wind = {{0, 4, 270}};
  c.wind_adjustment_factor = 0.5;
  c.moisture = {6, 7, 8, 60, 90};
  c.dead_by_time_of_day = false;
  c.settlement_radius_m = 90;
  c.settlements = {{"z_village", true, at(45, 60), 1000}}; // downwind, in the head's path, no buffer
  return c;
}

} // namespace

TEST_CASE("harm on the people outdoors in a settlement the fire burns through", "[fire][harm][model]") {
  const FireGrid g = chaparral();
  hgtest::StaticView view;
  view.present["z_village"] = 1000;
  view.sheltering["z_village"] = 400; // indoors: shielded from the radiation
  FireModel m(village_in_the_path(g), g);
  const test::FakeSink sink = test::play(m, 3, {}, &view);
  REQUIRE(sink.reached_zones == std::vector<std::string>{"z_village"});
  REQUIRE_FALSE(sink.harms.empty());
  const hg::Harm& first = sink.harms.front();
  CHECK(first.zone == "z_village");
  CHECK(first.exposed == 1000); // everyone still there is reached
  CHECK(first.measure == "radiant_heat_flux_kw_m2");
  CHECK(first.method.find("Eisenberg") != std::string::npos);
  // Each growth of the estimate is the 600 people outdoors times the probit share at the flux reported
  // with it (60 s exposure, the default); the estimate never falls.
  double last = 0;
  bool grew = false;
  for (const hg::Harm& h : sink.harms) {
    CHECK(h.fatalities >= last);
    if (h.fatalities > last + 1e-9) {
      grew = true;
      CHECK(h.fatalities == Approx(600 * thermal_fatality_share(h.value, 60)).epsilon(1e-9));
    }
    last = h.fatalities;
  }
  CHECK(grew);
  CHECK(last > 1);    // the flaming front inside the village harms people outdoors …
  CHECK(last <= 600); // … but never those sheltering indoors
}

TEST_CASE("no harm to a settlement that has been evacuated", "[fire][harm][model]") {
  const FireGrid g = chaparral();
  hgtest::StaticView view;
  view.present["z_village"] = 0;
  FireModel m(village_in_the_path(g), g);
  const test::FakeSink sink = test::play(m, 3, {}, &view);
  REQUIRE(sink.reached_zones == std::vector<std::string>{"z_village"});
  REQUIRE_FALSE(sink.harms.empty());
  for (const hg::Harm& h : sink.harms) {
    CHECK(h.exposed == 0);
    CHECK(h.fatalities == 0);
  }
}
