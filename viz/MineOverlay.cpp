/// @file
/// @brief Coal-mine overlay drawing (see MineOverlay.hpp).
#include "viz/MineOverlay.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"

#include <algorithm>
#include <cmath>

namespace hg::viz {

namespace {

/// How much of the northing goes into each schematic axis: enough to tell the airways of one level
/// apart without hiding the depth between levels.
constexpr double kOblique = 0.3;

double num(const nlohmann::json& j, double fallback = 0) {
  return j.is_number() ? j.get<double>() : fallback;
}

std::string str(const nlohmann::json& j) {
  return j.is_string() ? j.get<std::string>() : "";
}

sf::Vector2f lerp(sf::Vector2f a, sf::Vector2f b, float s) {
  return a + (b - a) * s;
}

} // namespace

void MineOverlay::reset() {
  mines_.clear();
}

sf::FloatRect MineOverlay::inset_rect(sf::FloatRect vp, int corner, size_t k) {
  const float w = std::clamp(vp.width * 0.36f, 240.f, 440.f);
  const float h = std::clamp(vp.height * 0.40f, 190.f, 330.f);
  const bool right = corner == 0 || corner == 1, bottom = corner == 0 || corner == 2;
  const float x = right ? vp.left + vp.width - w - 12 : vp.left + 12;
  const float step = float(k) * (h + 10);
  // Clear of the scale bar (lower left) and the north arrow (upper right).
  const float y =
      bottom ? vp.top + vp.height - h - (right ? 12.f : 56.f) - step : vp.top + (right ? 70.f : 12.f) + step;
  return {x, y, w, h};
}

int MineOverlay::inset_corner(const Projection& proj) const {
  int best = 0;
  size_t fewest = ~size_t(0);
  for (int corner = 0; corner < 4; ++corner) {
    sf::FloatRect r = inset_rect(proj.viewport(), corner);
    r.left -= 60; // labels stand to the right of their place
    r.width += 60;
    size_t n = 0;
    for (const auto& z : world_->zones)
      n += r.contains(proj.to_pixel(world_->nodes[z.node].pos));
    for (const auto& f : world_->facilities)
      n += r.contains(proj.to_pixel(f.pos));
    if (n < fewest) fewest = n, best = corner;
  }
  return best;
}

sf::Color MineOverlay::co_color(double ppm) {
  if (ppm >= 1600) return {200, 20, 30};
  if (ppm >= 400) return {245, 120, 20};
  if (ppm >= 24) return {235, 200, 0};
  return {60, 160, 80};
}

sf::Color MineOverlay::state_color(const std::string& s) {
  if (s == "working") return {40, 90, 200};
  if (s == "escaping") return {250, 150, 0};
  if (s == "in_refuge") return {140, 60, 180};
  if (s == "incapacitated") return {230, 40, 120};
  if (s == "trapped") return {0, 170, 190};
  if (s == "dead") return {20, 20, 20};
  return {120, 120, 120};
}

sf::Vector2f MineOverlay::schematic(const Junction& j) {
  return {float(j.x + kOblique * j.y), float(j.z + kOblique * j.y)};
}

void MineOverlay::apply(const Event& e) {
  if (e.actors.empty()) return;
  const std::string& id = e.type == "mine.group" || e.type == "mine.route" || e.type == "mine.rescue" ||
                                  e.type == "mine.self_rescuer" || e.type == "mine.co" ||
                                  e.type == "mine.airflow"
                              ? e.actors.back()
                              : e.actors.front();
  const nlohmann::json& p = e.payload;
  if (e.type == "mine.network") {
    Mine m;
    m.zh = str(p.value("zh", nlohmann::json()));
    m.en = str(p.value("en", nlohmann::json()));
    m.head_node = str(p.value("head_node", nlohmann::json()));
    for (const auto& j : p.value("junctions", nlohmann::json::array())) {
      if (!j.is_array() || j.size() < 5) continue;
      m.junction_index[str(j[0])] = int(m.junctions.size());
      m.junction_ids.push_back(str(j[0]));
      m.junctions.push_back({num(j[1]), num(j[2]), num(j[3]), j[4].is_boolean() && j[4].get<bool>()});
    }
    for (const auto& b : p.value("branches", nlohmann::json::array())) {
      if (!b.is_array() || b.size() < 5) continue;
      auto f = m.junction_index.find(str(b[1])), t = m.junction_index.find(str(b[2]));
      if (f == m.junction_index.end() || t == m.junction_index.end()) continue;
      m.branch_index[str(b[0])] = int(m.branches.size());
      m.branches.push_back(
          {str(b[0]), f->second, t->second, str(b[3]) == "shaft", b[4].is_boolean() && b[4].get<bool>()});
    }
    for (const auto& r : p.value("refuges", nlohmann::json::array()))
      if (r.is_array() && r.size() >= 3 && m.junction_index.count(str(r[1])))
        m.refuges.push_back({m.junction_index[str(r[1])], int(num(r[2]))});
    float lo_u = 1e30f, lo_v = 1e30f, hi_u = -1e30f, hi_v = -1e30f;
    for (const auto& j : m.junctions) {
      const sf::Vector2f uv = schematic(j);
      lo_u = std::min(lo_u, uv.x), hi_u = std::max(hi_u, uv.x);
      lo_v = std::min(lo_v, uv.y), hi_v = std::max(hi_v, uv.y);
    }
    if (!m.junctions.empty()) {
      m.box[0] = lo_u, m.box[1] = lo_v, m.box[2] = std::max(hi_u, lo_u + 1),
      m.box[3] = std::max(hi_v, lo_v + 1);
    }
    mines_[id] = std::move(m);
    return;
  }
  auto it = mines_.find(id);
  if (it == mines_.end()) return;
  Mine& m = it->second;
  if (e.type == "mine.ventilation" && p.contains("flow_m3_s") && p["flow_m3_s"].is_array()) {
    m.flow_m3_s.clear();
    for (const auto& q : p["flow_m3_s"])
      m.flow_m3_s.push_back(num(q));
  } else if (e.type == "mine.snapshot") {
    m.co_ppm.clear();
    for (const auto& c : p.value("co_ppm", nlohmann::json::array()))
      m.co_ppm.push_back(num(c));
    m.groups.clear();
    for (const auto& g : p.value("groups", nlohmann::json::array()))
      if (g.is_array() && g.size() >= 5)
        m.groups.push_back({str(g[1]), int(num(g[2])), str(g[3]), num(g[4])});
  } else if (e.type == "mine.summary") {
    m.out = int(num(p.value("out", nlohmann::json()), m.out));
    m.dead = int(num(p.value("dead", nlohmann::json()), m.dead));
    m.underground = int(num(p.value("underground_alive", nlohmann::json()),
                            num(p.value("underground", nlohmann::json()), m.underground)));
    m.waiting = int(num(p.value("patients_waiting", nlohmann::json()), m.waiting));
  } else if (e.type == "mine.event") {
    for (const auto& b : p.value("blocked_branches", nlohmann::json::array()))
      if (auto bi = m.branch_index.find(str(b)); bi != m.branch_index.end()) m.blocked.insert(bi->second);
  } else if (e.type == "mine.water") {
    for (const char* key : {"closed_to_travel", "sealed_to_air"})
      for (const auto& b : p.value(key, nlohmann::json::array()))
        if (auto bi = m.branch_index.find(str(b)); bi != m.branch_index.end()) m.flooded.insert(bi->second);
  }
}

sf::FloatRect MineOverlay::inner_rect(sf::FloatRect r) {
  return {r.left + 14, r.top + 28, r.width - 28, r.height - 76}; // title above, two lines of counts below
}

sf::Vector2f MineOverlay::to_inset(const Mine& m, sf::Vector2f uv, sf::FloatRect in) const {
  const float fx = (uv.x - float(m.box[0])) / float(m.box[2] - m.box[0]);
  const float fy = (uv.y - float(m.box[1])) / float(m.box[3] - m.box[1]);
  return {in.left + fx * in.width, in.top + (1 - fy) * in.height};
}

sf::Vector2f MineOverlay::junction_pixel(const std::string& mine, const std::string& junction,
                                         sf::FloatRect inset) const {
  auto it = mines_.find(mine);
  if (it == mines_.end()) return {-1, -1};
  auto j = it->second.junction_index.find(junction);
  if (j == it->second.junction_index.end()) return {-1, -1};
  return to_inset(it->second, schematic(it->second.junctions[size_t(j->second)]), inner_rect(inset));
}

void MineOverlay::draw(const DrawContext& ctx) const {
  if (mines_.empty()) return;
  const int corner = inset_corner(ctx.proj);
  size_t k = 0;
  for (const auto& [id, m] : mines_)
    draw_mine(ctx, id, m, inset_rect(ctx.proj.viewport(), corner, k++));
}

void MineOverlay::draw_mine(const DrawContext& ctx, const std::string& id, const Mine& m,
                            sf::FloatRect rect) const {
  // Leader line from the mine head on the map to the inset.
  if (const RoadNode* head = world_->node(m.head_node)) {
    const sf::Vector2f h = ctx.proj.to_pixel(head->pos);
    sf::VertexArray lead(sf::Triangles);
    const sf::Vector2f corner(h.x < rect.left ? rect.left : rect.left + rect.width,
                              h.y < rect.top ? rect.top : rect.top + rect.height);
    Shapes::segment(lead, h, corner, 2.5f, sf::Color(50, 50, 50, 210));
    ctx.target.draw(lead);
    Shapes::disc(ctx.target, h, 11.f, sf::Color::Transparent, sf::Color(50, 50, 50, 220), 2.5f);
  }
  Shapes::panel(ctx.target, rect);
  const sf::FloatRect in = inner_rect(rect);
  std::string title = "井下 Underground";
  if (!m.zh.empty()) title += " · " + m.zh;
  sf::Text t = Shapes::text(title, ctx.font, 13, Style::text());
  t.setPosition(rect.left + 8, rect.top + 4);
  ctx.target.draw(t);

  std::vector<sf::Vector2f> px;
  px.reserve(m.junctions.size());
  for (const auto& j : m.junctions)
    px.push_back(to_inset(m, schematic(j), in));
  double qmax = 1e-9;
  for (double q : m.flow_m3_s)
    qmax = std::max(qmax, std::abs(q));

  sf::VertexArray casing(sf::Triangles), air(sf::Triangles), marks(sf::Triangles);
  for (size_t b = 0; b < m.branches.size(); ++b) {
    const Branch& br = m.branches[b];
    const sf::Vector2f a = px[size_t(br.from)], c = px[size_t(br.to)];
    const double q = b < m.flow_m3_s.size() ? m.flow_m3_s[b] : 0.0;
    const double co = b < m.co_ppm.size() ? m.co_ppm[b] : 0.0;
    const float w = 1.5f + 4.f * float(std::sqrt(std::abs(q) / qmax));
    if (br.shaft) Shapes::segment(casing, a, c, w + 2.5f, sf::Color(40, 40, 40));
    if (std::abs(q) < 0.05) { // still air: dashed grey
      for (float s = 0; s < 1; s += 0.2f)
        Shapes::segment(air, lerp(a, c, s), lerp(a, c, std::min(1.f, s + 0.1f)), 1.5f,
                        sf::Color(150, 150, 150));
    } else {
      Shapes::segment(air, a, c, w, co_color(co));
    }
    if (m.flooded.count(int(b))) Shapes::segment(marks, a, c, w + 3.f, sf::Color(40, 110, 230, 170));
    const sf::Vector2f mid = lerp(a, c, 0.5f), d = c - a;
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (m.blocked.count(int(b))) {
      Shapes::segment(marks, mid - sf::Vector2f(5, 5), mid + sf::Vector2f(5, 5), 2.5f, Style::closure());
      Shapes::segment(marks, mid - sf::Vector2f(5, -5), mid + sf::Vector2f(5, -5), 2.5f, Style::closure());
    } else if (std::abs(q) >= 0.05 && len > 18) { // the way the air goes
      const sf::Vector2f u = d / len * (q > 0 ? 1.f : -1.f), n(-u.y, u.x);
      const sf::Vector2f tip = mid + u * 4.f;
      marks.append(sf::Vertex(tip, sf::Color(30, 30, 30)));
      marks.append(sf::Vertex(mid - u * 3.f + n * 3.5f, sf::Color(30, 30, 30)));
      marks.append(sf::Vertex(mid - u * 3.f - n * 3.5f, sf::Color(30, 30, 30)));
    }
  }
  ctx.target.draw(casing);
  ctx.target.draw(air);
  ctx.target.draw(marks);
  // Shaft tops on the surface, refuge chambers.
  for (size_t j = 0; j < m.junctions.size(); ++j)
    if (m.junctions[j].surface) {
      sf::CircleShape tri(4.5f, 3);
      tri.setOrigin(4.5f, 4.5f);
      tri.setPosition(px[j]);
      tri.setFillColor(sf::Color(40, 40, 40));
      ctx.target.draw(tri);
    }
  for (const auto& [j, cap] : m.refuges) {
    sf::RectangleShape r({8, 8});
    r.setOrigin(4, 4);
    r.setPosition(px[size_t(j)]);
    r.setFillColor(sf::Color::White);
    r.setOutlineColor(state_color("in_refuge"));
    r.setOutlineThickness(2);
    ctx.target.draw(r);
  }
  // Miner groups where they are (those out are on the surface: counted below, not drawn).
  for (const Group& g : m.groups) {
    if (g.state == "out" || g.count <= 0) continue;
    sf::Vector2f at(-1, -1);
    if (auto j = m.junction_index.find(g.at); j != m.junction_index.end()) {
      at = px[size_t(j->second)];
    } else if (auto b = m.branch_index.find(g.at); b != m.branch_index.end()) {
      const Branch& br = m.branches[size_t(b->second)];
      at = lerp(px[size_t(br.from)], px[size_t(br.to)], float(g.s));
    } else {
      continue;
    }
    const float r = std::min(9.f, 2.5f + 1.2f * std::sqrt(float(g.count)));
    Shapes::disc(ctx.target, at, r, state_color(g.state), sf::Color::White, 1.f);
  }
  char buf[200];
  std::snprintf(buf, sizeof buf, "出井 out %d · 遇难 dead %d · 井下 underground %d", m.out, m.dead,
                m.underground);
  sf::Text c1 = Shapes::text(buf, ctx.font, 12, Style::text());
  c1.setPosition(rect.left + 8, rect.top + rect.height - 34);
  ctx.target.draw(c1);
  std::snprintf(buf, sizeof buf, "待送医 waiting for an ambulance %d", m.waiting);
  sf::Text c2 = Shapes::text(buf, ctx.font, 12, Style::muted_text());
  c2.setPosition(rect.left + 8, rect.top + rect.height - 18);
  ctx.target.draw(c2);
  (void)id;
}

std::vector<LegendItem> MineOverlay::legend() const {
  return {{co_color(0), "mine airway, CO < 24 ppm 巷道"},
          {co_color(100), "CO ≥ 24 ppm 超限"},
          {co_color(500), "CO ≥ 400 ppm"},
          {co_color(2000), "CO ≥ 1600 ppm 致命"},
          {sf::Color(150, 150, 150), "still air (no flow) 无风"},
          {state_color("working"), "miners working 作业"},
          {state_color("escaping"), "miners escaping 撤离"},
          {state_color("in_refuge"), "in refuge chamber 避难硐室"},
          {state_color("incapacitated"), "incapacitated 失能"},
          {state_color("trapped"), "trapped 被困"},
          {state_color("dead"), "dead 遇难"}};
}

} // namespace hg::viz
