/// @file
/// @brief The coal-mine overlay in the map picture: the fixture's log gets a small mine (two shafts and
/// a level road), its airflow, a CO snapshot and a casualty group; the rendered picture shows the inset
/// panel with the road in the CO colour and the group's disc, only once the mine is in the log. Run
/// under xvfb-run (see CMakeLists.txt).
#include "VizFixture.hpp"

#include "viz/HeadlessRenderer.hpp"
#include "viz/MineOverlay.hpp"
#include "viz/RunData.hpp"
#include "viz/Style.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

using namespace hg::viz;
using hg::viz::test::VizFixture;

namespace {

bool near(sf::Color a, sf::Color b, int tol = 12) {
  return std::abs(int(a.r) - int(b.r)) <= tol && std::abs(int(a.g) - int(b.g)) <= tol &&
         std::abs(int(a.b) - int(b.b)) <= tol;
}

std::string str(sf::Color c) {
  return "(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + ")";
}

sf::Color pixel(const sf::Image& img, sf::Vector2f p) {
  return img.getPixel(unsigned(std::lround(p.x)), unsigned(std::lround(p.y)));
}

// A mine whose head is the fixture's node n_b: shaft s→b, level road b→e (1 km), return shaft e→t.
const char* kNetwork =
    R"({"type":"mine.network","t":100.000,"actors":["m1"],"payload":{"zh":"测试矿","en":"Test mine","head_node":"n_b","junctions":[["s",0,0,0,true],["b",0,0,-300,false],["e",1000,0,-300,false],["t",1000,0,0,true]],"branches":[["sh","s","b","shaft",true],["rd","b","e","airway",false],["ret","e","t","shaft",false]],"faces":[],"refuges":[],"sensors":[]}})";
const char* kVentilation =
    R"({"type":"mine.ventilation","t":100.000,"actors":["m1"],"payload":{"flow_m3_s":[20,20,20]}})";
const char* kSnapshot =
    R"({"type":"mine.snapshot","t":2000.000,"actors":["m1"],"payload":{"co_ppm":[0,2000,0],"groups":[["g1","incapacitated",9,"e",0]]}})";
const char* kSummary =
    R"({"type":"mine.summary","t":2000.000,"actors":["m1"],"payload":{"out":5,"dead":1,"underground_alive":9,"patients_waiting":2}})";

/// Puts the mine events into the fixture's log in time order, renumbering seq.
void add_mine_events(const std::string& run_dir) {
  const std::string path = run_dir + "/events.jsonl";
  std::ifstream in(path);
  std::vector<nlohmann::json> ev;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) ev.push_back(nlohmann::json::parse(line));
  for (const char* s : {kNetwork, kVentilation, kSnapshot, kSummary})
    ev.push_back(nlohmann::json::parse(s));
  std::stable_sort(ev.begin(), ev.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["t"].get<double>() < b["t"].get<double>();
  });
  std::ofstream out(path);
  long seq = 0;
  for (auto& e : ev) {
    char t[32];
    std::snprintf(t, sizeof t, "%.3f", e["t"].get<double>());
    out << "{\"seq\":" << seq++ << ",\"t\":" << t << ",\"type\":" << e["type"].dump()
        << ",\"actors\":" << e["actors"].dump() << ",\"payload\":" << e["payload"].dump() << "}\n";
  }
}

} // namespace

TEST_CASE("mine overlay: the inset shows airflow, CO and miners once the mine is in the log") {
  VizFixture fx;
  add_mine_events(fx.run_dir());
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  // Where the overlay puts the inset and the mine's junctions in it (the same code as the drawing).
  MineOverlay probe(run->world());
  hg::Event net;
  net.type = "mine.network";
  net.actors = {"m1"};
  net.payload = nlohmann::json::parse(kNetwork)["payload"];
  probe.apply(net);
  REQUIRE(probe.active());
  const int corner = probe.inset_corner(hr.projection());
  const sf::FloatRect inset = MineOverlay::inset_rect(hr.projection().viewport(), corner);
  const sf::Vector2f b = probe.junction_pixel("m1", "b", inset), e = probe.junction_pixel("m1", "e", inset);
  REQUIRE(inset.contains(b));
  REQUIRE(inset.contains(e));
  // The road b→e runs level, 1 km east: its middle, and a quarter along (clear of the flow arrow).
  const sf::Vector2f road = b + (e - b) * 0.25f;
  const sf::Vector2f blank(inset.left + inset.width * 0.5f, inset.top + 30); // panel, above the schematic

  const sf::Image before = hr.render(50);   // no mine in the log yet
  const sf::Image clean = hr.render(1000);  // airflow, no CO yet
  const sf::Image smoked = hr.render(3000); // 2,000 ppm in the road, a casualty group at e
  INFO("road before " << str(pixel(before, road)) << " clean " << str(pixel(clean, road)) << " smoked "
                      << str(pixel(smoked, road)) << "; group " << str(pixel(smoked, e)) << "; panel "
                      << str(pixel(clean, blank)));
  CHECK_FALSE(near(pixel(before, blank), sf::Color(250, 250, 250), 3)); // no inset yet
  CHECK(near(pixel(clean, blank), sf::Color(250, 250, 250), 3));        // the inset's panel
  CHECK(near(pixel(clean, road), MineOverlay::co_color(0), 10));
  CHECK(near(pixel(smoked, road), MineOverlay::co_color(2000), 10));
  CHECK(near(pixel(smoked, e), MineOverlay::state_color("incapacitated"), 10));
  CHECK_FALSE(near(pixel(clean, e), MineOverlay::state_color("incapacitated"), 30));
  // The colours the legend promises are distinct.
  CHECK(MineOverlay::co_color(10) != MineOverlay::co_color(100));
  CHECK(MineOverlay::co_color(100) != MineOverlay::co_color(500));
  CHECK(MineOverlay::co_color(500) != MineOverlay::co_color(2000));
}

TEST_CASE("mine overlay: the inset avoids the corner crowded with places") {
  VizFixture fx;
  add_mine_events(fx.run_dir());
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  MineOverlay probe(run->world());
  const Projection& proj = hr.projection();
  const int corner = probe.inset_corner(proj);
  sf::FloatRect chosen = MineOverlay::inset_rect(proj.viewport(), corner);
  chosen.left -= 60;
  chosen.width += 60;
  auto places_in = [&](const sf::FloatRect& r) {
    size_t n = 0;
    for (const auto& z : run->world().zones)
      n += r.contains(proj.to_pixel(run->world().nodes[z.node].pos));
    for (const auto& f : run->world().facilities)
      n += r.contains(proj.to_pixel(f.pos));
    return n;
  };
  for (int c = 0; c < 4; ++c) {
    sf::FloatRect r = MineOverlay::inset_rect(proj.viewport(), c);
    CHECK(proj.viewport().contains(r.left, r.top));
    CHECK(proj.viewport().contains(r.left + r.width, r.top + r.height));
    r.left -= 60;
    r.width += 60;
    CHECK(places_in(chosen) <= places_in(r));
  }
}
