/// @file
/// @brief The forest-fire overlay draws the burned area, the active front, the fireline and a crew at
/// risk at the pixels of their cells, from fire events appended to the tiny fixture run; a fire too small
/// for the map scale gets a locator ring and an inset. Run under xvfb-run (see CMakeLists.txt).
#include "VizFixture.hpp"

#include "viz/FireOverlay.hpp"
#include "viz/HeadlessRenderer.hpp"
#include "viz/Replay.hpp"
#include "viz/RunData.hpp"
#include "viz/Style.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

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

/// A translucent colour over the map background.
sf::Color over_background(sf::Color c) {
  const sf::Color bg = Style::background();
  auto mix = [&](sf::Uint8 f, sf::Uint8 b) {
    return sf::Uint8(std::lround((f * c.a + b * (255 - c.a)) / 255.0));
  };
  return {mix(c.r, bg.r), mix(c.g, bg.g), mix(c.b, bg.b)};
}

// A 100 m raster whose north-west cell centre is at 47.358 N 130.215 E (north of the fixture's river,
// west of town C): 0.1 km = 0.000899° of latitude, 0.001325° of longitude at 47.35° N.
constexpr double kLat0 = 47.358, kLon0 = 130.215, kDLat = 0.000899, kDLon = 0.001325;

/// The fixture's log with a fire added before run.ended; `scale` shrinks the cells (1 = 100 m).
void add_fire(const VizFixture& fx, double scale) {
  const std::string path = fx.run_dir() + "/events.jsonl";
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(line);
  lines.pop_back(); // run.ended goes last again
  const int nx = 40, ny = 25;
  auto ll = [&](int c, int r) {
    std::ostringstream s;
    s.precision(9);
    s << "[" << kLat0 - r * kDLat * scale << "," << kLon0 + c * kDLon * scale << "]";
    return s.str();
  };
  std::ostringstream crew;
  crew.precision(9);
  crew << "\"lat\":" << kLat0 - 20 * kDLat * scale << ",\"lon\":" << kLon0 + 30 * kDLon * scale;
  lines.push_back(
      R"({"seq":11,"t":1200.000,"type":"fire.ignited","actors":["fire_t"],"payload":{"grid":{"cell_m":100,"nx":)" +
      std::to_string(nx) + ",\"ny\":" + std::to_string(ny) + ",\"nw\":" + ll(0, 0) +
      ",\"ne\":" + ll(nx - 1, 0) + ",\"sw\":" + ll(0, ny - 1) + ",\"se\":" + ll(nx - 1, ny - 1) +
      R"(},"lat":47.35,"lon":130.23,"node":"n_a"}})");
  lines.push_back(
      R"({"seq":12,"t":2400.000,"type":"fire.perimeter","actors":["fire_t"],"payload":{"area_ha":15,"burned_new":"10:8+6;11:8+6;12:8+6","contained":false,"front":"10:13+1;11:13+1;12:13+1","line_new":"5:20+10"}})");
  lines.push_back(
      R"({"seq":13,"t":2400.000,"type":"fire.entrapment_risk","actors":["u_fire_1","fire_t"],"payload":{)" +
      crew.str() + R"(,"line":"fl_t"}})");
  lines.push_back(
      R"({"seq":14,"t":10800.000,"type":"run.ended","actors":[],"payload":{"events":15,"sim_end_s":10800}})");
  // The log is in time order: put the fire's events among the fixture's by their time, and renumber.
  auto t_of = [](const std::string& l) { return std::stod(l.substr(l.find("\"t\":") + 4)); };
  std::stable_sort(lines.begin(), lines.end(),
                   [&](const std::string& a, const std::string& b) { return t_of(a) < t_of(b); });
  std::ofstream out(path);
  for (size_t i = 0; i < lines.size(); ++i)
    out << "{\"seq\":" << i << lines[i].substr(lines[i].find(',')) << "\n";
}

} // namespace

TEST_CASE("fire overlay draws the burned area, the front, the fireline and a crew at risk") {
  VizFixture fx;
  add_fire(fx, 1.0);
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  auto at = [&](double col, double row) {
    return hr.projection().to_pixel({kLat0 - row * kDLat, kLon0 + col * kDLon});
  };
  const sf::Vector2f burned = at(9, 11), front = at(13, 11), line = at(25, 5), crew = at(30, 20);
  const sf::Image before = hr.render(1800); // ignited, nothing reported yet
  const sf::Image after = hr.render(3600);
  INFO("burned " << str(pixel(after, burned)) << " front " << str(pixel(after, front)) << " line "
                 << str(pixel(after, line)) << " crew " << str(pixel(after, crew)) << "; before: burned "
                 << str(pixel(before, burned)));
  CHECK(near(pixel(after, burned), over_background(FireOverlay::burned_color()), 10));
  CHECK(near(pixel(after, front), FireOverlay::front_color(), 10));
  CHECK(near(pixel(after, line), FireOverlay::line_color(), 10));
  CHECK(near(pixel(after, crew), FireOverlay::crew_risk_color(), 10));
  CHECK(near(pixel(before, burned), Style::background(), 12));
  CHECK(near(pixel(before, line), Style::background(), 12));
  // Cells are 100 m: about 10 px here, so the fire is drawn as itself, without the locator ring.
  CHECK(hr.projection().pixels_per_km() > 50);

  // Legend lines in both languages once the fire is active.
  Replay replay(*run);
  replay.seek(3600);
  bool listed = false;
  for (const auto& o : replay.overlays())
    if (o->name() == "forest_fire") {
      CHECK(o->active());
      for (const auto& item : o->legend())
        listed = listed || item.label == "burned area 过火区";
    }
  CHECK(listed);
}

TEST_CASE("a fire too small for the map scale gets a locator ring and an inset") {
  VizFixture fx;
  add_fire(fx, 0.004); // 0.4 m cells: the whole fire is a fraction of a pixel
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  const sf::Image img = hr.render(3600);
  // The fire's centre on screen: the middle of the burned, line and front cells (cols 8–29, rows 5–12).
  const sf::Vector2f c =
      hr.projection().to_pixel({kLat0 - 8.5 * kDLat * 0.004, kLon0 + 18.5 * kDLon * 0.004});
  const sf::Vector2f on_ring =
      c + sf::Vector2f(0, FireOverlay::kRingRadiusPx + 1.5f); // the 3 px outline lies outside
  INFO("ring pixel " << str(pixel(img, on_ring)));
  CHECK(near(pixel(img, on_ring), FireOverlay::marker_color(), 40));
  // The inset frame (2 px, ≈ 300 px a side) and the leader add far more marker pixels than the ring.
  size_t marker = 0;
  for (unsigned y = 0; y < img.getSize().y; ++y)
    for (unsigned x = 0; x < img.getSize().x; ++x)
      marker += near(img.getPixel(x, y), FireOverlay::marker_color(), 20);
  INFO("marker-coloured pixels " << marker);
  CHECK(marker > 1500);
}
