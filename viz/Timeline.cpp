/// @file
/// @brief Clock and scrubber bar (see Timeline.hpp).
#include "viz/Timeline.hpp"

#include "sim/io/EventTypes.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"
#include "viz/TimeText.hpp"

#include <algorithm>

namespace hg::viz {

namespace {
const double kSpeeds[] = {1, 10, 60, 300, 600, 1800, 3600};
constexpr size_t kSpeedCount = sizeof kSpeeds / sizeof kSpeeds[0];

sf::Color event_color(const std::string& type) {
  if (type.rfind("unit.", 0) == 0) return {255, 150, 0};
  if (type.rfind("road.", 0) == 0) return Style::closure();
  if (const EventType* et = find_event_type(type); et && et->origin != "engine") return {40, 110, 220}; // hazards
  if (type.rfind("message.", 0) == 0) return {170, 170, 170};
  return {90, 90, 90};
}
} // namespace

void Timeline::seek(double t) {
  t_ = std::clamp(t, 0.0, end_);
}

void Timeline::advance(double real_dt) {
  if (!playing_) return;
  seek(t_ + real_dt * speed());
  if (t_ >= end_) playing_ = false;
}

void Timeline::toggle_play() {
  if (!playing_ && t_ >= end_) t_ = 0;
  playing_ = !playing_;
}

double Timeline::speed() const {
  return kSpeeds[speed_index_];
}
void Timeline::faster() {
  speed_index_ = std::min(kSpeedCount - 1, speed_index_ + 1);
}
void Timeline::slower() {
  speed_index_ = speed_index_ == 0 ? 0 : speed_index_ - 1;
}

sf::FloatRect Timeline::play_button(sf::FloatRect a) const {
  return {a.left + 10, a.top + 12, 40, 40};
}
sf::FloatRect Timeline::speed_button(sf::FloatRect a, int dir) const {
  return {a.left + (dir < 0 ? 60.f : 160.f), a.top + 12, 24, 40};
}
sf::FloatRect Timeline::track(sf::FloatRect a) const {
  return {a.left + 300, a.top + 24, std::max(50.f, a.width - 320), 16};
}

void Timeline::draw(const DrawContext& ctx, sf::FloatRect area, const std::vector<Event>& events) const {
  sf::RectangleShape bg({area.width, area.height});
  bg.setPosition(area.left, area.top);
  bg.setFillColor(sf::Color(235, 236, 240));
  bg.setOutlineColor(sf::Color(190, 190, 190));
  bg.setOutlineThickness(1);
  ctx.target.draw(bg);

  const sf::FloatRect pb = play_button(area);
  sf::RectangleShape btn({pb.width, pb.height});
  btn.setPosition(pb.left, pb.top);
  btn.setFillColor(sf::Color(28, 43, 64));
  ctx.target.draw(btn);
  if (playing_) {
    for (float dx : {12.f, 23.f}) {
      sf::RectangleShape bar({6, 20});
      bar.setPosition(pb.left + dx, pb.top + 10);
      ctx.target.draw(bar);
    }
  } else {
    sf::ConvexShape tri(3);
    tri.setPoint(0, {pb.left + 13, pb.top + 9});
    tri.setPoint(1, {pb.left + 31, pb.top + 20});
    tri.setPoint(2, {pb.left + 13, pb.top + 31});
    ctx.target.draw(tri);
  }
  for (int dir : {-1, 1}) {
    const sf::FloatRect sb = speed_button(area, dir);
    sf::Text t = Shapes::text(dir < 0 ? "<" : ">", ctx.font, 22, Style::text());
    t.setPosition(sb.left + 6, sb.top + 4);
    ctx.target.draw(t);
  }
  char speed_text[32];
  std::snprintf(speed_text, sizeof speed_text, "%gx", speed());
  sf::Text st = Shapes::text(speed_text, ctx.font, 16, Style::text());
  st.setPosition(area.left + 90, area.top + 20);
  ctx.target.draw(st);
  sf::Text clock = Shapes::text(TimeText::clock(t_), ctx.font, 15, Style::text());
  clock.setPosition(area.left + 192, area.top + 21);
  ctx.target.draw(clock);

  const sf::FloatRect tr = track(area);
  sf::RectangleShape trk({tr.width, tr.height});
  trk.setPosition(tr.left, tr.top);
  trk.setFillColor(sf::Color::White);
  trk.setOutlineColor(sf::Color(150, 150, 150));
  trk.setOutlineThickness(1);
  ctx.target.draw(trk);
  sf::VertexArray ticks(sf::Lines);
  for (const auto& e : events) {
    const float x = tr.left + float(e.t / end_) * tr.width;
    ticks.append(sf::Vertex({x, tr.top + 2}, event_color(e.type)));
    ticks.append(sf::Vertex({x, tr.top + tr.height - 2}, event_color(e.type)));
  }
  ctx.target.draw(ticks);
  const float cx = tr.left + float(t_ / end_) * tr.width;
  sf::RectangleShape cur({3, tr.height + 12});
  cur.setPosition(cx - 1.5f, tr.top - 6);
  cur.setFillColor(Style::closure());
  ctx.target.draw(cur);
  sf::Text end = Shapes::text(TimeText::clock(end_), ctx.font, 11, Style::muted_text());
  end.setPosition(tr.left + tr.width - end.getLocalBounds().width, tr.top + tr.height + 4);
  ctx.target.draw(end);
  sf::Text help = Shapes::text("Space play/pause 播放  [ ] speed 速度  ←/→ ±1 min (Shift ±10 min)", ctx.font,
                               11, Style::muted_text());
  help.setPosition(tr.left, tr.top + tr.height + 4);
  ctx.target.draw(help);
}

bool Timeline::press(sf::Vector2f px, sf::FloatRect area) {
  if (!area.contains(px)) return false;
  if (play_button(area).contains(px)) {
    toggle_play();
  } else if (speed_button(area, -1).contains(px)) {
    slower();
  } else if (speed_button(area, 1).contains(px)) {
    faster();
  } else {
    sf::FloatRect tr = track(area);
    tr.top -= 10;
    tr.height += 20;
    if (tr.contains(px)) {
      dragging_ = true;
      move(px, area);
    }
  }
  return true;
}

void Timeline::move(sf::Vector2f px, sf::FloatRect area) {
  if (!dragging_) return;
  const sf::FloatRect tr = track(area);
  seek((px.x - tr.left) / tr.width * end_);
}

} // namespace hg::viz
