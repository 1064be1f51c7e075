/// @file
/// @brief Event feed panel (see EventFeed.hpp).
#include "viz/EventFeed.hpp"

#include "viz/Shapes.hpp"
#include "viz/Style.hpp"
#include "viz/TimeText.hpp"

#include <algorithm>

namespace hg::viz {

std::string EventFeed::summary(const Event& e) {
  std::string s = e.type;
  for (size_t i = 0; i < e.actors.size() && i < 2; ++i)
    s += (i == 0 ? " " : " → ") + e.actors[i];
  static const char* keys[] = {"target", "node",    "closed_road", "reason", "action",
                               "level",  "depth_m", "stage_m",     "people", "kind"};
  int shown = 0;
  for (const char* k : keys) {
    if (shown == 2 || !e.payload.is_object() || !e.payload.contains(k)) continue;
    const auto& v = e.payload[k];
    if (v.is_null() || v.is_object() || v.is_array()) continue;
    s += std::string(" ") + k + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
    ++shown;
  }
  return s;
}

void EventFeed::draw(const DrawContext& ctx, sf::FloatRect area, const std::vector<Event>& events, double t) {
  rows_.clear();
  Shapes::panel(ctx.target, area);
  sf::Text head = Shapes::text("Events 事件 (click to jump 点击跳转)", ctx.font, 14, Style::text());
  head.setPosition(area.left + 8, area.top + 4);
  ctx.target.draw(head);
  const float row = 30, top = area.top + 28;
  const int capacity = std::max(1, int((area.height - 30) / row));
  // The current event (last one at or before t) sits two thirds down the list.
  const auto it =
      std::upper_bound(events.begin(), events.end(), t, [](double v, const Event& e) { return v < e.t; });
  const int cur = int(it - events.begin()) - 1;
  int first = std::max(0, cur - capacity * 2 / 3);
  first = std::max(0, std::min(first, int(events.size()) - capacity));
  for (int i = first; i < int(events.size()) && i < first + capacity; ++i) {
    const Event& e = events[size_t(i)];
    const sf::FloatRect r(area.left + 2, top + float(i - first) * row, area.width - 4, row - 2);
    if (i == cur) {
      sf::RectangleShape hl({r.width, r.height});
      hl.setPosition(r.left, r.top);
      hl.setFillColor(sf::Color(255, 236, 200));
      ctx.target.draw(hl);
    }
    const sf::Color c = e.t <= t ? Style::text() : Style::muted_text();
    sf::Text tt = Shapes::text(TimeText::clock(e.t), ctx.font, 11, c);
    tt.setPosition(r.left + 6, r.top);
    ctx.target.draw(tt);
    std::string s = summary(e);
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    sf::Text st = Shapes::text(s, ctx.font, 11, c);
    st.setPosition(r.left + 6, r.top + 13);
    ctx.target.draw(st);
    rows_.push_back({r, e.t});
  }
}

std::optional<double> EventFeed::click(sf::Vector2f px) const {
  for (const auto& [r, t] : rows_)
    if (r.contains(px)) return t;
  return std::nullopt;
}

} // namespace hg::viz
