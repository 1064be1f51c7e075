/// @file
/// @brief SVG charts. Plain string building keeps the report free of external resources and lets the
/// tests parse it as XML.
#include "scoring/Charts.hpp"

#include "scoring/KpiCatalog.hpp"
#include "scoring/Xml.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace hg::score {

namespace {

std::string n2(double v) { return fmt_num(v, 1); }

std::string svg_open(double w, double h, const std::string& label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n2(w) + "\" height=\"" + n2(h) + "\" viewBox=\"0 0 " +
         n2(w) + " " + n2(h) + "\" role=\"img\" aria-label=\"" + xml_escape(label) +
         "\" font-family=\"sans-serif\" font-size=\"11\">";
}

std::string text_at(double x, double y, const std::string& s, const std::string& extra = "") {
  return "<text x=\"" + n2(x) + "\" y=\"" + n2(y) + "\"" + (extra.empty() ? "" : " " + extra) + ">" + xml_escape(s) +
         "</text>";
}

/// Hour ticks along an axis from 0 to `end_h` hours.
std::string time_axis(double x0, double x1, double y, double end_h, const std::string& lang) {
  std::string s = "<line x1=\"" + n2(x0) + "\" y1=\"" + n2(y) + "\" x2=\"" + n2(x1) + "\" y2=\"" + n2(y) +
                  "\" stroke=\"#444\"/>";
  const double step = end_h <= 6 ? 1 : end_h <= 24 ? 2 : end_h <= 72 ? 6 : 12;
  for (double h = 0; h <= end_h + 1e-9; h += step) {
    const double x = x0 + (x1 - x0) * h / end_h;
    s += "<line x1=\"" + n2(x) + "\" y1=\"" + n2(y) + "\" x2=\"" + n2(x) + "\" y2=\"" + n2(y + 4) +
         "\" stroke=\"#444\"/>";
    s += text_at(x, y + 15, fmt_num(h, 0) + (lang == "zh" ? "时" : " h"), "text-anchor=\"middle\"");
  }
  return s;
}

} // namespace

std::string svg_unit_gantt(const RunData& run, const RunAnalysis& a, const std::string& lang) {
  const double left = 230, right = 20, top = 24, row = 20, width = 960;
  const double end_s = std::max({run.end_s, run.duration_s, 1.0});
  const double h = top + row * double(std::max<size_t>(a.units.size(), 1)) + 40;
  const double span = width - left - right;
  auto x_of = [&](double t) { return left + span * std::clamp(t / end_s, 0.0, 1.0); };
  std::string s = svg_open(width, h, lang == "zh" ? "队伍甘特图" : "Unit Gantt chart");
  const std::string legend_zh[] = {"行驶", "现场处置", "返回"}, legend_en[] = {"travel", "on scene", "return"};
  const char* colours[] = {"#e8a33d", "#c0392b", "#5b7fbf"};
  for (int i = 0; i < 3; ++i) {
    s += "<rect x=\"" + n2(left + i * 110.0) + "\" y=\"4\" width=\"12\" height=\"10\" fill=\"" + colours[i] + "\"/>";
    s += text_at(left + i * 110.0 + 16, 13, lang == "zh" ? legend_zh[i] : legend_en[i]);
  }
  s += "<path d=\"M" + n2(left + 340) + " 14 l5 -9 l5 9 z\" fill=\"#000\"/>" +
       text_at(left + 354, 13, lang == "zh" ? "绕行" : "reroute");
  double y = top;
  for (const auto& u : a.units) {
    const std::string label = (lang == "zh" ? u.name.zh : u.name.en).empty() ? u.unit : (lang == "zh" ? u.name.zh : u.name.en);
    s += text_at(left - 6, y + 13, label.size() > 60 ? u.unit : label, "text-anchor=\"end\"");
    for (const auto& sp : u.spans) {
      const int c = sp.phase == "travel" ? 0 : sp.phase == "on_scene" ? 1 : 2;
      const double x0 = x_of(sp.from_s), x1 = x_of(sp.to_s);
      s += "<rect x=\"" + n2(x0) + "\" y=\"" + n2(y + 3) + "\" width=\"" + n2(std::max(1.0, x1 - x0)) +
           "\" height=\"" + n2(row - 6) + "\" fill=\"" + colours[c] + "\"><title>" +
           xml_escape(u.unit + " " + sp.phase + " " + fmt_duration(sp.from_s, lang) + " – " +
                      fmt_duration(sp.to_s, lang) + " (#" + std::to_string(sp.seq) + ")") +
           "</title></rect>";
    }
    for (const auto& r : u.reroutes)
      s += "<path d=\"M" + n2(x_of(r.t_s) - 5) + " " + n2(y + row - 2) + " l5 -9 l5 9 z\" fill=\"#000\"><title>" +
           xml_escape("#" + std::to_string(r.seq) + " " + r.type) + "</title></path>";
    y += row;
  }
  if (a.units.empty())
    s += text_at(left, y + 13, lang == "zh" ? "未出动任何队伍" : "no unit was dispatched");
  s += time_axis(left, width - right, h - 30, end_s / 3600.0, lang);
  return s + "</svg>";
}

std::string svg_kpi_bars(const RunAnalysis& a, const Scorecard& sc, const std::string& lang) {
  std::vector<std::pair<const KpiValue*, const KpiScore*>> rows;
  for (const auto& v : a.kpis) {
    const KpiScore* s = sc.find(v.id);
    if (v.applicable && s && s->rule)
      rows.push_back({&v, s});
  }
  const double left = 290, width = 960, row = 24, top = 22;
  const double bar_w = width - left - 170;
  std::string s = svg_open(width, top + row * double(std::max<size_t>(rows.size(), 1)) + 10,
                           lang == "zh" ? "指标与目标对比" : "KPIs against targets");
  s += "<line x1=\"" + n2(left) + "\" y1=\"6\" x2=\"" + n2(left + 14) + "\" y2=\"6\" stroke=\"#1e8449\" stroke-width=\"3\"/>" +
       text_at(left + 18, 10, lang == "zh" ? "目标" : "target") + "<line x1=\"" + n2(left + 80) +
       "\" y1=\"6\" x2=\"" + n2(left + 94) + "\" y2=\"6\" stroke=\"#c0392b\" stroke-width=\"3\"/>" +
       text_at(left + 98, 10, lang == "zh" ? "不合格值" : "fail value");
  double y = top;
  for (const auto& [v, sk] : rows) {
    const KpiInfo* info = find_kpi(v->id);
    const auto& c = sk->rule->curve;
    const double val = v->value.value_or(0);
    const double scale_max = std::max({std::fabs(val), std::fabs(c.target), std::fabs(c.fail), 1e-9}) * 1.1;
    auto x_of = [&](double x) { return left + bar_w * std::clamp(x / scale_max, 0.0, 1.0); };
    const std::string colour = sk->met ? "#27ae60" : (*sk->score >= 30 ? "#e67e22" : "#c0392b");
    s += text_at(left - 6, y + 15, info->name.in(lang), "text-anchor=\"end\"");
    s += "<rect x=\"" + n2(left) + "\" y=\"" + n2(y + 4) + "\" width=\"" + n2(bar_w) + "\" height=\"" + n2(row - 8) +
         "\" fill=\"#eee\"/>";
    if (v->value)
      s += "<rect x=\"" + n2(left) + "\" y=\"" + n2(y + 4) + "\" width=\"" + n2(x_of(val) - left) + "\" height=\"" +
           n2(row - 8) + "\" fill=\"" + colour + "\"/>";
    s += "<line x1=\"" + n2(x_of(c.target)) + "\" y1=\"" + n2(y + 1) + "\" x2=\"" + n2(x_of(c.target)) + "\" y2=\"" +
         n2(y + row - 1) + "\" stroke=\"#1e8449\" stroke-width=\"3\"/>";
    s += "<line x1=\"" + n2(x_of(c.fail)) + "\" y1=\"" + n2(y + 1) + "\" x2=\"" + n2(x_of(c.fail)) + "\" y2=\"" +
         n2(y + row - 1) + "\" stroke=\"#c0392b\" stroke-width=\"3\"/>";
    const std::string label = v->value ? (v->lower_bound ? "≥ " : "") + fmt_kpi_value(val, info->unit, lang)
                                       : (lang == "zh" ? "未实现" : "not achieved");
    s += text_at(left + bar_w + 8, y + 15, label + " · " + fmt_num(*sk->score, 0));
    y += row;
  }
  return s + "</svg>";
}

std::string svg_people_at_risk(const RunData& run, const RunAnalysis& a, const std::string& lang) {
  const double width = 960, height = 240, left = 70, right = 20, top = 16, bottom = 34;
  const double end_s = std::max({run.end_s, run.duration_s, 1.0});
  double ymax = 1;
  for (const auto& p : a.at_risk)
    ymax = std::max(ymax, p.value);
  ymax *= 1.1;
  auto x_of = [&](double t) { return left + (width - left - right) * std::clamp(t / end_s, 0.0, 1.0); };
  auto y_of = [&](double v) { return top + (height - top - bottom) * (1.0 - v / ymax); };
  std::string s = svg_open(width, height, lang == "zh" ? "受威胁人数随时间变化" : "People at risk over time");
  for (int i = 0; i <= 4; ++i) {
    const double v = ymax * i / 4.0;
    s += "<line x1=\"" + n2(left) + "\" y1=\"" + n2(y_of(v)) + "\" x2=\"" + n2(width - right) + "\" y2=\"" +
         n2(y_of(v)) + "\" stroke=\"#ddd\"/>" + text_at(left - 6, y_of(v) + 4, fmt_num(v, 0), "text-anchor=\"end\"");
  }
  std::string d;
  double prev = 0;
  for (size_t i = 0; i < a.at_risk.size(); ++i) {
    const auto& p = a.at_risk[i];
    if (i == 0)
      d += "M" + n2(x_of(p.t_s)) + " " + n2(y_of(p.value));
    else
      d += " L" + n2(x_of(p.t_s)) + " " + n2(y_of(prev)) + " L" + n2(x_of(p.t_s)) + " " + n2(y_of(p.value));
    prev = p.value;
  }
  if (!d.empty())
    s += "<path d=\"" + d + "\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>";
  s += time_axis(left, width - right, height - bottom + 4, end_s / 3600.0, lang);
  return s + "</svg>";
}

namespace {

struct Projection {
  double lon0 = 0, lat1 = 0, k = 1, coslat = 1;
  double x(double lon) const { return 10 + (lon - lon0) * coslat * k; }
  double y(double lat) const { return 10 + (lat1 - lat) * k; }
};

void collect_rings(const nlohmann::json& geom, std::vector<std::vector<std::pair<double, double>>>& rings) {
  if (!geom.is_object() || !geom.contains("type") || !geom.contains("coordinates"))
    return;
  const std::string type = geom["type"].get<std::string>();
  auto ring = [&](const nlohmann::json& r) {
    std::vector<std::pair<double, double>> pts;
    for (const auto& p : r)
      if (p.is_array() && p.size() >= 2 && p[0].is_number() && p[1].is_number())
        pts.push_back({p[0].get<double>(), p[1].get<double>()});
    if (pts.size() > 2)
      rings.push_back(std::move(pts));
  };
  if (type == "Polygon")
    for (const auto& r : geom["coordinates"])
      ring(r);
  else if (type == "MultiPolygon")
    for (const auto& poly : geom["coordinates"])
      for (const auto& r : poly)
        ring(r);
}

} // namespace

std::string svg_map(const RunData& run, const RunAnalysis& a, const std::string& lang) {
  const World& w = run.scenario.world;
  std::vector<std::vector<std::pair<double, double>>> rings;
  std::vector<std::pair<std::string, size_t>> district_names; // name, first ring index
  if (!w.boundaries_file.empty()) {
    std::ifstream in(w.boundaries_file);
    nlohmann::json gj;
    try {
      if (in)
        in >> gj;
    } catch (const std::exception&) {
      gj = nullptr; // a broken boundary file must not stop the report; the map just lacks districts
    }
    if (gj.is_object() && gj.contains("features"))
      for (const auto& f : gj["features"]) {
        const size_t first = rings.size();
        if (f.contains("geometry"))
          collect_rings(f["geometry"], rings);
        std::string name;
        if (f.contains("properties") && f["properties"].is_object()) {
          const auto& p = f["properties"];
          const char* key = lang == "zh" ? "name" : "name_en";
          if (p.contains(key) && p[key].is_string())
            name = p[key].get<std::string>();
        }
        if (rings.size() > first)
          district_names.push_back({name, first});
      }
  }
  double lon_min = 1e9, lon_max = -1e9, lat_min = 1e9, lat_max = -1e9;
  auto extend = [&](double lon, double lat) {
    lon_min = std::min(lon_min, lon);
    lon_max = std::max(lon_max, lon);
    lat_min = std::min(lat_min, lat);
    lat_max = std::max(lat_max, lat);
  };
  for (const auto& r : rings)
    for (const auto& [lon, lat] : r)
      extend(lon, lat);
  for (const auto& n : w.nodes)
    if (!n.outside)
      extend(n.pos.lon, n.pos.lat);
  if (lon_min > lon_max) {
    lon_min = lat_min = 0;
    lon_max = lat_max = 1;
  }
  Projection pr;
  pr.lon0 = lon_min;
  pr.lat1 = lat_max;
  pr.coslat = std::cos((lat_min + lat_max) / 2 * M_PI / 180.0);
  const double span_x = std::max(1e-6, (lon_max - lon_min) * pr.coslat), span_y = std::max(1e-6, lat_max - lat_min);
  pr.k = std::min(940.0 / span_x, 640.0 / span_y);
  const double width = span_x * pr.k + 20, height = span_y * pr.k + 50;

  std::string s = svg_open(width, height, lang == "zh" ? "态势图" : "Situation map");
  s += "<rect x=\"0\" y=\"0\" width=\"" + n2(width) + "\" height=\"" + n2(height) + "\" fill=\"#f7f9fb\"/>";
  for (const auto& r : rings) {
    std::string d;
    for (size_t i = 0; i < r.size(); ++i)
      d += (i ? " L" : "M") + n2(pr.x(r[i].first)) + " " + n2(pr.y(r[i].second));
    s += "<path d=\"" + d + " Z\" fill=\"#e8efe0\" stroke=\"#8a9a7a\" stroke-width=\"1\"/>";
  }
  for (const auto& [name, idx] : district_names) {
    double cx = 0, cy = 0;
    for (const auto& [lon, lat] : rings[idx]) {
      cx += lon;
      cy += lat;
    }
    cx /= double(rings[idx].size());
    cy /= double(rings[idx].size());
    s += text_at(pr.x(cx), pr.y(cy), name, "fill=\"#6b7b5b\" text-anchor=\"middle\" font-size=\"12\"");
  }
  auto inside = [&](const RoadNode& n) { return !n.outside; };
  for (const auto& r : w.roads) {
    const RoadNode &a0 = w.nodes[r.from], &b0 = w.nodes[r.to];
    if (!inside(a0) && !inside(b0))
      continue;
    const bool closed = std::find(a.closed_roads.begin(), a.closed_roads.end(), r.id) != a.closed_roads.end();
    const double sw = closed ? 4 : (r.cls == "motorway" || r.cls == "trunk" ? 2.5 : 1.2);
    s += "<line x1=\"" + n2(pr.x(a0.pos.lon)) + "\" y1=\"" + n2(pr.y(a0.pos.lat)) + "\" x2=\"" + n2(pr.x(b0.pos.lon)) +
         "\" y2=\"" + n2(pr.y(b0.pos.lat)) + "\" stroke=\"" + (closed ? "#e00000" : "#777") + "\" stroke-width=\"" +
         n2(sw) + "\"><title>" + xml_escape(r.id + (closed ? (lang == "zh" ? " 封闭" : " closed") : "")) +
         "</title></line>";
  }
  for (const auto& f : w.facilities) {
    const std::string colour = f.kind == "hospital" ? "#2e86c1" : f.kind == "fire_station" ? "#c0392b"
                               : f.kind == "shelter"  ? "#27ae60" : f.kind == "depot" ? "#8e44ad" : "#555";
    s += "<circle cx=\"" + n2(pr.x(f.pos.lon)) + "\" cy=\"" + n2(pr.y(f.pos.lat)) + "\" r=\"3.5\" fill=\"" + colour +
         "\"><title>" + xml_escape((lang == "zh" ? f.name.zh : f.name.en) + " (" + f.kind + ")") + "</title></circle>";
  }
  if (run.scenario.incident.node < w.nodes.size()) {
    const auto& n = w.nodes[run.scenario.incident.node];
    const double x = pr.x(n.pos.lon), y = pr.y(n.pos.lat);
    s += "<path d=\"M" + n2(x) + " " + n2(y - 10) + " L" + n2(x + 3) + " " + n2(y - 3) + " L" + n2(x + 10) + " " +
         n2(y - 3) + " L" + n2(x + 4) + " " + n2(y + 2) + " L" + n2(x + 6) + " " + n2(y + 10) + " L" + n2(x) + " " +
         n2(y + 5) + " L" + n2(x - 6) + " " + n2(y + 10) + " L" + n2(x - 4) + " " + n2(y + 2) + " L" + n2(x - 10) +
         " " + n2(y - 3) + " L" + n2(x - 3) + " " + n2(y - 3) + " Z\" fill=\"#ff2d00\" stroke=\"#000\"/>";
    s += text_at(x + 12, y - 6, lang == "zh" ? "事故点" : "incident", "font-weight=\"bold\"");
  }
  const double ly = height - 16;
  s += "<line x1=\"10\" y1=\"" + n2(ly) + "\" x2=\"30\" y2=\"" + n2(ly) + "\" stroke=\"#e00000\" stroke-width=\"4\"/>" +
       text_at(34, ly + 4, lang == "zh" ? "封闭道路" : "closed road");
  const char* kinds[] = {"hospital", "fire_station", "shelter", "depot"};
  const char* kz[] = {"医院", "消防站", "避难场所", "物资库"};
  const char* colours[] = {"#2e86c1", "#c0392b", "#27ae60", "#8e44ad"};
  for (int i = 0; i < 4; ++i) {
    const double x = 130 + i * 110.0;
    s += "<circle cx=\"" + n2(x) + "\" cy=\"" + n2(ly) + "\" r=\"4\" fill=\"" + colours[i] + "\"/>" +
         text_at(x + 8, ly + 4, lang == "zh" ? kz[i] : kinds[i]);
  }
  return s + "</svg>";
}

} // namespace hg::score
