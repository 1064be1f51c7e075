// ChemicalModel behind the hazard contract, driven without the engine (RecordingSink, StaticView from
// tests/support/HazardTestDoubles.hpp) on a three-node toy world, and the YAML loader's errors.
#include "../support/HazardTestDoubles.hpp"
#include "sim/hazards/chemical/ChemicalLoader.hpp"
#include "sim/hazards/chemical/ChemicalModel.hpp"
#include "sim/io/YamlReader.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

using namespace hg::chemical;
using hgtest::RecordingSink;
using hgtest::StaticView;

namespace {

hg::World toy_world() {
  hg::World w;
  hg::RoadNode a, b, c;
  a.id = "n_plant", a.pos = {47.0, 130.0};
  b.id = "n_town", b.pos = {47.0, 130.03}; // ≈ 2.27 km east
  c.id = "n_far", c.pos = {47.0, 130.06};  // ≈ 4.55 km east
  w.nodes = {a, b, c};
  hg::Road r1, r2;
  r1.id = "r_plant_town", r1.from = 0, r1.to = 1, r1.length_km = 2.3, r1.speed_kmh = 40;
  r2.id = "r_town_far", r2.from = 1, r2.to = 2, r2.length_km = 2.3, r2.speed_kmh = 40;
  w.roads = {r1, r2};
  hg::Zone z;
  z.id = "z_town", z.node = 1, z.population = 1000, z.kind = hg::ZoneKind::kUrban;
  w.zones = {z};
  hg::Facility f;
  f.id = "f_plant", f.kind = "hazard_site", f.node = 0, f.pos = a.pos;
  w.facilities = {f};
  hg::Post p;
  p.id = "cp_town", p.node = 1;
  w.posts = {p};
  w.build_indexes();
  return w;
}

ChemicalConfig toy_config(bool tank) {
  ChemicalConfig c;
  c.id = "nh3_toy";
  c.step_s = 60;
  c.substep_s = 60;
  c.report_every_s = 600;
  c.grid.half_size_m = 4000;
  c.grid.cells = 41;
  c.source.id = "leak";
  c.source.chemical = &chemical("ammonia");
  c.source.position = {47.0, 130.0};
  c.source.node = "n_plant";
  if (tank) {
    c.source.kind = SourceKind::kTank;
    c.source.tank.diameter_m = 2.4, c.source.tank.length_m = 10, c.source.tank.inventory_kg = 20000;
    c.source.tank.temperature_k = 288.15, c.source.tank.hole_diameter_m = 0.025;
  } else {
    c.source.kind = SourceKind::kFixedRate;
    c.source.fixed_rate_g_s = 5000;
    c.source.fixed_duration_s = 1200;
  }
  c.source.start_s = 120;
  WeatherPoint w;
  w.wind_m_s = 2, w.from_deg = 270, w.stability = Stability::kF;
  c.weather = {w};
  ZoneReceptor z;
  z.id = "z_town", z.centre = {47.0, 130.03}, z.radius_m = 300, z.people = 1000;
  z.indoor_fraction = 0, z.air_changes_per_h = 1.0, z.shelter_air_changes_per_h = 0.3;
  c.zones = {z};
  c.roads = {{"r_plant_town", {47.0, 130.0}, {47.0, 130.03}, "n_plant", "n_town"},
             {"r_town_far", {47.0, 130.03}, {47.0, 130.06}, "n_town", "n_far"}};
  c.sensors = {{"s_town", {47.0, 130.03}, "cp_town", 600}};
  return c;
}

/// Runs `steps` one-minute steps with the view's clock at the end of each step.
void run(ChemicalModel& m, StaticView& view, RecordingSink& sink, int from, int steps) {
  for (int i = from; i < from + steps; ++i) {
    view.t_s = (i + 1) * 60.0;
    m.advance(i * 60.0, 60.0, sink);
  }
}

StaticView toy_view() {
  StaticView v;
  v.w = toy_world();
  v.present["z_town"] = 1000;
  return v;
}

const hg::Harm* last_harm(const RecordingSink& s, const std::string& zone) {
  const hg::Harm* h = nullptr;
  for (const auto& x : s.harms)
    if (x.zone == zone) h = &x;
  return h;
}

} // namespace

TEST_CASE("Fixed-rate ammonia release: start/stop, zone reached, road closed and reopened",
          "[chemical][model]") {
  StaticView view = toy_view();
  RecordingSink sink;
  ChemicalModel m(toy_config(false), 1);
  m.start(view, sink);
  run(m, view, sink, 0, 90);
  CHECK(sink.count("chemical_release.configured") == 1);
  CHECK(sink.count("chemical_release.release_started") == 1);
  CHECK(sink.count("chemical_release.release_stopped") == 1);
  CHECK(sink.count("chemical_release.threat_zone") >= 9);
  REQUIRE(sink.reached_zones.size() == 1);
  CHECK(sink.reached_zones[0] == "z_town");
  // The road beyond the town is inside the AEGL-2 zone (160 ppm) while the gas passes, and reopens;
  // the road into the plant (the responders' way in) is never closed.
  REQUIRE(sink.closures.size() == 2);
  CHECK(sink.closures[0].road == "r_town_far");
  CHECK(sink.closures[0].closed);
  CHECK(sink.closures[1].road == "r_town_far");
  CHECK_FALSE(sink.closures[1].closed);
  double max_aegl2 = 0, max_ppm = 0;
  for (const auto& o : sink.observations) {
    if (o.quantity == "people_aegl2") max_aegl2 = std::max(max_aegl2, o.value);
    if (o.quantity == "concentration_ppm" && o.subject == "s_town") {
      CHECK(o.reporter == "cp_town");
      max_ppm = std::max(max_ppm, o.value);
    }
  }
  CHECK(max_aegl2 > 0);
  CHECK(max_aegl2 <= 1000);
  CHECK(max_ppm > 160);
  // The stop event carries the mass: 5000 g/s × 1200 s = 6000 kg.
  for (const auto& e : sink.events)
    if (e.type == "chemical_release.release_stopped")
      CHECK(e.payload["released_kg"].get<double>() == Approx(6000));
  // Harm goes to the population account on the people present, with its method.
  const hg::Harm* h = last_harm(sink, "z_town");
  REQUIRE(h);
  CHECK(h->injuries);
  CHECK(*h->injuries > 0);
  CHECK(h->fatalities + *h->injuries <= 1000 + 1e-9);
  CHECK(h->method.find("probit") != std::string::npos);
  CHECK(m.concentration_ppm_at({47.0, 130.03}) < 1.0); // gone after 90 min
}

TEST_CASE("Sheltered people breathe the indoor box and get lower loads than people outdoors",
          "[chemical][model][shelter]") {
  // Same release, all 1000 outdoors vs all 1000 sheltering in place from the start.
  auto injuries = [](double sheltering, std::vector<Cohort>* groups) {
    StaticView view = toy_view();
    view.sheltering["z_town"] = sheltering;
    RecordingSink sink;
    ChemicalModel m(toy_config(false), 1);
    m.start(view, sink);
    run(m, view, sink, 0, 90);
    if (groups) *groups = m.cohorts("z_town");
    return m.zones()[0].expected_injuries;
  };
  std::vector<Cohort> out_groups, in_groups;
  const double outdoors = injuries(0, &out_groups);
  const double sheltered = injuries(1000, &in_groups);
  REQUIRE(out_groups.size() == 1);
  REQUIRE(in_groups.size() == 1);
  CHECK(out_groups[0].where == Exposure::kOutdoor);
  CHECK(in_groups[0].where == Exposure::kShelter);
  CHECK(in_groups[0].people == Approx(1000));
  // At the zone's centre point: the 20-min puff at 0.3 air changes per hour leaves the shelter's load
  // far below the outdoor load.
  CHECK(in_groups[0].points[0].load < 0.2 * out_groups[0].points[0].load);
  CHECK(outdoors > 100);
  CHECK(sheltered < 0.2 * outdoors);
}

TEST_CASE("Indoor box under a constant outdoor concentration: the exact one-box solution",
          "[chemical][toxic]") {
  // dC_in/dt = λ(C − C_in), C_in(0) = 0 ⇒ C_in(t) = C(1 − e^{−λt}); with n = 1 the load is
  // ∫C_in dt = C (T − (1 − e^{−λT})/λ). C = 100 ppm, λ = 0.5/h, T = 1 h:
  // C_in(1 h) = 100 (1 − e^{−0.5}) = 39.347 ppm; load = 100 (60 − (1 − e^{−0.5})/(0.5/60)) = 1278.4 ppm·min.
  Breathing b;
  for (int i = 0; i < 60; ++i)
    breathe_indoor(b, 100, 0.5, 1.0, 60);
  CHECK(b.c_in_ppm == Approx(100 * (1 - std::exp(-0.5))).epsilon(1e-12));
  CHECK(b.load == Approx(100 * (60 - (1 - std::exp(-0.5)) / (0.5 / 60))).epsilon(1e-6));
  Breathing o;
  breathe_outdoor(o, 100, 2.0, 600); // 100² × 10 min
  CHECK(o.load == Approx(1e5));
}

TEST_CASE("Evacuating people leave the harm: their loads freeze when they go",
          "[chemical][model][evacuation]") {
  // The 20-min release (2–22 min) reaches the town 2.27 km downwind at 2 m/s after ≈ 19 min: the gas
  // is there from ≈ 21 to ≈ 41 min. Everybody leaves at 22 min (10 min of transit through the zone's
  // air), or everybody stays.
  auto scenario = [](bool leave, std::vector<double>& injuries_after) {
    StaticView view = toy_view();
    RecordingSink sink;
    ChemicalModel m(toy_config(false), 1);
    m.start(view, sink);
    run(m, view, sink, 0, 22);
    if (leave) view.present["z_town"] = 0;
    for (int k = 0; k < 7; ++k) {
      run(m, view, sink, 22 + 5 * k, 5);
      injuries_after.push_back(m.zones()[0].expected_injuries);
    }
    CHECK(m.cohorts("z_town").empty() == leave);
    CHECK(m.zones()[0].evacuated == Approx(leave ? 1000.0 : 0.0));
  };
  std::vector<double> stay, leave;
  scenario(false, stay);
  scenario(true, leave);
  CHECK(leave.back() < stay.back());
  // Gone: nothing more accumulates for them (the estimate stays where it was when they left).
  for (double v : leave)
    CHECK(v == Approx(leave.front()));
  // Those who stay keep breathing the passing gas.
  CHECK(stay.back() > stay.front());
}

TEST_CASE("plug_leak: the entry team works within its breathing-air time; the leak stops after the "
          "configured person-hours",
          "[chemical][model][work]") {
  StaticView view = toy_view();
  RecordingSink sink;
  ChemicalConfig cfg = toy_config(true);
  cfg.plug_leak_person_h = 2;
  cfg.responders.entry_team = 2;
  cfg.responders.ppe_air_s = 1800;
  cfg.responders.ppe_turnaround_s = 1200;
  cfg.incident_node = "n_plant";
  ChemicalModel m(cfg, 1);
  m.start(view, sink);
  run(m, view, sink, 0, 3);
  REQUIRE(m.releasing());
  CHECK(m.accepts_work("plug_leak", "leak"));
  CHECK(m.accepts_work("plug_leak", "nh3_toy"));
  CHECK(m.accepts_work("plug_leak", "incident")); // the incident node is the source's
  CHECK_FALSE(m.accepts_work("foam_cover", "leak"));
  CHECK_FALSE(m.accepts_work("plug_leak", "elsewhere"));
  CHECK(m.accepts_work("decontaminate", "nh3_toy_decon"));
  CHECK(m.site_of("leak") == "n_plant");
  CHECK(m.site_of("nh3_toy_decon") == "n_plant");
  CHECK(m.site_of("nothing").empty());

  auto step = [&](double t) {
    view.t_s = t;
    return m.work(hg::Work{"u_hazmat", "plug_leak", "leak", 18, 3, 600, 0}, sink);
  };
  // Three 10-min steps of 2 people: 1 person-h, then the air is low: withdraw for 20 min.
  CHECK(step(600));
  CHECK(step(1200));
  CHECK(step(1800));
  CHECK(sink.count("chemical_release.ppe_withdrawn") == 1);
  CHECK(m.releasing());
  CHECK(step(2400)); // resting: no work, no dose
  CHECK(m.releasing());
  CHECK(step(3000));
  CHECK(step(3600));
  CHECK(m.releasing()); // 1.67 person-h
  CHECK(step(4200));    // 2 person-h: plugged
  CHECK_FALSE(m.releasing());
  bool plugged = false;
  for (const auto& e : sink.events)
    if (e.type == "chemical_release.release_stopped") plugged = e.payload["reason"] == "plugged";
  CHECK(plugged);
  // Six work steps in the gas were logged with the dose behind the SCBA (protection factor 10,000).
  CHECK(sink.count("chemical_release.responder_exposure") == 6);
  const ResponderDose& d = m.responders().at("u_hazmat");
  CHECK(d.personnel == 2);
  CHECK(d.load > 0);
  CHECK(d.peak_inhaled_ppm <= 1e6 / 1e4 + 1e-9);
  const double released = m.released_kg();
  run(m, view, sink, 70, 1);
  CHECK(m.released_kg() == released);
}

TEST_CASE("decontaminate processes the entry teams; ambulances take nothing when nobody waits",
          "[chemical][model][work]") {
  StaticView view = toy_view();
  RecordingSink sink;
  ChemicalConfig cfg = toy_config(true);
  cfg.responders.ppe_air_s = 600;
  cfg.responders.decon_people_per_person_h = 6;
  ChemicalModel m(cfg, 1);
  m.start(view, sink);
  run(m, view, sink, 0, 3);
  view.t_s = 600;
  m.work(hg::Work{"u_hazmat", "plug_leak", "leak", 18, 3, 600, 0}, sink); // one entry: 2 to decontaminate
  view.t_s = 1200;
  // One decon crew member: 6 people/h × 1/6 h = 1 person per step.
  CHECK(m.work(hg::Work{"u_decon", "decontaminate", "nh3_toy_decon", 1, 1, 600, 0}, sink));
  CHECK(sink.count("chemical_release.decontaminated") == 1);
  CHECK(sink.events.back().payload["responders"] == 1.0);
  CHECK(sink.events.back().payload["waiting_responders"] == 1.0);
  CHECK(m.work(hg::Work{"u_amb", "transport_patients", "nh3_toy_decon", 2, 1, 600, 4}, sink));
  CHECK(sink.patients.empty());
  CHECK(m.patients_waiting() == 0);
}

TEST_CASE("A trigger facility lost to another hazard starts the release (cascade)",
          "[chemical][model][cascade]") {
  StaticView view = toy_view();
  RecordingSink sink;
  ChemicalConfig cfg = toy_config(false);
  cfg.trigger_facility = "f_plant";
  cfg.source.start_s = 300; // 5 min after the loss
  ChemicalModel m(cfg, 1);
  m.start(view, sink);
  run(m, view, sink, 0, 20);
  CHECK_FALSE(m.triggered());
  CHECK(sink.count("chemical_release.release_started") == 0);
  view.lost_facilities.insert("f_plant");
  run(m, view, sink, 20, 10);
  CHECK(m.triggered());
  REQUIRE(sink.count("chemical_release.triggered") == 1);
  for (const auto& e : sink.events) {
    if (e.type == "chemical_release.triggered") CHECK(e.payload["release_at_s"] == 21 * 60.0 + 300);
    if (e.type == "chemical_release.release_started") CHECK(e.payload["t_s"] == 21 * 60.0 + 300);
  }
  CHECK(sink.count("chemical_release.release_started") == 1);
}

TEST_CASE("Same config, same log (determinism)", "[chemical][model]") {
  auto log = [] {
    StaticView view = toy_view();
    view.sheltering["z_town"] = 400;
    RecordingSink sink;
    ChemicalConfig cfg = toy_config(true);
    WeatherPoint shift;
    shift.at_s = 1800, shift.wind_m_s = 3, shift.from_deg = 200, shift.stability = Stability::kE;
    cfg.weather.push_back(shift);
    ChemicalModel m(cfg, 1);
    m.start(view, sink);
    run(m, view, sink, 0, 60);
    std::ostringstream o;
    for (const auto& e : sink.events)
      o << e.type << e.payload.dump() << "\n";
    for (const auto& h : sink.harms)
      o << h.zone << " " << h.fatalities << " " << *h.injuries << "\n";
    return o.str();
  };
  const std::string a = log();
  CHECK(a == log());
  CHECK(a.find("chemical_release.weather") != std::string::npos);
}

TEST_CASE("zones_at_risk lists the downwind town with its people", "[chemical][model]") {
  ChemicalModel m(toy_config(false), 1);
  const auto z = m.zones_at_risk();
  REQUIRE(z.size() == 1);
  CHECK(z[0].zone == "z_town");
  CHECK(z[0].people == 1000);
  const auto t = m.targets();
  CHECK(t == std::vector<std::string>{"nh3_toy", "leak", "nh3_toy_decon"});
}

TEST_CASE("Loader: a valid entry builds; errors carry file:line and the field", "[chemical][loader]") {
  const hg::World w = toy_world();
  const std::string good = R"(kind: chemical_release
id: nh3_toy
src: estimated for the test
source:
  id: leak
  facility: f_plant
  chemical: ammonia
  kind: tank
  storage: liquefied
  tank: {shape: horizontal_cylinder, diameter_m: 2.4, length_m: 10, inventory_kg: 20000, temperature_c: 15}
  hole_diameter_mm: 25
  src: estimated
weather:
  - {at_h: 0, wind_m_s: 2, from_deg: 270, stability: F, src: estimated}
  - {at_h: 1, wind_m_s: 3, from_deg: 200, stability: auto, cloud_oktas: 2, src: estimated}
zones: {search_km: 10, shelter_air_changes_per_h: 0.2, src: estimated}
sensors:
  - {id: s_town, node: n_town, reporter: cp_town, every_min: 5}
trigger: {facility_lost: f_plant, src: estimated}
responders: {entry_team: 4, ppe_air_min: 25, decon: {id: dp, node: n_town}, src: estimated}
)";
  hg::Diagnostics d;
  auto f = hg::YamlFile::parse(good, "good.yaml", d);
  REQUIRE(f);
  const ChemicalConfig cfg = load_chemical_config(f->root(), w, "2023-04-10T22:00:00+08:00");
  INFO(d.str());
  REQUIRE_FALSE(d.has_errors());
  CHECK(cfg.source.node == "n_plant");
  CHECK(cfg.zones.size() == 1);
  CHECK(cfg.zones[0].shelter_air_changes_per_h == 0.2);
  CHECK(cfg.roads.size() == 2);
  CHECK(cfg.weather.size() == 2);
  CHECK_FALSE(cfg.weather[1].stability);
  CHECK(cfg.trigger_facility == "f_plant");
  CHECK(cfg.responders.entry_team == 4);
  CHECK(cfg.responders.ppe_air_s == 1500);
  CHECK(cfg.responders.decon_id == "dp");
  CHECK(cfg.responders.decon_node == "n_town");
  ChemicalModel m(cfg, 1);
  CHECK(m.site_of("dp") == "n_town");
  // 22:00 + 1 h local in April at 47° N: night, 3 m/s, 2/8 cloud → E (Turner table).
  CHECK(m.weather_at(3600).wind.stability == Stability::kE);

  const std::string bad = R"(kind: chemical_release
id: nh3_toy
src: estimated for the test
source:
  facility: f_nowhere
  chemical: phosgene
  kind: tank
  tank: {diameter_m: 2.4, length_m: 10, inventory_kg: 20000, temperature_c: 15}
  hole_diameter_mm: -3
  src: estimated
weather:
  - {at_h: 0, wind_m_s: 0.2, from_deg: 270, stability: G, src: estimated}
trigger: {facility_lost: f_gone, src: estimated}
responders: {decon: {node: n_gone}, src: estimated}
)";
  hg::Diagnostics e;
  auto g = hg::YamlFile::parse(bad, "bad.yaml", e);
  REQUIRE(g);
  load_chemical_config(g->root(), w, "");
  const std::string s = e.str();
  INFO(s);
  CHECK(s.find("bad.yaml:5") != std::string::npos);
  CHECK(s.find("unknown facility \"f_nowhere\"") != std::string::npos);
  CHECK(s.find("bad.yaml:6") != std::string::npos);
  CHECK(s.find("unknown chemical \"phosgene\"") != std::string::npos);
  CHECK(s.find("bad.yaml:9") != std::string::npos);
  CHECK(s.find("hole_diameter_mm") != std::string::npos);
  CHECK(s.find("bad.yaml:12") != std::string::npos);
  CHECK(s.find("wind_m_s") != std::string::npos);
  CHECK(s.find("stability") != std::string::npos);
  CHECK(s.find("bad.yaml:13") != std::string::npos);
  CHECK(s.find("unknown facility \"f_gone\"") != std::string::npos);
  CHECK(s.find("bad.yaml:14") != std::string::npos);
  CHECK(s.find("unknown road node \"n_gone\"") != std::string::npos);
}
