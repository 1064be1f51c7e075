/// @file
/// @brief Title, legend, scale bar and north arrow (see MapChrome.hpp).
#include "viz/MapChrome.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"
#include "viz/TimeText.hpp"

#include <cmath>
#include <map>
#include <set>

namespace hg::viz {

namespace {
/// Road classes in order of importance, with their legend names.
const std::vector<std::pair<std::string, std::string>>& class_names() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"motorway", "motorway 高速公路"},  {"trunk", "trunk 国道"},       {"primary", "primary 省道/主干道"},
      {"secondary", "secondary 县道"},    {"tertiary", "tertiary 乡道"}, {"urban", "urban street 城市道路"},
      {"forest", "forest road 林区道路"}, {"access", "access 通道"},     {"ferry", "ferry 渡口"}};
  return k;
}
const std::map<std::string, std::string>& kind_names() {
  static const std::map<std::string, std::string> k = {
      {"hospital", "hospital 医院"},           {"ambulance_station", "ambulance 急救站"},
      {"fire_station", "fire station 消防站"}, {"mine_rescue", "mine rescue 矿山救护"},
      {"depot", "relief depot 物资库"},        {"shelter", "shelter 避难场所"},
      {"hazard_site", "hazard site 危险源"},   {"gauge", "river gauge 水文站"},
      {"forest_farm", "forest farm 林场"},     {"forestry_bureau", "forestry bureau 林业局"},
      {"command_post", "command post 指挥部"}, {"entry_point", "entry point 入口"},
      {"reservoir", "reservoir 水库"}};
  return k;
}
} // namespace

void MapChrome::draw_title(const DrawContext& ctx, sf::FloatRect area) const {
  sf::RectangleShape bar({area.width, area.height});
  bar.setPosition(area.left, area.top);
  bar.setFillColor(sf::Color(28, 43, 64));
  ctx.target.draw(bar);
  const Scenario& s = run_->scenario();
  std::string title = s.name.zh;
  if (!s.name.en.empty()) title += (title.empty() ? "" : "  ") + s.name.en;
  if (title.empty()) title = s.id;
  sf::Text t = Shapes::text(title, ctx.font, unsigned(area.height * 0.38f), sf::Color::White);
  t.setPosition(area.left + 14, area.top + area.height * 0.08f);
  ctx.target.draw(t);
  const Names& place = run_->world().name;
  std::string sub = place.zh + (place.en.empty() ? "" : " " + place.en);
  sub += (sub.empty() ? "" : " · ") + TimeText::clock(ctx.t);
  const std::string wall = TimeText::wall(s.start_label, ctx.t);
  if (!wall.empty()) sub += "  (" + wall + ")";
  sub += run_->live() ? "  · LIVE 实时" : "";
  sf::Text st = Shapes::text(sub, ctx.font, unsigned(area.height * 0.26f), sf::Color(200, 215, 235));
  st.setPosition(area.left + 14, area.top + area.height * 0.56f);
  ctx.target.draw(st);
}

std::vector<LegendItem> MapChrome::legend_items(const Replay& replay) const {
  const World& w = run_->world();
  std::vector<LegendItem> items;
  if (!run_->boundaries().empty()) items.push_back({Style::boundary(), "district boundary 区县界"});
  if (!run_->rivers().empty()) items.push_back({Style::river(), "river 河流"});
  std::set<std::string> classes;
  bool bridges = false;
  for (const auto& r : w.roads) {
    classes.insert(r.cls);
    bridges = bridges || r.bridge;
  }
  for (const auto& [cls, name] : class_names())
    if (classes.count(cls)) items.push_back({Style::road_color(cls), name});
  if (bridges) items.push_back({Style::bridge(), "bridge 桥梁"});
  items.push_back({Style::closure(), "closed road 封闭道路"});
  std::set<std::string> kinds;
  for (const auto& f : w.facilities)
    kinds.insert(f.kind);
  for (const auto& k : kinds) {
    auto it = kind_names().find(k);
    items.push_back({Style::facility_color(k),
                     Style::facility_glyph(k) + "  " + (it == kind_names().end() ? k : it->second)});
  }
  if (!w.zones.empty()) items.push_back({Style::zone_color(0), "place (town, subdistrict) 乡镇街道"});
  items.push_back({Style::incident(), "incident 事发地点"});
  for (UnitState s : {UnitState::kIdle, UnitState::kEnRoute, UnitState::kOnScene, UnitState::kReturning,
                      UnitState::kUnreachable})
    items.push_back({Style::unit_color(s), "unit " + Style::unit_state_name(s)});
  items.push_back({Style::route(), "unit route 行进路线"});
  for (const auto& o : replay.overlays())
    if (o->active())
      for (auto& it : o->legend())
        items.push_back(it);
  return items;
}

sf::FloatRect MapChrome::draw_legend(const DrawContext& ctx, const Replay& replay, sf::Vector2f at,
                                     float width, float max_height, const Layers* keys) const {
  const float row = 17, pad = 8;
  std::vector<LegendItem> items = legend_items(replay);
  size_t key_rows = keys ? Layers::table().size() + 1 : 0;
  const size_t fit = size_t(std::max(0.f, (max_height - 2 * pad - 22) / row));
  if (key_rows > fit) key_rows = 0;
  if (items.size() + key_rows > fit) items.resize(fit - key_rows);
  const float h = 2 * pad + 22 + row * float(items.size() + key_rows);
  sf::RectangleShape box({width, h});
  box.setPosition(at);
  box.setFillColor(Style::panel());
  box.setOutlineColor(sf::Color(180, 180, 180));
  box.setOutlineThickness(1);
  ctx.target.draw(box);
  sf::Text head = Shapes::text("Legend 图例", ctx.font, 14, Style::text());
  head.setPosition(at.x + pad, at.y + pad - 2);
  ctx.target.draw(head);
  float y = at.y + pad + 22;
  for (const auto& it : items) {
    sf::RectangleShape sw({18, 10});
    sw.setPosition(at.x + pad, y + 3);
    sw.setFillColor(it.color);
    sw.setOutlineColor(sf::Color(120, 120, 120));
    sw.setOutlineThickness(0.5f);
    ctx.target.draw(sw);
    sf::Text t = Shapes::text(it.label, ctx.font, 12, Style::text());
    t.setPosition(at.x + pad + 26, y);
    ctx.target.draw(t);
    y += row;
  }
  if (key_rows) {
    sf::Text t = Shapes::text("Keys 按键 (toggle layers):", ctx.font, 12, Style::muted_text());
    t.setPosition(at.x + pad, y);
    ctx.target.draw(t);
    y += row;
    for (const auto& e : Layers::table()) {
      const bool on = keys->*(e.flag);
      sf::Text k = Shapes::text(std::string("[") + e.key + "] " + e.name + (on ? "" : "  (off)"), ctx.font,
                                12, on ? Style::text() : Style::muted_text());
      k.setPosition(at.x + pad, y);
      ctx.target.draw(k);
      y += row;
    }
  }
  return {at.x, at.y, width, h};
}

void MapChrome::draw_scale_bar(const DrawContext& ctx, sf::Vector2f at) const {
  const double ppk = ctx.proj.pixels_per_km();
  double km = 1;
  // Largest 1/2/5 x 10^n km that fits in 160 px.
  for (double base = 0.01; base < 1e4; base *= 10)
    for (double m : {1.0, 2.0, 5.0})
      if (base * m * ppk <= 160) km = base * m;
  const float len = float(km * ppk);
  sf::RectangleShape bg({len + 24, 40});
  bg.setPosition(at.x - 8, at.y - 36);
  bg.setFillColor(Style::panel());
  ctx.target.draw(bg);
  for (int i = 0; i < 2; ++i) {
    sf::RectangleShape half({len / 2, 6});
    half.setPosition(at.x + float(i) * len / 2, at.y - 12);
    half.setFillColor(i == 0 ? Style::text() : sf::Color::White);
    half.setOutlineColor(Style::text());
    half.setOutlineThickness(1);
    ctx.target.draw(half);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, km < 1 ? "%.0f m" : "%.0f km", km < 1 ? km * 1000 : km);
  sf::Text t = Shapes::text(buf, ctx.font, 12, Style::text());
  t.setPosition(at.x, at.y - 33);
  ctx.target.draw(t);
}

void MapChrome::draw_north_arrow(const DrawContext& ctx, sf::Vector2f at) const {
  Shapes::disc(ctx.target, at, 22, Style::panel(), sf::Color(160, 160, 160), 1);
  sf::ConvexShape a(3);
  a.setPoint(0, {at.x, at.y - 16});
  a.setPoint(1, {at.x + 8, at.y + 10});
  a.setPoint(2, {at.x - 8, at.y + 10});
  a.setFillColor(Style::text());
  ctx.target.draw(a);
  sf::Text n = Shapes::text("N", ctx.font, 11, sf::Color::White);
  const sf::FloatRect b = n.getLocalBounds();
  n.setPosition(at.x - b.left - b.width / 2, at.y - 3);
  ctx.target.draw(n);
}

} // namespace hg::viz
