/// @file
/// @brief Map drawing (see MapRenderer.hpp).
#include "viz/MapRenderer.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"

#include <cmath>
#include <map>

namespace hg::viz {

namespace {
/// Greedy label placement: a label is skipped if it would overlap one already placed.
class LabelSpace {
public:
  bool take(sf::FloatRect r) {
    for (const auto& o : used_)
      if (o.intersects(r)) return false;
    used_.push_back(r);
    return true;
  }

private:
  std::vector<sf::FloatRect> used_;
};

/// Two-line label (zh bigger, en smaller) to the right of `at`; returns false if it did not fit.
bool label(const DrawContext& ctx, LabelSpace& space, sf::Vector2f at, const Names& n, unsigned size,
           sf::Color c) {
  if (n.zh.empty() && n.en.empty()) return false;
  sf::Text zh = Shapes::text(n.zh, ctx.font, size, c, true);
  sf::Text en = Shapes::text(n.en, ctx.font, std::max(8u, size - 3), c, true);
  const float w = std::max(zh.getLocalBounds().width, en.getLocalBounds().width);
  const float h = float(size) + float(size - 3) + 6;
  const sf::FloatRect r(at.x, at.y - h / 2, w + 4, h);
  if (!space.take(r)) return false;
  zh.setPosition(at.x, at.y - h / 2 - 2);
  en.setPosition(at.x, at.y - h / 2 + float(size) + 2);
  if (!n.zh.empty()) ctx.target.draw(zh);
  if (!n.en.empty()) ctx.target.draw(en);
  return true;
}

std::vector<sf::Vector2f> project(const DrawContext& ctx, const std::vector<LatLon>& pts) {
  std::vector<sf::Vector2f> out;
  out.reserve(pts.size());
  for (const auto& p : pts)
    out.push_back(ctx.proj.to_pixel(p));
  return out;
}

/// Road classes from the most to the least important, drawn in reverse so big roads are on top.
int class_rank(const std::string& cls) {
  static const std::map<std::string, int> k = {{"motorway", 0},  {"trunk", 1},    {"primary", 2},
                                               {"secondary", 3}, {"tertiary", 4}, {"urban", 5},
                                               {"forest", 6},    {"access", 7},   {"ferry", 8}};
  auto it = k.find(cls);
  return it == k.end() ? 9 : it->second;
}
} // namespace

void MapRenderer::draw(const DrawContext& ctx, const Layers& layers, const Replay& replay) const {
  if (layers.boundaries) draw_boundaries(ctx);
  if (layers.rivers) draw_rivers(ctx);
  if (layers.roads) draw_roads(ctx, replay);
  if (layers.hazards)
    for (const auto& o : replay.overlays())
      o->draw(ctx);
  if (layers.routes) draw_routes(ctx, replay);
  draw_places(ctx, layers.places, layers.facilities, layers.labels);
  if (auto inc = replay.state().incident()) {
    const sf::Vector2f p = ctx.proj.to_pixel(*inc);
    sf::CircleShape tri(11, 3);
    tri.setOrigin(11, 11);
    tri.setPosition(p);
    tri.setFillColor(Style::incident());
    tri.setOutlineColor(sf::Color::White);
    tri.setOutlineThickness(2);
    ctx.target.draw(tri);
    sf::Text bang = Shapes::text("!", ctx.font, 13, sf::Color::White);
    bang.setPosition(p.x - 2, p.y - 9);
    ctx.target.draw(bang);
  }
  if (layers.units) draw_units(ctx, replay);
}

void MapRenderer::draw_boundaries(const DrawContext& ctx) const {
  sf::VertexArray va(sf::Triangles);
  for (const auto& s : run_->boundaries().shapes())
    for (const auto& part : s.parts)
      Shapes::polyline(va, project(ctx, part), 2.f, Style::boundary());
  ctx.target.draw(va);
  if (!ctx.labels) return;
  for (const auto& s : run_->boundaries().shapes()) {
    if (!s.polygon) continue;
    const sf::Vector2f c =
        ctx.proj.to_pixel(LatLon{(s.box.min_lat + s.box.max_lat) / 2, (s.box.min_lon + s.box.max_lon) / 2});
    sf::Text t = Shapes::text(s.name + (s.name_en.empty() ? "" : " " + s.name_en), ctx.font, 16,
                              sf::Color(150, 110, 160, 170));
    const sf::FloatRect b = t.getLocalBounds();
    t.setPosition(c.x - b.width / 2, c.y - b.height / 2);
    ctx.target.draw(t);
  }
}

void MapRenderer::draw_rivers(const DrawContext& ctx) const {
  sf::VertexArray va(sf::Triangles);
  for (const auto& s : run_->rivers().shapes())
    for (const auto& part : s.parts)
      Shapes::polyline(va, project(ctx, part), 4.f, Style::river());
  ctx.target.draw(va);
}

void MapRenderer::draw_roads(const DrawContext& ctx, const Replay& replay) const {
  const World& w = run_->world();
  std::vector<const Road*> order;
  for (const auto& r : w.roads)
    order.push_back(&r);
  std::stable_sort(order.begin(), order.end(),
                   [](const Road* a, const Road* b) { return class_rank(a->cls) > class_rank(b->cls); });
  sf::VertexArray casing(sf::Triangles), fill(sf::Triangles), closed(sf::Triangles);
  const auto& closures = replay.state().closed_roads();
  for (const Road* r : order) {
    const sf::Vector2f a = ctx.proj.to_pixel(w.nodes[r->from].pos), b = ctx.proj.to_pixel(w.nodes[r->to].pos);
    const float width = Style::road_width(r->cls);
    Shapes::segment(casing, a, b, width + (r->bridge ? 5.f : 1.5f),
                    r->bridge ? Style::bridge() : sf::Color(120, 120, 120));
    Shapes::segment(fill, a, b, width, Style::road_color(r->cls));
    if (closures.count(r->id)) {
      Shapes::segment(closed, a, b, std::max(width + 2.f, 5.f), Style::closure());
      const sf::Vector2f m = (a + b) / 2.f;
      Shapes::segment(closed, m - sf::Vector2f(7, 7), m + sf::Vector2f(7, 7), 3.f, Style::closure());
      Shapes::segment(closed, m - sf::Vector2f(7, -7), m + sf::Vector2f(7, -7), 3.f, Style::closure());
    }
  }
  ctx.target.draw(casing);
  ctx.target.draw(fill);
  ctx.target.draw(closed);
}

void MapRenderer::draw_routes(const DrawContext& ctx, const Replay& replay) const {
  const World& w = run_->world();
  sf::VertexArray va(sf::Triangles);
  for (const auto& [id, u] : replay.state().units()) {
    if (u.state != UnitState::kEnRoute || u.route.size() < 2) continue;
    std::vector<sf::Vector2f> pts;
    for (size_t n : u.route)
      pts.push_back(ctx.proj.to_pixel(w.nodes[n].pos));
    Shapes::polyline(va, pts, 2.f, Style::route());
  }
  ctx.target.draw(va);
}

void MapRenderer::draw_places(const DrawContext& ctx, bool zones, bool facilities, bool labels) const {
  const World& w = run_->world();
  LabelSpace space;
  if (zones)
    for (const auto& z : w.zones) {
      const sf::Vector2f p = ctx.proj.to_pixel(w.nodes[z.node].pos);
      sf::RectangleShape sq({8, 8});
      sq.setOrigin(4, 4);
      sq.setPosition(p);
      sq.setFillColor(Style::zone_color(int(z.kind)));
      sq.setOutlineColor(sf::Color::White);
      sq.setOutlineThickness(1);
      ctx.target.draw(sq);
      if (labels && ctx.labels) label(ctx, space, p + sf::Vector2f(7, 0), z.name, 14, Style::text());
    }
  if (!facilities) return;
  for (const auto& f : w.facilities) {
    const sf::Vector2f p = ctx.proj.to_pixel(f.pos);
    Shapes::disc(ctx.target, p, 8.f, Style::facility_color(f.kind), sf::Color::White, 1.5f);
    sf::Text g = Shapes::text(Style::facility_glyph(f.kind), ctx.font, 10, sf::Color::White);
    const sf::FloatRect gb = g.getLocalBounds();
    g.setPosition(p.x - gb.left - gb.width / 2, p.y - gb.top - gb.height / 2);
    ctx.target.draw(g);
    if (labels && ctx.labels)
      label(ctx, space, p + sf::Vector2f(11, 0), f.name, 12, Style::facility_color(f.kind));
  }
}

void MapRenderer::draw_units(const DrawContext& ctx, const Replay& replay) const {
  std::map<std::pair<int, int>, int> stacked; // units on the same spot are fanned out
  for (const auto& [id, u] : replay.state().units()) {
    sf::Vector2f p = ctx.proj.to_pixel(replay.state().unit_position(id, ctx.t));
    const int k = stacked[{int(p.x / 4), int(p.y / 4)}]++;
    if (u.state == UnitState::kIdle) // a row under the base icon
      p += sf::Vector2f(float((k % 6) * 9) - 4, 14.f + float(k / 6) * 9);
    else if (u.state == UnitState::kOnScene || k > 0) // beside the incident marker, fanned out
      p += sf::Vector2f(12.f + float(k % 4) * 9, 4.f - float(k / 4) * 9);
    sf::CircleShape d(5.5f, 4); // diamond
    d.setOrigin(5.5f, 5.5f);
    d.setPosition(p);
    d.setFillColor(Style::unit_color(u.state));
    d.setOutlineColor(sf::Color::White);
    d.setOutlineThickness(1.2f);
    ctx.target.draw(d);
  }
}

} // namespace hg::viz
