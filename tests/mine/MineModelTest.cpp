// MineModel as a hazard: accident → re-solved ventilation → CO carried to the miners → escape, refuge,
// dose, rescue teams; determinism and people conservation on the bundled scenarios.
#include "MineTestSupport.hpp"
#include "sim/hazards/HazardRegistry.hpp"
#include "sim/io/Scenario.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

using namespace hg;
using namespace hg::mine;

using namespace hg::mine::testing;

TEST_CASE("a blown door short-circuits the air and the change is reported", "[mine][model]") {
  MineConfig c = small_mine();
  ExplosionEvent e;
  e.at_s = 60;
  e.centre = 2; // at the door link
  e.damage_radius_m = 10;
  c.explosions.push_back(e);
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  m.start(view(), sink);
  const double face_before = m.ventilation().q_m3_s[5];
  const double link_before = m.ventilation().q_m3_s[6];
  run(m, sink, 120);
  CHECK(m.network_state().door_destroyed[0]);
  CHECK(m.ventilation().q_m3_s[6] > 5 * link_before); // the link now takes the air …
  CHECK(m.ventilation().q_m3_s[5] < face_before);     // … that the face loses
  CHECK(sink.count("mine.airflow") >= 2);
  CHECK(sink.count("mine.ventilation") == 2);
}

TEST_CASE("fire smoke reaches the face crew who don self-rescuers and walk out", "[mine][model]") {
  MineConfig c = small_mine();
  FireEvent f;
  f.at_s = 0;
  f.branch = 1; // east1: its products go to the face
  f.co_g_s = 50;
  f.smoke_g_s = 20;
  c.fires.push_back(f);
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  m.start(view(), sink);
  run(m, sink, 3 * 3600);
  // The east crew stand at the junction where east1 (fire) ends: they see it and leave.
  // CO from 50 g/s in the face air: (50/1165 m3/s) / Q_face → hundreds of ppm at the return sensor.
  const auto& obs = sink.observations;
  double max_co = 0;
  for (const auto& o : obs)
    if (o.quantity == "mine_co_ppm") max_co = std::max(max_co, o.value);
  CHECK(max_co > 100);
  const MineCounts n = m.counts();
  CHECK(n.total() == 30);
  CHECK(n.out + n.in_refuge + n.dead + n.incapacitated == 30);
  CHECK(sink.count("mine.self_rescuer") >= 1);
  CHECK(n.working == 0);
}

// The decision inside the model: 20 min of oxygen left, the shaft ≥ 50 min away through smoke, the refuge
// at the face: the crew goes into the refuge (in_refuge), and the rescue team later escorts them out.
TEST_CASE("short self-rescuers send the face crew to the refuge and a team escorts them out",
          "[mine][model]") {
  MineConfig c = small_mine();
  c.net.faces.pop_back();   // only the face crew: the team's first call (injured first) is the refuge
  c.rescue.speed_m_s = 1.0; // 3 km in 50 min each way: within the 3 h usable of a 4 h apparatus
  c.miners.scsr_s = 20 * 60;
  c.miners.donning_s = 0;
  ExplosionEvent e;
  e.at_s = 30;
  e.centre = 2;
  e.damage_radius_m = 5;
  e.afterdamp_co_ppm = 3000;
  e.afterdamp_smoke_mg_m3 = 400;
  e.felt_radius_m = 5000;
  e.blocked = {3}; // west road collapsed
  c.explosions.push_back(e);
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  m.start(view(), sink);
  run(m, sink, 1800);
  int in_refuge = 0;
  for (const auto& g : m.groups())
    if (g.face == "crew" && g.state == GroupState::kInRefuge) in_refuge += g.count;
  CHECK(in_refuge > 0);
  REQUIRE(m.team_arrives_at_shaft("t1", "shaft", 9, m.now_s(), sink));
  run(m, sink, 8 * 3600);
  CHECK(sink.count("mine.rescue") >= 3);
  int rescued = 0;
  for (const auto& g : m.groups())
    if (g.face == "crew" && g.state == GroupState::kOut && g.rescued) rescued += g.count;
  CHECK(rescued == in_refuge);
}

// The reserve rule: a team with 1 h of apparatus and a 25 % reserve may spend 45 min; a group 3 km away
// (100 min at 0.5 m/s) is out of reach, so the team reports nobody reachable instead of going.
TEST_CASE("rescue teams keep their apparatus reserve", "[mine][model]") {
  MineConfig c = small_mine();
  c.rescue.apparatus_s = 3600;
  c.rescue.reserve_fraction = 0.25;
  c.rescue.speed_m_s = 0.5;
  RoofFallEvent r;
  r.at_s = 10;
  r.airways = {5}; // face_ret: the face crew inside? no — they stand at the face junction
  c.roof_falls.push_back(r);
  ExplosionEvent e;
  e.at_s = 10;
  e.centre = 3;
  e.damage_radius_m = 1;
  e.fatality_fraction = 0; // the face crew injured, not killed
  c.explosions.push_back(e);
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  m.start(view(), sink);
  run(m, sink, 60);
  REQUIRE(m.counts().incapacitated == 20);
  m.team_arrives_at_shaft("t1", "", 9, m.now_s(), sink);
  run(m, sink, 1200);
  bool none = false;
  for (const auto& l : sink.lines)
    none = none || (l.find("mine.rescue") == 0 && l.find("no_one_reachable") != std::string::npos);
  CHECK(none);
  // It stays at the fresh-air base (the shaft bottom) and keeps looking; it has not gone anywhere.
  CHECK(m.teams()[0].state == TeamState::kResting);
  CHECK(m.teams()[0].waiting);
  CHECK(m.teams()[0].pos.junction == 1);
  CHECK(sink.count("mine.rescue [\"t1\",\"m\"] {\"action\":\"heading_to_group\"") == 0);
}

TEST_CASE("bundled mine scenarios conserve people and run deterministically", "[mine][model][scenario]") {
  // The model alone, with a brigade unit and an ambulance unit working at the mine head as the engine
  // would call them (every 60 s from 1.25 h): people are conserved at every step, casualties are handed
  // over at most as many as there are places, and two runs give the same events.
  for (const std::string name : {"xinxing-gas-explosion", "zhenxing-water-inrush"}) {
    struct Outcome {
      MineCounts counts;
      int handed = 0;
    };
    auto play = [&](RecordingSink& sink) {
      Diagnostics d;
      Scenario sc = load_scenario(std::string(HG_SOURCE_DIR) + "/scenarios/mine/" + name + ".yaml", d);
      REQUIRE_FALSE(d.has_errors());
      auto hz = make_hazards(sc, sc.seed, d);
      REQUIRE(hz.size() == 1);
      auto* m = dynamic_cast<MineModel*>(hz[0].get());
      REQUIRE(m);
      REQUIRE(m->accepts_work("mine_rescue", "incident"));
      const int total = m->counts().total();
      hgtest::StaticView v;
      m->start(v, sink);
      Outcome o;
      for (double t = 0; t < sc.duration_s - 1e-9; t += m->step_s()) {
        m->advance(t, m->step_s(), sink);
        v.t_s = t + m->step_s();
        if (v.t_s >= 1.25 * 3600 && std::fmod(v.t_s, 60.0) < 1e-9) {
          REQUIRE(m->work(Work{"u_brigade", "mine_rescue", "incident", 50, 4, 60, 0}, sink));
          const int before = sink.patients["u_amb"];
          REQUIRE(m->work(Work{"u_amb", "transport_patients", "incident", 3, 1, 60, 1}, sink));
          CHECK(sink.patients["u_amb"] - before <= 1);
        }
        REQUIRE(m->counts().total() == total);
      }
      o.counts = m->counts();
      o.handed = sink.patients["u_amb"];
      CHECK(o.handed + m->patients_waiting() == m->patients_total());
      return o;
    };
    RecordingSink a, b;
    const Outcome oa = play(a);
    play(b);
    INFO(name);
    CHECK(a.lines == b.lines);
    CHECK(oa.counts.working == 0);
    CHECK(oa.counts.out > 0);
    CHECK(oa.counts.dead > 0);
    // 50 rescuers at the head make 5 teams of 9 (AQ 1008-2007: a squad of at least 9), once.
    CHECK(a.count("mine.rescue") > 0);
    size_t arrived = 0;
    for (const auto& l : a.lines)
      arrived += l.find("\"arrived_at_shaft\"") != std::string::npos;
    CHECK(arrived == 5);
  }
}
