// Rating curves: table interpolation, power law, and the monotonicity errors.
#include "sim/hazards/flood/RatingCurve.hpp"

#include <catch2/catch.hpp>

using hg::flood::RatingCurve;

TEST_CASE("Rating table: linear interpolation both ways", "[flood][rating]") {
  const auto curve = RatingCurve::from_table({{100.0, 0.0}, {101.0, 50.0}, {102.0, 150.0}, {104.0, 550.0}});
  CHECK(curve.discharge_m3_s(100.5) == Approx(25.0));
  CHECK(curve.discharge_m3_s(103.0) == Approx(350.0));
  CHECK(curve.stage_m(350.0) == Approx(103.0));
  CHECK(curve.stage_m(0.0) == Approx(100.0));
  // Beyond the table: the end segments are extended (floods exceed the gauged range) …
  CHECK(curve.discharge_m3_s(105.0) == Approx(750.0));
  CHECK(curve.stage_m(750.0) == Approx(105.0));
  // … but discharge never goes negative below the lowest row.
  CHECK(curve.discharge_m3_s(99.0) == 0.0);
}

TEST_CASE("Rating table: non-monotonic rows are named", "[flood][rating]") {
  CHECK_THROWS_WITH(RatingCurve::from_table({{100.0, 0.0}, {101.0, 50.0}, {102.0, 40.0}}),
                    Catch::StartsWith("points[2].discharge_m3_s: expected a value > 50"));
  CHECK_THROWS_WITH(RatingCurve::from_table({{100.0, 0.0}, {101.0, 50.0}, {101.0, 60.0}}),
                    Catch::StartsWith("points[2].stage_m: expected a value > 101"));
  CHECK_THROWS_WITH(RatingCurve::from_table({{100.0, -1.0}, {101.0, 50.0}}),
                    Catch::StartsWith("points[0].discharge_m3_s: expected a flow >= 0"));
  CHECK_THROWS_WITH(RatingCurve::from_table({{100.0, 1.0}}),
                    Catch::StartsWith("points: expected at least 2"));
}

TEST_CASE("Rating power law Q = a (h - h0)^b", "[flood][rating]") {
  const auto curve = RatingCurve::power_law(30.0, 100.0, 1.5);
  CHECK(curve.discharge_m3_s(104.0) == Approx(240.0)); // 30 × 4^1.5 = 240, by hand
  CHECK(curve.discharge_m3_s(99.0) == 0.0);
  CHECK(curve.stage_m(240.0) == Approx(104.0));
  CHECK(curve.stage_m(0.0) == Approx(100.0));
  CHECK_THROWS_WITH(RatingCurve::power_law(0.0, 100.0, 1.5), Catch::StartsWith("a:"));
  CHECK_THROWS_WITH(RatingCurve::power_law(30.0, 100.0, -1.0), Catch::StartsWith("b:"));
  CHECK_THROWS_WITH(curve.stage_m(-3.0), Catch::StartsWith("discharge_m3_s: expected a flow >= 0"));
}
