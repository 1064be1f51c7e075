// Fire growth by minimum travel time on the 16-neighbour grid: circle without wind or slope, the expected
// ellipse with wind, slope, fireline and non-burnable cells, weather changes.
#include "sim/hazards/fire/FireSpread.hpp"
#include "sim/hazards/fire/Suppression.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace hg::fire;

namespace {
constexpr double kPi = 3.14159265358979323846;

SpreadConditions still() {
  SpreadConditions c;
  c.moisture = {6, 7, 8, 60, 90};
  return c;
}
} // namespace

// No wind, no slope: R is the same in every direction, so the arrival time at distance d is d / R0. The
// 16-neighbour stencil approximates a circle by a 16-gon; its worst relative error is at 1/2 of the angle
// between neighbouring directions (up to 2.7 %). Checked at radius 60 cells, every 5°.
TEST_CASE("spread: a circle without wind or slope", "[fire][spread]") {
  FireSpread fs(FireGrid::uniform(161, 161, 30, 1));
  fs.set_conditions(0, still());
  REQUIRE(fs.ignite({80, 80}, 0));
  fs.advance_to(48 * 3600);
  const double r0_m_s = fs.cell_fire(0).ros_m_min / 60;
  const SurfaceFire ref = surface_fire(*fuel_model(1), {6, 7, 8, 60, 90}, {});
  REQUIRE(fs.cell_fire(0).ros_m_min == Approx(ref.ros_m_min));
  double worst = 0;
  for (int a = 0; a < 360; a += 5) {
    const int col = 80 + static_cast<int>(std::lround(60 * std::sin(a * kPi / 180)));
    const int row = 80 - static_cast<int>(std::lround(60 * std::cos(a * kPi / 180)));
    const double d_m = 30 * std::hypot(col - 80, row - 80);
    const double t = fs.arrival_s(fs.grid().index(col, row));
    REQUIRE(t < kNever);
    worst = std::max(worst, std::fabs(t * r0_m_s / d_m - 1));
  }
  CHECK(worst < 0.03);
  CHECK(worst > 0.001); // the stencil does distort a little; a perfect match would mean a wrong test
}

// With a 5 mi/h wind from the west on flat ground, after t the fire must be the Anderson ellipse with the
// ignition at its rear focus: head R t (east), back R_b t (west), greatest half-width = semi-minor axis b t
// (flanking rate). Tolerance: one cell plus the 2.7 % stencil error.
TEST_CASE("spread: the expected ellipse with wind", "[fire][spread]") {
  const double cell = 20;
  FireSpread fs(FireGrid::uniform(420, 160, cell, 1));
  SpreadConditions c = still();
  c.midflame_wind_m_s = 5 * 0.44704;
  c.wind_from_deg = 270;
  fs.set_conditions(0, c);
  REQUIRE(fs.ignite({80, 80}, 0));
  const double t = 3600;
  fs.advance_to(t);
  SpreadEnvironment env;
  env.midflame_wind_m_s = c.midflame_wind_m_s;
  const SurfaceFire sf = surface_fire(*fuel_model(1), c.moisture, env);
  CHECK(fs.cell_fire(0).dir_azimuth_deg == Approx(90));
  int head = 0, back = 0, c0 = 0, r0 = 0, c1 = 0, r1 = 0;
  for (int col = 0; col < 420; ++col)
    if (fs.burned(fs.grid().index(col, 80))) {
      head = std::max(head, col - 80);
      back = std::max(back, 80 - col);
    }
  REQUIRE(fs.burned_bbox(c0, r0, c1, r1));
  const double head_m = head * cell, back_m = back * cell, half_width_m = (r1 - r0) / 2.0 * cell;
  auto near = [&](double got, double want) { return std::fabs(got - want) <= cell + 0.027 * want; };
  CHECK(near(head_m, sf.ros_m_min * 60));
  CHECK(near(back_m, sf.backing_ros_m_min * 60));
  CHECK(near(half_width_m, sf.flanking_ros_m_min * 60));
  CHECK(head_m / back_m > 5); // clearly elongated (7.99 for this wind)
}

// A uniform 30 % slope rising to the north (Horn slope 30 %, aspect 180°): the head runs north at
// R0 (1 + φs); no wind.
TEST_CASE("spread: upslope head on a plane", "[fire][spread]") {
  const double cell = 30;
  FireGrid g = FireGrid::uniform(120, 260, cell, 1);
  for (int r = 0; r < g.ny(); ++r)
    for (int col = 0; col < g.nx(); ++col)
      g.set_elevation(g.index(col, r), 0.30 * cell * (g.ny() - r));
  g.compute_terrain();
  CHECK(g.slope_pct(g.index(60, 130)) == Approx(30).epsilon(1e-6));
  CHECK(g.aspect_deg(g.index(60, 130)) == Approx(180).epsilon(1e-6));
  FireSpread fs(g);
  fs.set_conditions(0, still());
  REQUIRE(fs.ignite({60, 200}, 0));
  const double t = 2 * 3600;
  fs.advance_to(t);
  SpreadEnvironment env;
  env.slope_pct = 30;
  const SurfaceFire sf = surface_fire(*fuel_model(1), {6, 7, 8, 60, 90}, env);
  CHECK(fs.cell_fire(fs.grid().index(60, 130)).dir_azimuth_deg == Approx(0).margin(1e-9));
  int up = 0, down = 0;
  for (int r = 0; r < g.ny(); ++r)
    if (fs.burned(g.index(60, r))) {
      up = std::max(up, 200 - r);
      down = std::max(down, r - 200);
    }
  CHECK(std::fabs(up * cell - sf.ros_m_min * 60 * t / 3600) <= cell + 0.027 * sf.ros_m_min * 120);
  CHECK(up > 3 * down);
}

// Built line (and water) stops the fire: a straight N–S line and a diagonal (staircase) line, both
// 4-connected, with the fire west of them and a strong west wind. Nothing east of the line burns, and
// once the west part has burned out the fire is contained.
TEST_CASE("spread: fireline stops growth along it", "[fire][spread][suppression]") {
  for (bool diagonal : {false, true}) {
    DYNAMIC_SECTION((diagonal ? "diagonal line" : "straight line")) {
      FireGrid g = FireGrid::uniform(100, 100, 30, 1);
      FireSpread fs(g);
      SpreadConditions c = still();
      c.midflame_wind_m_s = 4;
      c.wind_from_deg = 250;
      fs.set_conditions(0, c);
      std::vector<std::pair<double, double>> xy; // map coordinates: x east, y north (origin SW corner)
      if (diagonal)
        xy = {{30 * 20.5, 30 * 100.0}, {30 * 80.5, 0.0}};
      else
        xy = {{30 * 50.5, 30 * 100.0}, {30 * 50.5, 0.0}};
      const auto line = rasterize_polyline(g, xy);
      REQUIRE(line.size() >= 100);
      for (size_t i = 1; i < line.size(); ++i) { // 4-connected
        const Cell a = g.cell(line[i - 1]), b = g.cell(line[i]);
        CHECK(std::abs(a.col - b.col) + std::abs(a.row - b.row) == 1);
      }
      for (size_t i : line)
        REQUIRE(fs.build_line(i));
      REQUIRE(fs.ignite({10, 50}, 0));
      fs.advance_to(200 * 3600);
      // East of the line: column beyond the line cell of that row.
      size_t leaked = 0;
      for (int r = 0; r < 100; ++r) {
        int line_col = 0;
        for (size_t i : line)
          if (g.cell(i).row == r) line_col = std::max(line_col, g.cell(i).col);
        for (int col = line_col + 1; col < 100; ++col)
          leaked += fs.burned(g.index(col, r));
      }
      CHECK(leaked == 0);
      CHECK(fs.burned_cells() > 1000);
      CHECK(fs.burned_out());
      CHECK_FALSE(fs.contained()); // the west part reaches the raster edge: not closed by line
      CHECK(fs.line_cells() == line.size());
    }
  }
}

TEST_CASE("spread: water and farmland by season", "[fire][spread]") {
  FireGrid g = FireGrid::uniform(60, 20, 30, 1);
  for (int r = 0; r < 20; ++r) {
    g.set_fuel(g.index(30, r), 98); // a river, one cell wide
    g.set_fuel(g.index(10, r), 93); // a farmland strip
  }
  SpreadConditions summer = still();
  FireSpread a(g);
  a.set_conditions(0, summer);
  a.ignite({2, 10}, 0);
  a.advance_to(100 * 3600);
  CHECK_FALSE(a.burned(g.index(20, 10))); // farmland does not burn in summer: stopped at column 10
  SpreadConditions spring = still();
  spring.farmland_fuel = 1; // stubble burns like short grass
  FireSpread b(g);
  b.set_conditions(0, spring);
  b.ignite({2, 10}, 0);
  b.advance_to(100 * 3600);
  CHECK(b.burned(g.index(20, 10)));
  CHECK_FALSE(b.burned(g.index(40, 10))); // the river holds
  CHECK(b.burned_out());
}

// A weather change keeps the part of each edge already crossed: a head running east at R1 for t0, then at
// R2 (no wind) until t, is at R1 t0 + R2 (t − t0) from the ignition (to a cell).
TEST_CASE("spread: wind change re-times the front", "[fire][spread]") {
  const double cell = 10;
  FireSpread fs(FireGrid::uniform(600, 41, cell, 1));
  SpreadConditions windy = still();
  windy.midflame_wind_m_s = 2;
  windy.wind_from_deg = 270;
  fs.set_conditions(0, windy);
  fs.ignite({20, 20}, 0);
  const double t0 = 1200, t = 3600;
  fs.advance_to(t0);
  const double r1 = fs.cell_fire(0).ros_m_min / 60;
  fs.set_conditions(t0, still());
  const double r2 = fs.cell_fire(0).ros_m_min / 60;
  fs.advance_to(t);
  int head = 0;
  for (int col = 0; col < 600; ++col)
    if (fs.burned(fs.grid().index(col, 20))) head = col - 20;
  const double want = r1 * t0 + r2 * (t - t0);
  CHECK(std::fabs(head * cell - want) <= 2 * cell);
  CHECK(r1 > 5 * r2);
}

TEST_CASE("spread: time-of-day dead fuel moisture changes the rate", "[fire][spread][moisture]") {
  FireSpread fs(FireGrid::uniform(10, 10, 30, 1));
  SpreadConditions c = still();
  c.dead_by_time_of_day = true;
  c.temp_c = 18;
  c.rh_pct = 30;
  c.month = 4;
  c.hour = 14; // exposed flat ground (aspect class south): reference 5 + correction 1 = 6 %
  fs.set_conditions(0, c);
  const double afternoon = fs.cell_fire(0).ros_m_min;
  SurfaceFire six = surface_fire(*fuel_model(1), {6, 7, 8, 60, 90}, {});
  CHECK(afternoon == Approx(six.ros_m_min));
  c.hour = 8; // correction 4 → 9 %
  fs.set_conditions(0, c);
  SurfaceFire nine = surface_fire(*fuel_model(1), {9, 10, 11, 60, 90}, {});
  CHECK(fs.cell_fire(0).ros_m_min == Approx(nine.ros_m_min));
  CHECK(nine.ros_m_min < six.ros_m_min);
}
