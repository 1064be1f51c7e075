/// @file
/// @brief The interactive viewer (see Viewer.hpp).
#include "viz/Viewer.hpp"

#include "viz/FontLocator.hpp"
#include "viz/Style.hpp"
#include "viz/TimeText.hpp"

#include <SFML/Graphics.hpp>
#include <SFML/Window.hpp>

#include <cctype>
#include <iostream>
#include <map>
#include <stdexcept>

namespace hg::viz {

namespace {
constexpr float kTitle = 56, kSide = 360, kTimeline = 64;

/// Script key names to SFML keys.
sf::Keyboard::Key key_of(const std::string& name) {
  if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0])))
    return sf::Keyboard::Key(sf::Keyboard::A + (std::toupper(static_cast<unsigned char>(name[0])) - 'A'));
  static const std::map<std::string, sf::Keyboard::Key> k = {
      {"Space", sf::Keyboard::Space}, {"Left", sf::Keyboard::Left},  {"Right", sf::Keyboard::Right},
      {"Home", sf::Keyboard::Home},   {"End", sf::Keyboard::End},    {"Escape", sf::Keyboard::Escape},
      {"[", sf::Keyboard::LBracket},  {"]", sf::Keyboard::RBracket}, {"0", sf::Keyboard::Num0},
      {"+", sf::Keyboard::Add},       {"-", sf::Keyboard::Subtract}};
  auto it = k.find(name);
  if (it == k.end()) throw std::invalid_argument("unknown key \"" + name + "\" in script");
  return it->second;
}
} // namespace

Viewer::Viewer(RunData& run, ViewerOptions opts)
    : run_(&run), opts_(std::move(opts)), replay_(run), map_(run), chrome_(run), timeline_(run.end_time()),
      script_(ViewerScript::parse(opts_.script)), font_(&FontLocator::cjk()) {
  const Scenario& s = run.scenario();
  const std::string title = "hgdrill view — " + s.name.zh + " " + s.name.en;
  window_.create(sf::VideoMode(opts_.width, opts_.height), sf::String::fromUtf8(title.begin(), title.end()));
  if (!window_.isOpen()) throw std::runtime_error("cannot open a window (is DISPLAY set?)");
  window_.setFramerateLimit(60);
  timeline_.seek(opts_.start_t);
  fit_map();
}

Viewer::Layout Viewer::layout() const {
  const sf::Vector2u s = window_.getSize();
  const float w = float(s.x), h = float(s.y);
  return {{0, 0, w, kTitle},
          {0, kTitle, std::max(100.f, w - kSide), std::max(100.f, h - kTitle - kTimeline)},
          {std::max(100.f, w - kSide), kTitle, kSide, std::max(100.f, h - kTitle - kTimeline)},
          {0, h - kTimeline, w, kTimeline}};
}

void Viewer::fit_map() {
  proj_.fit(run_->extent(), layout().map, 24);
}

void Viewer::handle(const sf::Event& e) {
  const Layout l = layout();
  switch (e.type) {
  case sf::Event::Closed:
    quit_ = true;
    break;
  case sf::Event::Resized:
    window_.setView(sf::View(sf::FloatRect(0, 0, float(e.size.width), float(e.size.height))));
    fit_map();
    break;
  case sf::Event::KeyPressed: {
    const double step = e.key.shift ? 600 : 60;
    switch (e.key.code) {
    case sf::Keyboard::Q:
    case sf::Keyboard::Escape:
      quit_ = true;
      break;
    case sf::Keyboard::Space:
      timeline_.toggle_play();
      break;
    case sf::Keyboard::Left:
      timeline_.seek(timeline_.time() - step);
      break;
    case sf::Keyboard::Right:
      timeline_.seek(timeline_.time() + step);
      break;
    case sf::Keyboard::Home:
      timeline_.seek(0);
      break;
    case sf::Keyboard::End:
      timeline_.seek(timeline_.end());
      break;
    case sf::Keyboard::LBracket:
      timeline_.slower();
      break;
    case sf::Keyboard::RBracket:
      timeline_.faster();
      break;
    case sf::Keyboard::Num0:
      fit_map();
      break;
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal:
      proj_.zoom_at({l.map.left + l.map.width / 2, l.map.top + l.map.height / 2}, 1.25);
      break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen:
      proj_.zoom_at({l.map.left + l.map.width / 2, l.map.top + l.map.height / 2}, 0.8);
      break;
    default:
      if (e.key.code >= sf::Keyboard::A && e.key.code <= sf::Keyboard::Z)
        layers_.toggle(char('A' + (e.key.code - sf::Keyboard::A)));
    }
    break;
  }
  case sf::Event::MouseWheelScrolled: {
    const sf::Vector2f p(float(e.mouseWheelScroll.x), float(e.mouseWheelScroll.y));
    if (l.map.contains(p)) proj_.zoom_at(p, e.mouseWheelScroll.delta > 0 ? 1.2 : 1 / 1.2);
    break;
  }
  case sf::Event::MouseButtonPressed: {
    if (e.mouseButton.button != sf::Mouse::Left) break;
    const sf::Vector2f p(float(e.mouseButton.x), float(e.mouseButton.y));
    if (timeline_.press(p, l.timeline)) break;
    if (l.side.contains(p)) {
      if (auto t = feed_.click(p)) timeline_.seek(*t);
      break;
    }
    if (l.map.contains(p)) {
      panning_ = true;
      last_mouse_ = p;
    }
    break;
  }
  case sf::Event::MouseButtonReleased:
    panning_ = false;
    timeline_.release();
    break;
  case sf::Event::MouseMoved: {
    const sf::Vector2f p(float(e.mouseMove.x), float(e.mouseMove.y));
    if (panning_) {
      proj_.pan(p - last_mouse_);
      last_mouse_ = p;
    }
    timeline_.move(p, l.timeline);
    break;
  }
  default:
    break;
  }
}

void Viewer::run_step(const ScriptStep& s) {
  sf::Event e{};
  if (s.verb == "quit") {
    quit_ = true;
  } else if (s.verb == "key") {
    e.type = sf::Event::KeyPressed;
    e.key.code = key_of(s.args[0]);
    handle(e);
  } else if (s.verb == "seek") {
    timeline_.seek(TimeText::parse(s.args[0]));
  } else if (s.verb == "click") {
    e.type = sf::Event::MouseButtonPressed;
    e.mouseButton.button = sf::Mouse::Left;
    e.mouseButton.x = std::stoi(s.args[0]);
    e.mouseButton.y = std::stoi(s.args[1]);
    handle(e);
    e.type = sf::Event::MouseButtonReleased;
    handle(e);
  } else if (s.verb == "shot") {
    sf::Texture tex;
    tex.create(window_.getSize().x, window_.getSize().y);
    tex.update(window_);
    if (!tex.copyToImage().saveToFile(s.args[0]))
      std::cerr << "hgdrill-viz: cannot write " << s.args[0] << "\n";
  }
}

void Viewer::draw() {
  const Layout l = layout();
  replay_.seek(timeline_.time());
  window_.clear(Style::background());
  DrawContext ctx{window_, proj_, *font_, timeline_.time(), layers_.labels};
  map_.draw(ctx, layers_, replay_);
  chrome_.draw_scale_bar(ctx, {l.map.left + 20, l.map.top + l.map.height - 14});
  chrome_.draw_north_arrow(ctx, {l.map.left + l.map.width - 36, l.map.top + 36});
  if (layers_.legend)
    chrome_.draw_legend(ctx, replay_, {l.map.left + 10, l.map.top + 10}, 280, l.map.height - 70, &layers_);
  const float kpi_h = std::min(l.side.height * 0.4f, 300.f);
  kpis_.draw(ctx, {l.side.left, l.side.top, l.side.width, kpi_h}, run_->scores());
  feed_.draw(ctx, {l.side.left, l.side.top + kpi_h, l.side.width, l.side.height - kpi_h}, run_->events(),
             timeline_.time());
  timeline_.draw(ctx, l.timeline, run_->events());
  chrome_.draw_title(ctx, l.title);
  window_.display();
}

int Viewer::run() {
  sf::Clock clock;
  while (window_.isOpen() && !quit_) {
    sf::Event e;
    while (window_.pollEvent(e))
      handle(e);
    for (const auto& step : script_.next_frame())
      run_step(step);
    if (run_->refresh()) { // live sources: new events extend the timeline
      timeline_.set_end(run_->end_time());
      replay_.catch_up();
    }
    timeline_.advance(clock.restart().asSeconds());
    if (quit_) break;
    draw();
  }
  window_.close();
  return 0;
}

} // namespace hg::viz
