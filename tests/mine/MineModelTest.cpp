// MineModel as a hazard: accident → re-solved ventilation → CO carried to the miners → escape, refuge,
// dose, rescue teams; determinism and people conservation on the bundled scenarios.
#include "sim/hazards/mine/MineModel.hpp"
#include "sim/hazards/HazardFactory.hpp"
#include "sim/io/Scenario.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace hg;
using namespace hg::mine;

namespace {

struct RecordingSink : HazardSink {
  std::vector<std::string> lines;
  std::vector<Observation> obs;
  double t = 0;
  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    lines.push_back(type + " " + nlohmann::json(actors).dump() + " " + payload.dump());
  }
  void set_road_closed(const std::string&, bool, const std::string&) override {}
  void observe(const Observation& o) override { obs.push_back(o); }
  void reached_zone(const std::string&, const std::string&) override {}
  size_t count(const std::string& prefix) const {
    size_t n = 0;
    for (const auto& l : lines)
      n += l.rfind(prefix, 0) == 0;
    return n;
  }
};

/// A small mine: intake shaft (cage) → bottom → two parallel roads (east with a door link to the return,
/// west) → face → return → exhaust shaft with a fan. A refuge near the face, far from the shaft.
MineConfig small_mine() {
  MineConfig c;
  c.id = "m";
  c.shift = "day";
  c.step_s = 10;
  c.report_every_s = 300;
  MineNetwork& n = c.net;
  auto j = [&](const char* id, double x, double z, bool surface = false) {
    Junction jj;
    jj.id = id;
    jj.x_m = x;
    jj.z_m = z;
    jj.surface = surface;
    n.junctions.push_back(jj);
  };
  j("top", 0, 0, true);     // 0
  j("bottom", 0, -300);     // 1
  j("east", 1500, -300);    // 2
  j("face", 3000, -300);    // 3
  j("ret", 3000, -250);     // 4
  j("vtop", 3000, 0, true); // 5
  j("west", 1500, -310);    // 6
  auto b = [&](const char* id, int f, int t, double r, double len, bool travel = true) {
    Branch bb;
    bb.id = id;
    bb.from = f;
    bb.to = t;
    bb.r_ns2_m8 = r;
    bb.length_m = len;
    bb.area_m2 = 10;
    bb.height_m = 3;
    bb.travel = travel;
    n.branches.push_back(bb);
  };
  b("shaft", 0, 1, 0.005, 300); // 0
  n.branches[0].kind = BranchKind::kShaft;
  n.branches[0].escape = true;
  n.branches[0].hoist_s = 180;
  b("east1", 1, 2, 0.02, 1500);         // 1
  b("east2", 2, 3, 0.02, 1500);         // 2
  b("west1", 1, 6, 0.03, 1500);         // 3
  b("west2", 6, 3, 0.03, 1500);         // 4
  b("face_ret", 3, 4, 0.05, 100);       // 5
  b("link", 2, 4, 0.02, 1500);          // 6 (a door keeps the air going to the face)
  b("vshaft", 4, 5, 0.005, 250, false); // 7
  Fan f;
  f.id = "fan";
  f.branch = 7;
  f.curve = FanCurve({{0, 2000}, {50, 1600}, {100, 800}, {130, 0}});
  n.fans.push_back(f);
  Door d;
  d.id = "door";
  d.branch = 6;
  d.r_closed_ns2_m8 = 500;
  n.doors.push_back(d);
  Face face;
  face.id = "crew";
  face.junction = 3;
  face.crews = {{"day", 20}};
  n.faces.push_back(face);
  Face east;
  east.id = "east_crew";
  east.junction = 2;
  east.crews = {{"day", 10}};
  n.faces.push_back(east);
  Refuge r;
  r.id = "refuge";
  r.junction = 3;
  r.capacity = 50;
  n.refuges.push_back(r);
  Sensor s;
  s.id = "co_ret";
  s.junction = 4;
  n.sensors.push_back(s);
  c.miners.scsr_s = 45 * 60;
  c.miners.walk = {1.0, 0.4, 2.2};
  return c;
}

void run(MineModel& m, RecordingSink& sink, double until_s) {
  for (double t = m.now_s(); t < until_s - 1e-9; t += m.step_s())
    m.advance(t, m.step_s(), sink);
}

} // namespace

TEST_CASE("a blown door short-circuits the air and the change is reported", "[mine][model]") {
  MineConfig c = small_mine();
  ExplosionEvent e;
  e.at_s = 60;
  e.centre = 2; // at the door link
  e.damage_radius_m = 10;
  c.explosions.push_back(e);
  MineModel m(std::move(c), 1);
  RecordingSink sink;
  m.start(sink);
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
  m.start(sink);
  run(m, sink, 3 * 3600);
  // The east crew stand at the junction where east1 (fire) ends: they see it and leave.
  // CO from 50 g/s in the face air: (50/1165 m3/s) / Q_face → hundreds of ppm at the return sensor.
  const auto& obs = sink.obs;
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
  m.start(sink);
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
  m.start(sink);
  run(m, sink, 60);
  REQUIRE(m.counts().incapacitated == 20);
  m.team_arrives_at_shaft("t1", "", 9, m.now_s(), sink);
  run(m, sink, 1200);
  bool none = false;
  for (const auto& l : sink.lines)
    none = none || (l.find("mine.rescue") == 0 && l.find("no_one_reachable") != std::string::npos);
  CHECK(none);
  CHECK(m.teams()[0].state == TeamState::kDone);
}

TEST_CASE("bundled mine scenarios conserve people and run deterministically", "[mine][model][scenario]") {
  for (const std::string name : {"xinxing-gas-explosion", "zhenxing-water-inrush"}) {
    auto play = [&](RecordingSink& sink) {
      Diagnostics d;
      Scenario sc = load_scenario(std::string(HG_SOURCE_DIR) + "/scenarios/mine/" + name + ".yaml", d);
      REQUIRE_FALSE(d.has_errors());
      auto hz = make_hazards(sc, sc.seed, d);
      REQUIRE(hz.size() == 1);
      auto* m = dynamic_cast<MineModel*>(hz[0].get());
      REQUIRE(m);
      const int total = m->counts().total();
      m->start(sink);
      size_t next_inject = 0;
      for (double t = 0; t < sc.duration_s - 1e-9; t += m->step_s()) {
        while (next_inject < sc.injects.size() && sc.injects[next_inject].at_s <= t) {
          if (sc.injects[next_inject].kind == "hazard") m->inject(sc.injects[next_inject].body, t, sink);
          ++next_inject;
        }
        m->advance(t, m->step_s(), sink);
        REQUIRE(m->counts().total() == total);
      }
      return m->counts();
    };
    RecordingSink a, b;
    const MineCounts ca = play(a);
    play(b);
    INFO(name);
    CHECK(a.lines == b.lines);
    CHECK(ca.working == 0);
    CHECK(ca.out > 0);
    CHECK(ca.dead > 0);
  }
}
