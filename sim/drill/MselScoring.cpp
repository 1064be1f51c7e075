#include "sim/drill/MselScoring.hpp"

#include <algorithm>
#include <cstdio>

namespace hg {

bool args_match(const nlohmann::json& want, const nlohmann::json& have) {
  if (!want.is_object()) return true;
  for (auto it = want.begin(); it != want.end(); ++it) {
    if (!have.is_object() || !have.contains(it.key())) return false;
    const auto& h = have[it.key()];
    if (it.value().is_array()) {
      if (!h.is_array()) return false;
      for (const auto& x : it.value())
        if (std::find(h.begin(), h.end(), x) == h.end()) return false;
    } else if (it.value() != h) {
      return false;
    }
  }
  return true;
}

nlohmann::json score_msel(const Exercise& ex, const std::map<std::string, double>& fired,
                          const nlohmann::json& orders) {
  nlohmann::json teams = nlohmann::json::object(), items = nlohmann::json::array();
  for (const auto& t : ex.teams)
    teams[t.id] = {{"points", 0.0}, {"max", 0.0}};
  for (const auto& m : ex.msel) {
    auto f = fired.find(m.id);
    for (const auto& e : m.expect) {
      nlohmann::json item = {{"inject", m.id}, {"team", e.team},         {"do", e.verb},
                             {"args", e.args}, {"within_s", e.within_s}, {"points", e.points}};
      if (f == fired.end()) {
        item["status"] = "not_fired";
        items.push_back(item);
        continue;
      }
      const double due = f->second + e.within_s;
      item["fired_t_s"] = f->second;
      item["due_t_s"] = due;
      teams[e.team]["max"] = teams[e.team]["max"].get<double>() + e.points;
      const nlohmann::json* first = nullptr;
      for (const auto& o : orders)
        if (o["team"] == e.team && o["action"].value("do", "") == e.verb && args_match(e.args, o["action"]) &&
            (!first || o["t_s"].get<double>() < (*first)["t_s"].get<double>()))
          first = &o;
      if (first && (*first)["t_s"].get<double>() <= due) {
        item["status"] = "met";
        item["order"] = (*first)["id"];
        item["order_t_s"] = (*first)["t_s"];
        item["scored"] = e.points;
        teams[e.team]["points"] = teams[e.team]["points"].get<double>() + e.points;
      } else {
        item["status"] = first ? "late" : "missed";
        if (first) {
          item["order"] = (*first)["id"];
          item["order_t_s"] = (*first)["t_s"];
        }
        item["scored"] = 0;
      }
      items.push_back(item);
    }
  }
  for (auto it = teams.begin(); it != teams.end(); ++it) {
    const double mx = it.value()["max"];
    it.value()["share"] = mx > 0 ? nlohmann::json(it.value()["points"].get<double>() / mx) : nlohmann::json();
  }
  return {{"exercise", ex.id}, {"teams", teams}, {"items", items}};
}

std::string msel_markdown(const Exercise& ex, const nlohmann::json& s) {
  std::string md =
      "# " + ex.name.zh + " / " + ex.name.en + "\n\n## MSEL 预期行动得分 / MSEL expected actions\n\n";
  md += "| 小组 team | 得分 points | 满分 max |\n|---|---|---|\n";
  char buf[128];
  for (const auto& t : ex.teams) {
    const auto& x = s["teams"][t.id];
    std::snprintf(buf, sizeof buf, "| %s %s | %.1f | %.1f |\n", t.name.zh.c_str(), t.id.c_str(),
                  x["points"].get<double>(), x["max"].get<double>());
    md += buf;
  }
  md += "\n| 注入 inject | 小组 team | 行动 action | 结果 result | 下令时间 ordered (h) | 时限 due (h) |\n"
        "|---|---|---|---|---|---|\n";
  for (const auto& i : s["items"]) {
    auto h = [&](const char* k) -> std::string {
      if (!i.contains(k)) return "–";
      std::snprintf(buf, sizeof buf, "%.2f", i[k].get<double>() / 3600);
      return buf;
    };
    const std::string st = i["status"];
    const std::string zh = st == "met" ? "完成" : st == "late" ? "超时" : st == "missed" ? "未做" : "未触发";
    md += "| " + i["inject"].get<std::string>() + " | " + i["team"].get<std::string>() + " | " +
          i["do"].get<std::string>() + " | " + zh + " " + st + " | " + h("order_t_s") + " | " + h("due_t_s") +
          " |\n";
  }
  return md;
}

} // namespace hg
