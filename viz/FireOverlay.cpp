/// @file
/// @brief Forest-fire overlay drawing (see FireOverlay.hpp).
#include "viz/FireOverlay.hpp"

#include "sim/hazards/fire/CellRuns.hpp"
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

std::optional<LatLon> corner(const nlohmann::json& g, const char* key) {
  if (!g.contains(key) || !g[key].is_array() || g[key].size() != 2 || !g[key][0].is_number() ||
      !g[key][1].is_number())
    return std::nullopt;
  return LatLon{g[key][0].get<double>(), g[key][1].get<double>()};
}

void quad(sf::VertexArray& va, const sf::Vector2f p[4], sf::Color c) {
  for (int k : {0, 1, 2, 0, 2, 3})
    va.append(sf::Vertex(p[k], c));
}

/// Liang–Barsky clipping of segment a-b to `r`; false if nothing is left.
bool clip(sf::Vector2f& a, sf::Vector2f& b, const sf::FloatRect& r) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - r.left, r.left + r.width - a.x, a.y - r.top, r.top + r.height - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  const sf::Vector2f a0 = a;
  a = {float(a0.x + t0 * dx), float(a0.y + t0 * dy)};
  b = {float(a0.x + t1 * dx), float(a0.y + t1 * dy)};
  return true;
}

std::string hectares(double ha) {
  char buf[48];
  std::snprintf(buf, sizeof buf, ha < 10 ? "%.1f ha" : "%.0f ha", ha);
  return buf;
}

} // namespace

LatLon FireOverlay::Fire::pos(double col, double row) const {
  // Bilinear between the corner-cell centres (u, v in 0..1 across the raster).
  const double u = nx > 1 ? col / (nx - 1) : 0, v = ny > 1 ? row / (ny - 1) : 0;
  auto mix = [&](double a, double b, double c, double d) {
    return (1 - u) * (1 - v) * a + u * (1 - v) * b + (1 - u) * v * c + u * v * d;
  };
  return {mix(nw.lat, ne.lat, sw.lat, se.lat), mix(nw.lon, ne.lon, sw.lon, se.lon)};
}

std::optional<LatLon> FireOverlay::cell_latlon(const std::string& fire, double col, double row) const {
  auto it = fires_.find(fire);
  if (it == fires_.end()) return std::nullopt;
  return it->second.pos(col, row);
}

void FireOverlay::reset() {
  fires_.clear();
}

void FireOverlay::apply(const Event& e) {
  if (e.actors.empty()) return;
  if (e.type == "fire.ignited") {
    const nlohmann::json g = e.payload.value("grid", nlohmann::json::object());
    Fire f;
    f.nx = int(num(g, "nx", 0));
    f.ny = int(num(g, "ny", 0));
    auto nw = corner(g, "nw"), ne = corner(g, "ne"), sw = corner(g, "sw"), se = corner(g, "se");
    if (f.nx <= 0 || f.ny <= 0 || f.nx > 20000 || f.ny > 20000 || !nw || !ne || !sw || !se) return;
    f.nw = *nw, f.ne = *ne, f.sw = *sw, f.se = *se;
    f.burned.assign(size_t(f.nx) * size_t(f.ny), 0);
    f.line.assign(f.burned.size(), 0);
    fires_[e.actors[0]] = std::move(f);
    return;
  }
  const bool crew_event = e.type == "fire.entrapment_risk" || e.type == "fire.entrapment";
  // Crew events name the crew first and the fire second.
  auto it = fires_.find(crew_event && e.actors.size() > 1 ? e.actors[1] : e.actors[0]);
  if (it == fires_.end()) return;
  Fire& f = it->second;
  auto mark = [&](const std::string& runs, std::vector<uint8_t>& into) {
    for (const auto& r : hg::fire::decode_cell_runs(runs))
      for (int c = r.col; c < r.col + r.len; ++c)
        if (r.row < f.ny && c < f.nx) into[size_t(r.row) * size_t(f.nx) + size_t(c)] = 1;
  };
  if (e.type == "fire.perimeter") {
    mark(e.payload.value("burned_new", std::string()), f.burned);
    mark(e.payload.value("line_new", std::string()), f.line);
    f.front.clear();
    for (const auto& r : hg::fire::decode_cell_runs(e.payload.value("front", std::string())))
      for (int c = r.col; c < r.col + r.len; ++c)
        if (r.row < f.ny && c < f.nx) f.front.emplace_back(c, r.row);
    f.area_ha = num(e.payload, "area_ha", f.area_ha);
    f.contained = e.payload.value("contained", f.contained);
  } else if (e.type == "fire.contained") {
    f.contained = true;
    f.area_ha = num(e.payload, "area_ha", f.area_ha);
  } else if (crew_event) {
    Crew& c = f.crews[e.actors[0]];
    c.pos = {num(e.payload, "lat", 0), num(e.payload, "lon", 0)};
    c.entrapped = c.entrapped || e.type == "fire.entrapment";
  }
}

void FireOverlay::draw_fire(const DrawContext& ctx, const Fire& f) const {
  sf::VertexArray burned(sf::Triangles), front(sf::Triangles), line(sf::Triangles);
  const sf::FloatRect view = ctx.proj.viewport();
  auto cell_quad = [&](int c, int r, sf::Vector2f out[4]) {
    out[0] = ctx.proj.to_pixel(f.pos(c - 0.5, r - 0.5));
    out[1] = ctx.proj.to_pixel(f.pos(c + 0.5, r - 0.5));
    out[2] = ctx.proj.to_pixel(f.pos(c + 0.5, r + 0.5));
    out[3] = ctx.proj.to_pixel(f.pos(c - 0.5, r + 0.5));
    return view.contains(out[0]) || view.contains(out[2]);
  };
  sf::Vector2f q[4];
  for (int r = 0; r < f.ny; ++r)
    for (int c = 0; c < f.nx; ++c) {
      const size_t i = size_t(r) * size_t(f.nx) + size_t(c);
      if (!f.burned[i] && !f.line[i]) continue;
      if (!cell_quad(c, r, q)) continue;
      if (f.burned[i]) quad(burned, q, burned_color());
      if (f.line[i]) quad(line, q, line_color());
    }
  for (const auto& [c, r] : f.front)
    if (cell_quad(c, r, q)) quad(front, q, front_color());
  ctx.target.draw(burned);
  ctx.target.draw(line);
  ctx.target.draw(front);
  for (const auto& [unit, crew] : f.crews) {
    const sf::Vector2f p = ctx.proj.to_pixel(crew.pos);
    if (!view.contains(p)) continue;
    sf::CircleShape tri(8, 3);
    tri.setOrigin(8, 8);
    tri.setPosition(p);
    tri.setFillColor(crew.entrapped ? crew_entrapped_color() : crew_risk_color());
    tri.setOutlineColor(sf::Color(120, 0, 0));
    tri.setOutlineThickness(2);
    ctx.target.draw(tri);
  }
}

void FireOverlay::draw_inset(const DrawContext& ctx, const std::string& id, const Fire& f,
                             sf::FloatRect on_map) const {
  // The fire's box (burned cells, line, crews), at least 3 km wide, drawn enlarged in a corner of the map.
  GeoBox box;
  int c0 = f.nx, r0 = f.ny, c1 = -1, r1 = -1;
  for (int r = 0; r < f.ny; ++r)
    for (int c = 0; c < f.nx; ++c)
      if (f.burned[size_t(r) * size_t(f.nx) + size_t(c)] || f.line[size_t(r) * size_t(f.nx) + size_t(c)])
        c0 = std::min(c0, c), r0 = std::min(r0, r), c1 = std::max(c1, c), r1 = std::max(r1, r);
  if (c1 < 0) return;
  box.add(f.pos(c0 - 0.5, r0 - 0.5));
  box.add(f.pos(c1 + 0.5, r1 + 0.5));
  box.add(f.pos(c0 - 0.5, r1 + 0.5));
  box.add(f.pos(c1 + 0.5, r0 - 0.5));
  for (const auto& [u, crew] : f.crews)
    box.add(crew.pos);
  const double clat = (box.min_lat + box.max_lat) / 2, clon = (box.min_lon + box.max_lon) / 2;
  const double half_lat = std::max((box.max_lat - box.min_lat) / 2 * 1.25, 1.5 / 111.0);
  const double half_lon =
      std::max((box.max_lon - box.min_lon) / 2 * 1.25, 1.5 / (111.0 * std::cos(clat * 3.14159265 / 180)));
  GeoBox show;
  show.add(LatLon{clat - half_lat, clon - half_lon});
  show.add(LatLon{clat + half_lat, clon + half_lon});

  // The corner of the map with the fewest places in it (units and labels are drawn after the overlays,
  // so an empty corner keeps them off the inset); the top corners leave room for the north arrow, the
  // bottom ones for the scale bar.
  const sf::FloatRect view = ctx.proj.viewport();
  const float size = std::min(320.f, std::min(view.width, view.height) * 0.42f);
  const float w = size, h = size + 22, top = view.top + 70, bottom = view.top + view.height - h - 50;
  const sf::FloatRect corners[4] = {{view.left + view.width - w - 12, top, w, h},
                                    {view.left + view.width - w - 12, bottom, w, h},
                                    {view.left + 12, top, w, h},
                                    {view.left + 12, bottom, w, h}};
  sf::FloatRect frame = corners[0];
  size_t best = ~size_t(0);
  for (const sf::FloatRect& r : corners) {
    size_t n = r.intersects(on_map) ? 1000 : 0;
    for (const auto& node : world_->nodes)
      n += r.contains(ctx.proj.to_pixel(node.pos));
    if (n < best) best = n, frame = r;
  }
  const sf::FloatRect map(frame.left + 4, frame.top + 22, frame.width - 8, frame.height - 26);
  // A leader from the ring on the main map to the inset.
  sf::VertexArray leader(sf::Triangles);
  Shapes::segment(leader, {on_map.left + on_map.width / 2, on_map.top + on_map.height / 2},
                  {frame.left + frame.width / 2, frame.top + frame.height / 2}, 1.5f,
                  sf::Color(230, 60, 0, 160));
  ctx.target.draw(leader);
  sf::RectangleShape bg({frame.width, frame.height});
  bg.setPosition(frame.left, frame.top);
  bg.setFillColor(sf::Color(250, 248, 242, 245));
  bg.setOutlineColor(marker_color());
  bg.setOutlineThickness(2);
  ctx.target.draw(bg);
  Projection p;
  p.fit(show, map, 4);
  const DrawContext ictx{ctx.target, p, ctx.font, ctx.t, ctx.labels};
  // Roads of the world, clipped to the inset.
  sf::VertexArray roads(sf::Triangles);
  for (const auto& r : world_->roads) {
    sf::Vector2f a = p.to_pixel(world_->nodes[r.from].pos), b = p.to_pixel(world_->nodes[r.to].pos);
    if (clip(a, b, map))
      Shapes::segment(roads, a, b, std::max(2.f, Style::road_width(r.cls)), Style::road_color(r.cls));
  }
  ctx.target.draw(roads);
  draw_fire(ictx, f);
  // Places in the inset.
  for (const auto& z : world_->zones) {
    const sf::Vector2f c = p.to_pixel(world_->nodes[z.node].pos);
    if (!map.contains(c)) continue;
    Shapes::disc(ctx.target, c, 4, Style::zone_color(0), sf::Color(60, 60, 60), 1);
    if (ctx.labels) {
      sf::Text t = Shapes::text(z.name.zh + " " + z.name.en, ctx.font, 11, Style::text(), true);
      const float tw = t.getLocalBounds().width;
      t.setPosition(c.x + 6 + tw < map.left + map.width ? c.x + 6 : c.x - 6 - tw, c.y - 8);
      if (t.getPosition().x >= map.left) ctx.target.draw(t);
    }
  }
  // Title and scale: "fire_id  16 ha  contained" and a 1 km bar.
  std::string title =
      "火场 Fire " + hectares(f.area_ha) + (f.contained ? "  已控制 contained" : "  蔓延中 spreading");
  (void)id;
  sf::Text t = Shapes::text(title, ctx.font, 13, Style::text());
  t.setPosition(frame.left + 6, frame.top + 2);
  ctx.target.draw(t);
  const float km = float(p.pixels_per_km());
  sf::VertexArray bar(sf::Triangles);
  const sf::Vector2f b0(map.left + 8, map.top + map.height - 10);
  Shapes::segment(bar, b0, b0 + sf::Vector2f(km, 0), 3.f, Style::text());
  ctx.target.draw(bar);
  sf::Text kmt = Shapes::text("1 km", ctx.font, 11, Style::text(), true);
  kmt.setPosition(b0.x + km + 4, b0.y - 9);
  ctx.target.draw(kmt);
}

void FireOverlay::draw(const DrawContext& ctx) const {
  for (const auto& [id, f] : fires_) {
    draw_fire(ctx, f);
    // How wide is the fire on screen? Small fires get a locator ring and a label (and the inset).
    sf::FloatRect px;
    bool any = false;
    for (int r = 0; r < f.ny; ++r)
      for (int c = 0; c < f.nx; ++c) {
        const size_t i = size_t(r) * size_t(f.nx) + size_t(c);
        if (!f.burned[i] && !f.line[i]) continue;
        const sf::Vector2f p = ctx.proj.to_pixel(f.pos(c, r));
        if (!any) px = {p.x, p.y, 0, 0};
        const float x0 = std::min(px.left, p.x), y0 = std::min(px.top, p.y);
        const float x1 = std::max(px.left + px.width, p.x), y1 = std::max(px.top + px.height, p.y);
        px = {x0, y0, x1 - x0, y1 - y0};
        any = true;
      }
    if (!any || std::max(px.width, px.height) >= kSmallFirePx) continue;
    const sf::Vector2f c(px.left + px.width / 2, px.top + px.height / 2);
    if (!ctx.proj.viewport().contains(c)) continue;
    sf::CircleShape ring(kRingRadiusPx);
    ring.setOrigin(kRingRadiusPx, kRingRadiusPx);
    ring.setPosition(c);
    ring.setFillColor(sf::Color::Transparent);
    ring.setOutlineColor(marker_color());
    ring.setOutlineThickness(3);
    ctx.target.draw(ring);
    if (ctx.labels) {
      sf::Text t =
          Shapes::text("林火 Forest fire " + hectares(f.area_ha), ctx.font, 13, marker_color(), true);
      t.setPosition(c.x + kRingRadiusPx + 4, c.y - kRingRadiusPx - 4);
      ctx.target.draw(t);
    }
    draw_inset(ctx, id, f, {c.x - kRingRadiusPx, c.y - kRingRadiusPx, 2 * kRingRadiusPx, 2 * kRingRadiusPx});
  }
}

std::vector<LegendItem> FireOverlay::legend() const {
  return {{burned_color(), "burned area 过火区"},
          {front_color(), "active fire front 蔓延火线"},
          {line_color(), "fireline built 已建控制线"},
          {crew_risk_color(), "crew at risk of entrapment 扑火队伍遇险"},
          {crew_entrapped_color(), "crew entrapped 扑火队伍被困"},
          {marker_color(), "small fire (ring, inset) 火场位置(放大图)"}};
}

} // namespace hg::viz
