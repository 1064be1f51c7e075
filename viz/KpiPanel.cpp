/// @file
/// @brief KPI panel (see KpiPanel.hpp).
#include "viz/KpiPanel.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"

#include <cmath>
#include <cstdio>

namespace hg::viz {

std::string KpiPanel::format(const nlohmann::json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>();
  // Bilingual texts of scores.json ({zh, en}): the panel is read in Chinese first.
  if (v.is_object() && (v.contains("zh") || v.contains("en"))) {
    const auto& t = v.contains("zh") && v["zh"].is_string() && !v["zh"].get<std::string>().empty() ? v["zh"] : v["en"];
    return t.is_string() ? t.get<std::string>() : "—";
  }
  if (v.is_number()) {
    char buf[32];
    const double d = v.get<double>();
    std::snprintf(buf, sizeof buf, std::fabs(d - std::round(d)) < 1e-9 ? "%.0f" : "%.3g", d);
    return buf;
  }
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  return v.dump();
}

float KpiPanel::draw(const DrawContext& ctx, sf::FloatRect area, const nlohmann::json& scores) const {
  Shapes::panel(ctx.target, area);
  std::string head = "KPIs 考核指标";
  if (scores.is_object())
    for (const char* k : {"total", "score", "overall"}) {
      // scores.json holds {"overall": {"score": N, ...}}; older files a bare number.
      const nlohmann::json* v = scores.contains(k) ? &scores[k] : nullptr;
      if (v && v->is_object() && v->contains("score")) v = &(*v)["score"];
      if (v && v->is_number()) {
        head += "   score 总分 " + format(*v);
        break;
      }
    }
  sf::Text h = Shapes::text(head, ctx.font, 14, Style::text());
  h.setPosition(area.left + 8, area.top + 4);
  ctx.target.draw(h);
  float y = area.top + 28;
  if (!scores.is_object() || !scores.contains("kpis") || !scores["kpis"].is_array()) {
    sf::Text t = Shapes::text("no scores.json in this run 无评分", ctx.font, 12, Style::muted_text());
    t.setPosition(area.left + 8, y);
    ctx.target.draw(t);
    return area.height;
  }
  for (const auto& k : scores["kpis"]) {
    if (y + 30 > area.top + area.height) break;
    if (!k.is_object()) continue;
    const std::string name =
        k.contains("name") ? format(k["name"]) : (k.contains("id") ? format(k["id"]) : "?");
    sf::Text n =
        Shapes::text(name.size() > 48 ? name.substr(0, 45) + "..." : name, ctx.font, 12, Style::text());
    n.setPosition(area.left + 8, y);
    ctx.target.draw(n);
    // Formatted values with units when scoring wrote them (value_text, target_text), else the numbers.
    const std::string value = k.contains("value_text") ? format(k["value_text"])
                              : k.contains("value")    ? format(k["value"])
                                                       : "—";
    const std::string target = k.contains("target_text") ? format(k["target_text"])
                               : k.contains("target")    ? format(k["target"])
                                                         : "—";
    const std::string vals = "实际 " + value + "   目标 " + target;
    sf::Text v = Shapes::text(vals, ctx.font, 11, Style::muted_text());
    v.setPosition(area.left + 16, y + 14);
    ctx.target.draw(v);
    if (k.contains("score")) {
      const nlohmann::json& s = k["score"];
      sf::Color c = Style::text();
      if (s.is_number()) {
        const double d = s.get<double>();
        const double frac = d > 1.0 ? d / 100.0 : d; // 0..1 or 0..100
        c = frac >= 0.8   ? sf::Color(30, 150, 60)
            : frac >= 0.5 ? sf::Color(200, 140, 0)
                          : sf::Color(200, 30, 30);
      }
      sf::Text sc = Shapes::text(format(s), ctx.font, 14, c);
      sc.setPosition(area.left + area.width - 12 - sc.getLocalBounds().width, y + 6);
      ctx.target.draw(sc);
    }
    y += 34;
  }
  return area.height;
}

} // namespace hg::viz
