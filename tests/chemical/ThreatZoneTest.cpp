// Steady threat zones: consistency with the plume equation, monotonicity in release rate.
#include "sim/hazards/chemical/ThreatZone.hpp"
#include "sim/hazards/chemical/Gaussian.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::chemical;

TEST_CASE("Threat-zone distance is where the centreline falls to the threshold", "[chemical][zone]") {
  const Chemical& c = chemical("ammonia");
  const ThreatZone z =
      steady_threat_zone(c, 5000, 2, Stability::kF, SigmaSet::kIsc3Rural, 0, ToxicLevel::kAegl2, 60);
  CHECK(z.threshold_ppm == 160);
  CHECK(z.threshold_g_m3 == Approx(160 * 17.031 / 24450));
  REQUIRE(z.distance_m > 100);
  const Sigmas g = plume_sigmas(SigmaSet::kIsc3Rural, Stability::kF, z.distance_m);
  CHECK(plume_concentration_g_m3(5000, 2, g.y_m, g.z_m, 0, 0, 0) == Approx(z.threshold_g_m3).epsilon(1e-6));
  // Half the maximum width is the largest y with C(x, y) = threshold: check C on the edge at the best x.
  CHECK(z.max_width_m > 0);
  CHECK(z.max_width_m < z.distance_m);
}

TEST_CASE("Threat-zone distance and width grow with the release rate", "[chemical][zone]") {
  for (const char* name : {"ammonia", "chlorine", "hydrogen-sulfide", "carbon-monoxide"}) {
    const Chemical& c = chemical(name);
    for (Stability s : {Stability::kB, Stability::kD, Stability::kF}) {
      double last_d = 0, last_w = 0;
      for (double q : {10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0}) {
        const ThreatZone z = steady_threat_zone(c, q, 3, s, SigmaSet::kIsc3Rural, 0, ToxicLevel::kAegl3, 60);
        INFO(name << " class " << to_string(s) << " q = " << q);
        CHECK(z.distance_m >= last_d);
        CHECK(z.max_width_m >= last_w);
        last_d = z.distance_m, last_w = z.max_width_m;
      }
      CHECK(last_d > 0);
    }
  }
}

TEST_CASE("More stable air carries a zone further", "[chemical][zone]") {
  const Chemical& c = chemical("chlorine");
  double last = 0;
  for (Stability s :
       {Stability::kA, Stability::kB, Stability::kC, Stability::kD, Stability::kE, Stability::kF}) {
    const ThreatZone z = steady_threat_zone(c, 500, 3, s, SigmaSet::kBriggsRural, 0, ToxicLevel::kAegl2, 60);
    CHECK(z.distance_m > last);
    last = z.distance_m;
  }
}

TEST_CASE("Grid footprint and convex hull", "[chemical][zone]") {
  ReceptorGrid g;
  g.half_size_m = 1000;
  g.cells = 21; // 100 m spacing
  std::vector<double> v(size_t(g.cells * g.cells), 0.0);
  // A 300 m × 100 m block east of the source: x = 100..400 m (4 columns), y = -100..100 (3 rows).
  for (int j = 9; j <= 11; ++j)
    for (int i = 11; i <= 14; ++i)
      v[size_t(j * g.cells + i)] = 1.0;
  const Footprint f = grid_footprint(g, v, 0.5, 90.0); // wind toward the east
  CHECK(f.area_km2 == Approx(12 * 0.01));
  CHECK(f.distance_m == Approx(std::hypot(400.0, 100.0)));
  CHECK(f.max_width_m == Approx(300.0)); // 3 rows = 200 m between centres + one cell
  CHECK(f.hull.size() == 4);
}
