/// @file
/// @brief Viewer tests: renders the tiny fixture run at known times and checks pixels at known map
/// features (river, closed road, flood overlay, gauge), CJK text, the time parser, unit states,
/// video output and the scripted viewer. Run under xvfb-run (see CMakeLists.txt).
#include "VizFixture.hpp"

#include "viz/FloodOverlay.hpp"
#include "viz/FontLocator.hpp"
#include "viz/HeadlessRenderer.hpp"
#include "viz/Replay.hpp"
#include "viz/RunData.hpp"
#include "viz/Shapes.hpp"
#include "viz/Style.hpp"
#include "viz/TimeText.hpp"
#include "viz/VideoEncoder.hpp"
#include "viz/ViewerScript.hpp"

#include <catch2/catch.hpp>

#include <SFML/Graphics/RenderTexture.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sys/wait.h>

using namespace hg::viz;
using hg::viz::test::FixtureGeo;
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

int run_command(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

} // namespace

TEST_CASE("time text parses seconds, minutes, hours and clocks") {
  CHECK(TimeText::parse("5400") == 5400);
  CHECK(TimeText::parse("90m") == 5400);
  CHECK(TimeText::parse("2.5h") == 9000);
  CHECK(TimeText::parse("1:30:00") == 5400);
  CHECK(TimeText::parse("1:30") == 5400);
  CHECK_THROWS_AS(TimeText::parse("soon"), std::invalid_argument);
  CHECK_THROWS_AS(TimeText::parse("5x"), std::invalid_argument);
  CHECK(TimeText::clock(5400) == "T+01:30:00");
  CHECK(TimeText::wall("2023-08-01T06:00:00+08:00", 5400) == "2023-08-01 07:30");
  CHECK(TimeText::wall("2023-08-01T23:00:00+08:00", 7200) == "2023-08-02 01:00");
}

TEST_CASE("viewer script parses steps and rejects bad ones") {
  ViewerScript s = ViewerScript::parse("wait 2 frames; key Q");
  CHECK(s.next_frame().empty());
  CHECK(s.next_frame().empty());
  auto due = s.next_frame();
  REQUIRE(due.size() == 1);
  CHECK(due[0].verb == "key");
  CHECK(s.done());
  CHECK_THROWS_AS(ViewerScript::parse("jump 3"), std::invalid_argument);
}

TEST_CASE("unit states and positions follow unit events") {
  VizFixture fx;
  auto run = RunData::load(fx.run_dir());
  Replay r(*run);
  auto state = [&](double t) {
    r.seek(t);
    return r.state().units().at("u_fire_1").state;
  };
  CHECK(state(100) == UnitState::kIdle);
  CHECK(state(1000) == UnitState::kEnRoute);
  r.seek(1050); // half way along A-B (dispatched 600, eta 900 s)
  const hg::LatLon p = r.state().unit_position("u_fire_1", 1050);
  CHECK(p.lon == Approx(130.25).margin(0.002));
  CHECK(state(2000) == UnitState::kOnScene);
  CHECK(state(7000) == UnitState::kReturning);
  CHECK(state(9000) == UnitState::kIdle);
  CHECK(state(1000) == UnitState::kEnRoute); // seeking back replays from the start
  CHECK(r.state().closed_roads().empty());
  r.seek(5000);
  CHECK(r.state().closed_roads().count("r_ab") == 1);
  CHECK(run->scores()["kpis"].size() == 2);
}

TEST_CASE("rendered picture is not blank") {
  VizFixture fx;
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  const sf::Image img = hr.render(5400);
  std::set<sf::Uint32> colours;
  size_t not_bg = 0;
  for (unsigned y = 0; y < 700; y += 2)
    for (unsigned x = 0; x < 1000; x += 2) {
      const sf::Color c = img.getPixel(x, y);
      colours.insert(c.toInteger());
      not_bg += c != Style::background();
    }
  CHECK(colours.size() > 30);
  CHECK(not_bg > 500 * 350 / 10);
}

TEST_CASE("a river pixel has the river colour") {
  VizFixture fx;
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  const sf::Image img = hr.render(0);
  const sf::Vector2f p = hr.projection().to_pixel({FixtureGeo::kRiverLat, FixtureGeo::kRiverProbeLon});
  INFO("river pixel at " << p.x << "," << p.y << " is " << str(pixel(img, p)));
  CHECK(near(pixel(img, p), Style::river()));
  // 30 px north of the river is land.
  CHECK_FALSE(near(pixel(img, p + sf::Vector2f(0, -30)), Style::river()));
}

TEST_CASE("a closed road has the closure colour after its closure time and not before") {
  VizFixture fx;
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  const sf::Vector2f a = hr.projection().to_pixel({FixtureGeo::kALat, FixtureGeo::kALon});
  const sf::Vector2f b = hr.projection().to_pixel({FixtureGeo::kBLat, FixtureGeo::kBLon});
  const sf::Vector2f mid = (a + b) / 2.f + sf::Vector2f(20, 0); // beside the X marker, on the road
  const sf::Image before = hr.render(FixtureGeo::kClosedAt - 600);
  const sf::Image during = hr.render(FixtureGeo::kClosedAt + 600);
  const sf::Image after = hr.render(FixtureGeo::kReopenedAt + 600);
  INFO("road pixel before " << str(pixel(before, mid)) << " during " << str(pixel(during, mid)) << " after "
                            << str(pixel(after, mid)));
  CHECK(near(pixel(before, mid), Style::road_color("primary")));
  CHECK(near(pixel(during, mid), Style::closure()));
  CHECK(near(pixel(after, mid), Style::road_color("primary")));
}

TEST_CASE("flood overlay draws zone depth and the gauge level against warning") {
  VizFixture fx;
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 1000, 700);
  const sf::Vector2f zone =
      hr.projection().to_pixel({FixtureGeo::kCLat, FixtureGeo::kCLon}) + sf::Vector2f(-25, 25);
  const sf::Vector2f gauge = hr.projection().to_pixel({FixtureGeo::kGaugeLat, FixtureGeo::kGaugeLon});
  const sf::Vector2f bar_bottom = gauge + FloodOverlay::gauge_bar_offset() + sf::Vector2f(4, 28); // bar base
  const sf::Image dry = hr.render(1000);
  const sf::Image wet = hr.render(3600);
  INFO("zone pixel dry " << str(pixel(dry, zone)) << " wet " << str(pixel(wet, zone)) << "; gauge bar dry "
                         << str(pixel(dry, bar_bottom)) << " wet " << str(pixel(wet, bar_bottom)));
  const sf::Color w = pixel(wet, zone);
  CHECK(int(w.b) > int(w.r) + 40); // bluish
  CHECK(near(pixel(dry, zone), Style::background(), 20));
  CHECK(near(pixel(wet, bar_bottom), FloodOverlay::gauge_color(2.6, 2.0, 3.0), 8)); // yellow: above warning
  CHECK_FALSE(near(pixel(dry, bar_bottom), FloodOverlay::gauge_color(2.6, 2.0, 3.0), 8));
  CHECK(FloodOverlay::gauge_color(1.0, 2.0, 3.0) != FloodOverlay::gauge_color(3.5, 2.0, 3.0));
}

TEST_CASE("CJK labels produce non-background pixels") {
  const sf::Font& font = FontLocator::cjk();
  sf::RenderTexture tex;
  REQUIRE(tex.create(200, 80));
  auto draw = [&](const std::string& s) {
    tex.clear(sf::Color::White);
    sf::Text t = Shapes::text(s, font, 40, sf::Color::Black);
    t.setPosition(10, 10);
    tex.draw(t);
    tex.display();
    return tex.getTexture().copyToImage();
  };
  auto count = [](const sf::Image& img) {
    size_t n = 0;
    for (unsigned y = 0; y < img.getSize().y; ++y)
      for (unsigned x = 0; x < img.getSize().x; ++x)
        n += img.getPixel(x, y) != sf::Color::White;
    return n;
  };
  const sf::Image he = draw("鹤"), gang = draw("岗");
  CHECK(count(he) > 100);
  CHECK(count(gang) > 100);
  // A missing glyph would draw the same box for both characters.
  size_t differ = 0;
  for (unsigned y = 0; y < 80; ++y)
    for (unsigned x = 0; x < 200; ++x)
      differ += he.getPixel(x, y) != gang.getPixel(x, y);
  CHECK(differ > 50);
}

TEST_CASE("render writes a PNG and an MP4 video") {
  VizFixture fx;
  auto run = RunData::load(fx.run_dir());
  HeadlessRenderer hr(*run, 640, 400);
  const std::string png = (fx.dir() / "t.png").string();
  hr.save_png(5400, png);
  CHECK(std::filesystem::file_size(png) > 1000);
  const std::string mp4 = (fx.dir() / "t.mp4").string();
  if (!VideoEncoder::available()) {
    CHECK_THROWS_WITH(hr.save_video(mp4, 0, 3600, 4, 4), Catch::Contains("ffmpeg"));
    return;
  }
  hr.save_video(mp4, 0, 10800, 8, 4);
  CHECK(std::filesystem::file_size(mp4) > 1000);
}

TEST_CASE("hgdrill-viz render command line writes the picture and rejects bad input") {
  VizFixture fx;
  const std::string viz = std::string(HG_BIN_DIR) + "/hgdrill-viz";
  const std::string png = (fx.dir() / "cli.png").string();
  CHECK(run_command(viz + " render " + fx.run_dir() + " --at 1.5h --out " + png + " --size 800x500") == 0);
  sf::Image img;
  REQUIRE(img.loadFromFile(png));
  CHECK(img.getSize() == sf::Vector2u(800, 500));
  CHECK(run_command(viz + " render " + fx.run_dir() + " --at later --out " + png + " 2>/dev/null") == 2);
  CHECK(run_command(viz + " render " + (fx.dir() / "nope").string() + " --out " + png + " 2>/dev/null") == 1);
}

TEST_CASE("the viewer starts and quits with scripted input") {
  VizFixture fx;
  const std::string viz = std::string(HG_BIN_DIR) + "/hgdrill-viz";
  const std::string shot = (fx.dir() / "view.png").string();
  const std::string script =
      "wait 5 frames; key Space; key ]; wait 3 frames; seek 1h; key L; wait 2 frames; shot " + shot +
      "; key Q";
  CHECK(run_command(viz + " view " + fx.run_dir() + " --size 1200x800 --script '" + script + "'") == 0);
  sf::Image img;
  REQUIRE(img.loadFromFile(shot));
  CHECK(img.getSize() == sf::Vector2u(1200, 800));
  // The same through the environment variable, closing with Escape.
  CHECK(run_command("HG_VIZ_SCRIPT='wait 3 frames; key Escape' " + viz + " view " + fx.run_dir()) == 0);
}
