/// @file
/// @brief Chemical-release overlay drawing (see ChemicalOverlay.hpp).
#include "viz/ChemicalOverlay.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hg::viz {

namespace {

constexpr double kEarthRadiusM = 6371008.8; // the chemical model's local frame (Geometry.cpp)

double num(const nlohmann::json& p, const char* key, double fallback) {
  return p.contains(key) && p[key].is_number() ? p[key].get<double>() : fallback;
}

int level_index(const std::string& level) {
  return level == "aegl1" ? 0 : level == "aegl2" ? 1 : level == "aegl3" ? 2 : -1;
}

} // namespace

bool ChemicalOverlay::handles(const std::string& type) const {
  return type.rfind("chemical_release.", 0) == 0 || type == "road.closed" || type == "road.reopened";
}

void ChemicalOverlay::reset() {
  active_ = false;
  started_ = false;
  releases_.clear();
  cordon_.clear();
}

LatLon ChemicalOverlay::corner(const Grid& g, double i, double j) {
  const double x = -g.half_size_m + i * g.spacing_m, y = -g.half_size_m + j * g.spacing_m;
  const double m_per_deg = kEarthRadiusM * M_PI / 180.0;
  return {g.lat0 + y / m_per_deg, g.lon0 + x / (m_per_deg * std::cos(g.lat0 * M_PI / 180.0))};
}

void ChemicalOverlay::apply(const Event& e) {
  if (e.actors.empty()) return;
  if (e.type == "road.closed" || e.type == "road.reopened") {
    // The cordon: the release's own AEGL closures, and the posts' traffic control once a release began
    // (a flood's closures are the flood overlay's business).
    if (e.type == "road.reopened") {
      cordon_.erase(e.actors.front());
      return;
    }
    const std::string by = e.payload.value("cause", ""); // hazard id or post id (CoreEvents.cpp)
    if (releases_.count(by) || (started_ && world_->post(by))) cordon_.insert(e.actors.front());
    return;
  }
  active_ = true;
  Release& r = releases_[e.actors.front()];
  if (e.type == "chemical_release.configured") {
    r.source = {num(e.payload, "lat", 0), num(e.payload, "lon", 0)};
    r.chemical = e.payload.value("chemical", "");
  } else if (e.type == "chemical_release.release_started") {
    started_ = true;
  } else if (e.type == "chemical_release.threat_zone") {
    if (e.payload.contains("grid") && e.payload["grid"].is_object()) {
      const auto& g = e.payload["grid"];
      r.grid = {num(g, "lat0", 0), num(g, "lon0", 0), num(g, "half_size_m", 0), num(g, "spacing_m", 0),
                int(num(g, "cells", 0))};
    }
    r.wind_from_deg = num(e.payload, "wind_from_deg", -1);
    for (auto& s : r.now)
      s.clear();
    if (!e.payload.contains("levels") || !e.payload["levels"].is_array()) return;
    for (const auto& lv : e.payload["levels"]) {
      const int k = level_index(lv.value("level", ""));
      if (k < 0) continue;
      if (k == 1)
        r.aegl2_distance_m = num(lv, "distance_m", 0),
        r.aegl2_max_m = std::max(r.aegl2_max_m, r.aegl2_distance_m);
      if (!lv.contains("runs") || !lv["runs"].is_array()) continue;
      for (const auto& run : lv["runs"]) {
        if (!run.is_array() || run.size() != 3) continue;
        const int j = run[0].get<int>(), i0 = run[1].get<int>(), i1 = run[2].get<int>();
        for (int i = i0; i <= i1; ++i) {
          r.now[k].insert(j * r.grid.cells + i);
          r.ever[k].insert(j * r.grid.cells + i);
        }
      }
    }
  }
}

const std::set<int>& ChemicalOverlay::cells(const std::string& hazard, int level) const {
  static const std::set<int> none;
  auto it = releases_.find(hazard);
  return it == releases_.end() || level < 1 || level > 3 ? none : it->second.now[level - 1];
}

const std::set<int>& ChemicalOverlay::extent(const std::string& hazard, int level) const {
  static const std::set<int> none;
  auto it = releases_.find(hazard);
  return it == releases_.end() || level < 1 || level > 3 ? none : it->second.ever[level - 1];
}

sf::Color ChemicalOverlay::level_color(int level) {
  if (level >= 3) return {200, 0, 30, 150};
  if (level == 2) return {245, 120, 0, 120};
  return {250, 215, 0, 90};
}

sf::Color ChemicalOverlay::extent_color(int level) {
  if (level >= 3) return {170, 0, 30, 230};
  if (level == 2) return {210, 95, 0, 220};
  return {190, 160, 0, 200};
}

void ChemicalOverlay::draw_cordon(const DrawContext& ctx, float scale) const {
  sf::VertexArray band(sf::Triangles);
  for (const std::string& id : cordon_) {
    const Road* r = world_->road(id);
    if (!r) continue;
    Shapes::segment(band, ctx.proj.to_pixel(world_->nodes[r->from].pos),
                    ctx.proj.to_pixel(world_->nodes[r->to].pos), (Style::road_width(r->cls) + 9.f) * scale,
                    cordon_color());
  }
  ctx.target.draw(band);
}

void ChemicalOverlay::draw_release(const DrawContext& ctx, const Release& r, bool inset) const {
  if (r.grid.cells <= 0) return;
  const int n = r.grid.cells;
  auto quad = [&](sf::VertexArray& va, int cell, sf::Color c) {
    const int i = cell % n, j = cell / n;
    const sf::Vector2f a = ctx.proj.to_pixel(corner(r.grid, i - 0.5, j - 0.5));
    const sf::Vector2f b = ctx.proj.to_pixel(corner(r.grid, i + 0.5, j - 0.5));
    const sf::Vector2f c2 = ctx.proj.to_pixel(corner(r.grid, i + 0.5, j + 0.5));
    const sf::Vector2f d = ctx.proj.to_pixel(corner(r.grid, i - 0.5, j + 0.5));
    for (sf::Vector2f p : {a, b, c2, a, c2, d})
      va.append(sf::Vertex(p, c));
  };
  // Where the gas has been (faint), then the current threat zones, AEGL-1 under AEGL-2 under AEGL-3
  // (a cell is drawn in its highest level).
  sf::VertexArray fill(sf::Triangles);
  for (int k = 0; k < 3; ++k)
    for (int cell : r.ever[k])
      if (k == 2 || !r.ever[k + 1].count(cell)) quad(fill, cell, extent_fill(k + 1));
  for (int k = 0; k < 3; ++k)
    for (int cell : r.now[k])
      if (k == 2 || !r.now[k + 1].count(cell)) quad(fill, cell, level_color(k + 1));
  ctx.target.draw(fill);
  // The largest extent of each level so far: the outline of the union of its cells.
  sf::VertexArray edge(sf::Triangles);
  const float w = inset ? 1.5f : 2.f;
  for (int k = 0; k < 3; ++k) {
    const std::set<int>& ever = r.ever[k];
    for (int cell : ever) {
      const int i = cell % n, j = cell / n;
      auto out = [&](int di, int dj) {
        const int ii = i + di, jj = j + dj;
        return ii < 0 || jj < 0 || ii >= n || jj >= n || !ever.count(jj * n + ii);
      };
      auto side = [&](double i0, double j0, double i1, double j1) {
        Shapes::segment(edge, ctx.proj.to_pixel(corner(r.grid, i0, j0)),
                        ctx.proj.to_pixel(corner(r.grid, i1, j1)), w, extent_color(k + 1));
      };
      if (out(-1, 0)) side(i - 0.5, j - 0.5, i - 0.5, j + 0.5);
      if (out(1, 0)) side(i + 0.5, j - 0.5, i + 0.5, j + 0.5);
      if (out(0, -1)) side(i - 0.5, j - 0.5, i + 0.5, j - 0.5);
      if (out(0, 1)) side(i - 0.5, j + 0.5, i + 0.5, j + 0.5);
    }
  }
  ctx.target.draw(edge);

  // The source, the wind (an arrow toward where it blows) and the AEGL-2 distance.
  const sf::Vector2f s = ctx.proj.to_pixel(r.source);
  sf::CircleShape diamond(9, 4);
  diamond.setOrigin(9, 9);
  diamond.setPosition(s);
  diamond.setFillColor(source_color());
  diamond.setOutlineColor(sf::Color::White);
  diamond.setOutlineThickness(2);
  ctx.target.draw(diamond);
  if (r.wind_from_deg >= 0) {
    const double to = (r.wind_from_deg + 180.0) * M_PI / 180.0;
    const sf::Vector2f dir(float(std::sin(to)), float(-std::cos(to))); // screen y grows southward
    sf::VertexArray arrow(sf::Triangles);
    const sf::Vector2f a = s + dir * 14.f, b = s + dir * 44.f;
    Shapes::segment(arrow, a, b, 3.f, source_color());
    const sf::Vector2f nrm(-dir.y, dir.x);
    arrow.append(sf::Vertex(b + dir * 8.f, source_color()));
    arrow.append(sf::Vertex(b + nrm * 6.f, source_color()));
    arrow.append(sf::Vertex(b - nrm * 6.f, source_color()));
    ctx.target.draw(arrow);
  }
  if (ctx.labels) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s AEGL-2 %.1f km (max %.1f)",
                  r.chemical == "ammonia" ? "NH3 氨" : r.chemical.c_str(), r.aegl2_distance_m / 1000.0,
                  r.aegl2_max_m / 1000.0);
    sf::Text t = Shapes::text(buf, ctx.font, 12, source_color(), true);
    t.setPosition(s.x + 12, s.y + 8);
    ctx.target.draw(t);
  }
}

GeoBox ChemicalOverlay::footprint(const Release& r) {
  GeoBox b;
  if (r.grid.cells <= 0) return b;
  const int n = r.grid.cells;
  for (const auto& level : r.ever)
    for (int cell : level) {
      b.add(corner(r.grid, cell % n - 0.5, cell / n - 0.5));
      b.add(corner(r.grid, cell % n + 0.5, cell / n + 0.5));
    }
  return b;
}

void ChemicalOverlay::draw(const DrawContext& ctx) const {
  draw_cordon(ctx, 1.f);
  for (const auto& [id, r] : releases_)
    draw_release(ctx, r, false);
  draw_inset(ctx);
}

void ChemicalOverlay::draw_inset(const DrawContext& ctx) const {
  // When the gas covers only a few pixels of the map (the whole city in view), a magnified inset shows
  // it, in the emptiest corner of the map; zoomed in, the map itself is enough.
  const Release* r = nullptr;
  GeoBox box;
  for (const auto& [id, rel] : releases_)
    if (!r || rel.ever[0].size() > r->ever[0].size()) r = &rel, box = footprint(rel);
  if (!r || box.empty()) return;
  const sf::Vector2f lo = ctx.proj.to_pixel(LatLon{box.min_lat, box.min_lon});
  const sf::Vector2f hi = ctx.proj.to_pixel(LatLon{box.max_lat, box.max_lon});
  const sf::FloatRect view = ctx.proj.viewport();
  if (std::max(std::fabs(hi.x - lo.x), std::fabs(hi.y - lo.y)) > 0.25f * std::min(view.width, view.height))
    return;
  const float side = std::clamp(0.4f * std::min(view.width, view.height), 200.f, 420.f);
  // Corner with the fewest places under it (places and their labels are drawn over the overlays).
  sf::FloatRect best;
  size_t fewest = size_t(-1);
  for (int c = 0; c < 4; ++c) {
    // (The north arrow sits in the top-right corner, the scale bar in the bottom-left one.)
    const sf::FloatRect rect(c % 2 ? view.left + view.width - side - (c / 2 ? 12 : 64) : view.left + 12,
                             c / 2 ? view.top + view.height - side - (c % 2 ? 12 : 56) : view.top + 12, side,
                             side);
    size_t count = 0;
    for (const auto& nd : world_->nodes)
      count += rect.contains(ctx.proj.to_pixel(nd.pos));
    const sf::FloatRect marked(ctx.proj.to_pixel(r->source), {1, 1});
    if (rect.intersects(marked)) count += 1000; // never over the source itself
    if (count < fewest) fewest = count, best = rect;
  }
  // The inset's area, outlined on the map: the gas so far, and at least 5 km around the source.
  box.add(LatLon{r->source.lat - 0.045, r->source.lon - 0.065});
  box.add(LatLon{r->source.lat + 0.045, r->source.lon + 0.065});
  GeoBox area = box;
  const double pad_lat = (box.max_lat - box.min_lat) * 0.15 + 0.01,
               pad_lon = (box.max_lon - box.min_lon) * 0.15 + 0.015;
  area.add(LatLon{box.min_lat - pad_lat, box.min_lon - pad_lon});
  area.add(LatLon{box.max_lat + pad_lat, box.max_lon + pad_lon});
  Projection inset;
  inset.fit(area, sf::FloatRect(0, 0, best.width, best.height), 8.f);
  const sf::Vector2f a0 = ctx.proj.to_pixel(inset.to_latlon({0, best.height}));
  const sf::Vector2f a1 = ctx.proj.to_pixel(inset.to_latlon({best.width, 0}));
  sf::RectangleShape mark({a1.x - a0.x, a0.y - a1.y});
  mark.setPosition(a0.x, a1.y);
  mark.setFillColor(sf::Color::Transparent);
  mark.setOutlineColor(source_color());
  mark.setOutlineThickness(1.5f);
  ctx.target.draw(mark);

  // The inset itself, drawn off screen so that nothing spills over its frame.
  if (!inset_tex_ || inset_tex_->getSize() != sf::Vector2u(unsigned(best.width), unsigned(best.height))) {
    inset_tex_ = std::make_unique<sf::RenderTexture>();
    if (!inset_tex_->create(unsigned(best.width), unsigned(best.height))) {
      inset_tex_.reset();
      return;
    }
  }
  sf::RenderTexture& tex = *inset_tex_;
  tex.clear(Style::background());
  DrawContext ic{tex, inset, ctx.font, ctx.t, ctx.labels};
  sf::VertexArray roads(sf::Triangles);
  for (const auto& road : world_->roads)
    Shapes::segment(roads, inset.to_pixel(world_->nodes[road.from].pos),
                    inset.to_pixel(world_->nodes[road.to].pos),
                    std::max(1.f, Style::road_width(road.cls) * 0.6f),
                    Style::road_color(road.cls) == sf::Color::White ? sf::Color(190, 190, 190)
                                                                    : Style::road_color(road.cls));
  tex.draw(roads);
  draw_cordon(ic, 0.6f);
  draw_release(ic, *r, true);
  std::vector<sf::FloatRect> taken; // labels that do not fit beside the others are left out
  for (const auto& z : world_->zones) {
    const sf::Vector2f p = inset.to_pixel(world_->nodes[z.node].pos);
    if (p.x < 0 || p.y < 0 || p.x > best.width || p.y > best.height) continue;
    Shapes::disc(tex, p, 3.f, Style::text());
    if (!ctx.labels) continue;
    sf::Text t = Shapes::text(z.name.zh, ctx.font, 11, Style::text(), true);
    t.setPosition(p.x + 4, p.y - 8);
    const sf::FloatRect box_t = t.getGlobalBounds();
    if (std::any_of(taken.begin(), taken.end(), [&](const sf::FloatRect& o) { return o.intersects(box_t); }))
      continue;
    taken.push_back(box_t);
    tex.draw(t);
  }
  // Title and a scale bar.
  sf::Text title = Shapes::text("泄漏影响放大图 plume inset", ctx.font, 12, source_color(), true);
  title.setPosition(6, 4);
  tex.draw(title);
  double km = 1;
  for (double m : {1.0, 2.0, 5.0, 10.0, 20.0})
    if (m * inset.pixels_per_km() <= best.width * 0.35) km = m;
  const float len = float(km * inset.pixels_per_km());
  sf::RectangleShape bar({len, 4});
  bar.setPosition(8, best.height - 14);
  bar.setFillColor(Style::text());
  tex.draw(bar);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f km", km);
  sf::Text kmt = Shapes::text(buf, ctx.font, 11, Style::text(), true);
  kmt.setPosition(12 + len, best.height - 22);
  tex.draw(kmt);
  tex.display();

  sf::Sprite sprite(tex.getTexture());
  sprite.setPosition(best.left, best.top);
  ctx.target.draw(sprite);
  sf::RectangleShape frame({best.width, best.height});
  frame.setPosition(best.left, best.top);
  frame.setFillColor(sf::Color::Transparent);
  frame.setOutlineColor(source_color());
  frame.setOutlineThickness(2);
  ctx.target.draw(frame);
}

sf::Color ChemicalOverlay::extent_fill(int level) {
  sf::Color c = level_color(level);
  c.a = 45;
  return c;
}

std::vector<LegendItem> ChemicalOverlay::legend() const {
  return {{level_color(3), "AEGL-3 zone, life-threatening 危及生命区"},
          {level_color(2), "AEGL-2 zone, serious effects 严重伤害区"},
          {level_color(1), "AEGL-1 zone, discomfort 不适区"},
          {extent_color(2), "largest AEGL extent so far 最大影响范围"},
          {cordon_color(), "cordon: road closed 警戒封控道路"},
          {source_color(), "release source, wind arrow 泄漏源与风向"}};
}

} // namespace hg::viz
