// Miners' movement and the escape-versus-refuge decision (docs/models/mine.md §4).
#include "sim/hazards/mine/Escape.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace hg::mine;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

// The rule of 安监总煤装〔2011〕15号 and self-escape training: walk out if the surface is reached before
// the self-rescuer runs out, else change at a cache if that gets you out, else the nearest refuge in time.
TEST_CASE("escape versus refuge decision", "[mine][escape]") {
  EscapeInputs in;
  in.breathing_apparatus = true;
  in.scsr_full_s = 45 * 60;
  in.scsr_left_s = 40 * 60;
  in.t_exit_s = 35 * 60;
  in.t_refuge_s = 5 * 60;
  CHECK(choose_escape(in) == EscapeChoice::kExit); // out before the oxygen runs out
  in.t_exit_s = 50 * 60;
  CHECK(choose_escape(in) == EscapeChoice::kRefuge); // would run out on the way: refuge in 5 min
  in.t_station_s = 20 * 60;
  in.t_station_exit_s = 30 * 60;
  CHECK(choose_escape(in) == EscapeChoice::kExitViaStation); // a fresh unit at 20 min covers the last 30
  in.t_station_exit_s = 50 * 60;
  CHECK(choose_escape(in) == EscapeChoice::kRefuge); // the cache does not get them out
  in.t_refuge_s = 45 * 60;
  CHECK(choose_escape(in) ==
        EscapeChoice::kRefuge); // nothing in time: the nearer of exit (50) and refuge (45)
  in.t_refuge_s = kInf;
  CHECK(choose_escape(in) == EscapeChoice::kExit);
  in.t_exit_s = kInf;
  CHECK(choose_escape(in) == EscapeChoice::kNone);
  EscapeInputs clear; // clear air, no self-rescuer on: walk out however far
  clear.t_exit_s = 90 * 60;
  clear.t_refuge_s = 60;
  CHECK(choose_escape(clear) == EscapeChoice::kExit);
}

// Smoke: Cs = 8.7 m2/g × mass concentration (Mulholland & Croarkin 2000): 250 mg/m3 → 2.175 1/m;
// visibility 3/Cs (Jin 1978) = 1.38 m. Speed linear between 1.0 m/s (clear) and 0.4 m/s (Cs ≥ 2.2).
TEST_CASE("walking speed in smoke", "[mine][escape]") {
  CHECK(extinction_per_m(250) == Approx(2.175));
  CHECK(visibility_m(2.175) == Approx(1.3793).epsilon(1e-3));
  WalkSpeeds w{1.0, 0.4, 2.2};
  CHECK(walking_speed_m_s(0, w) == 1.0);
  CHECK(walking_speed_m_s(1.1, w) == Approx(0.7));
  CHECK(walking_speed_m_s(5, w) == 0.4);
}

TEST_CASE("routes avoid airways known to be closed and shafts go by cage", "[mine][escape]") {
  MineNetwork n;
  n.junctions = {{"top"}, {"bottom"}, {"x"}, {"y"}};
  n.junctions[0].surface = true;
  auto add = [&](const char* id, int f, int t, double len) {
    Branch b;
    b.id = id;
    b.from = f;
    b.to = t;
    b.length_m = len;
    b.area_m2 = 10;
    n.branches.push_back(b);
  };
  add("shaft", 0, 1, 400);
  n.branches[0].kind = BranchKind::kShaft;
  n.branches[0].escape = true;
  n.branches[0].hoist_s = 240;
  add("short", 1, 2, 300);
  add("long_a", 1, 3, 500);
  add("long_b", 3, 2, 500);
  std::vector<bool> closed(n.branches.size(), false);
  Position at_x;
  at_x.junction = 2;
  TravelTimes tt = travel_times(n, closed, at_x, 1.0);
  CHECK(tt.t_s[0] == Approx(300 + 240)); // walk 300 m, then 4 min in the cage
  closed[1] = true;
  tt = travel_times(n, closed, at_x, 1.0);
  CHECK(tt.t_s[0] == Approx(1000 + 240));
  const auto legs = tt.route_to(n, at_x, 0);
  REQUIRE(legs.size() == 3);
  CHECK(legs[0].branch == 3);
  CHECK(legs[0].dir == -1);
  CHECK(legs[2].branch == 0);
  // From inside an airway: 100 m along "short" from bottom (s = 1/3) → 100 m back to bottom + cage.
  Position in_short;
  in_short.branch = 1;
  in_short.s = 1.0 / 3;
  closed[1] = false;
  tt = travel_times(n, closed, in_short, 1.0);
  CHECK(tt.t_s[0] == Approx(100 + 240));
  closed[1] = true; // cut off inside a closed airway
  tt = travel_times(n, closed, in_short, 1.0);
  CHECK(std::isinf(tt.t_s[0]));
}
