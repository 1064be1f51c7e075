/// @file
/// @brief Chemical overlay: threat-zone cells from chemical_release.threat_zone land where the grid says,
/// in their level's colour; the largest extent stays outlined after the gas is gone; closures by the
/// release or by a post after it began are drawn as the cordon; the legend is bilingual; and the
/// map picture of a real Huahe run shows the plume. Run under xvfb-run (see CMakeLists.txt).
#include "viz/ChemicalOverlay.hpp"
#include "../core/TestSupport.hpp"
#include "viz/FontLocator.hpp"
#include "viz/HeadlessRenderer.hpp"
#include "viz/OverlayRegistry.hpp"
#include "viz/RunData.hpp"

#include <catch2/catch.hpp>

#include <SFML/Graphics/RenderTexture.hpp>

#include <cmath>

using namespace hg::viz;
using hg::LatLon;

namespace {

hg::World world() {
  hg::World w;
  hg::RoadNode a, b;
  a.id = "n_a", a.pos = {46.995, 130.0}; // 550 m south of the plume axis, clear of the cells
  b.id = "n_b", b.pos = {46.995, 130.02};
  w.nodes = {a, b};
  hg::Road r;
  r.id = "r_ab", r.from = 0, r.to = 1, r.cls = "primary", r.length_km = 1.6, r.speed_kmh = 60;
  w.roads = {r};
  hg::Post p;
  p.id = "cp_city", p.node = 0;
  w.posts = {p};
  w.build_indexes();
  return w;
}

hg::Event ev(long seq, double t, const std::string& type, std::vector<std::string> actors,
             nlohmann::json payload) {
  hg::Event e;
  e.seq = seq, e.t = t, e.type = type, e.actors = std::move(actors), e.payload = std::move(payload);
  return e;
}

/// A 21 × 21 grid of 100 m cells centred on (47.0, 130.0): AEGL-1 on rows 10 (the axis) and 11 from the
/// source (column 10) to column 19, AEGL-2 to column 16, AEGL-3 to column 13.
nlohmann::json threat_zone(bool gas) {
  nlohmann::json levels = nlohmann::json::array();
  const int ends[3] = {19, 16, 13};
  const char* names[3] = {"aegl1", "aegl2", "aegl3"};
  for (int k = 0; k < 3; ++k) {
    nlohmann::json runs = nlohmann::json::array();
    if (gas) runs.push_back({10, 10, ends[k]}), runs.push_back({11, 10, ends[k]});
    levels.push_back(
        {{"level", names[k]}, {"distance_m", gas ? (ends[k] - 10) * 100.0 : 0.0}, {"runs", runs}});
  }
  return {{"t_s", 0},
          {"wind_from_deg", 270.0},
          {"grid",
           {{"lat0", 47.0}, {"lon0", 130.0}, {"half_size_m", 1000.0}, {"cells", 21}, {"spacing_m", 100.0}}},
          {"levels", levels}};
}

/// Pixel of grid cell (i, j) of that grid.
LatLon cell_centre(int i, int j) {
  const double m_per_deg = 6371008.8 * M_PI / 180.0;
  const double x = -1000 + i * 100.0, y = -1000 + j * 100.0;
  return {47.0 + y / m_per_deg, 130.0 + x / (m_per_deg * std::cos(47.0 * M_PI / 180.0))};
}

struct Canvas {
  sf::RenderTexture tex;
  Projection proj;
  Canvas() {
    REQUIRE(tex.create(600, 400));
    GeoBox box;
    box.add(LatLon{46.99, 129.985});
    box.add(LatLon{47.01, 130.03});
    proj.fit(box, sf::FloatRect(0, 0, 600, 400));
  }
  sf::Image draw(const ChemicalOverlay& o) {
    tex.clear(sf::Color::White);
    DrawContext ctx{tex, proj, FontLocator::cjk(), 0, false};
    o.draw(ctx);
    tex.display();
    return tex.getTexture().copyToImage();
  }
  sf::Color at(const sf::Image& img, LatLon p) const {
    const sf::Vector2f px = proj.to_pixel(p);
    return img.getPixel(unsigned(std::lround(px.x)), unsigned(std::lround(px.y)));
  }
};

/// The colour of `c` blended over `under`.
sf::Color over(sf::Color c, sf::Color under) {
  auto mix = [&](int v, int u) { return sf::Uint8(std::lround((v * c.a + u * (255 - c.a)) / 255.0)); };
  return {mix(c.r, under.r), mix(c.g, under.g), mix(c.b, under.b)};
}
sf::Color over_white(sf::Color c) {
  return over(c, sf::Color::White);
}
/// A cell of a level now: its colour over the faint fill of the extent so far.
sf::Color level_now(int level) {
  return over(ChemicalOverlay::level_color(level), over_white(ChemicalOverlay::extent_fill(level)));
}

bool near(sf::Color a, sf::Color b, int tol = 6) {
  return std::abs(int(a.r) - int(b.r)) <= tol && std::abs(int(a.g) - int(b.g)) <= tol &&
         std::abs(int(a.b) - int(b.b)) <= tol;
}

} // namespace

TEST_CASE("chemical overlay draws each threat-zone cell in its level's colour, and keeps the largest extent",
          "[viz][chemical]") {
  const hg::World w = world();
  ChemicalOverlay o(w);
  CHECK(o.handles("chemical_release.threat_zone"));
  CHECK(o.handles("road.closed"));
  CHECK_FALSE(o.handles("flood.zone"));
  CHECK_FALSE(o.active());
  o.apply(ev(0, 0, "chemical_release.configured", {"nh3", "leak"},
             {{"lat", 47.0}, {"lon", 130.0}, {"chemical", "ammonia"}}));
  o.apply(ev(1, 600, "chemical_release.threat_zone", {"nh3"}, threat_zone(true)));
  CHECK(o.active());
  CHECK(o.cells("nh3", 3).size() == 8); // columns 10–13 of rows 10 and 11
  CHECK(o.cells("nh3", 1).count(10 * 21 + 19));

  Canvas cv;
  const sf::Image gas = cv.draw(o);
  // Row 11 (off the wind arrow on the axis): column 12 is AEGL-3 (red), 15 AEGL-2 (orange), 18 AEGL-1
  // (yellow); row 14 (400 m north) is clean.
  INFO("cells: " << int(cv.at(gas, cell_centre(12, 11)).r) << "," << int(cv.at(gas, cell_centre(15, 11)).g));
  CHECK(near(cv.at(gas, cell_centre(12, 11)), level_now(3)));
  CHECK(near(cv.at(gas, cell_centre(15, 11)), level_now(2)));
  CHECK(near(cv.at(gas, cell_centre(18, 11)), level_now(1)));
  CHECK(cv.at(gas, cell_centre(15, 14)) == sf::Color::White);

  // The gas has gone: only the faint fill of where it was, and the largest extent outlined (the cell's
  // north edge).
  o.apply(ev(2, 1200, "chemical_release.threat_zone", {"nh3"}, threat_zone(false)));
  CHECK(o.cells("nh3", 2).empty());
  CHECK(o.extent("nh3", 2).size() == 14);
  const sf::Image gone = cv.draw(o);
  CHECK(near(cv.at(gone, cell_centre(15, 11)), over_white(ChemicalOverlay::extent_fill(2))));
  const LatLon north_edge = {cell_centre(15, 11).lat + 50.0 / (6371008.8 * M_PI / 180.0),
                             cell_centre(15, 11).lon};
  const sf::Color edge = cv.at(gone, north_edge);
  INFO("edge pixel " << int(edge.r) << "," << int(edge.g) << "," << int(edge.b));
  CHECK(near(edge, ChemicalOverlay::extent_color(2), 40));

  // Cordon: a post's closure counts once a release has begun.
  o.apply(ev(3, 1300, "road.closed", {"r_ab"}, {{"cause", "cp_city"}}));
  const sf::Image before_start = cv.draw(o);
  const LatLon mid = {46.995, 130.01};
  CHECK(cv.at(before_start, mid) == sf::Color::White);
  o.apply(ev(4, 1400, "chemical_release.release_started", {"nh3", "leak"}, {{"t_s", 1400}}));
  o.apply(ev(5, 1500, "road.closed", {"r_ab"}, {{"cause", "cp_city"}}));
  const sf::Image cordon = cv.draw(o);
  CHECK(near(cv.at(cordon, mid), over_white(ChemicalOverlay::cordon_color()), 10));
  o.apply(ev(6, 1600, "road.reopened", {"r_ab"}, {{"cause", "cp_city"}}));
  CHECK_FALSE(near(cv.at(cv.draw(o), mid), over_white(ChemicalOverlay::cordon_color()), 10));

  // Legend: Chinese and English on every line; registered with the viewer.
  const auto legend = o.legend();
  REQUIRE(legend.size() >= 5);
  for (const auto& item : legend) {
    bool latin = false, cjk = false;
    for (unsigned char ch : item.label)
      latin |= (ch >= 'a' && ch <= 'z'), cjk |= ch >= 0xE4; // UTF-8 lead bytes of CJK ideographs
    INFO(item.label);
    CHECK(latin);
    CHECK(cjk);
  }
  bool registered = false;
  for (const auto& ov : OverlayRegistry::make_all(w))
    registered |= ov->name() == "chemical_release";
  CHECK(registered);
}

TEST_CASE("the map picture of a Huahe run shows the ammonia plume", "[viz][chemical]") {
  const std::string d = hgtest::temp_dir("viz-chem");
  auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/chemical/huahe-ammonia-night.yaml") +
                           " --nominal --no-report --no-baseline --quiet --out " + d + "/run");
  REQUIRE(r.code == 0);
  auto run = RunData::load(d + "/run");
  HeadlessRenderer hr(*run, 1200, 900);
  // Two hours in: after the wind shift the AEGL-2 zone lies over 工人村 (4 km NW of the plant).
  const sf::Image img = hr.render(2 * 3600);
  const sf::Vector2f src = hr.projection().to_pixel({47.275, 130.345});
  const sf::Vector2f gongrencun = hr.projection().to_pixel({47.305, 130.315});
  size_t orange = 0, red = 0;
  for (int dy = -60; dy <= 60; dy += 3)
    for (int dx = -60; dx <= 60; dx += 3) {
      const sf::Vector2f p = (src + gongrencun) / 2.f + sf::Vector2f(float(dx), float(dy));
      if (p.x < 0 || p.y < 0 || p.x >= 1200 || p.y >= 900) continue;
      const sf::Color c = img.getPixel(unsigned(p.x), unsigned(p.y));
      orange += c.r > 200 && c.g > 90 && c.g < 190 && c.b < 120;
      red += c.r > 150 && c.g < 90 && c.b < 100;
    }
  INFO("orange " << orange << ", red " << red);
  CHECK(orange + red > 20);
}
