// The coal mine behind the hazard contract: its targets and their sites, the work it takes from the
// engine's units (a brigade's rescuers become teams underground; ambulances take the casualties brought
// out), what it publishes as harm for the shift, and that it tells the posts nothing before the mine has
// reported the accident. Expected values follow from the rules in docs/models/mine.md §5–6, worked by
// hand in each test.
#include "MineTestSupport.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hg;
using namespace hg::mine;
using namespace hg::mine::testing;

namespace {

/// Advances the model and the view's clock together to `until_s`; `each` is called after every step.
template <typename F>
void run_with(MineModel& m, hgtest::StaticView& v, RecordingSink& sink, double until_s, F each) {
  for (double t = m.now_s(); t < until_s - 1e-9; t += m.step_s()) {
    m.advance(t, m.step_s(), sink);
    v.t_s = t + m.step_s();
    each(v.t_s);
  }
}

std::vector<const hgtest::RecordingSink::Emitted*> rescue(const RecordingSink& s, const std::string& action) {
  std::vector<const hgtest::RecordingSink::Emitted*> out;
  for (const auto& e : s.events)
    if (e.type == "mine.rescue" && e.payload.value("action", "") == action) out.push_back(&e);
  return out;
}

/// The small mine with a second escape shaft (top2 → east) whose head is another road node.
MineConfig two_shaft_mine() {
  MineConfig c = small_mine();
  c.head_node = "n_head";
  Junction top2;
  top2.id = "top2";
  top2.x_m = 1500;
  top2.surface = true;
  c.net.junctions.push_back(top2); // 7
  Branch s2;
  s2.id = "shaft2";
  s2.from = 7;
  s2.to = 2;
  s2.r_ns2_m8 = 0.5; // a high resistance: it barely changes the ventilation
  s2.length_m = 300;
  s2.area_m2 = 10;
  s2.height_m = 3;
  s2.kind = BranchKind::kShaft;
  s2.escape = true;
  s2.hoist_s = 240;
  c.net.branches.push_back(s2); // 8
  c.shaft_heads.push_back({8, "n_second"});
  return c;
}

} // namespace

TEST_CASE("targets are the mine and its escape shafts, each at its head's road node", "[mine][contract]") {
  MineModel m(two_shaft_mine(), 1);
  CHECK(m.targets() == std::vector<std::string>{"m", "shaft", "shaft2"});
  CHECK(m.site_of("m") == "n_head");
  CHECK(m.site_of("shaft") == "n_head");
  CHECK(m.site_of("shaft2") == "n_second");
  CHECK(m.site_of("east1").empty()); // an airway is no place to send a unit to
  CHECK(m.site_of("elsewhere").empty());
  for (const char* task : {"mine_rescue", "transport_patients"})
    for (const char* target : {"m", "shaft", "shaft2"})
      CHECK(m.accepts_work(task, target));
  CHECK_FALSE(m.accepts_work("sandbag", "m"));
  CHECK_FALSE(m.accepts_work("mine_rescue", "vshaft")); // no ladders: not an escape shaft
  // `incident` is the mine only when the scenario's incident is at one of its heads.
  CHECK_FALSE(m.accepts_work("mine_rescue", "incident"));
  MineConfig c = two_shaft_mine();
  c.incident_here = true;
  MineModel here(std::move(c), 1);
  CHECK(here.accepts_work("mine_rescue", "incident"));
  CHECK(here.site_of("incident") == "n_head");
}

TEST_CASE("a brigade unit's rescuers go down as teams of nine, once per stay at the head",
          "[mine][contract]") {
  MineConfig c = two_shaft_mine();
  c.step_s = 10;
  c.report_every_s = 300;
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  hgtest::StaticView v;
  m.start(v, sink);
  // 50 rescuers work a 60-s step at the second shaft: floor(50 / 9) = 5 teams (AQ 1008-2007: a squad
  // of at least 9), all at shaft2, arriving at the start of the step (t = 60 − 60 = 0 s).
  bool working = true;
  run_with(m, v, sink, 600, [&](double t) {
    if (working && std::fmod(t, 60.0) < 1e-9)
      REQUIRE(m.work(Work{"u_b", "mine_rescue", "shaft2", 50, 4, 60, 0}, sink));
  });
  auto arrived = rescue(sink, "arrived_at_shaft");
  REQUIRE(arrived.size() == 5);
  for (const auto* e : arrived) {
    CHECK(e->payload["shaft"] == "shaft2");
    CHECK(e->payload["unit"] == "u_b");
    CHECK(e->payload["personnel"] == 9);
    CHECK(e->payload["t_h"].get<double>() == Approx(0.0));
  }
  CHECK(arrived[4]->actors[0] == "u_b_team_5");
  // Nobody to rescue (no accident): they go down, find no one and wait at the shaft bottom (east, j 2).
  CHECK(rescue(sink, "entered").size() == 5);
  CHECK(rescue(sink, "no_one_reachable").size() == 5);
  for (const auto& t : m.teams()) {
    CHECK(t.base == 2);
    CHECK(t.state == TeamState::kResting);
  }
  // The unit leaves (no more work steps): at their next look (every 300 s) the teams stand down.
  working = false;
  run_with(m, v, sink, 1200, [](double) {});
  CHECK(rescue(sink, "stood_down").size() == 5);
  for (const auto& t : m.teams())
    CHECK(t.state == TeamState::kDone);
  // A new stay of the same unit brings its rescuers back: 5 new teams.
  REQUIRE(m.work(Work{"u_b", "mine_rescue", "m", 50, 4, 60, 0}, sink));
  CHECK(rescue(sink, "arrived_at_shaft").size() == 10);
  CHECK(m.teams().back().id == "u_b_team_10");
  CHECK(m.teams().back().shaft == 0); // the mine itself: its shaft at the mine head
}

TEST_CASE("casualties brought out wait for ambulances, carried-out ones first, as many as they have places",
          "[mine][contract]") {
  MineConfig c = small_mine();
  c.id = "m";
  c.step_s = 10;
  c.rescue.speed_m_s = 1.0;
  c.miners.hospital_cohb_pct = 0; // every miner who walks out counts as a casualty ("injured")
  ExplosionEvent e;
  e.at_s = 30;
  e.centre = 3; // the face: its crew of 20 injured, none killed
  e.damage_radius_m = 1;
  e.fatality_fraction = 0;
  e.felt_radius_m = 5000; // the east crew of 10 feel it and walk out
  c.explosions.push_back(e);
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  hgtest::StaticView v;
  m.start(v, sink);
  run_with(m, v, sink, 4 * 3600, [&](double t) {
    if (t >= 600 && std::fmod(t, 60.0) < 1e-9) m.work(Work{"u_b", "mine_rescue", "m", 18, 2, 60, 0}, sink);
  });
  const MineCounts n = m.counts();
  // The 10 who walked out are waiting as "injured"; the teams (2 of 9, carrying 9/4 = 2 each per trip)
  // have brought some of the 20 injured out as "incapacitated".
  int walked = 0, carried = 0;
  for (const auto& x : sink.events)
    if (x.type == "mine.patients" && x.payload["action"] == "brought_out")
      (x.payload["condition"] == "injured" ? walked : carried) += x.payload["count"].get<int>();
  CHECK(walked == 10);
  REQUIRE(carried >= 3);
  CHECK(carried == n.rescued);
  CHECK(m.patients_total() == walked + carried);
  CHECK(m.patients_waiting() == walked + carried);
  // An ambulance with 3 places takes 3 carried-out casualties, none of the walking wounded.
  REQUIRE(m.work(Work{"u_amb", "transport_patients", "m", 3, 1, 60, 3}, sink));
  CHECK(sink.patients["u_amb"] == 3);
  CHECK(m.patients_waiting() == walked + carried - 3);
  int handed_incap = 0;
  for (const auto& x : sink.events)
    if (x.type == "mine.patients" && x.payload["action"] == "handed_over") {
      CHECK(x.payload["condition"] == "incapacitated");
      handed_incap += x.payload["count"].get<int>();
    }
  CHECK(handed_incap == 3);
  // The posts hear the number waiting after every change.
  REQUIRE_FALSE(sink.observations.empty());
  const auto last = std::find_if(sink.observations.rbegin(), sink.observations.rend(),
                                 [](const Observation& o) { return o.quantity == "patients_waiting"; });
  REQUIRE(last != sink.observations.rend());
  CHECK(last->value == double(walked + carried - 3));
  CHECK(last->subject == "m");
  // No places, nothing handed over.
  REQUIRE(m.work(Work{"u_b", "transport_patients", "m", 18, 2, 60, 0}, sink));
  CHECK(sink.patients.count("u_b") == 0);
}

TEST_CASE("the shift underground is the harm of the shift zone, and nothing before the accident",
          "[mine][contract]") {
  MineConfig c = small_mine();
  c.shift_zone = "z_shift";
  c.step_s = 10;
  ExplosionEvent e;
  e.at_s = 120;
  e.centre = 3;
  e.damage_radius_m = 1;
  e.fatality_fraction = 0.5; // 10 of the face crew of 20 killed, 10 injured
  c.explosions.push_back(e);
  MineModel m(std::move(c), 1);
  const auto risk = m.zones_at_risk();
  REQUIRE(risk.size() == 1);
  CHECK(risk[0].zone == "z_shift");
  CHECK(risk[0].people == 30.0); // the day shift: 20 at the face + 10 in the east road
  RecordingSink sink;
  hgtest::StaticView v;
  m.start(v, sink);
  run_with(m, v, sink, 110, [](double) {});
  CHECK(sink.harms.empty());
  run_with(m, v, sink, 130, [](double) {});
  REQUIRE_FALSE(sink.harms.empty());
  const Harm& h = sink.harms.back();
  CHECK(h.zone == "z_shift");
  CHECK(h.fatalities == 10.0);
  CHECK(h.exposed == 20.0); // alive underground: 10 injured + 10 in the east road
  REQUIRE(h.injuries);
  CHECK(*h.injuries == 10.0);
  CHECK(h.measure == "miners_dead");
}

TEST_CASE("the mine tells the posts nothing before it has reported the accident", "[mine][contract]") {
  MineConfig c = small_mine();
  c.step_s = 10;
  c.reports_from_s = 600; // the scenario's incident report: accident at 60 s + a 9-min report delay
  ExplosionEvent e;
  e.at_s = 60;
  e.centre = 3;
  e.damage_radius_m = 1;
  c.explosions.push_back(e);
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  hgtest::StaticView v;
  m.start(v, sink);
  run_with(m, v, sink, 590, [](double) {});
  CHECK(sink.observations.empty());
  CHECK(sink.count("mine.summary") > 0); // the log (ground truth) has it all the same
  run_with(m, v, sink, 610, [](double) {});
  bool trapped = false;
  for (const auto& o : sink.observations)
    if (o.quantity == "miners_trapped") {
      trapped = true;
      CHECK(o.value == double(m.counts().underground_alive()));
    }
  CHECK(trapped);
}
