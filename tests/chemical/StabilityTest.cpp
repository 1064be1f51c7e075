// Stability class choice: the Pasquill/Turner key table, insolation from sun and cloud, sun elevation.
#include "sim/hazards/chemical/Stability.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hg::chemical;

// Turner (1970), Workbook of Atmospheric Dispersion Estimates, Table 1 "Key to stability categories"
// (also Crowl & Louvar 2011 Table 5-1). Half classes resolve to the more stable one (documented).
TEST_CASE("Pasquill table: Turner 1970 Table 1 cells", "[chemical][stability]") {
  using I = Insolation;
  using S = Stability;
  struct Cell {
    double u;
    I ins;
    S expect;
  };
  const Cell cells[] = {
      {1.5, I::kStrong, S::kA},      {1.5, I::kModerate, S::kB},   {1.5, I::kSlight, S::kB},
      {2.5, I::kStrong, S::kB},      {2.5, I::kModerate, S::kB},   {2.5, I::kSlight, S::kC},
      {2.5, I::kNightCloudy, S::kE}, {2.5, I::kNightClear, S::kF}, {4.0, I::kStrong, S::kB},
      {4.0, I::kModerate, S::kC},    {4.0, I::kSlight, S::kC},     {4.0, I::kNightCloudy, S::kD},
      {4.0, I::kNightClear, S::kE},  {5.5, I::kStrong, S::kC},     {5.5, I::kModerate, S::kD},
      {5.5, I::kNightClear, S::kD},  {7.0, I::kStrong, S::kC},     {7.0, I::kSlight, S::kD},
      {1.0, I::kNightClear, S::kF},  {1.0, I::kOvercast, S::kD},   {9.0, I::kOvercast, S::kD},
  };
  for (const Cell& c : cells) {
    INFO("u = " << c.u << " insolation " << to_string(c.ins));
    CHECK(pasquill_class(c.u, c.ins) == c.expect);
  }
}

// Turner (1970) p. 6: strong > 60°, moderate 35–60°, slight 15–35° with clear skies; broken middle
// cloud lowers one step, broken low cloud two; overcast is D day or night.
TEST_CASE("Insolation from sun elevation and cloud", "[chemical][stability]") {
  CHECK(insolation(65, 0, CloudBase::kLow) == Insolation::kStrong);
  CHECK(insolation(45, 2, CloudBase::kLow) == Insolation::kModerate);
  CHECK(insolation(20, 0, CloudBase::kHigh) == Insolation::kSlight);
  CHECK(insolation(65, 6, CloudBase::kMiddle) == Insolation::kModerate);
  CHECK(insolation(65, 6, CloudBase::kLow) == Insolation::kSlight);
  CHECK(insolation(-5, 2, CloudBase::kLow) == Insolation::kNightClear);
  CHECK(insolation(-5, 5, CloudBase::kLow) == Insolation::kNightCloudy);
  CHECK(insolation(30, 8, CloudBase::kLow) == Insolation::kOvercast);
  CHECK_THROWS_WITH(insolation(30, 9, CloudBase::kLow), Catch::Contains("cloud_oktas:"));
}

// Noon sun elevation = 90° − latitude + declination: at 47.3° N on the June solstice (δ = +23.44°)
// 66.1°, on the December solstice 19.3°. Local solar noon at 130.3° E is near 03:19 UTC (12:00 −
// 130.3°/15 h, ± the equation of time: −1.7 min in June, +1.6 min in December). Tolerance 0.3° covers
// Spencer's series (±0.05°) and the equation-of-time offset.
TEST_CASE("Sun elevation at solar noon on the solstices (Hegang latitude)", "[chemical][stability]") {
  const double june = *parse_iso8601_utc_s("2023-06-21T03:20:00Z");
  const double dec = *parse_iso8601_utc_s("2023-12-22T03:17:00Z");
  CHECK(sun_elevation_deg(june, 47.3, 130.3) == Approx(90 - 47.3 + 23.44).margin(0.3));
  CHECK(sun_elevation_deg(dec, 47.3, 130.3) == Approx(90 - 47.3 - 23.44).margin(0.3));
  // Midnight local time (16:00 UTC) is night.
  CHECK(sun_elevation_deg(*parse_iso8601_utc_s("2023-06-21T16:00:00Z"), 47.3, 130.3) < 0);
}

TEST_CASE("ISO 8601 times", "[chemical][stability]") {
  // 2023-07-15T00:00Z = 19553 days after 1970-01-01 (hand count) → 1 689 379 200 s.
  CHECK(*parse_iso8601_utc_s("2023-07-15T08:00:00+08:00") == 1689379200.0);
  CHECK(*parse_iso8601_utc_s("2023-07-15T00:00Z") == 1689379200.0);
  CHECK(*parse_iso8601_utc_s("1970-01-01T00:00:00") == 0.0);
  CHECK_FALSE(parse_iso8601_utc_s("15/07/2023 08:00"));
  CHECK_FALSE(parse_iso8601_utc_s("2023-07-15T08:00:00+0800x"));
}

TEST_CASE("Stability parsing names the field", "[chemical][stability]") {
  CHECK(parse_stability("f") == Stability::kF);
  CHECK_THROWS_WITH(parse_stability("G", "--stability"),
                    Catch::Contains("--stability: expected a stability class"));
}
