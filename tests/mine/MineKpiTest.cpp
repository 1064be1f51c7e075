// The coal-mine KPIs on hand-written logs: each value worked out from the events below, and the line
// between "not applicable" (a note, drops out of the score) and "never happened" (no value, no note:
// scores 0) — docs/models/mine.md §7, docs/scoring.md.
#include "sim/hazards/HazardRegistry.hpp"

#include <catch2/catch.hpp>

#include <map>

namespace {

struct Log {
  std::vector<hg::Event> ev;
  void add(double t, const std::string& type, std::vector<std::string> actors, nlohmann::json payload) {
    hg::Event e;
    e.seq = long(ev.size());
    e.t = t;
    e.type = type;
    e.actors = std::move(actors);
    e.payload = std::move(payload);
    ev.push_back(std::move(e));
  }
};

std::map<std::string, hg::KpiResult> compute(const Log& log, double t0_s) {
  const hg::HazardModule* m = hg::hazard_module("coal_mine");
  REQUIRE(m);
  hg::World w;
  const hg::KpiInput in{log.ev, w, t0_s, 43200};
  std::map<std::string, hg::KpiResult> out;
  for (const auto& k : m->kpis)
    out[k.id] = k.compute(in);
  return out;
}

/// The accident at 1800 s; a squad dispatched at 2400 s arrives at 4200 s; a team reaches a group at
/// 6300 s; 30 of 100 miners die, 60 get out, 10 are brought out by teams; an ambulance takes 4 of them
/// and delivers 3 (one more hospital trip still to come); another ambulance delivers 2 from elsewhere.
Log accident() {
  Log l;
  l.add(0, "mine.summary", {"m"}, {{"underground", 100}, {"working", 100}});
  l.add(1800, "mine.group", {"g1", "m"}, {{"state", "incapacitated"}, {"count", 10}});
  l.add(2400, "unit.dispatched", {"u_mr", "cp"}, {{"task", "mine_rescue"}, {"target", "incident"}});
  l.add(4200, "unit.arrived", {"u_mr"}, {{"target", "incident"}});
  l.add(4200, "unit.work", {"u_mr", "incident"}, {{"task", "mine_rescue"}, {"hazard", "m"}});
  l.add(6300, "mine.rescue", {"u_mr_team_1", "m"}, {{"action", "reached_group"}, {"group", "g1"}});
  l.add(9000, "mine.patients", {"m"}, {{"action", "brought_out"}, {"count", 10}});
  l.add(9000, "patients.loaded", {"u_amb"}, {{"patients", 4}, {"hazard", "m"}});
  l.add(9900, "patients.delivered", {"u_amb", "f_h"}, {{"patients", 3}});
  l.add(9950, "patients.delivered", {"u_other", "f_h"}, {{"patients", 2}}); // not this mine's
  l.add(43200, "mine.summary", {"m"}, {{"out", 70}, {"dead", 30}, {"underground_alive", 0}});
  return l;
}

} // namespace

TEST_CASE("coal-mine KPIs from a log", "[mine][kpi]") {
  auto k = compute(accident(), 1800);
  CHECK(*k["mine_miners_out_alive"].value == 70);
  CHECK(*k["mine_miners_out_alive_share"].value == Approx(0.70)); // 70 / 100 underground at the start
  CHECK(*k["mine_miners_dead"].value == 30);
  CHECK(*k["mine_brigade_at_head_min"].value == Approx(40.0)); // (4200 − 1800) / 60
  CHECK(*k["mine_brigade_drive_min"].value == Approx(30.0));   // (4200 − 2400) / 60
  CHECK(k["mine_brigade_drive_min"].evidence == std::vector<long>{2, 4});
  CHECK(*k["mine_first_rescue_underground_min"].value == Approx(75.0)); // (6300 − 1800) / 60
  CHECK(*k["mine_hospital_arrivals"].value == 3);                       // u_other did not load from the mine
  CHECK(*k["mine_casualties_in_hospital_share"].value == Approx(0.3));  // 3 of the 10 brought out
}

TEST_CASE("coal-mine KPIs: not applicable without a mine, zero when the response never came", "[mine][kpi]") {
  // No mine in the run: every mine KPI is not applicable (no value, a note saying why).
  Log none;
  none.add(0, "run.started", {}, {});
  for (auto& [id, r] : compute(none, 0)) {
    INFO(id);
    CHECK_FALSE(r.value);
    CHECK_FALSE(r.note_en.empty());
  }
  // A mine, a casualty underground, and no brigade ever: applicable with no value (no note) → scores 0.
  Log alone;
  alone.add(0, "mine.summary", {"m"}, {{"underground", 10}});
  alone.add(600, "mine.group", {"g1", "m"}, {{"state", "incapacitated"}, {"count", 2}});
  alone.add(43200, "mine.summary", {"m"}, {{"out", 8}, {"dead", 0}});
  auto k = compute(alone, 0);
  for (const char* id :
       {"mine_brigade_at_head_min", "mine_brigade_drive_min", "mine_first_rescue_underground_min"}) {
    INFO(id);
    CHECK_FALSE(k[id].value);
    CHECK(k[id].note_en.empty());
  }
  CHECK(k["mine_first_rescue_underground_min"].evidence == std::vector<long>{1});
  // Nobody brought out: the hospital share does not apply.
  CHECK_FALSE(k["mine_casualties_in_hospital_share"].value);
  CHECK_FALSE(k["mine_casualties_in_hospital_share"].note_en.empty());
}

TEST_CASE("first rescue underground does not apply when those trapped died before the brigade came",
          "[mine][kpi]") {
  // The water inrush of the bundled scenario in small: a crew trapped at 39 min drowns at 40 min; the
  // brigade arrives at 56 min and finds nobody alive to reach.
  Log l;
  l.add(0, "mine.summary", {"m"}, {{"underground", 70}});
  l.add(2340, "mine.group", {"face_1", "m"}, {{"state", "trapped"}, {"count", 25}});
  l.add(2400, "mine.group", {"face_1", "m"}, {{"state", "dead"}, {"count", 25}});
  l.add(3360, "unit.work", {"u_mr", "incident"}, {{"task", "mine_rescue"}, {"hazard", "m"}});
  l.add(43200, "mine.summary", {"m"}, {{"out", 45}, {"dead", 25}});
  auto k = compute(l, 900);
  CHECK_FALSE(k["mine_first_rescue_underground_min"].value);
  CHECK_FALSE(k["mine_first_rescue_underground_min"].note_en.empty());
  CHECK(*k["mine_brigade_at_head_min"].value == Approx(41.0)); // (3360 − 900) / 60
  // Had the crew still been trapped when the brigade came, the KPI would be a failure (no note).
  l.ev[2].payload["state"] = "trapped";
  auto k2 = compute(l, 900);
  CHECK_FALSE(k2["mine_first_rescue_underground_min"].value);
  CHECK(k2["mine_first_rescue_underground_min"].note_en.empty());
}
