// ChemicalModel through a recording sink, and the YAML loader's errors, on a two-node toy world.
#include "sim/hazards/chemical/ChemicalLoader.hpp"
#include "sim/hazards/chemical/ChemicalModel.hpp"
#include "sim/io/YamlReader.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace hg::chemical;

namespace {

struct FakeSink : hg::HazardSink {
  std::vector<std::string> log;
  std::vector<std::pair<std::string, nlohmann::json>> events;
  std::vector<std::pair<std::string, bool>> closures;
  std::vector<hg::Observation> observations;
  std::vector<std::string> reached;
  void emit(const std::string& type, std::vector<std::string> actors, nlohmann::json payload) override {
    log.push_back("emit " + type + " " + nlohmann::json(actors).dump() + " " + payload.dump());
    events.emplace_back(type, payload);
  }
  void set_road_closed(const std::string& road, bool closed, const std::string& reason) override {
    log.push_back("road " + road + (closed ? " closed " : " open ") + reason);
    closures.emplace_back(road, closed);
  }
  void observe(const hg::Observation& o) override {
    std::ostringstream s;
    s.precision(17);
    s << "observe " << o.quantity << " " << o.subject << " " << o.value;
    log.push_back(s.str());
    observations.push_back(o);
  }
  void reached_zone(const std::string& zone, const std::string& how) override {
    log.push_back("reached " + zone + " " + how);
    reached.push_back(zone);
  }
  size_t count(const std::string& type) const {
    size_t n = 0;
    for (const auto& e : events)
      n += e.first == type;
    return n;
  }
};

hg::World toy_world() {
  hg::World w;
  hg::RoadNode a, b;
  a.id = "n_plant", a.pos = {47.0, 130.0};
  b.id = "n_town", b.pos = {47.0, 130.03}; // ≈ 2.27 km east
  w.nodes = {a, b};
  hg::Road r;
  r.id = "r_plant_town", r.from = 0, r.to = 1, r.length_km = 2.3, r.speed_kmh = 40;
  w.roads = {r};
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
  c.zones = {z};
  c.roads = {{"r_plant_town", {47.0, 130.0}, {47.0, 130.03}}};
  c.sensors = {{"s_town", {47.0, 130.03}, "cp_town", 600}};
  return c;
}

std::vector<std::string> run(ChemicalConfig cfg, int steps, FakeSink& sink) {
  ChemicalModel m(std::move(cfg), 1);
  m.start(sink);
  for (int i = 0; i < steps; ++i)
    m.advance(i * 60.0, 60.0, sink);
  return sink.log;
}

} // namespace

TEST_CASE("Fixed-rate ammonia release: start/stop, zone reached, road closed and reopened",
          "[chemical][model]") {
  FakeSink sink;
  run(toy_config(false), 90, sink);
  CHECK(sink.count("chemical.configured") == 1);
  CHECK(sink.count("chemical.release_started") == 1);
  CHECK(sink.count("chemical.release_stopped") == 1);
  CHECK(sink.count("chemical.threat_zone") >= 9);
  REQUIRE(sink.reached.size() == 1);
  CHECK(sink.reached[0] == "z_town");
  // The road to town is inside the AEGL-2 zone (160 ppm) while the gas passes, and reopens after.
  REQUIRE(sink.closures.size() == 2);
  CHECK(sink.closures[0] == std::make_pair(std::string("r_plant_town"), true));
  CHECK(sink.closures[1] == std::make_pair(std::string("r_plant_town"), false));
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
  for (const auto& [type, p] : sink.events)
    if (type == "chemical.release_stopped") CHECK(p["released_kg"].get<double>() == Approx(6000));
}

TEST_CASE("Zone doses: indoor load below outdoor, casualties bounded by people", "[chemical][model]") {
  FakeSink sink;
  ChemicalModel m(toy_config(false), 1);
  m.start(sink);
  for (int i = 0; i < 90; ++i)
    m.advance(i * 60.0, 60.0, sink);
  REQUIRE(m.zones().size() == 1);
  const ZoneHarm& z = m.zones()[0];
  CHECK(z.outdoor_load > 0);
  CHECK(z.indoor_load < z.outdoor_load);
  CHECK(z.expected_fatalities >= 0);
  CHECK(z.expected_fatalities + z.expected_injuries <= 1000 + 1e-9);
  CHECK(m.concentration_ppm_at({47.0, 130.03}) < 1.0); // gone after 90 min
}

TEST_CASE("plug_leak stops a tank release after the configured person-hours", "[chemical][model]") {
  FakeSink sink;
  ChemicalConfig cfg = toy_config(true);
  cfg.plug_leak_person_h = 2;
  ChemicalModel m(cfg, 1);
  m.start(sink);
  m.advance(0, 60, sink);
  m.advance(60, 60, sink);
  m.advance(120, 60, sink);
  REQUIRE(m.releasing());
  CHECK(m.airborne_rate_g_s() > 0);
  CHECK_FALSE(m.apply_effort("leak", "foam_cover", 4, 1800, sink)); // not modelled
  CHECK_FALSE(m.apply_effort("elsewhere", "plug_leak", 4, 1800, sink));
  CHECK(m.apply_effort("leak", "plug_leak", 4, 1200, sink)); // 1.33 person-h
  CHECK(m.releasing());
  CHECK(m.apply_effort("leak", "plug_leak", 4, 900, sink)); // 2.33 person-h
  CHECK_FALSE(m.releasing());
  const double released = m.released_kg();
  m.advance(180, 60, sink);
  CHECK(m.released_kg() == released);
  CHECK(m.location_of("leak") == "n_plant");
  CHECK(m.location_of("nothing").empty());
}

TEST_CASE("Same config, same log (determinism)", "[chemical][model]") {
  FakeSink a, b;
  ChemicalConfig cfg = toy_config(true);
  WeatherPoint shift;
  shift.at_s = 1800, shift.wind_m_s = 3, shift.from_deg = 200, shift.stability = Stability::kE;
  cfg.weather.push_back(shift);
  CHECK(run(cfg, 60, a) == run(cfg, 60, b));
  CHECK(a.count("chemical.weather") == 2);
}

TEST_CASE("zones_at_risk lists the downwind town", "[chemical][model]") {
  ChemicalModel m(toy_config(false), 1);
  const auto z = m.zones_at_risk();
  REQUIRE(z.size() == 1);
  CHECK(z[0] == "z_town");
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
zones: {search_km: 10, src: estimated}
sensors:
  - {id: s_town, node: n_town, reporter: cp_town, every_min: 5}
)";
  hg::Diagnostics d;
  auto f = hg::YamlFile::parse(good, "good.yaml", d);
  REQUIRE(f);
  const ChemicalConfig cfg = load_chemical_config(f->root(), w, "2023-04-10T22:00:00+08:00");
  INFO(d.str());
  REQUIRE_FALSE(d.has_errors());
  CHECK(cfg.source.node == "n_plant");
  CHECK(cfg.zones.size() == 1);
  CHECK(cfg.roads.size() == 1);
  CHECK(cfg.weather.size() == 2);
  CHECK_FALSE(cfg.weather[1].stability);
  ChemicalModel m(cfg, 1);
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
}
