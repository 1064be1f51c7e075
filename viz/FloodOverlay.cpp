/// @file
/// @brief Flood overlay drawing (see FloodOverlay.hpp).
#include "viz/FloodOverlay.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hg::viz {

namespace {
double num(const nlohmann::json& p, const char* key, double fallback) {
  return p.contains(key) && p[key].is_number() ? p[key].get<double>() : fallback;
}
std::string metres(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f m", v);
  return buf;
}
} // namespace

void FloodOverlay::reset() {
  active_ = false;
  depth_.clear();
  gauges_.clear();
}

void FloodOverlay::apply(const Event& e) {
  if (e.actors.empty()) return;
  active_ = true;
  const std::string& id = e.actors.front();
  if (e.type == "flood.zone") {
    depth_[id] = num(e.payload, "depth_m", 0);
  } else if (e.type == "flood.gauge") {
    const Facility* f = world_->facility(id);
    Gauge g;
    g.stage_m = num(e.payload, "stage_m", 0);
    g.warning_m = num(e.payload, "warning_m", f && f->warning_m ? *f->warning_m : 0);
    g.guarantee_m = num(e.payload, "guarantee_m", f && f->guarantee_m ? *f->guarantee_m : g.warning_m);
    gauges_[id] = g;
  }
}

sf::Color FloodOverlay::depth_color(double d) {
  // Light blue for shallow water to deep navy from 2 m.
  const double f = std::clamp(d / 2.0, 0.0, 1.0);
  auto mix = [f](int a, int b) { return sf::Uint8(a + (b - a) * f); };
  return sf::Color(mix(140, 10), mix(200, 40), mix(255, 140), 120);
}

sf::Color FloodOverlay::gauge_color(double stage, double warning, double guarantee) {
  if (guarantee > 0 && stage >= guarantee) return {215, 25, 28};
  if (warning > 0 && stage >= warning) return {250, 200, 0};
  return {30, 160, 60};
}

double FloodOverlay::zone_radius_km(double population) {
  return std::max(0.3, 0.02 * std::sqrt(population));
}

void FloodOverlay::draw(const DrawContext& ctx) const {
  // Roads and bridges under water.
  sf::VertexArray wet(sf::Triangles);
  for (const auto& r : world_->roads) {
    if (r.zone.empty()) continue;
    auto it = depth_.find(r.zone);
    const RoadClass* rc = world_->road_class(r.cls);
    if (it == depth_.end() || it->second < (rc ? rc->flood_closure_depth_m : 0.3)) continue;
    const sf::Vector2f a = ctx.proj.to_pixel(world_->nodes[r.from].pos),
                       b = ctx.proj.to_pixel(world_->nodes[r.to].pos);
    Shapes::segment(wet, a, b, Style::road_width(r.cls) + (r.bridge ? 10.f : 6.f),
                    sf::Color(30, 100, 230, 140));
  }
  ctx.target.draw(wet);

  // Zones by depth.
  for (const auto& [zone_id, d] : depth_) {
    const Zone* z = world_->zone(zone_id);
    if (!z || d <= 0) continue;
    const sf::Vector2f c = ctx.proj.to_pixel(world_->nodes[z->node].pos);
    const float r = std::max(6.f, float(zone_radius_km(z->population) * ctx.proj.pixels_per_km()));
    Shapes::disc(ctx.target, c, r, depth_color(d), sf::Color(20, 60, 160, 160), 1.f);
    if (ctx.labels) {
      sf::Text t = Shapes::text(metres(d), ctx.font, 12, sf::Color(10, 40, 120), true);
      t.setPosition(c.x - t.getLocalBounds().width / 2, c.y + r * 0.35f);
      ctx.target.draw(t);
    }
  }

  // Gauges: a bar of the stage against 1.25 x the guarantee level, with a warning tick.
  for (const auto& [gid, g] : gauges_) {
    const Facility* f = world_->facility(gid);
    if (!f) continue;
    const sf::Vector2f p = ctx.proj.to_pixel(f->pos) + gauge_bar_offset();
    const float w = 9, h = 30;
    const double top = std::max({g.guarantee_m, g.warning_m, g.stage_m, 0.1}) * 1.25;
    sf::RectangleShape frame({w, h});
    frame.setPosition(p);
    frame.setFillColor(sf::Color(255, 255, 255, 220));
    frame.setOutlineColor(sf::Color(40, 40, 40));
    frame.setOutlineThickness(1);
    ctx.target.draw(frame);
    const float fh = float(std::clamp(g.stage_m / top, 0.0, 1.0) * h);
    sf::RectangleShape fill({w, fh});
    fill.setPosition(p.x, p.y + h - fh);
    fill.setFillColor(gauge_color(g.stage_m, g.warning_m, g.guarantee_m));
    ctx.target.draw(fill);
    for (double lvl : {g.warning_m, g.guarantee_m}) {
      if (lvl <= 0) continue;
      sf::RectangleShape tick({w + 6, 2});
      tick.setPosition(p.x - 3, p.y + h - float(lvl / top * h) - 1);
      tick.setFillColor(lvl == g.warning_m ? sf::Color(200, 150, 0) : sf::Color(180, 0, 0));
      ctx.target.draw(tick);
    }
    if (ctx.labels) {
      sf::Text t = Shapes::text(metres(g.stage_m), ctx.font, 11, sf::Color(20, 20, 20), true);
      t.setPosition(p.x - t.getLocalBounds().width - 4, p.y);
      ctx.target.draw(t);
    }
  }
}

std::vector<LegendItem> FloodOverlay::legend() const {
  return {{depth_color(0.3), "flooded zone, shallow 浅淹"},
          {depth_color(2.0), "flooded zone, deep (2 m+) 深淹"},
          {sf::Color(30, 100, 230, 180), "road/bridge under water 道路/桥梁过水"},
          {gauge_color(0, 1, 2), "gauge below warning 水位正常"},
          {gauge_color(1, 1, 2), "gauge above warning 超警戒"},
          {gauge_color(2, 1, 2), "gauge above guarantee 超保证"}};
}

} // namespace hg::viz
