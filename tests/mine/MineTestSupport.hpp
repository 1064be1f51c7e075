#pragma once
// A small mine built in code and a recording sink for the coal-mine model tests (tests/mine/).
#include "../support/HazardTestDoubles.hpp"
#include "sim/hazards/mine/MineModel.hpp"

#include <string>
#include <vector>

// Inside hg::mine so that the model's types need no qualification (no using-directives in headers).
namespace hg::mine::testing {

/// The shared recording sink, with every event also kept as one line (type, actors, payload) so that
/// two runs can be compared line by line, and counts by type prefix.
struct RecordingSink : hgtest::RecordingSink {
  std::vector<std::string> lines;
  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    lines.push_back(type + " " + nlohmann::json(actors).dump() + " " + payload.dump());
    hgtest::RecordingSink::emit(type, std::move(actors), std::move(payload));
  }
  size_t count(const std::string& prefix) const {
    size_t n = 0;
    for (const auto& l : lines)
      n += l.rfind(prefix, 0) == 0;
    return n;
  }
};

/// The engine's view of the world is not needed underground: a static one.
inline hgtest::StaticView& view() {
  static hgtest::StaticView v;
  return v;
}

/// A small mine: intake shaft (cage) → bottom → two parallel roads (east with a door link to the return,
/// west) → face → return → exhaust shaft with a fan. A refuge near the face, far from the shaft.
inline MineConfig small_mine() {
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

inline void run(MineModel& m, RecordingSink& sink, double until_s) {
  for (double t = m.now_s(); t < until_s - 1e-9; t += m.step_s())
    m.advance(t, m.step_s(), sink);
}

} // namespace hg::mine::testing
